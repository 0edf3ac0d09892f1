package com.lead2cash.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on API requests; an invalid token stays anonymous (401), marked
 * as such for {@link ApiEntryPoint} to count against the client address.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Set on a request whose token is unknown, expired, revoked or malformed (not one of a deactivated user). */
    static final String WRONG_TOKEN = BearerTokenFilter.class.getName() + ".wrong";

    private final ApiTokens tokens;
    private final L2cUserDetailsService details;

    BearerTokenFilter(ApiTokens tokens, L2cUserDetailsService details) {
        this.tokens = tokens;
        this.details = details;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            var user = tokens.authenticate(token);
            if (user.isEmpty()) {
                request.setAttribute(WRONG_TOKEN, Boolean.TRUE);
            }
            user.map(details::principal)
                    .filter(p -> p.isEnabled() && p.isAccountNonLocked())
                    .ifPresent(p -> {
                        var context = SecurityContextHolder.createEmptyContext();
                        p.eraseCredentials();
                        context.setAuthentication(new BearerTokenAuthentication(p, token));
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }
}

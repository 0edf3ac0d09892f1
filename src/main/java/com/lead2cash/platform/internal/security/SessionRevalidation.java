package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.internal.audit.AuditRecorder;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Revoked access ends at once: a web session carries who signed in, so on every request the person is
 * read again. Deactivated, or the password changed since the session signed in: the session ends.
 * Roles, unit or name changed: the session goes on with the new ones. (API tokens read the person on
 * every request anyway.)
 */
@Component
public class SessionRevalidation {

    private final IdentityService identity;
    private final L2cUserDetailsService details;
    private final AuditRecorder audit;

    SessionRevalidation(IdentityService identity, L2cUserDetailsService details, AuditRecorder audit) {
        this.identity = identity;
        this.details = details;
        this.audit = audit;
    }

    /** Static assets need no person: they neither load the session nor read the user. */
    private static final java.util.List<String> ASSETS = java.util.List.of("/webjars/", "/css/", "/js/", "/img/",
            "/favicon.ico");

    /** The web chain's filter. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return ASSETS.stream().anyMatch(path::startsWith);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                revalidate(request, response);
                chain.doFilter(request, response);
            }
        };
    }

    /**
     * Re-reads the signed-in person into this request's session — after they changed their own password, so
     * that the session which made the change stays while all others end.
     */
    public void refreshCurrent(HttpServletRequest request) {
        sessionPrincipal().ifPresent(principal -> identity.findUser(principal.currentUser().id())
                .ifPresent(user -> replace(request, fresh(user))));
    }

    private void revalidate(HttpServletRequest request, HttpServletResponse response) {
        Optional<L2cPrincipal> signedIn = sessionPrincipal();
        if (signedIn.isEmpty()) {
            return;
        }
        L2cPrincipal principal = signedIn.get();
        Optional<User> user = identity.findUserForRequest(principal.currentUser().id());
        if (user.isEmpty() || !user.get().active()
                || !Objects.equals(user.get().passwordChangedAt(), principal.passwordChangedAt())) {
            audit.recordAs(principal.currentUser().id(), principal.getUsername(), "LOGOUT", "audit.detail.accessRevoked");
            new SecurityContextLogoutHandler().logout(request, response,
                    SecurityContextHolder.getContext().getAuthentication());
            return;
        }
        L2cPrincipal current = fresh(user.get());
        if (!current.currentUser().equals(principal.currentUser())) {
            replace(request, current);
        }
    }

    private static Optional<L2cPrincipal> sessionPrincipal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && !(auth instanceof BearerTokenAuthentication) && auth.getPrincipal() instanceof L2cPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    private L2cPrincipal fresh(User user) {
        L2cPrincipal principal = details.principal(user);
        principal.eraseCredentials();
        return principal;
    }

    private static void replace(HttpServletRequest request, L2cPrincipal principal) {
        Authentication old = SecurityContextHolder.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken auth =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        auth.setDetails(old == null ? null : old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}

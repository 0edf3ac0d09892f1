package com.lead2cash.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A part of a page (an htmx request: the header's bell every minute, a board's move, a card loading) asked for
 * after the session ended — it expired, or an administrator deactivated the user. Redirected to the sign-in page as
 * a page is, the browser would follow and swap the sign-in form into that part; instead it answers 401 and tells
 * htmx to load the whole page again ({@code HX-Redirect}), which then goes through sign-in and comes back to it.
 */
final class PartialRequestSignIn implements AuthenticationEntryPoint {

    private static final RequestMatcher PARTIAL = new RequestHeaderRequestMatcher("HX-Request");

    /** This for a part of a page; for anything else, a redirect to the sign-in page at {@code loginPage}. */
    static AuthenticationEntryPoint orSignInPage(String loginPage) {
        AuthenticationEntryPoint partial = new PartialRequestSignIn();
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint(loginPage);
        return (request, response, e) -> (PARTIAL.matches(request) ? partial : signIn).commence(request, response, e);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("HX-Redirect", pageOf(request));
    }

    /**
     * The page the part belongs to (htmx names it), on this server; the home page when it names none. Either is
     * then the page sign-in returns to, in place of the part asked for.
     */
    private static String pageOf(HttpServletRequest request) {
        String context = request.getContextPath();
        String current = request.getHeader("HX-Current-URL");
        if (current != null) {
            try {
                URI page = URI.create(current);
                String path = page.getRawPath();
                if (path != null && path.startsWith(context + "/") && !path.startsWith("//")) {
                    return path + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
                }
            } catch (IllegalArgumentException unreadable) {
                // not a URL: the sign-in page, below
            }
        }
        return context + "/";
    }
}

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
        return pageOnThisServer(request.getHeader("HX-Current-URL"), request);
    }

    /**
     * The path and query of {@code url} when it is a page of this server (no other host, under the context path);
     * else the home page. Only a path is ever given back, so no answer can lead the browser to another site.
     */
    static String pageOnThisServer(String url, HttpServletRequest request) {
        String context = request.getContextPath();
        if (url != null) {
            try {
                URI page = URI.create(url);
                String path = page.getRawPath();
                boolean here = page.getHost() == null || page.getHost().equalsIgnoreCase(request.getServerName());
                if (here && path != null && path.startsWith(context + "/") && !path.startsWith("//")
                        && !path.contains("\\")) {
                    return path + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
                }
            } catch (IllegalArgumentException unreadable) {
                // not a URL: the home page, below
            }
        }
        return context + "/";
    }
}

package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.internal.web.RefusalPage;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form posted after its session ended — it timed out, or the sign-in page itself was open too long — arrives
 * without a valid CSRF token, as the token went with the session. That is no refusal to show ("page expired, reload"
 * led to sign-in only on a second try): the reader is sent to sign in again and brought back to the page the form
 * was on (its {@code Referer}, when on this server), the sign-in page saying that what they sent was not saved. A part
 * of a page (htmx) reloads its whole page, as after any ended session. A signed-in reader whose token is missing, and
 * a contact's public link page (no sign-in there), keep the product's 403 page.
 */
final class FormAfterSessionEnded implements AccessDeniedHandler {

    private final AccessDeniedHandler refusals;
    private final AuthenticationEntryPoint signIn;

    FormAfterSessionEnded(AccessDeniedHandler refusals, AuthenticationEntryPoint signIn) {
        this.refusals = refusals;
        this.signIn = signIn;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException) || !signedOut()
                || RefusalPage.publicLink(request, request.getRequestURI())) {
            refusals.handle(request, response, denied);
            return;
        }
        request.getSession(true).setAttribute(RefusalPage.SESSION_ENDED, Boolean.TRUE);
        if (request.getHeader("HX-Request") != null) {
            signIn.commence(request, response, new InsufficientAuthenticationException("the session ended"));
            return;
        }
        // the page the form was on: a GET of it goes through sign-in, which then returns to it
        response.sendRedirect(PartialRequestSignIn.pageOnThisServer(request.getHeader(HttpHeaders.REFERER), request));
    }

    private static boolean signedOut() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated();
    }
}

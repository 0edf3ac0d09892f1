package com.lead2cash.platform.internal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The screens' answer to a refusal decided by the security filters (a form posted without its CSRF token, a role
 * that may not open the page): the product's 403 error page, as {@link PageExceptionHandler} answers a refusal a
 * controller decides — not Boot's error JSON, which a browser without {@code Accept: text/html} (htmx) and any
 * other client got from the container's error dispatch. It renders here, in the filter, because no controller
 * runs for a request refused before the dispatcher.
 */
@Component
public class RefusalPage implements AccessDeniedHandler {

    /** Where the pages customers' contacts open without an account live (the link is the credential). */
    public static final String PUBLIC_LINKS = "/c/";

    /** Whether {@code uri} (a path as the request names it, with its context) is a contact's public link page. */
    public static boolean publicLink(HttpServletRequest request, String uri) {
        return uri != null && uri.startsWith(request.getContextPath() + PUBLIC_LINKS);
    }

    /** Set in a new session when a form arrived after the old one ended, for the sign-in page to say so; read once. */
    public static final String SESSION_ENDED = "l2c.signIn.sessionEnded";
    /** Session attribute: the username of the last refused sign-in, offered again on the form (never the password). */
    public static final String LAST_USERNAME = "l2c.signIn.lastUsername";

    private final ErrorPageOutsideDispatcher errorPage;

    RefusalPage(ErrorPageOutsideDispatcher errorPage) {
        this.errorPage = errorPage;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (response.isCommitted()) {
            return;
        }
        // a missing or stale token is a page left open past its session, not a lack of rights: say what to do
        String key = denied instanceof CsrfException ? "error.page.csrf" : null;
        Map<String, Object> model = PageExceptionHandler.errorModel(HttpServletResponse.SC_FORBIDDEN, key,
                new Object[0], request);
        // its heading says the page expired, not that the reader may not open it
        model.put("expired", denied instanceof CsrfException);
        // in the reader's language as on every page (the language cookie), though the dispatcher has not run
        errorPage.render(request, response, HttpServletResponse.SC_FORBIDDEN, model);
    }
}

package com.lead2cash.platform.internal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.lead2cash.platform.internal.web.RefusalPage;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The sign-in form's answer to a failure: back to the form with one message for every refusal (so it
 * never tells whether the username exists or is locked), or 429 with {@code Retry-After} when the
 * client address is throttled. The username typed is kept for the form (never the password).
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String THROTTLED_PAGE = "/login/throttled";
    static final String THROTTLED_MINUTES = LoginFailureHandler.class.getName() + ".minutes";

    /** A longer "username" is no one's (users' names are short); it is not kept. */
    private static final int MAX_KEPT_USERNAME = 100;

    private final AuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof LoginThrottledException throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            request.setAttribute(THROTTLED_MINUTES, throttled.retryAfterMinutes());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= MAX_KEPT_USERNAME) {
            request.getSession(true).setAttribute(RefusalPage.LAST_USERNAME, username.strip());
        }
        refused.onAuthenticationFailure(request, response, exception);
    }
}

package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.ClientAddressThrottle.Credential;
import com.lead2cash.platform.internal.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request that needs a bearer token and has none that works: 401, and a wrong token counts
 * against the client address like a failed sign-in; an address that has spent its failures is answered 429 with
 * {@code Retry-After} instead. Only where a 401 would be: routes open to anyone ignore the header. The throttle is
 * asked after the token was looked up, so a valid token works from any address and the API's every request pays
 * no extra read; a token's 256 random bits leave a guesser nothing to learn from it (decision 0037).
 */
class ApiEntryPoint implements AuthenticationEntryPoint {

    private final LoginThrottle throttle;
    private final ProblemWriter problems;

    ApiEntryPoint(LoginThrottle throttle, ProblemWriter problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean wrongToken = request.getAttribute(BearerTokenFilter.WRONG_TOKEN) != null;
        if (wrongToken) {
            String address = request.getRemoteAddr();
            // counted and decided in one step, so parallel wrong tokens get no more than the limit of 401s
            Optional<Duration> wait = throttle.refusal(Credential.BEARER_TOKEN, address)
                    .or(() -> throttle.counted(Credential.BEARER_TOKEN, address));
            if (wait.isPresent()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(LoginThrottledException.seconds(wait.get())));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, LoginThrottle.THROTTLED,
                        LoginThrottledException.minutes(wait.get()));
                return;
            }
        }
        // RFC 9110 / RFC 6750: the scheme to use, and that the token sent is no good
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wrongToken ? Challenges.INVALID_BEARER : Challenges.BEARER);
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated");
    }
}

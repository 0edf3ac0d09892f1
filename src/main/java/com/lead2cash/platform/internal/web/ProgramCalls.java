package com.lead2cash.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Whose refusals are problems (RFC 9457, as {@link ProblemWriter} writes them) and whose the error page: every call
 * of the API ({@code /api/}), and a program's call of the actuator ({@code /actuator}) — which a browser may visit
 * too, and is then shown pages. One rule for the security chains, the handlers of what no controller answers, the
 * error dispatch and the container's own refusals.
 */
public final class ProgramCalls {

    private ProgramCalls() {
    }

    /**
     * A call of a program, not a browser's visit: it sends a token ({@code Authorization}), or does not ask for a
     * page (no {@code text/html} in {@code Accept}).
     */
    public static boolean fromProgram(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || accept == null
                || !accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
    }

    /** A call of the API: its address, past the application's own path, begins {@code /api/}. */
    public static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** A refusal of this address (the request's, or the one an error dispatch is for) is answered as a problem. */
    public static boolean answeredAsProblem(String uri, HttpServletRequest request) {
        return uri != null && (uri.startsWith("/api/") || actuator(uri) && fromProgram(request));
    }

    private static boolean actuator(String uri) {
        return uri.equals("/actuator") || uri.startsWith("/actuator/");
    }
}

package com.lead2cash.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of the product's answers, for those that no security chain writes: what Tomcat refuses before
 * the application sees the request ({@link ProductErrorReportValve}) and what the firewall refuses before a chain is
 * chosen. The chains write the same (Spring Security's defaults; on the screens and the actuator the frame option
 * {@code SAMEORIGIN}, {@link #CONTENT_SECURITY_POLICY} and the referrer policy).
 */
public final class SecurityHeaders {

    /**
     * Pages load scripts only from this server (htmx, Bootstrap and app.js; no inline script, no eval — the
     * templates use no Alpine and no hx-on), styles from here and inline style attributes (Bootstrap and htmx
     * set them), images from here and data: URIs (Bootstrap's icons); forms post only back here.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private SecurityHeaders() {
    }

    /** A page's headers, as the web chain writes them. */
    public static void page(HttpServletResponse response) {
        common(response);
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    /** A problem's headers, as the API's chain writes them. */
    public static void problem(HttpServletResponse response) {
        common(response);
        response.setHeader("X-Frame-Options", "DENY");
    }

    private static void common(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }
}

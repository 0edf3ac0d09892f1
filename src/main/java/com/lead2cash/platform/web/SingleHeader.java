package com.lead2cash.platform.web;

import com.lead2cash.platform.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * A request header that names one thing (an {@code Idempotency-Key}, an {@code X-Api-Key}) sent at most once. Sent
 * twice, the servlet would hand the first and Spring's {@code @RequestHeader} the two joined by a comma — a key
 * nobody sent; so the request is refused (400 naming the header) and nothing is stored.
 */
public final class SingleHeader {

    private SingleHeader() {
    }

    /** The header's value, null when it was not sent; refused (400 {@code error.header.repeated}) when sent twice. */
    public static String of(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String value = values.nextElement();
        if (values.hasMoreElements()) {
            throw new BadRequestException(name, "error.header.repeated", name);
        }
        return value;
    }
}

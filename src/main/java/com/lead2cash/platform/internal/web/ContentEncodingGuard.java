package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.RequestRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A request body sent compressed or otherwise encoded ({@code Content-Encoding: gzip}, {@code br}) is not read: the
 * product reads bodies as sent ({@code identity}) only. Refused 415 before the handler runs (RFC 9110 §15.5.16), with
 * {@code Accept-Encoding: identity} saying what it reads, for the API (a problem) and the screens (the error page)
 * alike; read as if plain, a gzip body was "unreadable" and a plain body labelled {@code br} was read as if the label
 * were not there.
 */
final class ContentEncodingGuard implements HandlerInterceptor {

    static final String CODE = "error.contentEncoding";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        boolean encoded = Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING)).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).anyMatch(coding -> !coding.isEmpty() && !coding.equalsIgnoreCase("identity"));
        if (encoded) {
            response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            throw new RequestRefusedException(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, null, CODE);
        }
        return true;
    }
}

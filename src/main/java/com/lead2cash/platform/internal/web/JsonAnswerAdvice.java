package com.lead2cash.platform.internal.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A success written as JSON is labelled {@code application/json}, as the API document declares, whatever JSON type the
 * Accept header names first: Spring would label it with the first acceptable type its JSON converter writes, so that
 * {@code Accept: application/problem+json, application/json} answered a user's profile as a problem document. Only a
 * refusal ({@link ProblemDetail}) is {@code application/problem+json}. An Accept that admits no {@code
 * application/json} at all is refused 406 before the handler ({@link AcceptGuard}).
 */
@ControllerAdvice
class JsonAnswerAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail) && isOtherJson(selectedContentType)
                && request.getURI().getPath().startsWith("/api/")) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }

    /** A JSON type other than {@code application/json} itself: {@code application/problem+json}, {@code …+json}. */
    private static boolean isOtherJson(MediaType type) {
        return type != null && "application".equals(type.getType()) && "json".equals(type.getSubtypeSuffix())
                && !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
    }
}

package com.lead2cash.platform.internal.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Refuses 406 before the handler runs an API operation that answers in JSON when its {@code Accept} admits no
 * {@code application/json} (neither the type itself nor {@code application/*} nor {@code *}{@code /*}, with a quality
 * above 0): {@code text/csv}, {@code text/html}, {@code application/yaml}, or {@code application/problem+json} alone,
 * which only refusals are written in. So a change asked for so is not made and then answered 406 when Spring comes to
 * write its answer (docs/decisions/0014). An operation that answers in a type of its own (a file, a PDF, a calendar
 * feed: its mapping's {@code produces}, a success documented in another type, or a body of bytes, text, a resource or
 * a stream) is judged by what it produces, as Spring does; one that answers with no body is not judged at all.
 */
final class AcceptGuard implements HandlerInterceptor {

    private final Map<HandlerMethod, Boolean> jsonOperations = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (handler instanceof HandlerMethod method && ProgramCalls.api(request)
                && request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) == null
                && jsonOperations.computeIfAbsent(method, AcceptGuard::answersInJson) && !admitsJson(request)) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
        return true;
    }

    /**
     * Whether the request's Accept admits {@code application/json}: no header, or a media range that includes it
     * whose quality is above 0, the most specific range deciding ({@code application/json;q=0, *}{@code /*} does
     * not). A header that cannot be read ({@code garbage}) admits nothing: Spring would refuse it only when it came to
     * write the answer, after the change was made ({@link ApiExceptionHandler} writes that 406 as JSON).
     */
    static boolean admitsJson(HttpServletRequest request) {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return true;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (types.isEmpty()) {
            return true;
        }
        MediaType deciding = null;
        for (MediaType type : types) {
            if (type.includes(MediaType.APPLICATION_JSON) && (deciding == null || specificity(type) > specificity(deciding)
                    || specificity(type) == specificity(deciding) && type.getQualityValue() > deciding.getQualityValue())) {
                deciding = type;
            }
        }
        return deciding != null && deciding.getQualityValue() > 0;
    }

    private static int specificity(MediaType type) {
        return type.isWildcardType() ? 0 : type.isWildcardSubtype() ? 1 : 2;
    }

    /** Types of body that are written as they are, in the type the operation sets, not as JSON. */
    private static final Set<Class<?>> OWN_TYPE_BODIES = Set.of(byte[].class, String.class, Resource.class,
            InputStream.class, StreamingResponseBody.class, ResponseBodyEmitter.class, ProblemDetail.class);

    /** Whether the operation answers with a JSON body: a JSON API operation, which the guard judges. */
    static boolean answersInJson(HandlerMethod method) {
        if (!method.hasMethodAnnotation(ResponseBody.class)
                && !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)) {
            return false;
        }
        for (ApiResponse documented : AnnotatedElementUtils.findMergedRepeatableAnnotations(method.getMethod(),
                ApiResponse.class)) {
            if (documented.responseCode().startsWith("2")) {
                for (var content : documented.content()) {
                    if (!content.mediaType().isEmpty()
                            && !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(content.mediaType()))) {
                        return false;
                    }
                }
            }
        }
        ResolvableType body = ResolvableType.forMethodReturnType(method.getMethod());
        if (HttpEntity.class.isAssignableFrom(body.toClass())) {
            body = body.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> type = body.toClass();
        if (type == void.class || type == Void.class) {
            return false;
        }
        return OWN_TYPE_BODIES.stream().noneMatch(own -> own.isAssignableFrom(type));
    }
}

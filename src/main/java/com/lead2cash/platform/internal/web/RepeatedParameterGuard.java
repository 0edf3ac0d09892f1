package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An API parameter the operation takes as one value ({@code grade}, {@code status}, {@code size}, {@code cursor}, …),
 * given more than once ({@code ?grade=A&grade=C}), is refused: 400 on that parameter
 * ({@code error.parameter.repeated}), before the handler binds it. Spring would read the first value for most types
 * and join the values with a comma for a text, so the client was answered for a question it did not ask. A parameter
 * the operation takes as a list or an array (declared an array in the API document) stays repeatable.
 */
class RepeatedParameterGuard implements HandlerInterceptor {

    private final Map<java.lang.reflect.Method, Set<String>> singleValued = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> single = singleValued.computeIfAbsent(method.getMethod(), m -> singleValued(method));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1 && single.contains(parameter.getKey())) {
                throw new BadRequestException(parameter.getKey(), "error.parameter.repeated", parameter.getKey());
            }
        }
        return true;
    }

    /** The names of the handler's request parameters that it reads as one value. */
    private static Set<String> singleValued(HandlerMethod method) {
        return java.util.Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class) && takesOneValue(p))
                .map(RepeatedParameterGuard::nameOf)
                .filter(name -> name != null && !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean takesOneValue(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && !org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(type)
                && !jakarta.servlet.http.Part.class.isAssignableFrom(type);
    }

    private static String nameOf(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                : parameter.getParameterName();
    }
}

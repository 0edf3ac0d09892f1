package com.lead2cash.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Whether a request renders the page shell (页面框架: navigation, the signed-in person, the bell). Model
 * advice declared for {@code @Controller} also runs for every {@code @RestController}, which carries that
 * annotation too: an API answer is a body and renders no shell, so its model is work thrown away.
 */
public final class PageShell {

    private static final Map<Class<?>, Boolean> BODY_TYPES = new ConcurrentHashMap<>();
    private static final Map<Method, Boolean> BODY_METHODS = new ConcurrentHashMap<>();

    private PageShell() {
    }

    /** False when the request's handler writes its answer as a body ({@code @ResponseBody} on it or its class). */
    public static boolean isRendered(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return true;
        }
        boolean writesBody = BODY_TYPES.computeIfAbsent(handler.getBeanType(),
                type -> AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class))
                || BODY_METHODS.computeIfAbsent(handler.getMethod(),
                        method -> AnnotatedElementUtils.hasAnnotation(method, ResponseBody.class));
        return !writesBody;
    }
}

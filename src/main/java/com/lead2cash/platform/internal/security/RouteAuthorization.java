package com.lead2cash.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A role refusal comes first: a route's {@code @PreAuthorize} (on the method or its controller) is
 * evaluated before the controller's arguments are read, so a role that may not use the route gets 403
 * whatever body it sends — not 400 or 422 about a body it should not have sent. Method security still
 * checks again at the call; route expressions therefore name roles only, never arguments. A route that says its
 * refusal in its own module's words names a handler with {@code @HandleAuthorizationDenied} beside its
 * {@code @PreAuthorize}: asked here as at the call, it throws the module's {@code ForbiddenException}, answered 403
 * like every other; a route without one is refused as before ({@code error.forbidden}).
 */
@Configuration(proxyBeanMethods = false)
class RouteAuthorization implements WebMvcConfigurer {

    private final ApplicationContext context;

    RouteAuthorization(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check(context)).order(0);
    }

    static final class Check implements HandlerInterceptor {

        private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

        /** The application's beans, where a route's {@code @HandleAuthorizationDenied} handler is found. */
        Check(ApplicationContext context) {
            roles.setApplicationContext(context);
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod route && declaresRoles(route)) {
                Method method = route.getMethod();
                SimpleMethodInvocation invocation = new SimpleMethodInvocation(route.getBean(), method,
                        new Object[method.getParameterCount()]);
                AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
                        invocation);
                if (result != null && !result.isGranted()) {
                    if (namesRefusal(route)) {
                        // the route's own words (its handler throws); a handler's fallback value is no answer to a
                        // request, so whatever one returns, the route stays refused
                        roles.handleDeniedInvocation(invocation, result);
                    }
                    throw new AuthorizationDeniedException("role refused for " + request.getRequestURI(), result);
                }
            }
            return true;
        }

        private static boolean namesRefusal(HandlerMethod route) {
            return AnnotatedElementUtils.hasAnnotation(route.getMethod(), HandleAuthorizationDenied.class)
                    || AnnotatedElementUtils.hasAnnotation(route.getBeanType(), HandleAuthorizationDenied.class);
        }

        private static boolean declaresRoles(HandlerMethod route) {
            return AnnotatedElementUtils.hasAnnotation(route.getMethod(), PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(route.getBeanType(), PreAuthorize.class);
        }
    }
}

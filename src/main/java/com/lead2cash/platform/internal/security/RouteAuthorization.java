package com.lead2cash.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
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
 * checks again at the call; route expressions therefore name roles only, never arguments.
 */
@Configuration(proxyBeanMethods = false)
class RouteAuthorization implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Check()).order(0);
    }

    static final class Check implements HandlerInterceptor {

        private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod route && declaresRoles(route)) {
                Method method = route.getMethod();
                AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
                        new SimpleMethodInvocation(route.getBean(), method, new Object[method.getParameterCount()]));
                if (result != null && !result.isGranted()) {
                    throw new AuthorizationDeniedException("role refused for " + request.getRequestURI(), result);
                }
            }
            return true;
        }

        private static boolean declaresRoles(HandlerMethod route) {
            return AnnotatedElementUtils.hasAnnotation(route.getMethod(), PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(route.getBeanType(), PreAuthorize.class);
        }
    }
}

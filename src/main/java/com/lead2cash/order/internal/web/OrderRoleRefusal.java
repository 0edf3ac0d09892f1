package com.lead2cash.order.internal.web;

import com.lead2cash.order.internal.OrderAccess;
import com.lead2cash.order.internal.domain.OrderAction;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * What an order route's role refusal says: the route's action ({@link Step}) is not the caller's part, in the order's
 * words ({@link OrderAccess#notYours}), as the service says it — not the generic "not allowed". A route names it with
 * {@code @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)} and its {@link Step} beside its
 * {@code @PreAuthorize}; the platform asks it before the body is read (docs/decisions/0014-refusals.md), and method
 * security at the call.
 */
@Component
class OrderRoleRefusal implements MethodAuthorizationDeniedHandler {

    /** The order action a route takes, whose refusal the route says. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Step {
        OrderAction value();
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        Step step = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Step.class);
        if (step == null) {
            // a route that names this handler without its step is refused as any other
            throw new AuthorizationDeniedException("role refused", result);
        }
        throw OrderAccess.notYours(step.value());
    }
}

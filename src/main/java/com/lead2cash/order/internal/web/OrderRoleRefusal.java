package com.lead2cash.order.internal.web;

import com.lead2cash.order.internal.OrderAccess;
import com.lead2cash.order.internal.domain.OrderAction;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * What an order route's role refusal says: the action is not the caller's part, in the order's words
 * ({@link OrderAccess#notYours}), as the service says it — not the generic "not allowed". A route names its action's
 * refusal with {@code @HandleAuthorizationDenied} beside its {@code @PreAuthorize}; the platform asks it before the
 * body is read (docs/decisions/0014-refusals.md), and method security at the call.
 */
abstract class OrderRoleRefusal implements MethodAuthorizationDeniedHandler {

    private final OrderAction action;

    OrderRoleRefusal(OrderAction action) {
        this.action = action;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        throw OrderAccess.notYours(action);
    }

    /** The weekly progress note and the customer told of a delay (D1, D3): the rep's part. */
    @Component
    static final class RecordProgress extends OrderRoleRefusal {
        RecordProgress() {
            super(OrderAction.RECORD_PROGRESS);
        }
    }

    /** The acceptance link sent to the customer's contact: the rep's part. */
    @Component
    static final class SendAcceptance extends OrderRoleRefusal {
        SendAcceptance() {
            super(OrderAction.SEND_ACCEPTANCE);
        }
    }
}

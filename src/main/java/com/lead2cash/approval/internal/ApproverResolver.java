package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.internal.domain.Assignment;
import com.lead2cash.platform.Role;
import java.util.UUID;

/** Turns an approver rule into a person or pool when a step starts (the org tree may have changed since submission). */
@FunctionalInterface
public interface ApproverResolver {

    /** Whom a task falls to when nobody can be found for it (0007): the sales directors' pool, the reason kept. */
    Role FALLBACK = Role.SALES_DIRECTOR;

    Assignment resolve(ApproverRule rule, UUID submitterId);

    /**
     * Where the task of a person its step names no more goes when nobody the step's rules name today is free to take it
     * (0092): the sales directors' pool, the history saying why.
     */
    default Assignment notNamedAnyMore() {
        return new Assignment(null, FALLBACK, "approval.fallback.notNamedAnyMore");
    }
}

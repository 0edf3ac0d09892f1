package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.internal.domain.Assignment;
import java.util.UUID;

/** Turns an approver rule into a person or pool when a step starts (the org tree may have changed since submission). */
@FunctionalInterface
public interface ApproverResolver {

    Assignment resolve(ApproverRule rule, UUID submitterId);
}

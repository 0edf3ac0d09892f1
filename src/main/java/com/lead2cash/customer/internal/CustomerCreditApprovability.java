package com.lead2cash.customer.internal;

import com.lead2cash.approval.ApprovableSubjects;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit change's say on its approval (C8): a change sent back is dropped with it, the current limit kept, and a
 * new change asks finance anew; so the approval it was sent back in is not resubmitted: decided, it would set nothing.
 */
@Component
class CustomerCreditApprovability implements ApprovableSubjects {

    private final CustomerRepository customers;

    CustomerCreditApprovability(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    public String subjectType() {
        return CustomerCredit.SUBJECT;
    }

    /** Only while the customer's pending change still waits on this approval (never once it was sent back). */
    @Override
    @Transactional(readOnly = true)
    public boolean resubmittable(String subjectId, UUID approvalId) {
        return ApprovableSubjects.recordId(subjectId).flatMap(customers::findById)
                .map(c -> approvalId.equals(c.creditApprovalId()))
                .orElse(true);
    }
}

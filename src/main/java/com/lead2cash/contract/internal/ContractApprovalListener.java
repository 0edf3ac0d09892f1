package com.lead2cash.contract.internal;

import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalSentBack;
import com.lead2cash.approval.ApprovalWithdrawn;
import com.lead2cash.approval.ApprovalTaskDecided;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Decisions taken on the approvals screens (not through the contract's own review panel) reach the
 * contract here: after each decision, completion, send-back or withdrawal of a contract's flow, the contract follows
 * its approval (status, whom it waits for). Following is idempotent, so a decision taken on the contract
 * page and heard here again changes nothing more.
 */
@Component
class ContractApprovalListener {

    private final ContractLifecycle lifecycle;

    ContractApprovalListener(ContractLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @ApplicationModuleListener
    void on(ApprovalTaskDecided decided) {
        follow(decided.subjectType(), decided.subjectId(), decided.approvalId());
    }

    @ApplicationModuleListener
    void on(ApprovalCompleted completed) {
        follow(completed.subjectType(), completed.subjectId(), completed.approvalId());
    }

    @ApplicationModuleListener
    void on(ApprovalSentBack sentBack) {
        follow(sentBack.subjectType(), sentBack.subjectId(), sentBack.approvalId());
    }

    @ApplicationModuleListener
    void on(ApprovalWithdrawn withdrawn) {
        follow(withdrawn.subjectType(), withdrawn.subjectId(), withdrawn.approvalId());
    }

    private void follow(String subjectType, String subjectId, UUID approvalId) {
        if (ContractAccess.SUBJECT.equals(subjectType)) {
            lifecycle.followApproval(UUID.fromString(subjectId), approvalId);
        }
    }
}

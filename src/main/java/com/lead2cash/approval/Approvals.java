package com.lead2cash.approval;

import java.util.Optional;
import java.util.UUID;

/**
 * Starts and follows approval flows (审批流). All calls join the caller's transaction, so a flow
 * exists exactly when the business change that asked for it committed. The outcome arrives as an
 * {@link ApprovalCompleted} or {@link ApprovalSentBack} event.
 */
public interface Approvals {

    /** Starts the flow at its first step; the first step's approvers are notified and their SLA deadlines opened. */
    ApprovalRef submit(ApprovalRequest request);

    Optional<ApprovalView> find(UUID approvalId);

    /** After a send-back, the submitter starts the flow again from its first step (next round). */
    ApprovalRef resubmit(UUID approvalId, UUID submitterId);

    /** The submitter takes back a flow that has not ended (e.g. the quote was revised); open deadlines are cancelled. */
    ApprovalRef withdraw(UUID approvalId, UUID submitterId);
}

package com.lead2cash.approval;

import java.util.List;
import java.util.Map;
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

    /**
     * Whether the user may open this approval's page ({@code /approvals/{id}}), by that page's own rule
     * (submitter, approvers and their delegates, directors, administrators): a record's page links its approval
     * only then, as another reader of the record (finance on a quote) would get a 404.
     */
    boolean mayOpen(UUID approvalId, UUID userId);

    /** After a send-back, the submitter starts the flow again from its first step (next round). */
    ApprovalRef resubmit(UUID approvalId, UUID submitterId);

    /**
     * After a send-back and rework, the submitter starts the flow again from its first step (next round)
     * with the steps and facts as they now stand (the amount changed, so a risk review now applies).
     */
    ApprovalRef resubmit(UUID approvalId, UUID submitterId, FlowDefinition flow, Map<String, String> facts);

    /**
     * The user decides on a task of the current step: approve, reject or send back, with a comment and
     * remarks on sections. Refused as on the approvals screen: a task that is not theirs (nor a
     * delegator's), already decided, their own submission, a second vote in one step, or a send-back
     * or rejection without a comment.
     */
    ApprovalView decide(UUID approvalId, UUID taskId, UUID userId, Decision decision, String comment,
                        List<ApprovalRemark> remarks);

    /**
     * Refuses (409, naming who decided) a user who has nothing left to decide on the approval because their part
     * of its current step was decided already; returns when they have a task to decide or none in this step (an
     * approver of an earlier step only is not told that they decided this one).
     */
    void refuseSecondDecision(UUID approvalId, UUID userId);

    /** The same for the given step of the current round (a review step the flow has left). */
    void refuseSecondDecision(UUID approvalId, UUID userId, int stepIndex);

    /** Tasks about records of this subject type that the user may decide now, oldest first, at most {@code limit}. */
    List<PendingApproval> pendingFor(UUID userId, String subjectType, int limit);

    /** The submitter takes back a flow that has not ended (e.g. the quote was revised); open deadlines are cancelled. */
    ApprovalRef withdraw(UUID approvalId, UUID submitterId);

    /**
     * The record of this subject was closed (its opportunity won or lost, say): nobody will rework what an approver
     * sent back, so its submitters' notices asking them to are settled. The flows themselves stay as they are.
     */
    void subjectClosed(String subjectType, String subjectId);
}

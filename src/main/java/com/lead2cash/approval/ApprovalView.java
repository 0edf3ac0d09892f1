package com.lead2cash.approval;

import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An approval as other modules and screens read it: the current round's steps and tasks, and the history; with what its
 * reader may do with it now ({@code availableActions}, empty where no reader is known).
 */
public record ApprovalView(UUID id, String subjectType, String subjectId, String title, State state, int round,
                           UUID submitterId,
                           @io.swagger.v3.oas.annotations.media.Schema(description = "What the approvers decide on "
                                   + "(amount, discount, risk…), by name: display text as the submitting module wrote "
                                   + "it for a person, amounts with thousands separators and two decimals (\"22,260.00 "
                                   + "CNY\"), not numbers to compute with; read the record's own API for its values")
                           Map<String, String> facts, List<StepView> steps,
                           List<HistoryEntry> history, Instant submittedAt, long version,
                           Set<ApprovalAction> availableActions) {

    public ApprovalView {
        availableActions = availableActions == null ? Set.of() : Set.copyOf(availableActions);
    }

    /** The same approval with what the given reader may do with it. */
    public ApprovalView withActions(Set<ApprovalAction> actions) {
        return new ApprovalView(id, subjectType, subjectId, title, state, round, submitterId, facts, steps, history,
                submittedAt, version, actions);
    }

    public enum State { IN_PROGRESS, APPROVED, REJECTED, SENT_BACK, WITHDRAWN }

    /** A step's progress in the current round; NOT_STARTED until the steps before it are approved. */
    public enum StepState { NOT_STARTED, IN_PROGRESS, APPROVED, REJECTED, SENT_BACK, SKIPPED }

    /** WAITING: a sequential step's later approver whose turn has not come. */
    public enum TaskState { WAITING, PENDING, APPROVED, REJECTED, SENT_BACK, SKIPPED }

    public record StepView(int index, String name, StepMode mode, String slaRuleId, StepState state,
                           List<TaskView> tasks) {
    }

    /**
     * One approver's task: a person ({@code assigneeId}) or a role pool ({@code assigneeRole}), with the
     * remarks on sections given with the decision.
     */
    public record TaskView(UUID id, UUID assigneeId, Role assigneeRole, TaskState state, UUID actedBy,
                           Instant actedAt, String comment, UUID onBehalfOf, String fallbackReason,
                           Instant openedAt, List<ApprovalRemark> remarks) {

        public TaskView {
            remarks = remarks == null ? List.of() : List.copyOf(remarks);
        }
    }

    /** One line of the history (审批记录), which cannot be edited. */
    public record HistoryEntry(Instant occurredAt, int round, String event, Integer stepIndex, UUID taskId,
                               UUID actorId, UUID onBehalfOf, String comment, String detail) {
    }
}

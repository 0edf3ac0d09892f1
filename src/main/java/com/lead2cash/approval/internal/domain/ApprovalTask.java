package com.lead2cash.approval.internal.domain;

import com.lead2cash.approval.ApprovalView.TaskState;
import com.lead2cash.approval.Decision;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 审批任务 — one approver's part in one step of one round: a person's, or a role pool's that any
 * holder of the role may take. Part of the {@link Approval} aggregate.
 */
@Table("approval_task")
public class ApprovalTask {

    @Id
    private final UUID id;
    private final int round;
    private final int stepIndex;
    private UUID assigneeId;
    private Role assigneeRole;
    private String fallbackReason;
    private TaskState state;
    private Instant openedAt;
    private UUID actedBy;
    private Instant actedAt;
    private String comment;
    private UUID onBehalfOf;
    /** Whom its person stands in for: the deactivated approver it was handed on from to their delegate (0073, 0092). */
    private UUID standsInFor;

    @PersistenceCreator
    ApprovalTask(UUID id, int round, int stepIndex, UUID assigneeId, Role assigneeRole, String fallbackReason,
                 TaskState state, Instant openedAt, UUID actedBy, Instant actedAt, String comment, UUID onBehalfOf,
                 UUID standsInFor) {
        this.id = id;
        this.round = round;
        this.stepIndex = stepIndex;
        this.assigneeId = assigneeId;
        this.assigneeRole = assigneeRole;
        this.fallbackReason = fallbackReason;
        this.state = state;
        this.openedAt = openedAt;
        this.actedBy = actedBy;
        this.actedAt = actedAt;
        this.comment = comment;
        this.onBehalfOf = onBehalfOf;
        this.standsInFor = standsInFor;
    }

    static ApprovalTask waiting(int round, int stepIndex, Assignment assignment) {
        return new ApprovalTask(Ids.newId(), round, stepIndex, assignment.userId(), assignment.role(),
                assignment.fallbackReason(), TaskState.WAITING, null, null, null, null, null, null);
    }

    void open(Instant now) {
        state = TaskState.PENDING;
        openedAt = now;
    }

    void record(Decision decision, UUID actor, UUID onBehalf, String text, Instant now) {
        state = switch (decision) {
            case APPROVE -> TaskState.APPROVED;
            case REJECT -> TaskState.REJECTED;
            case SEND_BACK -> TaskState.SENT_BACK;
        };
        actedBy = actor;
        onBehalfOf = onBehalf;
        comment = text;
        actedAt = now;
    }

    /**
     * The task goes to another approver (its own was deactivated, 0073, or the step names them no more, 0092): a person
     * or a pool, with why if it fell back, and whom the new person stands in for (their delegator deactivated), if anyone.
     */
    void reassign(Assignment assignment, UUID standingInFor) {
        assigneeId = assignment.userId();
        assigneeRole = assignment.role();
        fallbackReason = assignment.fallbackReason();
        standsInFor = assignment.userId() == null ? null : standingInFor;
    }

    void skip() {
        state = TaskState.SKIPPED;
    }

    boolean isOpen() {
        return state == TaskState.PENDING || state == TaskState.WAITING;
    }

    boolean isPool() {
        return assigneeRole != null;
    }

    boolean in(int round, int stepIndex) {
        return this.round == round && this.stepIndex == stepIndex;
    }

    UUID id() { return id; }
    int round() { return round; }
    int stepIndex() { return stepIndex; }
    UUID assigneeId() { return assigneeId; }
    Role assigneeRole() { return assigneeRole; }
    String fallbackReason() { return fallbackReason; }
    TaskState state() { return state; }
    Instant openedAt() { return openedAt; }
    UUID actedBy() { return actedBy; }
    Instant actedAt() { return actedAt; }
    String comment() { return comment; }
    UUID onBehalfOf() { return onBehalfOf; }
    UUID standsInFor() { return standsInFor; }

    /**
     * How the audit trail shows a task among the aggregate's fields: no word of any language in it (the screen says the
     * state and the person in the reader's words), so "id:APPROVED (actor)", not "… by …".
     */
    @Override
    public String toString() {
        return id + ":" + state + (actedBy == null ? "" : " (" + actedBy + ")");
    }
}

package com.lead2cash.approval.internal.domain;

import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.Decision;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a change of an {@link Approval} sets in motion outside it: history lines, deadlines,
 * notifications, events. The aggregate records them; the service carries them out in the same
 * transaction, so the aggregate stays free of infrastructure.
 */
public sealed interface Happening {

    /** A line for the append-only history. */
    record Logged(String event, int round, Integer stepIndex, UUID taskId, UUID actorId, UUID onBehalfOf,
                  String comment, String detail, Instant at) implements Happening {
    }

    /** A task became the approver's to decide: open its SLA deadline and tell them. */
    record TaskOpened(UUID taskId, UUID assigneeId, Role assigneeRole, String slaRuleId, Instant at)
            implements Happening {
    }

    /**
     * An open task went to another approver, its own deactivated (0073): the old notice settled, the new approver told,
     * the task's deadline (same due time) theirs.
     */
    record TaskReassigned(UUID taskId, UUID fromUserId, UUID assigneeId, Role assigneeRole, String slaRuleId, Instant at)
            implements Happening {
    }

    /** A task closed: decided (its deadline met) or skipped (cancelled); either way its waiting notices are settled. */
    record TaskClosed(UUID taskId, String slaRuleId, boolean decided, Instant at) implements Happening {
    }

    /** Remarks on sections given with a decision: kept in the append-only remarks. */
    record Remarked(UUID taskId, int round, List<ApprovalRemark> remarks, Instant at) implements Happening {
    }

    /** An approver decided: owning modules hear of it ({@code ApprovalTaskDecided}). */
    record Decided(UUID taskId, int round, int stepIndex, Decision decision, UUID actorId, Instant at)
            implements Happening {
    }

    record Ended(ApprovalCompleted.Outcome outcome, Instant at) implements Happening {
    }

    record SentBack(int round, UUID by, String comment, Instant at) implements Happening {
    }

    /** The submitter withdrew the flow: owning modules hear of it ({@code ApprovalWithdrawn}). */
    record Withdrawn(int round, UUID by, Instant at) implements Happening {
    }
}

package com.lead2cash.approval;

import java.util.UUID;

/**
 * One approver decided their task (the flow may go on): owning modules that show who they still wait
 * for refresh it. The end of a flow is announced separately ({@link ApprovalCompleted}, {@link ApprovalSentBack}).
 */
public record ApprovalTaskDecided(UUID approvalId, String subjectType, String subjectId, int round, int stepIndex,
                                  UUID taskId, Decision decision, UUID actorId) {
}

package com.lead2cash.approval;

import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A task waiting for a person now — their own, their role's pool, or a delegator's: which approval,
 * about which record, which step, since when. Owning modules show them on their screens (what waits
 * for a reviewer).
 */
public record PendingApproval(UUID approvalId, String subjectType, String subjectId, String title, UUID taskId,
                              int stepIndex, String stepName, UUID assigneeId, Role assigneeRole, Instant openedAt) {
}

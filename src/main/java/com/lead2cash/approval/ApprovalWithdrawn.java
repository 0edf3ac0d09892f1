package com.lead2cash.approval;

import java.util.UUID;

/**
 * The submitter took the flow back before it ended (撤回): nothing is decided on it any more. The owning module
 * moves its record back to where its submitter can change it and submit again (docs/decisions/0068).
 */
public record ApprovalWithdrawn(UUID approvalId, String subjectType, String subjectId, int round, UUID withdrawnBy) {
}

package com.lead2cash.approval;

import java.util.UUID;

/** An approver sent the flow back to the submitter (退回) with a comment; it may be resubmitted after rework. */
public record ApprovalSentBack(UUID approvalId, String subjectType, String subjectId, int round, UUID sentBackBy,
                               String comment) {
}

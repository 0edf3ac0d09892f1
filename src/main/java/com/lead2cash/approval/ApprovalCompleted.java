package com.lead2cash.approval;

import java.util.UUID;

/** A flow ended: every step approved, or someone rejected it. The owning module moves its record on. */
public record ApprovalCompleted(UUID approvalId, String subjectType, String subjectId, Outcome outcome) {

    public enum Outcome { APPROVED, REJECTED }
}

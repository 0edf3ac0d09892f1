package com.lead2cash.invoice.internal.domain;

import java.util.Set;

/**
 * PENDING_APPROVAL (finance approves the request) → APPROVED → ISSUED (number and date on record) →
 * RED_REVERSED (红冲); REJECTED when finance refuses or sends it back; CANCELLED (撤销) when the requester or
 * finance cancels a request not yet issued (pending or approved), or when the requester withdraws a pending request's
 * approval (decision 0070).
 */
public enum InvoiceStatus {
    PENDING_APPROVAL, APPROVED, ISSUED, REJECTED, RED_REVERSED, CANCELLED;

    /** Requests that count against what the contract may still be invoiced (rejected, reversed and cancelled ones do not). */
    public static final Set<InvoiceStatus> HOLDING = Set.of(PENDING_APPROVAL, APPROVED, ISSUED);

    /** A request on its way to being issued: waiting for finance's approval, or approved and not yet issued. */
    public boolean awaitsIssue() {
        return this == PENDING_APPROVAL || this == APPROVED;
    }
}

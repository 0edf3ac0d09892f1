package com.lead2cash.quote.internal.domain;

/** Where a quote version stands: DRAFT → (PENDING_APPROVAL) → APPROVED → SENT → ACCEPTED | REJECTED; SUPERSEDED by a newer version. */
public enum QuoteStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACCEPTED, REJECTED, SUPERSEDED
}

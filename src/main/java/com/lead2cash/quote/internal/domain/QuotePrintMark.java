package com.lead2cash.quote.internal.domain;

/**
 * What a printed copy of a quote version (its PDF and printable page) says of itself on every page, as the version
 * decides ({@link Quote#printMark}): nothing on one that may go, or went, to the customer; the others are marked so
 * that no copy of them is taken for an offer.
 */
public enum QuotePrintMark {
    /** Approved for sending (and reviewed where Q1 asks it), sent, or answered by the customer: printed as it is. */
    NONE,
    /** Not approved: a draft, one an approver sent back or rejected, or one waiting on its approval (Q2). */
    DRAFT,
    /** Approved, but not to go out before a manager has reviewed it (Q1). */
    AWAITING_REVIEW,
    /** A newer version of the quote replaced it (Q1). */
    SUPERSEDED;

    public boolean marked() {
        return this != NONE;
    }
}

package com.lead2cash.lead;

/** Where a lead stands in its lifecycle (see {@code Lead}). */
public enum LeadStatus {
    /** Captured, not yet screened (the screening window is running). */
    NEW,
    /** Graded and verified; in the pool or a manager's queue when it has no owner. */
    SCREENED,
    /** A rep owns it; the first response is due. */
    ASSIGNED,
    /** The rep reached the contact and logged the intent. */
    CONTACTED,
    /** Became a customer (and possibly an opportunity). */
    CONVERTED,
    /** C lead in the nurture pool (长期培育池), batch-assigned weekly. */
    NURTURING,
    /** Not a real prospect, with a reason; can be reopened. */
    DISQUALIFIED;

    public boolean isClosed() {
        return this == CONVERTED || this == DISQUALIFIED;
    }
}

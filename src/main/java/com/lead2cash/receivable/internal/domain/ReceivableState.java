package com.lead2cash.receivable.internal.domain;

import java.util.Set;

/**
 * Where a payment plan stands (SPEC §4): PLANNED (not yet due) → DUE → PARTIALLY_PAID → PAID, or OVERDUE
 * past its due date → PAID or WRITTEN_OFF (核销).
 */
public enum ReceivableState {
    PLANNED, DUE, PARTIALLY_PAID, OVERDUE, PAID, WRITTEN_OFF;

    /** States with money still to collect. */
    public static final Set<ReceivableState> OPEN = Set.of(PLANNED, DUE, PARTIALLY_PAID, OVERDUE);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}

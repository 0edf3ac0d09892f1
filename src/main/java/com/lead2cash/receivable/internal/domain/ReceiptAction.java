package com.lead2cash.receivable.internal.domain;

/** What someone may do with a receipt next; the receipt answers which ({@link Receipt#availableActions}). */
public enum ReceiptAction {
    /** Finance allocates what is left of the receipt to a plan of its customer. */
    ALLOCATE,
    /** Finance reverses a wrong receipt with a reason (冲销). */
    REVERSE
}

package com.lead2cash.receivable.internal.domain;

/** What someone may do with a payment plan next; the plan answers which ({@link Receivable#availableActions}). */
public enum ReceivableAction {
    /** Finance records a receipt and allocates it to the plan. */
    RECORD_RECEIPT,
    /** The rep fixes the due date of a plan that has none; finance moves one already set, with a reason. */
    SET_DUE_DATE,
    /** The rep records that the customer was reminded (P1). */
    CONFIRM_REMINDER,
    /** Finance writes off what an overdue plan still owes (核销). */
    WRITE_OFF
}

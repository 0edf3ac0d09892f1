package com.lead2cash.invoice.internal.domain;

/** What finance may do with an invoice next; the invoice answers which ({@link Invoice#availableActions}). */
public enum InvoiceAction {
    ISSUE, RED_REVERSE
}

package com.lead2cash.invoice.internal.domain;

/**
 * What a reader may do with an invoice next; the invoice answers which ({@link Invoice#availableActions}): finance
 * issues and reverses, the requester and finance cancel a request not yet issued.
 */
public enum InvoiceAction {
    ISSUE, RED_REVERSE, CANCEL
}

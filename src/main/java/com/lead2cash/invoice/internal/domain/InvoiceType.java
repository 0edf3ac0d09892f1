package com.lead2cash.invoice.internal.domain;

/** 增值税专用发票 VAT special invoice, 增值税普通发票 VAT ordinary invoice. */
public enum InvoiceType {
    VAT_SPECIAL, VAT_ORDINARY
}

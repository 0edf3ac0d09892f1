package com.lead2cash.receivable.internal.domain;

/** A receipt is RECORDED, and REVERSED (冲销) with a reason when it was wrong; it is never edited or deleted. */
public enum ReceiptState {
    RECORDED, REVERSED
}

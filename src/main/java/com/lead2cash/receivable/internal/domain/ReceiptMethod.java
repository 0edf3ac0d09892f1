package com.lead2cash.receivable.internal.domain;

/** How the money came: 银行转账 bank transfer, 承兑汇票 acceptance bill, 现金 cash, 其他 other. */
public enum ReceiptMethod {
    BANK_TRANSFER, ACCEPTANCE_BILL, CASH, OTHER
}

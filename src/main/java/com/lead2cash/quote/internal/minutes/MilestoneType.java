package com.lead2cash.quote.internal.minutes;

/** Kinds of payment milestone agreed in negotiation: 预付款, 到货款, 分期款, 验收款, 质保金. */
public enum MilestoneType {
    PREPAYMENT, ON_DELIVERY, INSTALLMENT, ACCEPTANCE, RETENTION
}

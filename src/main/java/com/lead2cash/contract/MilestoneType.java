package com.lead2cash.contract;

/**
 * A payment milestone of the contract (付款节点), from which the receivables module plans collection:
 * 预付款 PREPAYMENT, 到货款 ON_DELIVERY, 分期款 INSTALLMENT, 验收款 ACCEPTANCE, 质保金 RETENTION.
 */
public enum MilestoneType {
    PREPAYMENT, ON_DELIVERY, INSTALLMENT, ACCEPTANCE, RETENTION
}

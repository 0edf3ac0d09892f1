package com.lead2cash.contract.internal.domain;

/**
 * The core clauses of a sales contract (合同核心条款), in the order they are printed: 合同主体 PARTIES,
 * 产品/服务范围 SCOPE, 价格 PRICE, 付款方式 PAYMENT, 交付 DELIVERY, 验收标准 ACCEPTANCE, 保密 CONFIDENTIALITY,
 * 违约责任 LIABILITY, 争议解决 DISPUTE; OTHER for further clauses a contract adds.
 */
public enum SectionKey {
    PARTIES, SCOPE, PRICE, PAYMENT, DELIVERY, ACCEPTANCE, CONFIDENTIALITY, LIABILITY, DISPUTE, OTHER;

    public boolean core() {
        return this != OTHER;
    }
}

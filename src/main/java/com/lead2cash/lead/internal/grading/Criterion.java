package com.lead2cash.lead.internal.grading;

/** The four grading criteria of {@link LeadGrader} (线索初筛), one point each. */
public enum Criterion {
    /** 行业匹配度: the lead's industry is one the company targets. */
    INDUSTRY_MATCH,
    /** 预算范围: the stated budget reaches the policy's minimum. */
    BUDGET,
    /** 需求紧急度: a purchase date is known and falls within the policy's window. */
    URGENCY,
    /** 决策链完整性: a named contact is known and the decision maker is known. */
    DECISION_CHAIN
}

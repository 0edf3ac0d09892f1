package com.lead2cash.contract;

/**
 * Where a contract stands (合同状态): 草拟 DRAFT → 评审中 IN_REVIEW → (修改中 REVISING →) IN_REVIEW →
 * 终审 FINAL_APPROVAL → 已批准 APPROVED → 已签署 SIGNED → 已归档 ARCHIVED; 已终止 TERMINATED.
 */
public enum ContractStatus {
    DRAFT, IN_REVIEW, REVISING, FINAL_APPROVAL, APPROVED, SIGNED, ARCHIVED, TERMINATED;

    /** The text may be changed: before the first submission and while revising after an objection. */
    public boolean editable() {
        return this == DRAFT || this == REVISING;
    }

    /** Signed, so its files are evidence: every read is audited, it is never edited again. */
    public boolean signed() {
        return this == SIGNED || this == ARCHIVED;
    }
}

package com.lead2cash.customer.internal.domain;

/**
 * How the customer is being followed up, which picks the cadence rule: DEVELOPMENT 客户开发 (C2, every
 * 7 / 14 / 30 days by default) or ACTIVE_PURSUIT 高意向跟进 for high-intent prospects (C3, every 1 / 2 /
 * 7 days by default).
 */
public enum PursuitMode {
    DEVELOPMENT(CustomerRules.DEVELOPMENT_CADENCE), ACTIVE_PURSUIT(CustomerRules.PURSUIT_CADENCE);

    private final String ruleId;

    PursuitMode(String ruleId) {
        this.ruleId = ruleId;
    }

    /** The SOP rule whose cadence applies. */
    public String ruleId() {
        return ruleId;
    }
}

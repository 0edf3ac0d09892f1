package com.lead2cash.customer.internal.domain;

/** A contact's role in the customer's decision chain (决策链): decision maker 决策人, influencer 影响人, user 使用人. */
public enum DecisionRole {
    DECISION_MAKER, INFLUENCER, USER, OTHER;

    public static DecisionRole of(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (DecisionRole r : values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return OTHER;
    }
}

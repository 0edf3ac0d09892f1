package com.lead2cash.aftersales.internal.domain;

/** How bad a complaint is (严重程度), most severe first; its SLA windows come from the policy (S1, S2). */
public enum Severity {
    CRITICAL, MAJOR, MINOR;

    /** Less severe than {@code other}: a downgrade, which needs a reason. */
    public boolean isLowerThan(Severity other) {
        return compareTo(other) > 0;
    }
}

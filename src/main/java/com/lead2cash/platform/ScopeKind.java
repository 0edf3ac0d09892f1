package com.lead2cash.platform;

/** How much of the company's records a user sees: only their own, their unit's subtree, or all. */
public enum ScopeKind {
    SELF, TEAM, ALL;

    public ScopeKind widest(ScopeKind other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

package com.lead2cash.quote.internal.domain;

/** Discount authority (折扣权限, Q2), lowest first: a rep's, a manager's, the sales director's (no limit). */
public enum Authority {
    REP, MANAGER, DIRECTOR;

    public boolean covers(Authority required) {
        return compareTo(required) >= 0;
    }
}

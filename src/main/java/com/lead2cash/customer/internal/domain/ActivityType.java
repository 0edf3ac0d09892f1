package com.lead2cash.customer.internal.domain;

/**
 * Kinds of follow-up (跟进方式): call 电话, visit 拜访, e-mail 邮件, meeting 会议, demo 演示, negotiation 谈判,
 * other 其他. Demos and negotiations need detailed minutes (C5).
 */
public enum ActivityType {
    CALL, VISIT, EMAIL, MEETING, DEMO, NEGOTIATION, OTHER;

    /** C5 — detailed minutes are owed for demos and negotiations. */
    public boolean needsMinutes() {
        return this == DEMO || this == NEGOTIATION;
    }

    /** The kind another module names (CALL, VISIT, …); OTHER for one it names that is none of these. */
    public static ActivityType of(String name) {
        for (ActivityType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return OTHER;
    }
}

package com.lead2cash.opportunity.internal.domain;

/**
 * A seat on the evaluation panel (评估小组, O2): the opportunity's rep (its owner), a sales manager above
 * the owner, and an invited tech-support colleague. The policy names the seats by these roles.
 */
public enum PanelSeat {
    REP("SALES_REP"), MANAGER("SALES_MANAGER"), TECH_SUPPORT("TECH_SUPPORT");

    private final String role;

    PanelSeat(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    public static PanelSeat ofRole(String role) {
        for (PanelSeat seat : values()) {
            if (seat.role.equals(role)) {
                return seat;
            }
        }
        throw new IllegalArgumentException("not a panel role: " + role);
    }
}

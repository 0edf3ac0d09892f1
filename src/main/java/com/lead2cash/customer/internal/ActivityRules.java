package com.lead2cash.customer.internal;

/** The SOP rules a follow-up activity's deadlines belong to (subject "Activity"). */
public final class ActivityRules {

    public static final String SUBJECT = "Activity";

    /** C4 — every contact logged within the window after it happened. */
    public static final String LOGGED = com.lead2cash.customer.internal.domain.CustomerRules.CONTACT_LOGGED;

    /** C5 — detailed minutes of demos and negotiations within the window. */
    public static final String MINUTES = com.lead2cash.customer.internal.domain.CustomerRules.MINUTES;

    private ActivityRules() {
    }
}

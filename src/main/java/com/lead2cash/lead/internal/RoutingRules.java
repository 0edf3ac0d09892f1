package com.lead2cash.lead.internal;

/**
 * The SOP policy values of lead routing (线索分配规则, SOP rule L4).
 *
 * @param seniorityMonthsForA an A lead only goes to a rep employed for more than this many months
 *     (资深销售, "入职1年以上" in the source SOP 001)
 */
public record RoutingRules(int seniorityMonthsForA) {

    public static final int DEFAULT_SENIORITY_MONTHS_FOR_A = 12;

    public RoutingRules {
        if (seniorityMonthsForA < 0) {
            throw new IllegalArgumentException("seniorityMonthsForA must not be negative: " + seniorityMonthsForA);
        }
    }

    public static RoutingRules defaults() {
        return new RoutingRules(DEFAULT_SENIORITY_MONTHS_FOR_A);
    }
}

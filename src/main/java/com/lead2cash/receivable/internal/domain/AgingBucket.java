package com.lead2cash.receivable.internal.domain;

/**
 * An aging bucket of overdue receivables (账龄, P2): by default 1–30, 31–60, 61–90 and more than 90 days
 * overdue; the limits come from the policy.
 */
public enum AgingBucket {
    B1(1), B2(2), B3(3), B4(4);

    private final int number;

    AgingBucket(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The bucket of a plan {@code daysOverdue} days past its due date; null when not overdue (0 days or fewer). */
    public static AgingBucket of(long daysOverdue, int bucket1Days, int bucket2Days, int bucket3Days) {
        if (daysOverdue <= 0) {
            return null;
        }
        if (daysOverdue <= bucket1Days) {
            return B1;
        }
        if (daysOverdue <= bucket2Days) {
            return B2;
        }
        return daysOverdue <= bucket3Days ? B3 : B4;
    }
}

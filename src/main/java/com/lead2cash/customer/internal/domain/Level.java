package com.lead2cash.customer.internal.domain;

/** How strongly one C1 grading factor speaks for the customer: high 高, medium 中, low 低. */
public enum Level {
    HIGH(3), MEDIUM(2), LOW(1);

    private final int points;

    Level(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }
}

package com.lead2cash.sop.internal.replay;

import java.time.Instant;

/**
 * How a deadline came out, as the replay compares them: met by its due time, met after it (a breach), still
 * running and not yet due, running past its due time (a breach). Cancelled deadlines have no outcome.
 */
public enum DeadlineOutcome {
    MET_ON_TIME, MET_LATE, OPEN_NOT_DUE, OPEN_OVERDUE;

    /** Counts as a breach in compliance. */
    public boolean breached() {
        return this == MET_LATE || this == OPEN_OVERDUE;
    }

    /**
     * The outcome under a due time, from what the deadline's work did: met at {@code metAt}, or still running
     * at {@code now}. Met exactly at the due time is on time, as compliance counts it. Null when cancelled.
     */
    public static DeadlineOutcome under(Instant due, String state, Instant metAt, Instant now) {
        return switch (state) {
            case "MET" -> metAt.isAfter(due) ? MET_LATE : MET_ON_TIME;
            case "OPEN", "BREACHED" -> now.isBefore(due) ? OPEN_NOT_DUE : OPEN_OVERDUE;
            default -> null;
        };
    }

    /**
     * What actually happened: as {@link #under}, except that a deadline the sweep recorded as breached stays
     * a breach (compliance counted it so), even if the sweep and the work met at the same instant.
     */
    public static DeadlineOutcome actual(Instant due, String state, Instant metAt, Instant breachedAt, Instant now) {
        if ("BREACHED".equals(state) || ("MET".equals(state) && breachedAt != null)) {
            return "MET".equals(state) ? MET_LATE : OPEN_OVERDUE;
        }
        return under(due, state, metAt, now);
    }
}

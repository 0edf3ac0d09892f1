package com.lead2cash.sop;

import java.util.Objects;

/** How long a deadline rule gives: "30m business", "2d calendar". */
public record DeadlineWindow(BusinessDuration duration, TimeBasis basis) {

    public DeadlineWindow {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(basis, "basis");
    }

    public static DeadlineWindow business(BusinessDuration duration) {
        return new DeadlineWindow(duration, TimeBasis.BUSINESS);
    }

    public static DeadlineWindow calendar(BusinessDuration duration) {
        return new DeadlineWindow(duration, TimeBasis.CALENDAR);
    }
}

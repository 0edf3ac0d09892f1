package com.lead2cash.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and moves forward, so time passes without sleeping. */
public class MutableClock extends Clock {

    private final Instant start;
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.start = start;
        this.now = start;
    }

    /** Back to where it started: the next test class sharing this context finds the clock a fresh one shows. */
    public void reset() {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return zone; }
            @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
            @Override public Instant instant() { return self.instant(); }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}

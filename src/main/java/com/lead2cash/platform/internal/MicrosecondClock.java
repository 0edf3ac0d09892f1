package com.lead2cash.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in microseconds, the database's precision, so a time answered before and after a save is the same.
 * Not {@code Clock.tick(systemUTC, 1 µs)}: on Java 17 its {@code millis()} divides by the tick's whole milliseconds
 * (zero) and throws, which broke every signed DingTalk webhook (its timestamp is in milliseconds).
 */
final class MicrosecondClock extends Clock {

    private final Clock system;

    MicrosecondClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(system.withZone(zone));
    }

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return system.millis();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosecondClock c && c.system.equals(system);
    }

    @Override
    public int hashCode() {
        return system.hashCode() + 1;
    }
}

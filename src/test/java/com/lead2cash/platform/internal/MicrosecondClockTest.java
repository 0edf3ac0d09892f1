package com.lead2cash.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicrosecondClockTest {

    // a fixed instant with nanoseconds below the microsecond: what the system clock may give
    private static final Instant AT = Instant.parse("2026-12-07T05:30:00.123456789Z");

    @Test
    void theProductsClockAnswersInMicrosecondsAndInMillisecondsWithoutFailing() {
        Clock clock = new MicrosecondClock(Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-07T05:30:00.123456Z"));
        // a signed DingTalk webhook's timestamp: Clock.tick(…, 1 µs).millis() threw ArithmeticException on Java 17
        assertThat(clock.millis()).isEqualTo(AT.toEpochMilli());
        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai")).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theClockTheProductRunsOnGivesMillisecondsToo() {
        Clock clock = new PlatformConfiguration().clock();
        // the system's own time is what this clock reads: compared loosely, never timed
        assertThat(clock.millis()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(clock.instant().getNano() % 1_000).as("whole microseconds").isZero();
    }
}

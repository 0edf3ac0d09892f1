package com.lead2cash.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock set to {@link #START} (Tuesday 1 December 2026, 10:00 in Shanghai) for a test
 * class that imports it; the test moves it with {@link MutableClock#set} or {@code advance}.
 */
@TestConfiguration
public class TestClock {

    public static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    /** The instant of a wall-clock time in Shanghai, the business's zone in tests ({@code "2026-12-03T11:00"}). */
    public static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(START);
    }
}

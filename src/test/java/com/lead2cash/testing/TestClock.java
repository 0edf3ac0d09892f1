package com.lead2cash.testing;

import java.time.Instant;
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

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(START);
    }
}

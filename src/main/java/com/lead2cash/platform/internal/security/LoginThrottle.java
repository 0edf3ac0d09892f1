package com.lead2cash.platform.internal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles sign-in by client address: after {@code addressMaxFailures} failed sign-ins from one
 * address within a window of {@code addressWindow}, that address is refused (429) until the window
 * ends, without a password being checked or an account touched — so one person guessing cannot lock
 * everybody out. Counters live in the database (one row per address and window), shared by all nodes.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** How long the address must wait, when it has spent its failures for the current window. */
    Optional<Duration> refusal(String address) {
        Instant now = clock.instant();
        Instant window = windowStart(now);
        int failures = jdbc.sql("""
                select coalesce(sum(failures), 0) from platform_login_failure_window
                 where address = :address and window_start = :window
                """).param("address", address).param("window", Timestamp.from(window)).query(Integer.class).single();
        if (failures < properties.addressMaxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.plus(properties.addressWindow())));
    }

    /** Counts a failed sign-in from the address; runs on its own so the count stays when the sign-in fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(String address) {
        Instant window = windowStart(clock.instant());
        jdbc.sql("""
                insert into platform_login_failure_window (address, window_start, failures) values (:address, :window, 1)
                on conflict (address, window_start) do update set failures = platform_login_failure_window.failures + 1
                """).param("address", address).param("window", Timestamp.from(window)).update();
        // past windows count for nothing any more
        jdbc.sql("delete from platform_login_failure_window where window_start < :window")
                .param("window", Timestamp.from(window)).update();
    }

    private Instant windowStart(Instant now) {
        long seconds = properties.addressWindow().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }
}

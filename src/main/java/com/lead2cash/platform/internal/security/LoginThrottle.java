package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.ClientAddressThrottle;
import com.lead2cash.platform.RequestRefusedException;
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
 * Throttles a client address by its failed credentials: after {@code addressMaxFailures} failures of one kind
 * (sign-in, bearer token, web-to-lead key) from one address within a window of {@code addressWindow}, that address
 * is refused (429) until the window ends, without the credential being checked or an account touched — so one
 * person guessing cannot lock everybody out. Counters live in the database (one row per address, kind and window),
 * shared by all nodes.
 */
@Component
class LoginThrottle implements ClientAddressThrottle {

    static final String THROTTLED = "error.addressThrottled";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    LoginThrottle(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** How long the address must wait, when it has spent its failed sign-ins for the current window. */
    Optional<Duration> refusal(String address) {
        return refusal(Credential.PASSWORD, address);
    }

    @Override
    public void refuseIfThrottled(Credential credential, String address) {
        refusal(credential, address).ifPresent(wait -> {
            throw refused(wait);
        });
    }

    private static RequestRefusedException refused(Duration wait) {
        return new RequestRefusedException(429, (int) LoginThrottledException.seconds(wait), THROTTLED,
                LoginThrottledException.minutes(wait));
    }

    /** How long the address must wait, when it has spent its failures of this kind for the current window. */
    Optional<Duration> refusal(Credential credential, String address) {
        Instant now = clock.instant();
        Instant window = windowStart(now);
        int failures = jdbc.sql("""
                select coalesce(sum(failures), 0) from platform_login_failure_window
                 where address = :address and credential = :credential and window_start = :window
                """).param("address", address).param("credential", credential.name())
                .param("window", Timestamp.from(window)).query(Integer.class).single();
        if (failures < properties.addressMaxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.plus(properties.addressWindow())));
    }

    /**
     * Counts the failure and, when it is past the limit, refuses it with 429 instead of its 401: counting and deciding
     * are one step, so parallel guesses that all passed {@link #refuseIfThrottled} still get no more than the limit.
     * The count stays, also when refused.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RequestRefusedException.class)
    public void failed(Credential credential, String address) {
        counted(credential, address).ifPresent(wait -> {
            throw refused(wait);
        });
    }

    /**
     * Counts the failure on its own (so the count stays when the request fails) and tells how long the address must
     * wait when this failure is past the limit; the upsert returns the new count, so concurrent failures each see
     * their own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Optional<Duration> counted(Credential credential, String address) {
        Instant now = clock.instant();
        Instant window = windowStart(now);
        int failures = jdbc.sql("""
                insert into platform_login_failure_window (address, credential, window_start, failures)
                values (:address, :credential, :window, 1)
                on conflict (address, credential, window_start)
                do update set failures = platform_login_failure_window.failures + 1
                returning failures
                """).param("address", address).param("credential", credential.name())
                .param("window", Timestamp.from(window)).query(Integer.class).single();
        // past windows count for nothing any more
        jdbc.sql("delete from platform_login_failure_window where window_start < :window")
                .param("window", Timestamp.from(window)).update();
        if (failures <= properties.addressMaxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.plus(properties.addressWindow())));
    }

    private Instant windowStart(Instant now) {
        long seconds = properties.addressWindow().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }
}

package com.lead2cash.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the failed-sign-in count and lockout of an account. One atomic statement per attempt: the row
 * lock serialises concurrent failures, so each is counted, and the user's version is left alone (a
 * sign-in attempt must not make an administrator's open edit stale).
 */
@Component
public class LoginRecorder {

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginRecorder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a failure; at {@code maxFailures} the account locks for {@code lockout}. True when this failure locked it. */
    @Transactional
    public boolean failed(String username, int maxFailures, Duration lockout) {
        Instant until = clock.instant().plus(lockout);
        return jdbc.sql("""
                update platform_user
                   set failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                       locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
                 where lower(username) = lower(:username)
                returning failed_logins = 0 and locked_until = :until
                """).param("max", maxFailures).param("until", Timestamp.from(until)).param("username", username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** A successful sign-in clears the count; the row is touched only when there is something to clear. */
    @Transactional
    public void succeeded(UUID userId) {
        jdbc.sql("""
                update platform_user set failed_logins = 0, locked_until = null
                 where id = :id and (failed_logins > 0 or locked_until is not null)
                """).param("id", userId).update();
    }
}

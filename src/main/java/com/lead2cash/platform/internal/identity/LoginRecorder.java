package com.lead2cash.platform.internal.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the failed-sign-in count and lockout of an account. Each attempt is counted and decided in one step under
 * the account's row lock: concurrent failures are each counted, and the one that reaches the limit locks the
 * account, so those behind it find it locked — however many arrive together, no more than the limit are answered as
 * a wrong password, and a right password that arrives after the lock does not open (or unlock) the account. The
 * user's version is left alone (a sign-in attempt must not make an administrator's open edit stale).
 */
@Component
public class LoginRecorder {

    /** What a failed password did to its account. */
    public enum Failure {
        /** Counted, below the limit: a wrong password. */
        COUNTED,
        /** Counted, and it reached the limit: a wrong password, and the account is locked from now on. */
        LOCKED,
        /** The account was locked already (by a failure that came first): not counted; the account is locked. */
        ALREADY_LOCKED,
        /** No account of that username. */
        NO_ACCOUNT
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginRecorder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a failure; at {@code maxFailures} the account locks for {@code lockout}; a locked account is not counted. */
    @Transactional
    public Failure failed(String username, int maxFailures, Duration lockout) {
        Instant now = clock.instant();
        Optional<Account> account = jdbc.sql("""
                select id, failed_logins, locked_until from platform_user
                 where lower(username) = lower(:username)
                   for no key update
                """).param("username", username).query(Account.class).optional();
        if (account.isEmpty()) {
            return Failure.NO_ACCOUNT;
        }
        Account row = account.get();
        if (row.locked(now)) {
            return Failure.ALREADY_LOCKED;
        }
        int failures = row.failedLogins() + 1;
        if (failures >= maxFailures) {
            jdbc.sql("update platform_user set failed_logins = 0, locked_until = :until where id = :id")
                    .param("until", Timestamp.from(now.plus(lockout))).param("id", row.id()).update();
            return Failure.LOCKED;
        }
        jdbc.sql("update platform_user set failed_logins = :failures where id = :id")
                .param("failures", failures).param("id", row.id()).update();
        return Failure.COUNTED;
    }

    /**
     * A right password clears the count, unless the account was locked meanwhile (by failures that came first): then
     * it is false, and the sign-in is refused as for any locked account. The row is touched only when there is
     * something to clear.
     */
    @Transactional
    public boolean succeeded(UUID userId) {
        Timestamp now = Timestamp.from(clock.instant());
        int cleared = jdbc.sql("""
                update platform_user set failed_logins = 0, locked_until = null
                 where id = :id and (failed_logins > 0 or locked_until is not null)
                   and (locked_until is null or locked_until <= :now)
                """).param("id", userId).param("now", now).update();
        if (cleared > 0) {
            return true;
        }
        return !jdbc.sql("select coalesce(locked_until > :now, false) from platform_user where id = :id")
                .param("id", userId).param("now", now).query(Boolean.class).optional().orElse(false);
    }

    private record Account(UUID id, int failedLogins, Timestamp lockedUntil) {
        boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        }
    }
}

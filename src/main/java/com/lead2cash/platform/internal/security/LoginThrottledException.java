package com.lead2cash.platform.internal.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because its client address failed too often lately; no password was checked. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins from this address");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until the address may try again, at least one. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** Whole minutes, rounded up, for people. */
    public long retryAfterMinutes() {
        return minutes(retryAfter);
    }

    static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    static long minutes(Duration wait) {
        return Math.max(1, (seconds(wait) + 59) / 60);
    }
}

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
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }

    /** Whole minutes, rounded up, for people. */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }
}

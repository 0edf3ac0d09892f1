package com.lead2cash.platform.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the failed-sign-in count and lockout of an account. */
@Component
public class LoginRecorder {

    private final UserRepository users;
    private final Clock clock;

    LoginRecorder(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Returns true when this failure locked the account. */
    @Transactional
    public boolean failed(String username, int maxFailures, Duration lockout) {
        return users.findByUsername(username).map(user -> {
            boolean locked = user.recordFailedLogin(maxFailures, lockout, clock.instant());
            users.save(user);
            return locked;
        }).orElse(false);
    }

    @Transactional
    public void succeeded(UUID userId) {
        // only touch the row when there is a failure count to clear: a sign-in must not bump the version
        users.findById(userId).filter(User::hasFailedLogins).ifPresent(user -> {
            user.recordSuccessfulLogin();
            users.save(user);
        });
    }
}

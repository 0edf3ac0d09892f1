package com.lead2cash.platform.internal.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in hardening: lockout of an account after repeated failures, throttling of a client address
 * after repeated failures (whatever the accounts), lifetime of API tokens, and the cost of a password
 * hash ({@code passwordHashStrength}: bcrypt's log2 rounds, 4–31; each step doubles the time).
 */
@ConfigurationProperties("l2c.security")
record SecurityProperties(int maxFailedLogins, Duration lockout, int addressMaxFailures, Duration addressWindow,
                          Duration tokenTtl, int passwordHashStrength) {
}

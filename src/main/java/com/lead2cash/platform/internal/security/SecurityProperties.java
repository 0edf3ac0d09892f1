package com.lead2cash.platform.internal.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in hardening: lockout of an account after repeated failures, throttling of a client address
 * after repeated failures (whatever the accounts), lifetime of API tokens.
 */
@ConfigurationProperties("l2c.security")
record SecurityProperties(int maxFailedLogins, Duration lockout, int addressMaxFailures, Duration addressWindow,
                          Duration tokenTtl) {
}

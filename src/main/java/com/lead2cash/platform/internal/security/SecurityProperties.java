package com.lead2cash.platform.internal.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in hardening: lockout after repeated failures, lifetime of API tokens. */
@ConfigurationProperties("l2c.security")
record SecurityProperties(int maxFailedLogins, Duration lockout, Duration tokenTtl) {
}

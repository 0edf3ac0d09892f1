package com.lead2cash.platform.internal.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The door in front of the password check: a throttled client address is refused before any account
 * is looked up, so its attempts neither count towards nor reveal anything about an account.
 */
class ThrottledAuthenticationManager implements AuthenticationManager {

    private final LoginThrottle throttle;
    private final AuthenticationManager passwords;

    ThrottledAuthenticationManager(LoginThrottle throttle, AuthenticationManager passwords) {
        this.throttle = throttle;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            throttle.refusal(details.getRemoteAddress()).ifPresent(wait -> {
                throw new LoginThrottledException(wait);
            });
        }
        return passwords.authenticate(authentication);
    }
}

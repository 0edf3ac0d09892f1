package com.lead2cash.platform.internal.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The door around the password check, for the form login and the token endpoint alike: a throttled client address
 * is refused before any account is looked up, so its attempts neither count towards nor reveal anything about an
 * account; and every outcome of the check is counted and decided in one step ({@link LoginAttempts}), so attempts
 * that passed the door together still get no more "wrong password" answers than the address's and the account's
 * limits.
 */
class ThrottledAuthenticationManager implements AuthenticationManager {

    private final LoginThrottle throttle;
    private final LoginAttempts attempts;
    private final AuthenticationManager passwords;

    ThrottledAuthenticationManager(LoginThrottle throttle, LoginAttempts attempts, AuthenticationManager passwords) {
        this.throttle = throttle;
        this.attempts = attempts;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        if (address != null) {
            throttle.refusal(address).ifPresent(wait -> {
                throw new LoginThrottledException(wait);
            });
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (AuthenticationException refused) {
            throw attempts.failed(String.valueOf(attempt.getPrincipal()), address, refused);
        }
        if (result.getPrincipal() instanceof L2cPrincipal principal) {
            attempts.succeeded(principal, address).ifPresent(refused -> {
                throw refused;
            });
        }
        return result;
    }
}

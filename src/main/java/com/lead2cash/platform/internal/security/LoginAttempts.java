package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.ClientAddressThrottle.Credential;
import com.lead2cash.platform.internal.audit.AuditRecorder;
import com.lead2cash.platform.internal.identity.LoginRecorder;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in failures towards the client address's throttle and the account's lockout, and writes every
 * sign-in, failure and sign-out to the audit trail, for the form login and the token endpoint alike. Each count is
 * one atomic step that also decides the answer ({@link ThrottledAuthenticationManager} asks), so parallel wrong
 * passwords get no more than the limits of "wrong password" answers: first the address (past its limit: 429, the
 * account untouched), then the account (past its limit: locked).
 */
@Component
class LoginAttempts {

    private final LoginRecorder logins;
    private final LoginThrottle throttle;
    private final AuditRecorder audit;
    private final SecurityProperties properties;

    LoginAttempts(LoginRecorder logins, LoginThrottle throttle, AuditRecorder audit, SecurityProperties properties) {
        this.logins = logins;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * A right password: clears the account's count, or, when failures that came first locked the account meanwhile,
     * refuses it as any locked account is refused (the exception returned).
     */
    Optional<AuthenticationException> succeeded(L2cPrincipal principal, String address) {
        if (!logins.succeeded(principal.currentUser().id())) {
            return Optional.of(failed(principal.getUsername(), address, new LockedException("account locked")));
        }
        audit.recordAs(principal.currentUser().id(), principal.getUsername(), "LOGIN", null);
        return Optional.empty();
    }

    /**
     * A refused sign-in, counted and decided: the answer to give, which is the refusal itself, 429 when the address
     * has spent its failures (with this one), or "locked" when a wrong password finds the account locked by failures
     * that came first. {@code address} is null when not known (no count).
     */
    AuthenticationException failed(String username, String address, AuthenticationException refusal) {
        if (address != null) {
            Optional<Duration> wait = throttle.counted(Credential.PASSWORD, address);
            if (wait.isPresent()) {
                // as when refused before the password check: the account is not touched
                return new LoginThrottledException(wait.get());
            }
        }
        if (!(refusal instanceof BadCredentialsException)) {
            audit.recordAs(null, username, "LOGIN_FAILED", reason(refusal));
            return refusal;
        }
        return switch (logins.failed(username, properties.maxFailedLogins(), properties.lockout())) {
            case COUNTED, NO_ACCOUNT -> {
                audit.recordAs(null, username, "LOGIN_FAILED", BAD_CREDENTIALS);
                yield refusal;
            }
            case LOCKED -> {
                audit.recordAs(null, username, "LOCKED", BAD_CREDENTIALS);
                yield refusal;
            }
            case ALREADY_LOCKED -> {
                LockedException locked = new LockedException("account locked");
                audit.recordAs(null, username, "LOGIN_FAILED", reason(locked));
                yield locked;
            }
        };
    }

    /** A wrong password (or no such account), as the audit detail's message key. */
    private static final String BAD_CREDENTIALS = "audit.detail.badCredentials";

    /**
     * Why a sign-in was refused, as the audit detail's message key (the audit screen and API say it in the reader's
     * language), never a class name.
     */
    private static String reason(AuthenticationException e) {
        return e instanceof DisabledException ? "audit.detail.accountDeactivated"
                : e instanceof LockedException ? "audit.detail.accountLocked"
                : e instanceof AccountExpiredException ? "audit.detail.accountExpired"
                : e instanceof CredentialsExpiredException ? "audit.detail.passwordExpired"
                : "audit.detail.signInRefused";
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof L2cPrincipal principal) {
            audit.recordAs(principal.currentUser().id(), principal.getUsername(), "LOGOUT", null);
        }
    }
}

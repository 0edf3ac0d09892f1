package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.internal.audit.AuditRecorder;
import com.lead2cash.platform.internal.identity.LoginRecorder;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in failures towards the account's lockout and the client address's throttle, and writes every sign-in, failure and sign-out to the
 * audit trail, for the form login and the token endpoint alike.
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

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof L2cPrincipal principal
                && !(event.getAuthentication() instanceof BearerTokenAuthentication)) {
            logins.succeeded(principal.currentUser().id());
            audit.recordAs(principal.currentUser().id(), principal.getUsername(), "LOGIN", null);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            throttle.failed(details.getRemoteAddress());
        }
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            boolean locked = logins.failed(username, properties.maxFailedLogins(), properties.lockout());
            audit.recordAs(null, username, locked ? "LOCKED" : "LOGIN_FAILED", "bad credentials");
        } else {
            audit.recordAs(null, username, "LOGIN_FAILED", reason(event.getException()));
        }
    }

    /** Why a sign-in was refused, in the audit's words ("bad credentials" above), never a class name. */
    private static String reason(AuthenticationException e) {
        return e instanceof DisabledException ? "account deactivated"
                : e instanceof LockedException ? "account locked"
                : e instanceof AccountExpiredException ? "account expired"
                : e instanceof CredentialsExpiredException ? "password expired"
                : "sign-in refused";
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof L2cPrincipal principal) {
            audit.recordAs(principal.currentUser().id(), principal.getUsername(), "LOGOUT", null);
        }
    }
}

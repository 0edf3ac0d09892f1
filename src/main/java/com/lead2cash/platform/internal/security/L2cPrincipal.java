package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.CurrentUser;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal; business code sees only its {@link CurrentUser}. The password hash is
 * erased after authentication, so the session stored in the database never carries it.
 */
final class L2cPrincipal implements UserDetails, CredentialsContainer, CurrentUser.HasCurrentUser, Serializable {

    // fixed so that sessions stored before passwordChangedAt was added still load (the field is then null)
    private static final long serialVersionUID = -309636079446089202L;

    private final CurrentUser currentUser;
    private final boolean enabled;
    private final boolean locked;
    private final Instant passwordChangedAt;
    private String password;

    L2cPrincipal(CurrentUser currentUser, String password, Instant passwordChangedAt, boolean enabled, boolean locked) {
        this.currentUser = currentUser;
        this.password = password;
        this.passwordChangedAt = passwordChangedAt;
        this.enabled = enabled;
        this.locked = locked;
    }

    /** When the password this principal signed in with was set; a session with an older one has ended. */
    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    @Override
    public CurrentUser currentUser() {
        return currentUser;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return currentUser.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return currentUser.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }
}

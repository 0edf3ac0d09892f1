package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.CurrentUser;
import java.io.Serializable;
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

    private final CurrentUser currentUser;
    private final boolean enabled;
    private final boolean locked;
    private String password;

    L2cPrincipal(CurrentUser currentUser, String password, boolean enabled, boolean locked) {
        this.currentUser = currentUser;
        this.password = password;
        this.enabled = enabled;
        this.locked = locked;
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

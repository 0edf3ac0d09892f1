package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.platform.internal.identity.User;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class L2cUserDetailsService implements UserDetailsService {

    private final IdentityService identity;
    private final Clock clock;

    L2cUserDetailsService(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = identity.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return principal(user);
    }

    L2cPrincipal principal(User user) {
        return new L2cPrincipal(new CurrentUser(user.id(), user.username(), user.displayName(), user.orgUnitId(),
                user.roleSet()), user.passwordHash(), user.passwordChangedAt(), user.active(), user.isLocked(clock.instant()));
    }
}

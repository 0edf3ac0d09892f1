package com.lead2cash.platform.internal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API request authenticated by a personal token. */
class BearerTokenAuthentication extends AbstractAuthenticationToken {

    private final L2cPrincipal principal;
    private final String token;

    BearerTokenAuthentication(L2cPrincipal principal, String token) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}

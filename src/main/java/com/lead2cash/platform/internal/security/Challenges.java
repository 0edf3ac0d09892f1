package com.lead2cash.platform.internal.security;

/**
 * The {@code WWW-Authenticate} values of the API's 401 answers (RFC 9110 requires one on every 401): how the caller
 * authenticates on the route it called. The web-to-lead key's is its module's ({@code lead}), as the key is.
 */
public final class Challenges {

    /** A bearer route called without a token (RFC 6750). */
    public static final String BEARER = "Bearer realm=\"lead2cash\"";

    /** A bearer route called with a token that is unknown, expired or revoked (RFC 6750 §3.1). */
    public static final String INVALID_BEARER = "Bearer realm=\"lead2cash\", error=\"invalid_token\"";

    /**
     * A refused sign-in at {@code POST /api/v1/auth/token}: its username and password go in the JSON body, which no
     * registered HTTP scheme describes, so a scheme of the product's names it (no {@code Basic}: a browser would ask
     * for a password in a dialog of its own).
     */
    public static final String PASSWORD = "Password realm=\"lead2cash\"";

    private Challenges() {
    }
}

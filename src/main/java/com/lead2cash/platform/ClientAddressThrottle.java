package com.lead2cash.platform;

/**
 * Throttling of a client address that keeps presenting wrong credentials: after
 * {@code l2c.security.address-max-failures} failures of one kind within {@code l2c.security.address-window}, the
 * address is refused (429 with {@code Retry-After}) until the window ends. Sign-in, bearer tokens and web-to-lead
 * keys count alike, each kind on its own count (docs/decisions/0037).
 */
public interface ClientAddressThrottle {

    /** The kinds of credential counted apart: a forgotten script's revoked token does not throttle sign-in. */
    enum Credential { PASSWORD, BEARER_TOKEN, API_KEY }

    /**
     * Refuses the address, before its credential is looked at, when it has spent its failures of this kind in the
     * current window: a {@link RequestRefusedException} of 429 with the seconds to wait.
     */
    void refuseIfThrottled(Credential credential, String address);

    /**
     * Counts a wrong credential of this kind from the address; it stays counted whatever the request does next. When
     * this failure is past the limit (a parallel guess that slipped by {@link #refuseIfThrottled}), refuses it with
     * the same 429 instead.
     */
    void failed(Credential credential, String address);
}

package com.lead2cash.confirmation.internal;

/**
 * A confirmation link that does not open: unknown, altered, another record's, revoked, expired without
 * an answer; or an answer it cannot take (already answered, not for its purpose). The public page
 * answers every case alike, so a refusal tells nothing.
 */
public class LinkRefusedException extends RuntimeException {

    LinkRefusedException() {
        super("confirmation link refused", null, false, false);
    }
}

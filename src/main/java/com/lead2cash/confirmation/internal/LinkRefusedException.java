package com.lead2cash.confirmation.internal;

/**
 * A confirmation link that does not open: unknown, altered, another record's, revoked, expired without
 * an answer; or an answer it cannot take (not for its purpose; one already answered is {@link LinkAnsweredException}). The public page
 * answers every case alike, so a refusal tells nothing.
 */
public class LinkRefusedException extends RuntimeException {

    LinkRefusedException() {
        super("confirmation link refused", null, false, false);
    }
}

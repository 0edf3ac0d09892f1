package com.lead2cash.confirmation;

import java.time.Instant;
import java.util.UUID;

/**
 * A sent confirmation as the API answers it (the link exists only in this answer), whichever module
 * sent it: one shape, so the API document has one schema for it.
 */
public record SentLink(UUID id, ConfirmationState state, String url, Instant expiresAt, boolean emailed) {

    public static SentLink of(SentConfirmation sent) {
        return new SentLink(sent.confirmation().id(), sent.confirmation().state(), sent.url(), sent.expiresAt(),
                sent.emailQueued());
    }

    /** The answer to sending a confirmation on its own: {@code {confirmation: {id, state, url, expiresAt, emailed}}}. */
    public record Answer(SentLink confirmation) {

        public static Answer of(SentConfirmation sent) {
            return new Answer(SentLink.of(sent));
        }
    }
}

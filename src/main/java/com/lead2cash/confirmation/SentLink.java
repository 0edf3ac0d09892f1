package com.lead2cash.confirmation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A sent confirmation as the API answers it (the link exists only in this answer), whichever module
 * sent it: one shape, so the API document has one schema for it.
 */
public record SentLink(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ConfirmationState state,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant expiresAt, boolean emailed,
                       @Schema(description = "Why the link did not go to the contact by e-mail; null when it did")
                       EmailNotSent emailNotSentReason) {

    public static SentLink of(SentConfirmation sent) {
        return new SentLink(sent.confirmation().id(), sent.confirmation().state(), sent.url(), sent.expiresAt(),
                sent.emailQueued(), sent.emailNotSent());
    }

    /**
     * The answer to sending a confirmation on its own:
     * {@code {confirmation: {id, state, url, expiresAt, emailed, emailNotSentReason}}}.
     */
    public record Answer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) SentLink confirmation) {

        public static Answer of(SentConfirmation sent) {
            return new Answer(SentLink.of(sent));
        }
    }
}

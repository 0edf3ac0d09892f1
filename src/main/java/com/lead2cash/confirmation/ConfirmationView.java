package com.lead2cash.confirmation;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmation as the rep and the owning module see it: its state now (EXPIRED once an open one is
 * past its expiry) and, once answered, who answered, when, from where and the hash of the version
 * they answered on.
 *
 * @param nameMatchesRecipient whether the typed name is the recipient's name (spaces and case ignored);
 *                             the name is recorded as typed either way
 */
public record ConfirmationView(UUID id, Purpose purpose, ConfirmationSubject subject, ConfirmationState state,
                               String title, UUID recipientContactId, String recipientName, String recipientEmail,
                               UUID ownerId, UUID requestedBy, Instant sentAt, Instant expiresAt, Instant viewedAt,
                               Instant answeredAt, String answeredName, boolean nameMatchesRecipient,
                               String answeredFrom, String answeredUserAgent, Integer rating, String comment,
                               String documentSha256) implements java.io.Serializable {

    public boolean isOpen() {
        return state.isOpen();
    }

    /** The same, its recipient's e-mail address as a reader sees it (SPEC §1: masked, or null where it is hidden). */
    public ConfirmationView withRecipientEmail(String shown) {
        return new ConfirmationView(id, purpose, subject, state, title, recipientContactId, recipientName,
                shown, ownerId, requestedBy, sentAt, expiresAt, viewedAt, answeredAt,
                answeredName, nameMatchesRecipient, answeredFrom, answeredUserAgent, rating, comment, documentSha256);
    }
}

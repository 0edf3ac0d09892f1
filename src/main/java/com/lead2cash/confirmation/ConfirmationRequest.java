package com.lead2cash.confirmation;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What an owning module asks a contact to confirm.
 *
 * @param ownerId     who owns the subject now (the customer's rep): their data scope decides who may see
 *                    the confirmation, unless the subject's {@link ConfirmationSubjects} names a newer owner
 * @param requestedBy the person sending it; told when the contact answers
 * @param expiresAt   when the link stops working; null takes the configured default
 * @param locale      the language of the e-mail (Chinese when null); the page follows the reader's browser, unless
 *                    the recipient names their language ({@link Recipient#language()})
 */
public record ConfirmationRequest(Purpose purpose, ConfirmationSubject subject, ConfirmationDocument document,
                                  Recipient recipient, UUID ownerId, UUID requestedBy, Instant expiresAt,
                                  Locale locale) {

    public ConfirmationRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(requestedBy, "requestedBy");
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}

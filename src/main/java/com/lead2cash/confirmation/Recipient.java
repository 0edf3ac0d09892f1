package com.lead2cash.confirmation;

import java.util.Objects;
import java.util.UUID;

/** The customer's contact who is asked to confirm; the e-mail may be null when the link goes by QR code only. */
public record Recipient(UUID contactId, String name, String email) {

    public Recipient {
        Objects.requireNonNull(name, "name");
        email = email == null || email.isBlank() ? null : email.strip();
    }
}

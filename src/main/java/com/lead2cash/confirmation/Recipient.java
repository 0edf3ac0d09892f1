package com.lead2cash.confirmation;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The customer's contact who is asked to confirm; the e-mail may be null when the link goes by QR code only.
 * {@code language}: the language the contact's record says they are written to in — the page their link opens is
 * then written in it, whatever their browser asks (an explicit {@code ?lang=} still switches); null when the owning
 * module names none, and the page follows the browser (decision 0098).
 */
public record Recipient(UUID contactId, String name, String email, Locale language) {

    public Recipient {
        Objects.requireNonNull(name, "name");
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** A recipient whose language the owning module does not name: the page follows the reader's browser. */
    public Recipient(UUID contactId, String name, String email) {
        this(contactId, name, email, null);
    }
}

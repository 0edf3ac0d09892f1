package com.lead2cash.confirmation;

import java.io.Serializable;
import java.time.Instant;

/**
 * A confirmation just sent, with its link. The link exists only here (the application keeps a hash of
 * it), so this is the moment to show it to the rep as text and as a QR code for WeChat. Serializable: a page
 * shows it after the send's redirect, carried there once as a flash attribute in the server-side session.
 *
 * @param qrCodeDataUri the link as a QR code, a {@code data:image/png;base64,…} URI for an {@code <img>}
 * @param emailQueued   whether the link went to the contact by e-mail
 * @param emailNotSent  why it did not, null when it did
 */
public record SentConfirmation(ConfirmationView confirmation, String url, Instant expiresAt, String qrCodeDataUri,
                               boolean emailQueued, EmailNotSent emailNotSent) implements Serializable {
}

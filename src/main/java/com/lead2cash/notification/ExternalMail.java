package com.lead2cash.notification;

import java.util.Objects;

/**
 * E-mail to someone outside the company (a customer's contact), through the same durable outbox as
 * notifications: stored in the caller's transaction, sent after commit by the delivery worker with
 * retries. The caller renders subject and body in the reader's language; the text is sent as plain
 * UTF-8 text.
 */
public interface ExternalMail {

    /** Whether e-mail can leave the application at all (an SMTP server is configured). */
    boolean available();

    /** Queues the e-mail; nothing is sent when the caller's transaction rolls back. */
    void send(Email email);

    /**
     * One e-mail. {@code kind} names what it is for ("confirmation.request") in the outbox and logs.
     */
    record Email(String to, String toName, String kind, String subject, String body) {

        public Email {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            if (to.isBlank() || to.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("not an e-mail address: " + to);
            }
        }
    }
}

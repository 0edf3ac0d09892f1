package com.lead2cash.confirmation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks customers' contacts to confirm in writing (SOP steps C6, Q3, quote and delivery acceptance,
 * complaint ratings). All calls join the caller's transaction.
 */
public interface Confirmations {

    /**
     * Freezes the document, issues a link and queues the e-mail to the contact (in the request's
     * language). Asking again for the same subject version and contact while that confirmation is open
     * sends a fresh link for it instead of a second confirmation.
     */
    SentConfirmation request(ConfirmationRequest request);

    /**
     * A new version of the subject exists: every open confirmation of an earlier version of the same
     * record becomes SUPERSEDED, and its links say so. Answers how many were superseded.
     */
    int supersede(ConfirmationSubject newVersion);

    /**
     * The owning module takes back what it asked of the record (every version): each open confirmation becomes
     * WITHDRAWN, and its links say so and take no answer. Answers how many were withdrawn.
     */
    int withdraw(String subjectType, String subjectId);

    /** The confirmations of a record, every version, newest first; for the owning module's screens (no scope check). */
    List<ConfirmationView> of(String subjectType, String subjectId);

    /**
     * A fresh link to an open confirmation, to show on the owning module's page (no scope check: the owning
     * module has checked its record); every earlier link stops working, so a link once shown can be replaced
     * without anyone storing it. Not e-mailed. 404 for an unknown confirmation; 422 (confirmation.notOpen) once
     * it is answered, superseded or expired.
     */
    SentConfirmation renewLink(UUID confirmationId, UUID issuedBy);

    /**
     * Of these confirmations, the ids of those the current user may open on their page ({@code /confirmations/{id}}),
     * by that page's own rule (the reader's data scope covers the subject's owner now): the owning module's page links
     * only those, as a reader who sees the record by another rule (operations, every order) would get a 404.
     */
    Set<UUID> openable(Collection<ConfirmationView> confirmations);

    /** One confirmation, no scope check (the owning module has checked its record). */
    Optional<ConfirmationView> find(UUID confirmationId);

    /**
     * Several confirmations at once (a list's worth), keyed by id, each with whether it reached its contact by e-mail
     * and, if not, why; unknown ids are absent. No scope check, as {@link #find}.
     */
    Map<UUID, ConfirmationDelivery> findAll(Collection<UUID> confirmationIds);
}

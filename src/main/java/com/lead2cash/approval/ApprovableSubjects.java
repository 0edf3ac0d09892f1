package com.lead2cash.approval;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A subject's say in the decisions on its approval, implemented as a bean by the module that owns the subject: whether
 * it may still be approved as its approvers were shown it. A policy change the policy moved on from may not
 * (docs/decisions/0032), nor an invoice request whose contract was terminated (decision 0044); a subject without
 * one always may. The approval page then offers reject and send back only, and says why.
 * <p>
 * And whether an approval of it that was sent back may be resubmitted as it stands: only while the record still waits
 * on that approval to be decided. A record that ends with the send-back (an invoice request is rejected, a credit change
 * dropped), is submitted anew in a new approval (a quote), or is resubmitted by its own module after the rework (a
 * contract) would follow no decision on it; the approval then offers no resubmission and refuses one.
 */
public interface ApprovableSubjects {

    String subjectType();

    /** True unless the module says otherwise: a subject nothing can overtake while it waits may always be approved. */
    default boolean approvableAsShown(String subjectId) {
        return true;
    }

    /** Why the subject may not be approved as shown, in the reader's words; empty when there is nothing to say. */
    default Optional<String> whyNotApprovable(String subjectId, Locale locale) {
        return Optional.empty();
    }

    /**
     * Whether this approval of the subject, sent back, may be resubmitted as it stands by its submitter (the approvals
     * screens and API), so that its decision still reaches the record; asked only while the subject still waits on it
     * ({@link #waitsOn}). True by default, and for a record the module does not know (its id none of its records').
     */
    default boolean resubmittable(String subjectId, UUID approvalId) {
        return true;
    }

    /**
     * Whether the subject still waits on this approval, sent back, to come to an end: false once the record ended with
     * the send-back (an invoice request is rejected with it). Its submitter then has nothing left to do with the
     * approval — no resubmission, and no withdrawal either (decisions 0068, 0070: a withdrawal hands back a record that
     * waits; this one waits no more) — so it offers them no action and refuses a withdrawal; the send-back notice
     * stays. True by default (a contract sent back still waits for its own page to resubmit it), and for a record the
     * module does not know.
     */
    default boolean waitsOn(String subjectId, UUID approvalId) {
        return true;
    }

    /** The subject id as a record's id, empty when it is none (not a UUID). */
    static Optional<UUID> recordId(String subjectId) {
        try {
            return Optional.of(UUID.fromString(subjectId));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

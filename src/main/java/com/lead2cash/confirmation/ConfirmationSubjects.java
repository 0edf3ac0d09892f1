package com.lead2cash.confirmation;

import com.lead2cash.platform.Scope;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Lets the module that owns a kind of subject say how it reads on screen ("需求分析报告 v2 · 上海某某"),
 * where it lives ("/customers/…") and who owns it now (for data scope). One bean per subject type;
 * without one, screens show the document title and scope follows the owner given when it was sent.
 */
public interface ConfirmationSubjects {

    /** The {@link ConfirmationSubject#type()} this bean knows. */
    String subjectType();

    /** What is known of the given subject ids; ids it does not know are absent. */
    Map<String, SubjectInfo> describe(Collection<String> subjectIds);

    /**
     * Whose subjects of this type the user on this thread reads, by the subject's owner: those the reader's data
     * scope covers, unless the owning module lets more people read its records (operations read every order, so
     * its acceptance too).
     */
    default Predicate<UUID> readableOwners(Scope scope) {
        return scope::covers;
    }

    /**
     * Whether the subject still waits for the contact's answer, asked in the answer's transaction before the
     * confirmation is locked. The owning module may lock its record here, as its own actions do before they withdraw
     * the links, so an answer and the module's decision are taken one after the other, never both. False: the
     * subject's open confirmations are withdrawn and the answer refused (the contact's page says it was withdrawn).
     */
    default boolean awaitsAnswer(String subjectId) {
        return true;
    }

    /**
     * Whether the user on this thread reads the recipient's e-mail address whole by SPEC §1's default rule (the field
     * rules then apply as to any contact's): {@code byOwner} — their personal-data scope covers the subject's owner —
     * unless the owning module's subject is owned by another than the contact's customer (a complaint, by its
     * after-sales handler): then as the customer module reads the contact.
     */
    default boolean readsRecipientWhole(ConfirmationView confirmation, boolean byOwner) {
        return byOwner;
    }

    /** How a subject reads, the app-relative path of its page (or null) and its current owner (or null). */
    record SubjectInfo(String label, String link, UUID ownerId) {
    }
}

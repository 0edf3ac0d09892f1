package com.lead2cash.confirmation;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

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

    /** How a subject reads, the app-relative path of its page (or null) and its current owner (or null). */
    record SubjectInfo(String label, String link, UUID ownerId) {
    }
}

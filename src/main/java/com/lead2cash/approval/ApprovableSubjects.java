package com.lead2cash.approval;

import java.util.Locale;
import java.util.Optional;

/**
 * A subject's say in the decisions on its approval, implemented as a bean by the module that owns the subject: whether
 * it may still be approved as its approvers were shown it. A policy change the policy moved on from may not
 * (docs/decisions/0032), nor an invoice request whose contract was terminated (decision 0044); a subject without
 * one always may. The approval page then offers reject and send back only, and says why.
 */
public interface ApprovableSubjects {

    String subjectType();

    boolean approvableAsShown(String subjectId);

    /** Why the subject may not be approved as shown, in the reader's words; empty when there is nothing to say. */
    default Optional<String> whyNotApprovable(String subjectId, Locale locale) {
        return Optional.empty();
    }
}

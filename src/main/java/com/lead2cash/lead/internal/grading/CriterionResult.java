package com.lead2cash.lead.internal.grading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How one grading criterion came out for a lead, with the reason as a message-bundle
 * key and its arguments so the lead page can show it in the user's language.
 *
 * @param messageKey e.g. {@code lead.grade.reason.budget.met}
 * @param args arguments of the bundle message in placeholder order
 */
public record CriterionResult(Criterion criterion, boolean met, String messageKey, List<Object> args) {

    public CriterionResult {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(messageKey, "messageKey");
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }
}

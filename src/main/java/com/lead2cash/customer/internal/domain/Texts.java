package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.FieldValidationException.FieldError;
import java.util.List;

/** How the customer forms read free text: trimmed, blank as absent, refused past its length. */
final class Texts {

    private Texts() {
    }

    /** The trimmed text, or null when blank; a refusal added for {@code field} when longer than {@code max}. */
    static String limited(List<FieldError> errors, String field, String value, int max) {
        String v = InputRules.trimToNull(value);
        if (v != null && v.length() > max) {
            errors.add(new FieldError(field, "customer.field.tooLong", max));
        }
        return v;
    }
}

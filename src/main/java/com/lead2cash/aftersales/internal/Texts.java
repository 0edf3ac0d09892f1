package com.lead2cash.aftersales.internal;

import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import java.util.List;

/** The one check of free text the after-sales records take: no control characters, within a length. */
public final class Texts {

    private Texts() {
    }

    /** The stripped text, null when blank; a problem is added to {@code errors} (and the text kept). */
    public static String checked(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        InputRules.fieldProblem(field, value, max).ifPresent(errors::add);
        return value.strip();
    }
}

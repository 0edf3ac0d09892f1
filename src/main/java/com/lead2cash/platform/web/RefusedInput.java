package com.lead2cash.platform.web;

import com.lead2cash.platform.FieldValidationException;
import java.util.List;

/**
 * What the input rules ({@code InputRules}: a control character, a date outside the years a record can have, …)
 * refused in a form's fields. They are checked for every request before any handler runs, so a refusal would end
 * on the error page; a form handler that takes this as a parameter gets them instead and {@link #check}s them
 * inside its own error handling, so they come back beside their fields with everything typed, like the module's
 * own refusals. A handler without it keeps the error page: nothing refused ever reaches a module unseen. An API
 * handler that takes it after its JSON {@code @RequestBody} gets the values the input rules refused in the body too
 * (read as null), to answer them in one 422 with its own refusals instead of the first alone; it must pass them on.
 */
public final class RefusedInput {

    public static final RefusedInput NONE = new RefusedInput(List.of());

    private final List<FieldValidationException.FieldError> errors;

    public RefusedInput(List<FieldValidationException.FieldError> errors) {
        this.errors = List.copyOf(errors);
    }

    /** Throws the refusals, field by field, when there are any; call it first inside the form's try. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    public List<FieldValidationException.FieldError> errors() {
        return errors;
    }
}

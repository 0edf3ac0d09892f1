package com.lead2cash.platform;

import java.util.List;

/** Input refused field by field; the UI shows each message beside its field, the API lists them. */
public class FieldValidationException extends DomainException {

    /** One refused field: the bundle key and arguments of its message. */
    public record FieldError(String field, String messageKey, List<Object> args) {
        public FieldError(String field, String messageKey, Object... args) {
            this(field, messageKey, List.of(args));
        }
    }

    private final List<FieldError> errors;

    public FieldValidationException(List<FieldError> errors) {
        super("error.validation");
        this.errors = List.copyOf(errors);
    }

    public FieldValidationException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, List.of(args))));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * The same refusal with one field named as the caller's body names it (the aggregate's {@code firstResponse} is
     * the API body's {@code text}): the field error points at what was sent.
     */
    public FieldValidationException renamed(String field, String asSent) {
        return new FieldValidationException(errors.stream()
                .map(e -> e.field().equals(field) ? new FieldError(asSent, e.messageKey(), e.args()) : e)
                .toList());
    }
}

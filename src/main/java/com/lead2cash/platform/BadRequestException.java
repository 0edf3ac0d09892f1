package com.lead2cash.platform;

/**
 * A request parameter that cannot be read at all — a forged or garbled cursor, a page size of zero —
 * answered 400 with the parameter named, before any query runs.
 */
public class BadRequestException extends FieldValidationException {

    public BadRequestException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}

package com.lead2cash.platform;

import java.util.List;

/**
 * A business rule refused an operation. Carries a message-bundle key and its arguments so that the
 * UI and the API tell the user why in their language; the API answers 422 unless a subclass says
 * otherwise.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final List<Object> args;

    public DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}

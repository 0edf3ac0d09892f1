package com.lead2cash.platform.internal.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value read but refused by the input rules ({@code InputRules}); Jackson adds the path of the field,
 * and the API answers 422 naming it.
 */
class RefusedInputException extends MismatchedInputException {

    private final String messageKey;
    private final transient Object[] args;

    RefusedInputException(JsonParser parser, Class<?> type, String messageKey, Object... args) {
        super(parser, messageKey, type);
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}

package com.lead2cash.customer;

import java.util.List;

/**
 * A unified social credit code (统一社会信用代码) that does not follow GB 32100-2015.
 *
 * <p>Carries a message-bundle key and its arguments so the web layer can explain the problem in the
 * user's language; {@link #getMessage()} is the English fallback for logs and API clients.
 */
public class InvalidUnifiedSocialCreditCodeException extends IllegalArgumentException {

    private final String messageKey;
    private final List<Object> args;

    InvalidUnifiedSocialCreditCodeException(String messageKey, String defaultMessage, Object... args) {
        super(defaultMessage);
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    /** Message-bundle key, e.g. {@code uscc.invalid.checkDigit}. */
    public String messageKey() {
        return messageKey;
    }

    /** Arguments for the bundle message, in placeholder order. */
    public List<Object> args() {
        return args;
    }
}

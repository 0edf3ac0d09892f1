package com.lead2cash.platform;

/**
 * A request refused before any business rule ran — an unknown API key (401), a spent rate budget
 * (429) — with the HTTP status the API answers and, optionally, when to retry.
 */
public class RequestRefusedException extends DomainException {

    private final int status;
    private final Integer retryAfterSeconds;

    public RequestRefusedException(int status, Integer retryAfterSeconds, String messageKey, Object... args) {
        super(messageKey, args);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package com.lead2cash.platform;

/**
 * A request refused before any business rule ran — an unknown API key (401), a spent rate budget
 * (429) — with the HTTP status the API answers and, optionally, when to retry.
 */
public class RequestRefusedException extends DomainException {

    private final int status;
    private final Integer retryAfterSeconds;
    private String challenge;

    public RequestRefusedException(int status, Integer retryAfterSeconds, String messageKey, Object... args) {
        super(messageKey, args);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * A 401: the credentials were missing or refused; {@code challenge} is the {@code WWW-Authenticate} header's
     * value that tells the caller how to authenticate (RFC 9110 requires one on every 401).
     */
    public static RequestRefusedException unauthenticated(String challenge, String messageKey, Object... args) {
        RequestRefusedException e = new RequestRefusedException(401, null, messageKey, args);
        e.challenge = challenge;
        return e;
    }

    /** The {@code WWW-Authenticate} value of a 401, or null. */
    public String challenge() {
        return challenge;
    }

    public int status() {
        return status;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

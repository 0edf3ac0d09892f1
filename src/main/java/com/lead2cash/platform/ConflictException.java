package com.lead2cash.platform;

/** The operation collides with the current state of a record (someone was first); the API answers 409. */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}

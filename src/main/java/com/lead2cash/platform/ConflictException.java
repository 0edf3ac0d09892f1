package com.lead2cash.platform;

/** The operation collides with the current state of a record (someone was first); the API answers 409. */
public class ConflictException extends DomainException {

    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    /**
     * What the API's problem carries besides its title, detail and code (say, the id of the record that was first, for
     * a client to show it); none unless a subclass names some.
     */
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of();
    }
}

package com.lead2cash.platform;

/** The record does not exist, or lies outside the caller's data scope: both answer 404 alike. */
public class RecordNotFoundException extends DomainException {

    public RecordNotFoundException(String entityType, Object id) {
        super("error.notFound", entityType, String.valueOf(id));
    }
}

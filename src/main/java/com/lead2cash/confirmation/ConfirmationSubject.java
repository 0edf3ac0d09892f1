package com.lead2cash.confirmation;

import java.util.Objects;

/**
 * The record a confirmation is about, in one version: ("NeedsAnalysis", id, 2). The owning module
 * chooses the type name and keeps it stable; a later version needs a new confirmation.
 */
public record ConfirmationSubject(String type, String id, int version) implements java.io.Serializable {

    public ConfirmationSubject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isBlank() || id.isBlank() || version < 1) {
            throw new IllegalArgumentException("a subject needs a type, an id and a version ≥ 1");
        }
    }

    public static ConfirmationSubject of(String type, Object id, int version) {
        return new ConfirmationSubject(type, String.valueOf(id), version);
    }
}

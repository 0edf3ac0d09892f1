package com.lead2cash.sop;

import java.util.Objects;

/** The business record a deadline is about: "Lead 0190…", "ApprovalStep 0190…". */
public record SubjectRef(String type, String id) {

    public SubjectRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static SubjectRef of(String type, Object id) {
        return new SubjectRef(type, String.valueOf(id));
    }
}

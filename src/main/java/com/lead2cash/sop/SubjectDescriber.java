package com.lead2cash.sop;

import java.util.Collection;
import java.util.Map;

/**
 * Lets the module that owns a kind of subject say how a deadline's subject reads on screen ("L-2026-000123
 * 上海某某公司") and where it lives ("/leads/…"). A module contributes one bean per subject type it
 * opens deadlines for; without one, screens show the type and id.
 */
public interface SubjectDescriber {

    /** The {@link SubjectRef#type()} this describer knows. */
    String subjectType();

    /** Labels for the given subject ids; ids it does not know are simply absent. */
    Map<String, SubjectLabel> describe(Collection<String> subjectIds);

    /** The ids that are UUIDs (most subjects' are), skipping any that are not. */
    static java.util.List<java.util.UUID> uuids(Collection<String> subjectIds) {
        java.util.List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (String id : subjectIds) {
            try {
                ids.add(java.util.UUID.fromString(id));
            } catch (IllegalArgumentException notAUuid) {
                // a subject of another kind of id is simply not described
            }
        }
        return ids;
    }

    /** How a subject reads, and the app-relative path of its page (or null). */
    record SubjectLabel(String label, String link) {
    }
}

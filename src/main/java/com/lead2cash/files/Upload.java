package com.lead2cash.files;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What an owning module hands over with a file's content: whose record it belongs to ("Contract",
 * id), the form field it came in (named in refusals), the name as uploaded, the kinds the owner
 * accepts, the owner's size limit, and the date before which it may not be deleted (R1, decided by
 * the owner from the policy).
 *
 * @param declaredSize the length the client announced (a multipart part's size), or -1 when unknown
 */
public record Upload(String ownerType, String ownerId, String field, String fileName, long declaredSize,
                     Set<FileKind> accepted, long maxBytes, LocalDate retainUntil) {

    public Upload {
        Objects.requireNonNull(ownerType, "ownerType");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(retainUntil, "retainUntil");
        if (accepted == null || accepted.isEmpty()) {
            throw new IllegalArgumentException("an upload accepts at least one kind of file");
        }
        accepted = Set.copyOf(accepted);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }
}

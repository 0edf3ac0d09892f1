package com.lead2cash.customer;

import com.lead2cash.platform.OrgDirectory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How a possible duplicate (疑似重复) is disclosed to the person it is shown to — one rule for lead
 * capture, lead import, customer creation and customer import: a record the asker may read comes with
 * its details; any other only says that a record of another team matches, on what, and who owns it
 * (so the asker knows whom to ask) — never its id, code, name, status or owner id. What matched is
 * decided by {@link CompanyKeys}; whether the asker may read a record, by the module that owns it.
 */
public final class DuplicateDisclosure {

    private DuplicateDisclosure() {
    }

    /**
     * A match as found, before it is cut to what the asker may know.
     *
     * @param kind     LEAD or CUSTOMER
     * @param readable whether the asker may read the record (decided by its module's data scope)
     */
    public record Found(String kind, UUID id, String code, String name, String status, List<String> matchedOn,
                        UUID ownerId, boolean readable) {
    }

    /**
     * A match as the asker may know it. {@code visible} false: id, code, name, status and ownerId are
     * null, and only {@code ownerName} says whom to ask.
     */
    public record Disclosed(String kind, boolean visible, UUID id, String code, String name, String status,
                            List<String> matchedOn, UUID ownerId, String ownerName) {
    }

    /** Cuts each match to what its asker may know; the owners' names are read in one lookup. */
    public static List<Disclosed> disclose(List<Found> found, OrgDirectory directory) {
        Set<UUID> owners = new HashSet<>();
        found.stream().map(Found::ownerId).filter(Objects::nonNull).forEach(owners::add);
        Map<UUID, OrgDirectory.Person> people = owners.isEmpty() ? Map.of() : directory.people(owners);
        return found.stream().map(f -> {
            OrgDirectory.Person owner = f.ownerId() == null ? null : people.get(f.ownerId());
            String ownerName = owner == null ? null : owner.displayName();
            return f.readable()
                    ? new Disclosed(f.kind(), true, f.id(), f.code(), f.name(), f.status(), f.matchedOn(), f.ownerId(),
                            ownerName)
                    : new Disclosed(f.kind(), false, null, null, null, null, f.matchedOn(), null, ownerName);
        }).toList();
    }
}

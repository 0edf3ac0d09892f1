package com.lead2cash.customer;

import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.ProtectedField;
import java.util.EnumMap;
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
 * <p>
 * A field the administrator hides from the asker's role (docs/decisions/0022) is never matched for them, as by a
 * search: the phone or e-mail is left out of what matched, and a record matched on nothing else is not told at all
 * ({@link Disclosed#told()} false) — readable by the asker or not. Telling it in any form would let a guessed phone be
 * tried against a record's name (the record alone, or it and one more) to learn which record holds it.
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

        /** Whether the match is told the asker at all: false when only fields hidden from them matched. */
        public boolean told() {
            return !matchedOn.isEmpty();
        }
    }

    /**
     * Cuts each match to what its asker (the user on this thread, whose field rules apply) may know, one for one (a
     * match not {@linkplain Disclosed#told() told} is for the caller to leave out); the owners' names are read in one
     * lookup.
     */
    public static List<Disclosed> disclose(List<Found> found, OrgDirectory directory, FieldRules rules) {
        Set<UUID> owners = new HashSet<>();
        found.stream().map(Found::ownerId).filter(Objects::nonNull).forEach(owners::add);
        Map<UUID, OrgDirectory.Person> people = owners.isEmpty() ? Map.of() : directory.people(owners);
        Map<ProtectedField, Boolean> hidden = new EnumMap<>(ProtectedField.class);
        return found.stream().map(f -> {
            OrgDirectory.Person owner = f.ownerId() == null ? null : people.get(f.ownerId());
            String ownerName = owner == null ? null : owner.displayName();
            List<String> told = f.matchedOn().stream().filter(key -> {
                ProtectedField field = fieldOf(f.kind(), key);
                return field == null || !hidden.computeIfAbsent(field, x -> rules.sight(x).hidden());
            }).toList();
            if (told.isEmpty()) {
                // found only through a field hidden from the asker: not told, even to a reader who may open it
                return new Disclosed(f.kind(), false, null, null, null, null, told, null, null);
            }
            if (f.readable()) {
                return new Disclosed(f.kind(), true, f.id(), f.code(), f.name(), f.status(), told, f.ownerId(), ownerName);
            }
            return new Disclosed(f.kind(), false, null, null, null, null, told, null, ownerName);
        }).toList();
    }

    /** The protected field a match on {@code key} of a record of {@code kind} was made through; null for none. */
    static ProtectedField fieldOf(String kind, String key) {
        boolean lead = "LEAD".equals(kind);
        return switch (key) {
            case "PHONE" -> lead ? ProtectedField.LEAD_PHONE : ProtectedField.CONTACT_PHONE;
            case "EMAIL" -> lead ? ProtectedField.LEAD_EMAIL : ProtectedField.CONTACT_EMAIL;
            default -> null;
        };
    }
}

package com.lead2cash.platform.web;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * A list filtered by an owner its owner select does not offer — a person deactivated since (docs/decisions/0095: the
 * handover links of {@code HeldRecords} name them) — still shows that owner chosen: the select offers them, marked
 * inactive ({@code owner.inactiveOption}), so the select says what the list is filtered by and another filter applied
 * keeps it. Only an inactive person within the reader's scope: an active one the select leaves out is not for this
 * reader to filter by, and one outside their scope is not named to them.
 */
public final class InactiveOwner {

    private InactiveOwner() {
    }

    /**
     * The person the list is filtered by when the select's options leave them out and they are inactive and within
     * the scope; empty otherwise (no owner filter, an offered one, an unknown id, an active person, outside the scope).
     */
    public static Optional<OrgDirectory.Person> of(UUID ownerId, Collection<OrgDirectory.Person> offered,
                                                   OrgDirectory directory, Scope scope) {
        if (ownerId == null || offered.stream().anyMatch(p -> p.id().equals(ownerId)) || !scope.covers(ownerId)) {
            return Optional.empty();
        }
        return directory.person(ownerId).filter(p -> !p.active());
    }
}

package com.lead2cash.platform;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The current user's data scope, resolved to the set of record owners it covers ({@code null} owners
 * = everyone, for scope ALL). Modules put {@link #ownerPredicate(String)} into their list queries and
 * bind {@link #params()}; single-record reads go through {@link DataScope#requireVisible}.
 */
public record Scope(ScopeKind kind, UUID userId, Set<UUID> owners) {

    public static final String OWNERS_PARAM = "scopeOwners";

    public Scope {
        owners = owners == null ? null : Set.copyOf(owners);
        if (kind != ScopeKind.ALL && owners == null) {
            throw new IllegalArgumentException("a limited scope needs its owners");
        }
    }

    public boolean isAll() {
        return kind == ScopeKind.ALL;
    }

    public boolean covers(UUID ownerId) {
        return isAll() || (ownerId != null && owners.contains(ownerId));
    }

    /** An SQL predicate on the given owner column; bind {@link #params()} with it. */
    public String ownerPredicate(String ownerColumn) {
        return isAll() ? "true" : ownerColumn + " in (:" + OWNERS_PARAM + ")";
    }

    /**
     * An SQL predicate for records that have an owner the scope covers (not the unowned ones, a pool's); bind
     * {@link #params()} with it. A limited scope's owner list says "not null" already: said again beside it,
     * PostgreSQL takes the two for independent and cuts its estimate of the owners' records by the unowned
     * share (by half for the customers at L, where it made reading the owners' index look cheap).
     */
    public String ownedPredicate(String ownerColumn) {
        return isAll() ? ownerColumn + " is not null" : ownerPredicate(ownerColumn);
    }

    public Map<String, Object> params() {
        return isAll() ? Map.of() : Map.of(OWNERS_PARAM, owners);
    }
}

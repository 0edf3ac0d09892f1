package com.lead2cash.platform;

import java.util.UUID;

/**
 * The one place data scope (SELF / TEAM / ALL) is decided. Every module's list query takes
 * its predicate from {@link #current()}, and every single-record read or write of an owned record
 * calls {@link #requireVisible}, so a record outside the caller's scope answers 404 everywhere alike.
 */
public interface DataScope {

    /** The scope of the user on this thread. */
    Scope current();

    /** The scope of the given user. */
    Scope of(CurrentUser user);

    /**
     * The user's unit and the units below it (TEAM) whatever their roles grant: for a module that lets the
     * head of a unit whose role alone sees only its own records oversee the unit (an after-sales manager).
     */
    Scope teamOf(CurrentUser user);

    /**
     * The units {@link #teamOf} takes the user's team from: their unit and those below it — for a view that counts
     * records by the unit recorded on them rather than by their owner now (compliance by team, decision 0124).
     */
    java.util.List<UUID> teamUnits(CurrentUser user);

    /**
     * The owners whose {@code field} the user on this thread reads unmasked: the owner and those above (SPEC §1) —
     * {@link #current()} but for roles that read everything without standing above anyone
     * ({@link Role#personalDataScope}), and only through the roles an administrator left on the default rule for the
     * field ({@link FieldRules}); nobody's when none is.
     */
    Scope personalData(ProtectedField field);

    /** Throws {@link RecordNotFoundException} unless the current user's scope covers the owner. */
    default void requireVisible(String entityType, Object id, UUID ownerId) {
        if (!current().covers(ownerId)) {
            throw new RecordNotFoundException(entityType, id);
        }
    }
}

package com.lead2cash.platform;

import java.util.List;
import java.util.UUID;

/**
 * A module that keeps org unit ids on its records (a survey's team): an org unit its records name is not deleted, and
 * the administrator is told what holds it (docs/decisions/0096). Asked, in the administrator's transaction, before a
 * unit is deleted.
 */
public interface OrgUnitReferences {

    /** The module's records that name the unit, by kind: a message key taking the count as {0}; empty when none. */
    List<Holding> holding(UUID unitId);

    /** Records of one kind that name a unit: {@code messageKey} says what they are and why the unit stays. */
    record Holding(String messageKey, long count) {
    }
}

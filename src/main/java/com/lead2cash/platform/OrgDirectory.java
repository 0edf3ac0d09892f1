package com.lead2cash.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Who is who in the company, for modules that route work to people (assignment, escalation, approvals). */
public interface OrgDirectory {

    /** A person as other modules see them. */
    record Person(UUID id, String username, String displayName, String email, UUID orgUnitId,
                  LocalDate hireDate, boolean active, Set<Role> roles) {
    }

    Optional<Person> person(UUID userId);

    /** Several people at once (list screens naming owners), keyed by id; unknown ids are absent. */
    java.util.Map<UUID, Person> people(java.util.Collection<UUID> userIds);

    /**
     * The person's line manager: the manager of their unit, or — when they manage that unit
     * themselves or it has none — the nearest manager up the tree.
     */
    Optional<Person> managerOf(UUID userId);

    /** {@link #managerOf} for several people at once (a sweep escalating a hundred breaches), keyed by person. */
    java.util.Map<UUID, Person> managersOf(java.util.Collection<UUID> userIds);

    /** The manager responsible for a unit: its own, or the nearest one above it. */
    Optional<Person> managerOfUnit(UUID orgUnitId);

    /**
     * The unit and each unit above it, nearest first, up to the root: the line that says whether one unit lies
     * within another. Empty for an unknown unit.
     */
    List<UUID> unitAndAbove(UUID orgUnitId);

    /** The unit and every unit below it (a TEAM scope's units, as {@code DataScope.teamOf} counts them). */
    List<UUID> unitAndBelow(UUID orgUnitId);

    /**
     * The lowest manager above all these people: the one responsible for the lowest unit that holds them all,
     * never one of them (then the next one up). Absent when nobody manages that part of the tree.
     */
    Optional<Person> commonManagerOf(java.util.Collection<UUID> userIds);

    /** The unit's name (a team as reports label it), absent for an unknown id. */
    Optional<String> unitName(UUID orgUnitId);

    /**
     * Everyone whose own unit is this one, active or not (a team as reports count it: by the unit each owner
     * is in, not the units below it).
     */
    List<Person> membersOf(UUID orgUnitId);

    /** Active people in the unit and every unit below it. */
    List<Person> activeMembersOf(UUID orgUnitId);

    /** Active people holding the role. */
    List<Person> activeWithRole(Role role);
}

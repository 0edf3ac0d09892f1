package com.lead2cash.approval.internal.domain;

import com.lead2cash.platform.Role;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting and on whose authority: their own roles, the people who delegated their
 * approvals to them for today (代理审批), with those people's roles, and whether the person a task names still fits
 * its step today ({@link StepFit}, 0092): a task is theirs, or their delegator's, only while that person fits it.
 */
public record Actor(UUID userId, Set<Role> roles, Map<UUID, Set<Role>> delegators, StepFit fit) {

    public Actor {
        roles = Set.copyOf(roles);
        delegators = Map.copyOf(delegators);
        java.util.Objects.requireNonNull(fit, "fit");
    }

    /** An actor in an org that does not change ({@link StepFit#UNCHANGED}): the rules' unit tests. */
    public Actor(UUID userId, Set<Role> roles, Map<UUID, Set<Role>> delegators) {
        this(userId, roles, delegators, StepFit.UNCHANGED);
    }

    public static Actor of(UUID userId, Set<Role> roles) {
        return new Actor(userId, roles, Map.of());
    }

    /** A delegator holding the role, if any (the delegate may then act on their behalf). */
    public Optional<UUID> delegatorWithRole(Role role) {
        return delegators.entrySet().stream().filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey)
                .sorted().findFirst();
    }
}

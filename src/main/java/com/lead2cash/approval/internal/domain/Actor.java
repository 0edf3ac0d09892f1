package com.lead2cash.approval.internal.domain;

import com.lead2cash.platform.Role;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting and on whose authority: their own roles, and the people who delegated their
 * approvals to them for today (代理审批), with those people's roles.
 */
public record Actor(UUID userId, Set<Role> roles, Map<UUID, Set<Role>> delegators) {

    public Actor {
        roles = Set.copyOf(roles);
        delegators = Map.copyOf(delegators);
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

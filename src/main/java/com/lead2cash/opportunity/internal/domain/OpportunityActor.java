package com.lead2cash.opportunity.internal.domain;

import com.lead2cash.platform.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks what they may do with an opportunity: their id and roles, whether their data scope covers the
 * owner, and whether they hold an invitation to its panel.
 */
public record OpportunityActor(UUID userId, Set<Role> roles, boolean coversOwner, boolean invited) {

    public OpportunityActor {
        roles = Set.copyOf(roles);
    }

    public boolean isManager() {
        return roles.stream().anyMatch(Role::isManagerial);
    }

    /** Those who work opportunities: reps, account managers, managers and directors. */
    public boolean sells() {
        return isManager() || roles.contains(Role.SALES_REP) || roles.contains(Role.ACCOUNT_MANAGER);
    }
}

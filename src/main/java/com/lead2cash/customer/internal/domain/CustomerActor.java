package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks what they may do with a customer: their id, roles, and whether their data scope covers the
 * customer's owner (the owner, or someone above them).
 */
public record CustomerActor(UUID userId, Set<Role> roles, boolean coversOwner) {

    public CustomerActor {
        roles = Set.copyOf(roles);
    }

    /** Sales directors and regional / sales managers transfer, merge and assign. */
    public boolean isManager() {
        return roles.stream().anyMatch(Role::isManagerial);
    }

    /** Reps and account managers own customers and claim them from the pool. */
    public boolean isRep() {
        return roles.contains(Role.SALES_REP) || roles.contains(Role.ACCOUNT_MANAGER);
    }

    /** Those who work customers day to day: reps, managers, sales assistants, administrators. */
    public boolean worksCustomers() {
        return isManager() || isRep() || roles.contains(Role.SALES_ASSISTANT) || roles.contains(Role.ADMIN);
    }

    public boolean isFinance() {
        return roles.contains(Role.FINANCE);
    }
}

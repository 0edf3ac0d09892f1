package com.lead2cash.contract.internal.domain;

import com.lead2cash.platform.Role;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks what they may do with a contract: their roles; whether they work it (its owner, a manager
 * above the owner, the team's sales assistant); the departments whose review task waits for them now;
 * and whether a risk-review or final-approval task waits for them; {@code today}, the company's calendar day they
 * ask on, for what depends on the date (R1: no deletion offered before the retention has ended).
 */
public record ContractActor(UUID userId, Set<Role> roles, boolean worksContract, boolean managesOwner,
                            Set<Department> pendingReviews, boolean pendingApproval, LocalDate today) {

    public ContractActor {
        roles = Set.copyOf(roles);
        pendingReviews = Set.copyOf(pendingReviews);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}

package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApproverRule;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Resolves approver rules through the org tree. Whoever cannot be found — no manager that far up,
 * an inactive or unknown user, a role nobody holds, or the submitter themselves (nobody approves
 * their own request) — falls to the sales directors' pool, with the reason kept in the history.
 */
@Component
class ApproverDirectory implements ApproverResolver {

    static final Role FALLBACK = Role.SALES_DIRECTOR;

    private final OrgDirectory org;

    ApproverDirectory(OrgDirectory org) {
        this.org = org;
    }

    @Override
    public Assignment resolve(ApproverRule rule, UUID submitterId) {
        if (rule instanceof ApproverRule.ByRole r) {
            return org.activeWithRole(r.role()).stream().anyMatch(p -> !p.id().equals(submitterId))
                    ? Assignment.pool(r.role()) : fallback("approval.fallback.noRoleHolder");
        }
        if (rule instanceof ApproverRule.ByUser u) {
            return org.person(u.userId())
                    .filter(OrgDirectory.Person::active)
                    .map(p -> p.id().equals(submitterId) ? fallback("approval.fallback.self") : Assignment.person(p.id()))
                    .orElseGet(() -> fallback("approval.fallback.userInactive"));
        }
        return manager(submitterId, ((ApproverRule.SubmittersManager) rule).levelsUp())
                .map(p -> Assignment.person(p.id()))
                .orElseGet(() -> fallback("approval.fallback.noManager"));
    }

    /** Walks up the line: 1 = the submitter's manager, 2 = that manager's manager. */
    private Optional<OrgDirectory.Person> manager(UUID submitterId, int levelsUp) {
        UUID current = submitterId;
        Optional<OrgDirectory.Person> manager = Optional.empty();
        for (int level = 0; level < levelsUp; level++) {
            manager = org.managerOf(current).filter(OrgDirectory.Person::active);
            if (manager.isEmpty() || manager.get().id().equals(current) || manager.get().id().equals(submitterId)) {
                return Optional.empty();
            }
            current = manager.get().id();
        }
        return manager;
    }

    private static Assignment fallback(String reason) {
        return new Assignment(null, FALLBACK, reason);
    }
}

package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.internal.domain.Assignment;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Resolves approver rules through the org tree. Whoever cannot be found — no manager that far up,
 * an inactive or unknown user, a role nobody holds, or the submitter themselves (nobody approves
 * their own request) — falls to the sales directors' pool, with the reason kept in the history.
 */
@Component
public class ApproverDirectory implements ApproverResolver {

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
        if (rule instanceof ApproverRule.DepartmentHead h) {
            return departmentHead(h.role(), submitterId);
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

    /**
     * A holder of the role who manages their own unit (the longest-serving of several); else the role's
     * pool with the reason; nobody holding the role falls to the directors like any other rule.
     */
    private Assignment departmentHead(Role role, UUID submitterId) {
        List<OrgDirectory.Person> holders = org.activeWithRole(role).stream()
                .filter(p -> !p.id().equals(submitterId)).toList();
        if (holders.isEmpty()) {
            return fallback("approval.fallback.noRoleHolder");
        }
        return holders.stream()
                .filter(p -> p.orgUnitId() != null && org.managerOfUnit(p.orgUnitId())
                        .map(m -> m.id().equals(p.id())).orElse(false))
                .min(Comparator.comparing((OrgDirectory.Person p) -> p.hireDate() == null ? LocalDate.MAX : p.hireDate())
                        .thenComparing(OrgDirectory.Person::id))
                .map(p -> Assignment.person(p.id()))
                .orElseGet(() -> new Assignment(null, role, "approval.fallback.noDepartmentHead"));
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

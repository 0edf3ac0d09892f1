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

    private final OrgDirectory org;
    private final DelegateAuthority authority;

    ApproverDirectory(OrgDirectory org, DelegateAuthority authority) {
        this.org = org;
        this.authority = authority;
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
        Optional<OrgDirectory.Person> manager = manager(submitterId, ((ApproverRule.SubmittersManager) rule).levelsUp());
        if (manager.isEmpty()) {
            return fallback("approval.fallback.noManager");
        }
        // a head holding no approving role (a manager made a rep, still named the unit's head) approves nothing (0069)
        return approving(manager.get()) ? Assignment.person(manager.get().id())
                : fallback("approval.fallback.managerNotApprover");
    }

    /**
     * Docs/decisions/0092: whether the person an open task of a step with these rules names fits it today: the user a
     * rule names; a holder of the role who heads their own unit (any of them, not only the longest-serving); the
     * submitter's manager that many levels up, holding an approving role, or one who holds that manager's approval
     * authority ({@link DelegateAuthority}, 0069) — or, handed the task as the delegate standing in for its deactivated
     * approver ({@code standsInFor}, 0073), they hold that person's authority. Nobody inactive, never the submitter.
     */
    public boolean fits(UUID personId, List<ApproverRule> rules, UUID submitterId, UUID standsInFor) {
        Optional<OrgDirectory.Person> person = org.person(personId).filter(OrgDirectory.Person::active);
        if (person.isEmpty() || personId.equals(submitterId)) {
            return false;
        }
        for (ApproverRule rule : rules) {
            if (namedBy(rule, person.get(), submitterId)) {
                return true;
            }
        }
        return standsInFor != null && org.person(standsInFor)
                .filter(absent -> authority.refusal(absent, person.get()).isEmpty()).isPresent();
    }

    private boolean namedBy(ApproverRule rule, OrgDirectory.Person person, UUID submitterId) {
        if (rule instanceof ApproverRule.ByUser u) {
            return u.userId().equals(person.id());
        }
        if (rule instanceof ApproverRule.DepartmentHead h) {
            return person.roles().contains(h.role()) && headsOwnUnit(person);
        }
        if (rule instanceof ApproverRule.SubmittersManager m) {
            // the manager the step names now, or one who may decide their approvals (0069: a manager whose unit is
            // theirs or above it, a sales director) — the next manager up who took a deactivated head's task keeps it
            // when the head comes back; a manager moved to another team, or made a rep, holds neither
            return approving(person) && manager(submitterId, m.levelsUp()).filter(this::approving)
                    .filter(now -> now.id().equals(person.id()) || authority.refusal(now, person).isEmpty())
                    .isPresent();
        }
        // a role names its pool, never a person
        return false;
    }

    private boolean approving(OrgDirectory.Person person) {
        return person.roles().stream().anyMatch(DelegateAuthority.APPROVING::contains);
    }

    private boolean headsOwnUnit(OrgDirectory.Person p) {
        return p.orgUnitId() != null && org.managerOfUnit(p.orgUnitId()).map(m -> m.id().equals(p.id())).orElse(false);
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
                .filter(this::headsOwnUnit)
                .min(Comparator.comparing((OrgDirectory.Person p) -> p.hireDate() == null ? LocalDate.MAX : p.hireDate())
                        .thenComparing(OrgDirectory.Person::id))
                .map(p -> Assignment.person(p.id()))
                .orElseGet(() -> new Assignment(null, role, "approval.fallback.noDepartmentHead"));
    }

    /**
     * Walks up the submitter's line, their unit and each one above it: 1 = the submitter's manager (the nearest active
     * head above them), 2 = the next one up, and so on. A head who is no longer in the line — moved to another team
     * while the unit still names them — manages it no more and is passed over, as a deactivated head is (0092): the
     * next manager up the line stands in.
     */
    private Optional<OrgDirectory.Person> manager(UUID submitterId, int levelsUp) {
        UUID unit = org.person(submitterId).map(OrgDirectory.Person::orgUnitId).orElse(null);
        if (unit == null) {
            return Optional.empty();
        }
        List<UUID> line = org.unitAndAbove(unit);
        java.util.Set<UUID> passed = new java.util.HashSet<>(List.of(submitterId));
        int level = 0;
        for (UUID step : line) {
            Optional<OrgDirectory.Person> head = org.managerOfUnit(step);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            if (!passed.add(head.get().id()) || !head.get().active() || !line.contains(head.get().orgUnitId())) {
                continue;
            }
            if (++level == levelsUp) {
                return head;
            }
        }
        return Optional.empty();
    }

    private static Assignment fallback(String reason) {
        return new Assignment(null, FALLBACK, reason);
    }
}

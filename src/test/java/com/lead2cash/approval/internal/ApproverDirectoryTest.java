package com.lead2cash.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.internal.domain.Assignment;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Approvers resolved through the org tree, and the fallback to the sales directors when nobody can be found. */
class ApproverDirectoryTest {

    final Map<UUID, OrgDirectory.Person> people = new HashMap<>();
    final Map<UUID, UUID> managerOf = new HashMap<>();
    final Map<UUID, UUID> unitManager = new HashMap<>();
    final Map<UUID, UUID> parentOf = new HashMap<>();

    final OrgDirectory org = new OrgDirectory() {
        public Optional<Person> person(UUID id) { return Optional.ofNullable(people.get(id)); }
        public Map<UUID, Person> people(java.util.Collection<UUID> ids) {
            Map<UUID, Person> found = new HashMap<>();
            ids.forEach(id -> Optional.ofNullable(people.get(id)).ifPresent(p -> found.put(id, p)));
            return found;
        }
        public Optional<Person> managerOf(UUID id) { return Optional.ofNullable(managerOf.get(id)).map(people::get); }
        public Map<UUID, Person> managersOf(java.util.Collection<UUID> ids) {
            Map<UUID, Person> found = new HashMap<>();
            ids.forEach(id -> managerOf(id).ifPresent(m -> found.put(id, m)));
            return found;
        }
        public Optional<Person> managerOfUnit(UUID unit) {
            return unitAndAbove(unit).stream().map(unitManager::get).filter(java.util.Objects::nonNull).findFirst()
                    .map(people::get);
        }
        public Optional<String> unitName(UUID unit) { return Optional.empty(); }
        public List<Person> membersOf(UUID unit) { return List.of(); }
        public List<UUID> unitAndBelow(UUID unit) { return List.of(unit); }
        public List<UUID> unitAndAbove(UUID unit) {
            List<UUID> line = new java.util.ArrayList<>();
            for (UUID u = unit; u != null; u = parentOf.get(u)) {
                line.add(u);
            }
            return line;
        }
        public Optional<Person> commonManagerOf(java.util.Collection<UUID> ids) { return Optional.empty(); }
        public List<Person> activeMembersOf(UUID unit) { return List.of(); }
        public List<Person> activeWithRole(Role role) {
            return people.values().stream().filter(p -> p.active() && p.roles().contains(role)).toList();
        }
    };

    final ApproverDirectory directory = new ApproverDirectory(org, new DelegateAuthority(org));

    UUID person(Role role, boolean active) {
        UUID id = UUID.randomUUID();
        people.put(id, new OrgDirectory.Person(id, "u" + id, "U", null, UUID.randomUUID(), LocalDate.of(2020, 1, 1),
                active, Set.of(role)));
        return id;
    }

    /** The person as they are now, in another unit or with other roles (an administrator changed them). */
    void change(UUID id, UUID unit, Role... roles) {
        OrgDirectory.Person p = people.get(id);
        people.put(id, new OrgDirectory.Person(id, p.username(), p.displayName(), p.email(), unit, p.hireDate(),
                p.active(), roles.length == 0 ? p.roles() : Set.of(roles)));
    }

    void deactivate(UUID id) {
        OrgDirectory.Person p = people.get(id);
        people.put(id, new OrgDirectory.Person(id, p.username(), p.displayName(), p.email(), p.orgUnitId(),
                p.hireDate(), false, p.roles()));
    }

    /** A region and a team in it, each headed by a manager who is in it; a rep and a second manager in the team. */
    record Line(UUID region, UUID team, UUID regional, UUID manager, UUID rep, UUID deputy) {
    }

    Line line() {
        UUID region = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        parentOf.put(team, region);
        UUID regional = person(Role.REGIONAL_MANAGER, true);
        change(regional, region);
        unitManager.put(region, regional);
        UUID manager = person(Role.SALES_MANAGER, true);
        change(manager, team);
        unitManager.put(team, manager);
        UUID rep = person(Role.SALES_REP, true);
        change(rep, team);
        UUID deputy = person(Role.SALES_MANAGER, true);
        change(deputy, team);
        return new Line(region, team, regional, manager, rep, deputy);
    }

    static final List<ApproverRule> MANAGER = List.of(new ApproverRule.SubmittersManager(1));

    @Test
    void theSubmittersManagerAndTheManagersManagerComeFromTheOrgTree() {
        Line l = line();
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(1), l.rep())).isEqualTo(Assignment.person(l.manager()));
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(2), l.rep())).isEqualTo(Assignment.person(l.regional()));
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(1), l.manager()))
                .as("a head's own manager is the next one up").isEqualTo(Assignment.person(l.regional()));
    }

    @Test
    void noManagerThatFarUpFallsToTheSalesDirectorsWithTheReason() {
        Line l = line();
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(3), l.rep()))
                .isEqualTo(new Assignment(null, Role.SALES_DIRECTOR, "approval.fallback.noManager"));
    }

    @Test
    void D0092_theManagerStepFitsTheSubmittersManagerOrWhoeverHoldsTheirAuthorityAndNobodyElse() {
        Line l = line();
        UUID other = UUID.randomUUID();
        parentOf.put(other, l.region());
        UUID otherManager = person(Role.SALES_MANAGER, true);
        change(otherManager, other);
        UUID director = person(Role.SALES_DIRECTOR, true);

        assertThat(directory.fits(l.manager(), MANAGER, l.rep(), null)).isTrue();
        assertThat(directory.fits(l.deputy(), MANAGER, l.rep(), null)).as("a second manager of the team").isTrue();
        assertThat(directory.fits(l.regional(), MANAGER, l.rep(), null)).as("the manager's manager").isTrue();
        assertThat(directory.fits(director, MANAGER, l.rep(), null)).as("a sales director").isTrue();
        assertThat(directory.fits(otherManager, MANAGER, l.rep(), null)).as("another team's manager").isFalse();
        assertThat(directory.fits(l.rep(), MANAGER, l.deputy(), null)).as("a rep of the team").isFalse();
        assertThat(directory.fits(l.regional(), List.of(new ApproverRule.SubmittersManager(2)), l.rep(), null)).isTrue();
        assertThat(directory.fits(l.manager(), List.of(new ApproverRule.SubmittersManager(2)), l.rep(), null))
                .as("below the manager two levels up").isFalse();
        assertThat(directory.fits(l.manager(), MANAGER, l.manager(), null)).as("nobody decides their own").isFalse();
        assertThat(directory.fits(l.manager(), List.of(new ApproverRule.ByRole(Role.SALES_MANAGER)), l.rep(), null))
                .as("a role names its pool, not a person").isFalse();
    }

    @Test
    void D0092_aHeadMovedToAnotherTeamIsPassedOverAndFitsTheStepNoMore() {
        Line l = line();
        UUID south = UUID.randomUUID();
        parentOf.put(south, l.region());
        change(l.manager(), south);

        assertThat(directory.fits(l.manager(), MANAGER, l.rep(), null)).isFalse();
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(1), l.rep()))
                .as("the team still names them, but they are out of its line: the next manager up")
                .isEqualTo(Assignment.person(l.regional()));
        assertThat(directory.fits(l.regional(), MANAGER, l.rep(), null)).isTrue();
    }

    @Test
    void D0092_aHeadWhoseApprovingRolesWereTakenApprovesNothing() {
        Line l = line();
        change(l.manager(), l.team(), Role.SALES_REP);

        assertThat(directory.fits(l.manager(), MANAGER, l.rep(), null)).isFalse();
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(1), l.rep()))
                .isEqualTo(new Assignment(null, Role.SALES_DIRECTOR, "approval.fallback.managerNotApprover"));
    }

    @Test
    void D0092_aDelegateStandingInForADeactivatedHeadFitsWhileTheyHoldTheHeadsAuthority() {
        Line l = line();
        deactivate(l.manager());

        assertThat(directory.fits(l.deputy(), MANAGER, l.rep(), l.manager())).isTrue();
        assertThat(directory.fits(l.deputy(), MANAGER, l.rep(), null)).as("standing in for nobody").isFalse();
        change(l.deputy(), l.team(), Role.SALES_REP);
        assertThat(directory.fits(l.deputy(), MANAGER, l.rep(), l.manager())).as("made a rep").isFalse();
    }

    @Test
    void D0092_aDepartmentHeadFitsWhileTheyHoldTheRoleAndHeadTheirUnit() {
        UUID rep = person(Role.SALES_REP, true);
        UUID head = person(Role.LEGAL, true);
        unitManager.put(people.get(head).orgUnitId(), head);
        List<ApproverRule> legalHead = List.of(new ApproverRule.DepartmentHead(Role.LEGAL));
        assertThat(directory.fits(head, legalHead, rep, null)).isTrue();

        change(head, people.get(head).orgUnitId(), Role.FINANCE);
        assertThat(directory.fits(head, legalHead, rep, null)).as("the role taken").isFalse();
        change(head, UUID.randomUUID(), Role.LEGAL);
        assertThat(directory.fits(head, legalHead, rep, null)).as("moved to a unit they do not head").isFalse();
    }

    @Test
    void anInactiveNamedApproverOrARoleNobodyHoldsFallsBack() {
        UUID rep = person(Role.SALES_REP, true);
        UUID gone = person(Role.LEGAL, false);
        assertThat(directory.resolve(new ApproverRule.ByUser(gone), rep).fallbackReason())
                .isEqualTo("approval.fallback.userInactive");
        assertThat(directory.resolve(new ApproverRule.ByRole(Role.LEGAL), rep).fallbackReason())
                .isEqualTo("approval.fallback.noRoleHolder");
        person(Role.LEGAL, true);
        assertThat(directory.resolve(new ApproverRule.ByRole(Role.LEGAL), rep)).isEqualTo(Assignment.pool(Role.LEGAL));
    }

    @Test
    void nobodyIsNamedApproverOfTheirOwnRequest() {
        UUID rep = person(Role.SALES_REP, true);
        assertThat(directory.resolve(new ApproverRule.ByUser(rep), rep).fallbackReason()).isEqualTo("approval.fallback.self");
    }

    @Test
    void aDepartmentHeadIsTheRoleHolderWhoManagesTheirUnitElseTheRolesPool() {
        UUID rep = person(Role.SALES_REP, true);
        UUID lawyer = person(Role.LEGAL, true);
        assertThat(directory.resolve(new ApproverRule.DepartmentHead(Role.LEGAL), rep))
                .isEqualTo(new Assignment(null, Role.LEGAL, "approval.fallback.noDepartmentHead"));

        UUID head = person(Role.LEGAL, true);
        unitManager.put(people.get(head).orgUnitId(), head);
        unitManager.put(people.get(lawyer).orgUnitId(), head);
        assertThat(directory.resolve(new ApproverRule.DepartmentHead(Role.LEGAL), rep)).isEqualTo(Assignment.person(head));
        assertThat(directory.resolve(new ApproverRule.DepartmentHead(Role.OPERATIONS), rep).fallbackReason())
                .isEqualTo("approval.fallback.noRoleHolder");
    }
}

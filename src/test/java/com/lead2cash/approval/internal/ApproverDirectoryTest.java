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
                public Optional<Person> managerOfUnit(UUID unit) { return Optional.ofNullable(unitManager.get(unit)).map(people::get); }
        public Optional<String> unitName(UUID unit) { return Optional.empty(); }
        public List<Person> membersOf(UUID unit) { return List.of(); }
        public List<UUID> unitAndAbove(UUID unit) { return List.of(unit); }
        public Optional<Person> commonManagerOf(java.util.Collection<UUID> ids) { return Optional.empty(); }
        public List<Person> activeMembersOf(UUID unit) { return List.of(); }
        public List<Person> activeWithRole(Role role) {
            return people.values().stream().filter(p -> p.active() && p.roles().contains(role)).toList();
        }
    };

    final ApproverDirectory directory = new ApproverDirectory(org);

    UUID person(Role role, boolean active) {
        UUID id = UUID.randomUUID();
        people.put(id, new OrgDirectory.Person(id, "u" + id, "U", null, UUID.randomUUID(), LocalDate.of(2020, 1, 1),
                active, Set.of(role)));
        return id;
    }

    @Test
    void theSubmittersManagerAndTheManagersManagerComeFromTheOrgTree() {
        UUID rep = person(Role.SALES_REP, true);
        UUID manager = person(Role.SALES_MANAGER, true);
        UUID regional = person(Role.REGIONAL_MANAGER, true);
        managerOf.put(rep, manager);
        managerOf.put(manager, regional);

        assertThat(directory.resolve(new ApproverRule.SubmittersManager(1), rep)).isEqualTo(Assignment.person(manager));
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(2), rep)).isEqualTo(Assignment.person(regional));
    }

    @Test
    void noManagerThatFarUpFallsToTheSalesDirectorsWithTheReason() {
        UUID rep = person(Role.SALES_REP, true);
        UUID manager = person(Role.SALES_MANAGER, true);
        managerOf.put(rep, manager);
        assertThat(directory.resolve(new ApproverRule.SubmittersManager(2), rep))
                .isEqualTo(new Assignment(null, Role.SALES_DIRECTOR, "approval.fallback.noManager"));
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

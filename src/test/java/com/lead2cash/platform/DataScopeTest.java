package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SELF / TEAM / ALL data scope, decided in one place. */
@IntegrationTest
class DataScopeTest {

    @Autowired Fixtures fixtures;
    @Autowired DataScope dataScope;

    User eastManager, eastRep, eastRep2, westRep, director;

    @BeforeEach
    void company() {
        UUID east = fixtures.unit("East " + UUID.randomUUID());
        UUID eastTeam = fixtures.unit("East team", east);
        UUID west = fixtures.unit("West " + UUID.randomUUID());
        eastManager = fixtures.user("em" + shortId(), east, java.time.LocalDate.of(2024, 1, 1), Role.REGIONAL_MANAGER);
        eastRep = fixtures.user("er" + shortId(), eastTeam, java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        eastRep2 = fixtures.user("er2" + shortId(), eastTeam, java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        westRep = fixtures.user("wr" + shortId(), west, java.time.LocalDate.of(2024, 1, 1), Role.SALES_REP);
        director = fixtures.user("d" + shortId(), fixtures.rootUnit(), java.time.LocalDate.of(2024, 1, 1), Role.SALES_DIRECTOR);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Scope scopeOf(User u) {
        return dataScope.of(new CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roleSet()));
    }

    @Test
    void aRepSeesOnlyOwnRecords() {
        Scope scope = scopeOf(eastRep);
        assertThat(scope.covers(eastRep.id())).isTrue();
        assertThat(scope.covers(eastRep2.id())).isFalse();
        assertThat(scope.covers(null)).isFalse();
        assertThat(scope.ownerPredicate("owner_id")).isEqualTo("owner_id in (:scopeOwners)");
        // owned records: the owner list alone, which leaves out the unowned ones already
        assertThat(scope.ownedPredicate("owner_id")).isEqualTo("owner_id in (:scopeOwners)");
    }

    @Test
    void aManagerSeesTheTeamSubtreeButNotAnotherTeam() {
        Scope scope = scopeOf(eastManager);
        assertThat(scope.kind()).isEqualTo(ScopeKind.TEAM);
        assertThat(scope.owners()).contains(eastManager.id(), eastRep.id(), eastRep2.id()).doesNotContain(westRep.id());
    }

    @Test
    void aDirectorSeesEverything() {
        Scope scope = scopeOf(director);
        assertThat(scope.isAll()).isTrue();
        assertThat(scope.ownerPredicate("owner_id")).isEqualTo("true");
        assertThat(scope.ownedPredicate("owner_id")).isEqualTo("owner_id is not null");
        assertThat(scope.covers(westRep.id())).isTrue();
    }

    @Test
    void financeReadsEverythingButPersonalDataOnlyAsFarAsItStandsAboveTheOwnerTheDirectorAboveEveryone() {
        User finance = fixtures.user("f" + shortId(), fixtures.rootUnit(), null, Role.FINANCE);
        assertThat(scopeOf(finance).isAll()).as("finance reads every record").isTrue();
        Scope financePersonal = new CurrentUser(finance.id(), finance.username(), finance.displayName(),
                finance.orgUnitId(), finance.roleSet()).actAs(() -> dataScope.personalData(ProtectedField.CONTACT_PHONE));
        assertThat(financePersonal.kind()).isEqualTo(ScopeKind.SELF);
        assertThat(financePersonal.covers(eastRep.id())).isFalse();
        assertThat(financePersonal.covers(finance.id())).isTrue();

        Scope directorPersonal = new CurrentUser(director.id(), director.username(), director.displayName(),
                director.orgUnitId(), director.roleSet()).actAs(() -> dataScope.personalData(ProtectedField.CONTACT_PHONE));
        assertThat(directorPersonal.isAll()).isTrue();
        Scope managerPersonal = new CurrentUser(eastManager.id(), eastManager.username(), eastManager.displayName(),
                eastManager.orgUnitId(), eastManager.roleSet()).actAs(() -> dataScope.personalData(ProtectedField.CONTACT_PHONE));
        assertThat(managerPersonal).isEqualTo(scopeOf(eastManager));
        // finance who also manages a team stands above that team
        assertThat(CurrentUser.personalDataScopeKind(Set.of(Role.FINANCE, Role.REGIONAL_MANAGER)))
                .isEqualTo(ScopeKind.TEAM);
    }

    @Test
    void theWidestRoleWins() {
        assertThat(new CurrentUser(UUID.randomUUID(), "x", "x", UUID.randomUUID(),
                Set.of(Role.SALES_REP, Role.SALES_MANAGER)).scopeKind()).isEqualTo(ScopeKind.TEAM);
    }

    @Test
    void aRecordOutsideTheScopeIsNotFound() {
        DataScope fixed = new DataScope() {
            @Override public Scope current() { return scopeOf(eastRep); }
            @Override public Scope of(CurrentUser user) { return dataScope.of(user); }
            @Override public Scope teamOf(CurrentUser user) { return dataScope.teamOf(user); }
            @Override public java.util.List<java.util.UUID> teamUnits(CurrentUser user) { return dataScope.teamUnits(user); }
            @Override public Scope personalData(ProtectedField field) { return current(); }
        };
        assertThatThrownBy(() -> fixed.requireVisible("Lead", "L-1", westRep.id()))
                .isInstanceOf(RecordNotFoundException.class);
        fixed.requireVisible("Lead", "L-2", eastRep.id());
    }
}

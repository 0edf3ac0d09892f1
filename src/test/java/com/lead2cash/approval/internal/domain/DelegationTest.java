package com.lead2cash.approval.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DelegationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    final UUID boss = UUID.randomUUID();
    final UUID deputy = UUID.randomUUID();

    @Test
    void aDelegationCoversItsDaysInclusiveUntilRevoked() {
        Delegation d = Delegation.grant(boss, deputy, TODAY, TODAY.plusDays(4), "trade fair", TODAY, NOW);
        assertThat(d.coversDay(TODAY)).isTrue();
        assertThat(d.coversDay(TODAY.plusDays(4))).isTrue();
        assertThat(d.coversDay(TODAY.plusDays(5))).isFalse();
        assertThat(d.coversDay(TODAY.minusDays(1))).isFalse();
        d.revoke(boss, NOW);
        assertThat(d.coversDay(TODAY)).isFalse();
        assertThatThrownBy(() -> d.revoke(boss, NOW)).isInstanceOf(DomainException.class)
                .isNotInstanceOf(ConflictException.class).hasMessageContaining("approval.delegation.alreadyRevoked");
    }

    @Test
    void nobodyDelegatesToThemselvesNorForAPeriodThatIsOverOrBackwards() {
        assertThatThrownBy(() -> Delegation.grant(boss, boss, TODAY, TODAY, null, TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("approval.delegation.self"));
        assertThatThrownBy(() -> Delegation.grant(boss, deputy, TODAY, TODAY.minusDays(1), null, TODAY, NOW))
                .hasMessage("error.validation");
        assertThatThrownBy(() -> Delegation.grant(boss, deputy, TODAY.minusDays(5), TODAY.minusDays(1), null, TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("approval.delegation.inPast"));
    }

    @Test
    void aDelegationCannotStartInThePast() {
        assertThatThrownBy(() -> Delegation.grant(boss, deputy, TODAY.minusDays(1), TODAY.plusDays(3), null, TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("startsOn", "approval.delegation.startsInPast")));
        assertThat(Delegation.grant(boss, deputy, TODAY, TODAY.plusDays(3), null, TODAY, NOW).startsOn()).isEqualTo(TODAY);
        assertThat(Delegation.grant(boss, deputy, TODAY.plusDays(7), TODAY.plusDays(9), null, TODAY, NOW).startsOn())
                .isEqualTo(TODAY.plusDays(7));
    }

    /** 0094: a delegation ends within a year from the day it is given — its last day then, not one after. */
    @Test
    void D0094_aDelegationEndsWithinAYearFromToday() {
        assertThat(Delegation.grant(boss, deputy, TODAY, LocalDate.of(2027, 11, 24), null, TODAY, NOW).endsOn())
                .isEqualTo(LocalDate.of(2027, 11, 24));
        for (LocalDate[] period : new LocalDate[][] {{TODAY, LocalDate.of(2027, 11, 25)},
                {LocalDate.of(2026, 12, 12), LocalDate.of(2199, 12, 31)},
                {LocalDate.of(2027, 12, 1), LocalDate.of(2027, 12, 5)}}) {
            assertThatThrownBy(() -> Delegation.grant(boss, deputy, period[0], period[1], null, TODAY, NOW))
                    .as(period[0] + " – " + period[1])
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey,
                                    FieldValidationException.FieldError::args)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("endsOn", "approval.delegation.tooFarAhead",
                                    java.util.List.of("2027-11-24"))));
        }
    }

    @Test
    void onlyTheDelegatorEndsADelegation() {
        Delegation d = Delegation.grant(boss, deputy, TODAY, TODAY, null, TODAY, NOW);
        assertThatThrownBy(() -> d.revoke(deputy, NOW)).hasMessage("approval.delegation.notYours");
    }

    @Test
    void D0085_aDelegationOverlapsAPeriodSharingOneOfItsDaysWhileSwitchedOn() {
        Delegation d = Delegation.grant(boss, deputy, TODAY.plusDays(2), TODAY.plusDays(4), null, TODAY, NOW);
        assertThat(d.overlaps(TODAY, TODAY.plusDays(2))).isTrue();
        assertThat(d.overlaps(TODAY.plusDays(4), TODAY.plusDays(9))).isTrue();
        assertThat(d.overlaps(TODAY.plusDays(3), TODAY.plusDays(3))).isTrue();
        assertThat(d.overlaps(TODAY, TODAY.plusDays(1))).isFalse();
        assertThat(d.overlaps(TODAY.plusDays(5), TODAY.plusDays(9))).isFalse();
        d.revoke(boss, NOW);
        assertThat(d.overlaps(TODAY.plusDays(3), TODAY.plusDays(3))).as("ended").isFalse();
    }

    @Test
    void D0085_aDeactivationEndsADelegationStillToComeOrInForceButNotOneOver() {
        Delegation inForce = Delegation.grant(boss, deputy, TODAY, TODAY.plusDays(4), null, TODAY, NOW);
        assertThat(inForce.endAtDeactivation(TODAY.plusDays(1), NOW)).isTrue();
        assertThat(inForce.active()).isFalse();
        assertThat(inForce.revokedAt()).isEqualTo(NOW);
        assertThat(inForce.endAtDeactivation(TODAY.plusDays(1), NOW)).as("ended already").isFalse();
        Delegation over = Delegation.grant(boss, deputy, TODAY, TODAY, null, TODAY, NOW);
        assertThat(over.endAtDeactivation(TODAY.plusDays(1), NOW)).isFalse();
        assertThat(over.active()).isTrue();
    }
}

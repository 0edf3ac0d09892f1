package com.lead2cash.customer.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.sop.WorkingCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The customer SOP rules C1–C7 (and C8) as the domain decides them, on the catalogue's default values. */
class CustomerRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final UUID REP = UUID.randomUUID();
    final FollowUpCadence cadence = TestRules.cadence();

    static Customer customer(CustomerGrade grade) {
        return Customer.register("C-2026-000002", CustomerProfile.validated("杭州某某科技有限公司", null, null, null, null,
                null, null, null, null), null, grade, null, null, CustomerStatus.PROSPECT, REP, REP, NOW);
    }

    static Instant days(Instant from, int days) {
        return from.plus(Duration.ofDays(days));
    }

    // ---- C1

    @Test
    void C1_theGuidanceSuggestsAGradeFromTheFourFactorsOnceAllAreKnown() {
        GradeGuidance guidance = TestRules.defaults().grading();
        assertThat(guidance.suggest(new GradeFactors(Level.HIGH, Level.HIGH, Level.MEDIUM, Level.MEDIUM)))
                .contains(CustomerGrade.A); // 10 points
        assertThat(guidance.suggest(new GradeFactors(Level.HIGH, Level.MEDIUM, Level.MEDIUM, Level.MEDIUM)))
                .contains(CustomerGrade.B); // 9
        assertThat(guidance.suggest(new GradeFactors(Level.MEDIUM, Level.MEDIUM, Level.LOW, Level.MEDIUM)))
                .contains(CustomerGrade.B); // 7
        assertThat(guidance.suggest(new GradeFactors(Level.MEDIUM, Level.LOW, Level.LOW, Level.MEDIUM)))
                .contains(CustomerGrade.C); // 6
        assertThat(guidance.suggest(new GradeFactors(Level.HIGH, null, Level.HIGH, Level.HIGH))).isEmpty();
    }

    @Test
    void C1_thePersonGradingDecidesAndTheFactorsAreKeptBesideTheGrade() {
        Customer c = customer(CustomerGrade.C);
        GradeFactors factors = new GradeFactors(Level.LOW, Level.LOW, Level.LOW, Level.HIGH);
        c.regrade(CustomerGrade.A, factors, "集团战略客户", cadence, NOW);
        assertThat(c.grade()).isEqualTo(CustomerGrade.A);
        assertThat(c.factors()).isEqualTo(factors);
        assertThat(c.gradeNote()).isEqualTo("集团战略客户");
        assertThatThrownBy(() -> c.regrade(null, factors, null, cadence, NOW)).isInstanceOf(DomainException.class);
    }

    // ---- C2 / C3

    @Test
    void C2_aCustomerInDevelopmentIsFollowedUpEvery7_14Or30CalendarDaysByGrade() {
        for (var expected : List.of(new Object[] {CustomerGrade.A, 7}, new Object[] {CustomerGrade.B, 14},
                new Object[] {CustomerGrade.C, 30})) {
            Customer c = customer((CustomerGrade) expected[0]);
            Customer.ScheduleChange change = c.reschedule(cadence, NOW, true);
            assertThat(change.rule()).isEqualTo("C2");
            assertThat(c.followUpDueAt()).isEqualTo(days(NOW, (Integer) expected[1]));
        }
    }

    @Test
    void C3_aHighIntentProspectInActivePursuitIsFollowedUpEvery1_2Or7Days() {
        for (var expected : List.of(new Object[] {CustomerGrade.A, 1}, new Object[] {CustomerGrade.B, 2},
                new Object[] {CustomerGrade.C, 7})) {
            Customer c = customer((CustomerGrade) expected[0]);
            c.reschedule(cadence, NOW, true);
            Customer.ScheduleChange change = c.changePursuitMode(PursuitMode.ACTIVE_PURSUIT, cadence, NOW);
            assertThat(change.previousRule()).isEqualTo("C2");
            assertThat(change.rule()).isEqualTo("C3");
            assertThat(c.followUpDueAt()).isEqualTo(days(NOW, (Integer) expected[1]));
        }
    }

    @Test
    void aGradeChangeMovesTheNextDueDateFromTheLastFollowUp() {
        Customer c = customer(CustomerGrade.B);
        c.reschedule(cadence, NOW, true);
        assertThat(c.followUpDueAt()).isEqualTo(days(NOW, 14));
        Customer.ScheduleChange change = c.regrade(CustomerGrade.A, GradeFactors.UNKNOWN, null, cadence, days(NOW, 3));
        assertThat(c.followUpDueAt()).isEqualTo(days(NOW, 7));
        assertThat(change.changed()).isTrue();
        assertThat(change.previousDue()).isEqualTo(days(NOW, 14));
    }

    @Test
    void aTighterCadenceThatWouldAlreadyBeOverdueRunsFromTheChange() {
        Customer c = customer(CustomerGrade.C);
        c.reschedule(cadence, NOW, true);
        Instant later = days(NOW, 10);
        c.regrade(CustomerGrade.A, GradeFactors.UNKNOWN, null, cadence, later);
        assertThat(c.followUpDueAt()).isEqualTo(days(later, 7));
        assertThat(c.lapsesAt()).isEqualTo(days(later, 14));
    }

    @Test
    void aPursuitModeChangeMovesTheNextDueDate() {
        Customer c = customer(CustomerGrade.B);
        c.reschedule(cadence, NOW, true);
        c.changePursuitMode(PursuitMode.ACTIVE_PURSUIT, cadence, NOW.plusSeconds(3600));
        assertThat(c.followUpDueAt()).isEqualTo(days(NOW, 2));
        c.changePursuitMode(PursuitMode.DEVELOPMENT, cadence, NOW.plusSeconds(7200));
        assertThat(c.followUpDueAt()).isEqualTo(days(NOW, 14));
    }

    @Test
    void aFollowUpRestartsTheCadenceButAnOlderOneLoggedLaterDoesNotMoveItBack() {
        Customer c = customer(CustomerGrade.A);
        c.reschedule(cadence, NOW, true);
        Instant visit = days(NOW, 5);
        Customer.ScheduleChange change = c.recordFollowUp(visit, null, cadence, visit);
        assertThat(change.previousRule()).isEqualTo("C2");
        assertThat(change.previousDue()).isEqualTo(days(NOW, 7));
        assertThat(c.followUpDueAt()).isEqualTo(days(visit, 7));
        assertThat(c.status()).isEqualTo(CustomerStatus.INITIAL_CONTACT);
        Customer.ScheduleChange older = c.recordFollowUp(days(NOW, 2), null, cadence, days(NOW, 6));
        assertThat(older.changed()).isFalse();
        assertThat(c.followUpDueAt()).isEqualTo(days(visit, 7));
    }

    @Test
    void aSignedOrLostCustomerHasNoDevelopmentCadence() {
        Customer c = customer(CustomerGrade.A);
        c.reschedule(cadence, NOW, true);
        c.reached(CustomerStatus.SIGNED, NOW);
        Customer.ScheduleChange change = c.reschedule(cadence, NOW, false);
        assertThat(change.previousRule()).isEqualTo("C2");
        assertThat(change.rule()).isNull();
        assertThat(c.followUpDueAt()).isNull();
        assertThat(c.lapsesAt()).isNull();
        assertThatThrownBy(() -> c.changePursuitMode(PursuitMode.ACTIVE_PURSUIT, cadence, NOW))
                .isInstanceOf(DomainException.class).hasMessage("customer.pursuitMode.notInDevelopment");
    }

    // ---- C4 / C5

    @Test
    void C4_aContactLoggedAfterItsWindowIsLateAndOneLoggedWithinIsNot() {
        // Thursday 12:00 in Shanghai; the default window, 24 working hours (decision 0111), on the standard calendar:
        // 6 h on Thursday, 9 on Friday, 9 on Monday — due Monday 18:00
        Instant happened = Instant.parse("2026-11-26T04:00:00Z");
        Instant due = WorkingCalendar.standard().due(happened, TestRules.defaults().activityLogWindow());
        assertThat(due).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        ActivityDraft call = new ActivityDraft(ActivityType.CALL, happened, List.of(), "电话沟通", null, null, null,
                null, null, null).validated(NOW);
        Activity late = Activity.log(UUID.randomUUID(), call, REP, NOW, due, null);
        assertThat(late.late()).as("Tuesday 10:00").isTrue();
        Activity onTime = Activity.log(UUID.randomUUID(), call, REP, due, due, null);
        assertThat(onTime.late()).as("at the due time").isFalse();
    }

    @Test
    void C5_aDemoOwesDetailedMinutesUntilTheyAreWrittenAndACallOwesNone() {
        ActivityDraft demo = new ActivityDraft(ActivityType.DEMO, NOW, List.of(), "产品演示", null, null, null, null,
                null, null).validated(NOW);
        Activity a = Activity.log(UUID.randomUUID(), demo, REP, NOW, days(NOW, 1), days(NOW, 1));
        assertThat(a.minutesOwed()).isTrue();
        assertThat(a.minutesDueAt()).isEqualTo(days(NOW, 1));
        assertThat(a.writeMinutes("演示了报表模块，客户关注权限设计", NOW.plusSeconds(3600))).isTrue();
        assertThat(a.minutesOwed()).isFalse();
        assertThat(a.writeMinutes("补充：客户要求试用", NOW.plusSeconds(7200))).isFalse();
        ActivityDraft call = new ActivityDraft(ActivityType.CALL, NOW, List.of(), "电话", null, null, null, null, null,
                null).validated(NOW);
        assertThat(Activity.log(UUID.randomUUID(), call, REP, NOW, days(NOW, 1), null).minutesOwed()).isFalse();
    }

    // ---- C7

    @Test
    void C7_aCustomerLapsesToThePoolAfterTwiceItsCadenceWithoutFollowUp() {
        Customer c = customer(CustomerGrade.B);
        c.reschedule(cadence, NOW, true);
        assertThat(c.lapsesAt()).isEqualTo(days(NOW, 28));
        Instant visit = days(NOW, 10);
        c.recordFollowUp(visit, null, cadence, visit);
        assertThat(c.lapsesAt()).isEqualTo(days(visit, 28));
        FollowUpCadence poolOff = new FollowUpCadence(java.util.Map.of(CustomerGrade.A, 7, CustomerGrade.B, 14,
                CustomerGrade.C, 30), java.util.Map.of(CustomerGrade.A, 1, CustomerGrade.B, 2, CustomerGrade.C, 7),
                false, 2, TestRules.SHANGHAI);
        c.reschedule(poolOff, visit, true);
        assertThat(c.lapsesAt()).isNull();
    }

    @Test
    void C7_aRepAtTheHoldingLimitIsRefusedWithAClearMessage() {
        PrivateHolding holding = TestRules.defaults().holding(TestRules.SHANGHAI);
        holding.requireRoomFor(199, 1);
        assertThatThrownBy(() -> holding.requireRoomFor(200, 1)).isInstanceOf(DomainException.class)
                .hasMessage("customer.holding.limit")
                .satisfies(e -> assertThat(((DomainException) e).args()).containsExactly(200, 200L));
        new PrivateHolding(false, 200, 30, TestRules.SHANGHAI).requireRoomFor(500, 1);
        // the same limit on a claim from the pool, in the claimant's words
        holding.requireRoomToClaim(199);
        assertThatThrownBy(() -> holding.requireRoomToClaim(200)).isInstanceOf(DomainException.class)
                .hasMessage("customer.claim.holdingLimit")
                .satisfies(e -> assertThat(((DomainException) e).args()).containsExactly(200, 200L));
        new PrivateHolding(false, 200, 30, TestRules.SHANGHAI).requireRoomToClaim(500);
        assertThat(holding.hasRoomFor(199, 1)).isTrue();
        assertThat(holding.hasRoomFor(199, 2)).isFalse();
        assertThat(holding.hasRoomFor(200, 1)).isFalse();
        assertThat(new PrivateHolding(false, 200, 30, TestRules.SHANGHAI).hasRoomFor(500, 1)).isTrue();
    }

    @Test
    void C7_aRepCannotReclaimACustomerThatLeftThemWithinThirtyDays() {
        PrivateHolding holding = TestRules.defaults().holding(TestRules.SHANGHAI);
        Instant left = NOW;
        assertThatThrownBy(() -> holding.requireCooledDown(left, days(NOW, 29))).isInstanceOf(DomainException.class)
                .hasMessage("customer.claim.cooldown")
                .satisfies(e -> assertThat(((DomainException) e).args()).containsExactly(30,
                        java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 31)));
        holding.requireCooledDown(left, days(NOW, 30));
        holding.requireCooledDown(null, NOW);
    }

    @Test
    void C7_aClaimOfAnOwnedCustomerIsLostAndAPoolCustomerStartsAFreshCadence() {
        Customer c = customer(CustomerGrade.A);
        assertThatThrownBy(() -> c.claim(UUID.randomUUID(), NOW)).isInstanceOf(ConflictException.class);
        UUID previous = c.returnToPool(NOW, List.of());
        assertThat(previous).isEqualTo(REP);
        assertThat(c.reschedule(cadence, NOW, false).rule()).isNull();
        UUID other = UUID.randomUUID();
        c.claim(other, days(NOW, 3));
        c.reschedule(cadence, days(NOW, 3), true);
        assertThat(c.ownerId()).isEqualTo(other);
        assertThat(c.followUpDueAt()).isEqualTo(days(NOW, 10));
    }

    // ---- C8

    @Test
    void C8_aCreditLimitRaisedAboveTheThresholdNeedsApprovalOthersApplyAtOnce() {
        CustomerRules rules = TestRules.defaults();
        assertThat(rules.creditLimitNeedsApproval(null, new BigDecimal("500000"))).isFalse();
        assertThat(rules.creditLimitNeedsApproval(null, new BigDecimal("500000.01"))).isTrue();
        assertThat(rules.creditLimitNeedsApproval(new BigDecimal("800000"), new BigDecimal("600000"))).isFalse();
        assertThat(rules.creditLimitNeedsApproval(new BigDecimal("600000"), new BigDecimal("800000"))).isTrue();
        Customer c = customer(CustomerGrade.A);
        UUID approval = UUID.randomUUID();
        c.requestCredit(CreditRating.A, new BigDecimal("800000"), approval, NOW);
        assertThat(c.creditLimit()).isNull();
        assertThatThrownBy(() -> c.requestCredit(CreditRating.B, new BigDecimal("900000"), UUID.randomUUID(), NOW))
                .hasMessage("customer.credit.pending");
        c.creditDecided(approval, true, NOW);
        assertThat(c.creditLimit()).isEqualByComparingTo("800000");
        assertThat(c.creditRating()).isEqualTo(CreditRating.A);
        assertThat(c.creditPending()).isFalse();
    }
}

package com.lead2cash.receivable.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.Contracts.Amendment;
import com.lead2cash.contract.Contracts.Milestone;
import com.lead2cash.contract.Contracts.SignedContract;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.receivable.internal.ReceivableRules;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The receivable rules on their own: P1's reminder time, P2's buckets and escalation, plans, receipts and reversals. */
class ReceivableRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ReceivableRules RULES = SopPolicy.defaults().bind(ReceivableRules.class);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Instant NOW = TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant();
    static final UUID CUSTOMER = UUID.randomUUID();
    static final Function<LocalDate, Instant> NO_REMINDER = d -> null;

    static SignedContract contract(String amount, List<Milestone> milestones, List<Amendment> amendments) {
        return new SignedContract(UUID.randomUUID(), "HT-2026-000001", "采购合同", ContractStatus.SIGNED, CUSTOMER,
                UUID.randomUUID(), null, UUID.randomUUID(), "杭州甲方科技有限公司", null, "卖方", new BigDecimal(amount), "CNY",
                NOW, TODAY, TODAY, TODAY.plusYears(1), milestones, List.of(), amendments);
    }

    static Milestone milestone(int position, MilestoneType type, String amount, LocalDate due, String condition) {
        return new Milestone(position, type, new BigDecimal(amount), due, condition);
    }

    static List<Receivable> twoPlans() {
        return PaymentPlan.of(contract("1000.00", List.of(
                milestone(1, MilestoneType.PREPAYMENT, "300.00", TODAY.plusDays(10), null),
                milestone(2, MilestoneType.ACCEPTANCE, "700.00", null, "验收合格后 30 日内")), List.of()),
                NO_REMINDER, TODAY, NOW);
    }

    @Test
    void P1_theRepIsRemindedThreeCalendarDaysBeforeTheDueDateBegins() {
        assertThat(RULES.remindAt(LocalDate.of(2026, 12, 20), SHANGHAI))
                .isEqualTo(LocalDate.of(2026, 12, 17).atStartOfDay(SHANGHAI).toInstant());
        assertThat(RULES.remindAt(LocalDate.of(2027, 1, 2), SHANGHAI)).as("calendar days: weekends and holidays count")
                .isEqualTo(LocalDate.of(2026, 12, 30).atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void P2_agingBucketsAtTheirBoundaries() {
        assertThat(RULES.bucket(0)).as("due today is not overdue").isNull();
        assertThat(RULES.bucket(1)).isEqualTo(AgingBucket.B1);
        assertThat(RULES.bucket(30)).isEqualTo(AgingBucket.B1);
        assertThat(RULES.bucket(31)).isEqualTo(AgingBucket.B2);
        assertThat(RULES.bucket(60)).isEqualTo(AgingBucket.B2);
        assertThat(RULES.bucket(61)).isEqualTo(AgingBucket.B3);
        assertThat(RULES.bucket(90)).isEqualTo(AgingBucket.B3);
        assertThat(RULES.bucket(91)).isEqualTo(AgingBucket.B4);
    }

    @Test
    void P2_anOverduePlanIsEscalatedToTheOwnerThenTheManagerThenTheDirector() {
        assertThat(RULES.escalationLevel(RULES.bucket(30))).as("owner").isEqualTo(1);
        assertThat(RULES.escalationLevel(RULES.bucket(31))).as("manager").isEqualTo(2);
        assertThat(RULES.escalationLevel(RULES.bucket(61))).as("director").isEqualTo(3);
        assertThat(RULES.escalationLevel(RULES.bucket(91))).as("director").isEqualTo(3);
        assertThat(RULES.escalationLevel(null)).isZero();
    }

    @Test
    void P2_aPlanIsOverdueTheDayAfterItsDueDateAndAgesByCalendarDays() {
        Receivable plan = twoPlans().get(0);
        LocalDate due = plan.dueDate();
        assertThat(plan.refresh(due.minusDays(1))).isFalse();
        assertThat(plan.state()).isEqualTo(ReceivableState.PLANNED);
        plan.refresh(due);
        assertThat(plan.state()).isEqualTo(ReceivableState.DUE);
        assertThat(plan.daysOverdue(due)).isZero();
        plan.refresh(due.plusDays(31));
        assertThat(plan.state()).isEqualTo(ReceivableState.OVERDUE);
        assertThat(plan.daysOverdue(due.plusDays(31))).isEqualTo(31);
    }

    @Test
    void plansAreMadeFromTheMilestonesAndAddUpToTheContractAmount() {
        List<Receivable> plans = twoPlans();

        assertThat(plans).extracting(Receivable::position, Receivable::type, Receivable::amount, Receivable::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, MilestoneType.PREPAYMENT, new BigDecimal("300.00"), ReceivableState.PLANNED),
                        org.assertj.core.groups.Tuple.tuple(2, MilestoneType.ACCEPTANCE, new BigDecimal("700.00"), ReceivableState.PLANNED));
        assertThat(plans.get(1).dueDate()).isNull();
        assertThat(plans.get(1).dueCondition()).isEqualTo("验收合格后 30 日内");
    }

    @Test
    void plansThatDoNotAddUpToTheSignedContractAmountAreRefused() {
        SignedContract wrong = contract("1000.00", List.of(milestone(1, MilestoneType.PREPAYMENT, "900.00", TODAY, null)),
                List.of());

        assertThatThrownBy(() -> PaymentPlan.of(wrong, NO_REMINDER, TODAY, NOW))
                .isInstanceOf(DomainException.class).hasMessage("receivable.plan.sum");
    }

    static BigDecimal sum(List<Receivable> plans) {
        return plans.stream().map(Receivable::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void anIncreaseByAnAmendmentIsAPlanOfItsOwnAndThePlansAddUpToTheAmendedAmount() {
        List<Receivable> plans = twoPlans();

        PaymentPlan.Replan replan = PaymentPlan.toAmount(plans, new BigDecimal("1250.00"), "HT-2026-000001-B1", TODAY, NOW);

        assertThat(replan.reduced()).isEmpty();
        assertThat(replan.dropped()).isEmpty();
        assertThat(replan.added()).satisfies(p -> {
            assertThat(p.position()).isEqualTo(3);
            assertThat(p.amount()).isEqualByComparingTo("250.00");
            assertThat(p.dueDate()).as("due when finance or the rep sets it from the amendment's terms").isNull();
            assertThat(p.dueCondition()).isEqualTo("补充协议 HT-2026-000001-B1");
            assertThat(p.state()).isEqualTo(ReceivableState.PLANNED);
        });
        assertThat(sum(plans).add(replan.added().amount())).isEqualByComparingTo("1250.00");
    }

    @Test
    void aDecreaseComesOffWhatTheOpenPlansOweLastMilestoneFirstAndNeverOffWhatWasCollected() {
        List<Receivable> plans = twoPlans(); // 300.00 prepayment, 700.00 on acceptance
        plans.get(1).collect(new BigDecimal("100.00"), TODAY, NOW);

        PaymentPlan.Replan replan = PaymentPlan.toAmount(plans, new BigDecimal("400.00"), "B1", TODAY, NOW);

        assertThat(replan.added()).isNull();
        assertThat(replan.dropped()).isEmpty();
        assertThat(plans).extracting(p -> p.amount().toPlainString() + " " + p.paidAmount().toPlainString() + " " + p.state())
                .as("the acceptance plan keeps what it collected and is paid; the prepayment gives the rest")
                .containsExactly("300.00 0.00 PLANNED", "100.00 100.00 PAID");
        assertThat(sum(plans)).isEqualByComparingTo("400.00");

        List<Receivable> fresh = twoPlans();
        PaymentPlan.Replan dropping = PaymentPlan.toAmount(fresh, new BigDecimal("250.00"), "B2", TODAY, NOW);
        assertThat(dropping.dropped()).as("nothing was paid on it: the acceptance plan goes")
                .extracting(Receivable::position).containsExactly(2);
        assertThat(dropping.reduced()).extracting(p -> p.position() + " " + p.amount().toPlainString())
                .containsExactly("1 250.00");
    }

    @Test
    void anAmendmentBelowWhatWasAlreadyCollectedIsRefusedAndChangesNothing() {
        List<Receivable> plans = twoPlans();
        plans.get(0).collect(new BigDecimal("300.00"), TODAY, NOW);
        plans.get(1).collect(new BigDecimal("200.00"), TODAY, NOW);

        assertThatThrownBy(() -> PaymentPlan.toAmount(plans, new BigDecimal("499.99"), "B1", TODAY, NOW))
                .isInstanceOf(DomainException.class).hasMessage("receivable.amendment.belowSettled");
        assertThat(plans).extracting(p -> p.amount().toPlainString() + " " + p.paidAmount().toPlainString())
                .containsExactly("300.00 300.00", "700.00 200.00");

        PaymentPlan.Replan exactly = PaymentPlan.toAmount(plans, new BigDecimal("500.00"), "B1", TODAY, NOW);
        assertThat(exactly.reduced()).extracting(Receivable::state).containsExactly(ReceivableState.PAID);
        assertThat(sum(plans)).isEqualByComparingTo("500.00");
    }

    @Test
    void aContractWithoutMilestonesIsOnePlanForTheWholeAmountDueOnSigning() {
        List<Receivable> plans = PaymentPlan.of(contract("500.00", List.of(), List.of()), NO_REMINDER, TODAY, NOW);

        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("500.00");
            assertThat(p.dueDate()).isEqualTo(TODAY);
            assertThat(p.state()).isEqualTo(ReceivableState.DUE);
        });
    }

    @Test
    void aPartialReceiptIsSplitAcrossTwoPlans() {
        List<Receivable> plans = twoPlans();
        Receipt receipt = Receipt.record("SK-1", CUSTOMER, new BigDecimal("500.00"), TODAY, ReceiptMethod.BANK_TRANSFER,
                "杭州甲方科技有限公司", "BANK-001", UUID.randomUUID(), NOW);

        receipt.allocate(plans.get(0), new BigDecimal("300.00"), UUID.randomUUID(), TODAY, NOW);
        receipt.allocate(plans.get(1), new BigDecimal("150.00"), UUID.randomUUID(), TODAY, NOW);

        assertThat(plans.get(0).state()).isEqualTo(ReceivableState.PAID);
        assertThat(plans.get(1).state()).isEqualTo(ReceivableState.PARTIALLY_PAID);
        assertThat(plans.get(1).outstanding()).isEqualByComparingTo("550.00");
        assertThat(receipt.unallocated()).isEqualByComparingTo("50.00");
        assertThatThrownBy(() -> receipt.allocate(plans.get(1), new BigDecimal("60.00"), UUID.randomUUID(), TODAY, NOW))
                .as("above what is left of the receipt").hasMessage("receipt.allocation.exceedsReceipt");
        assertThatThrownBy(() -> plans.get(0).collect(new BigDecimal("0.01"), TODAY, NOW))
                .as("a paid plan takes nothing more").hasMessage("receivable.notOpen");
    }

    @Test
    void anAllocationAboveWhatThePlanOwesIsRefusedAndChangesNothing() {
        Receivable plan = twoPlans().get(0);
        Receipt receipt = Receipt.record("SK-2", CUSTOMER, new BigDecimal("400.00"), TODAY, ReceiptMethod.CASH, null, null,
                UUID.randomUUID(), NOW);

        assertThatThrownBy(() -> receipt.allocate(plan, new BigDecimal("300.01"), UUID.randomUUID(), TODAY, NOW))
                .hasMessage("receivable.allocation.exceedsPlan");
        assertThat(plan.paidAmount()).isEqualByComparingTo("0");
        assertThat(receipt.allocations()).isEmpty();
        assertThat(receipt.unallocated()).isEqualByComparingTo("400.00");
    }

    @Test
    void aReversalTakesBackWhatTheReceiptPaidAndKeepsTheReceipt() {
        List<Receivable> plans = twoPlans();
        Receipt receipt = Receipt.record("SK-3", CUSTOMER, new BigDecimal("400.00"), TODAY, ReceiptMethod.ACCEPTANCE_BILL,
                null, "HP-77", UUID.randomUUID(), NOW);
        receipt.allocate(plans.get(0), new BigDecimal("300.00"), UUID.randomUUID(), TODAY, NOW);
        receipt.allocate(plans.get(1), new BigDecimal("100.00"), UUID.randomUUID(), TODAY, NOW);

        assertThatThrownBy(() -> receipt.reverse(" ", Map.of(), UUID.randomUUID(), TODAY, NOW))
                .hasMessage("receipt.reversal.reason");
        receipt.reverse("银行退票", Map.of(plans.get(0).id(), plans.get(0), plans.get(1).id(), plans.get(1)),
                UUID.randomUUID(), TODAY, NOW);

        assertThat(receipt.state()).isEqualTo(ReceiptState.REVERSED);
        assertThat(receipt.reversalReason()).isEqualTo("银行退票");
        assertThat(receipt.allocations()).as("kept as it was").hasSize(2);
        assertThat(plans).extracting(Receivable::state).containsExactly(ReceivableState.PLANNED, ReceivableState.PLANNED);
        assertThat(plans).extracting(Receivable::paidAmount).allSatisfy(p -> assertThat(p).isEqualByComparingTo("0"));
        assertThatThrownBy(() -> receipt.reverse("again", Map.of(), UUID.randomUUID(), TODAY, NOW))
                .hasMessage("receipt.reversed");
    }

    @Test
    void financeAllocatesWhatIsLeftOfAStandingReceiptAndReversesItOthersDoNeither() {
        List<Receivable> plans = twoPlans();
        Receipt receipt = Receipt.record("SK-5", CUSTOMER, new BigDecimal("300.00"), TODAY, ReceiptMethod.BANK_TRANSFER,
                null, null, UUID.randomUUID(), NOW);

        assertThat(receipt.availableActions(true)).containsExactlyInAnyOrder(ReceiptAction.ALLOCATE, ReceiptAction.REVERSE);
        assertThat(receipt.availableActions(false)).as("not finance").isEmpty();
        receipt.allocate(plans.get(0), new BigDecimal("300.00"), UUID.randomUUID(), TODAY, NOW);
        assertThat(receipt.availableActions(true)).as("nothing left to allocate").containsExactly(ReceiptAction.REVERSE);
        receipt.reverse("银行退票", Map.of(plans.get(0).id(), plans.get(0)), UUID.randomUUID(), TODAY, NOW);
        assertThat(receipt.availableActions(true)).as("reversed").isEmpty();
    }

    @Test
    void aReceiptIsAllocatedOnlyToPlansOfItsCustomer() {
        Receivable plan = twoPlans().get(0);
        Receipt other = Receipt.record("SK-4", UUID.randomUUID(), new BigDecimal("100.00"), TODAY, ReceiptMethod.OTHER,
                null, null, UUID.randomUUID(), NOW);

        assertThatThrownBy(() -> other.allocate(plan, new BigDecimal("100.00"), UUID.randomUUID(), TODAY, NOW))
                .hasMessage("receipt.allocation.otherCustomer");
    }

    @Test
    void onlyAnOverduePlanIsWrittenOffWithAReason() {
        Receivable plan = twoPlans().get(0);
        assertThatThrownBy(() -> plan.writeOff("坏账", NOW)).hasMessage("receivable.writeOff.notOverdue");
        plan.refresh(plan.dueDate().plusDays(100));
        assertThatThrownBy(() -> plan.writeOff("", NOW)).hasMessage("receivable.writeOff.reason");

        plan.writeOff("客户破产清算", NOW);

        assertThat(plan.state()).isEqualTo(ReceivableState.WRITTEN_OFF);
        assertThat(plan.outstanding()).isEqualByComparingTo("0");
        assertThat(plan.availableActions(true, true, TODAY)).isEmpty();
    }

    @Test
    void P2_aDueDateOnceSetIsMovedByFinanceAloneAndTheOwnerOnlyFixesTheDateOfAPlanThatHasNone() {
        List<Receivable> plans = twoPlans();
        Receivable dated = plans.get(0);
        LocalDate due = dated.dueDate();
        assertThat(dated.availableActions(false, true, TODAY))
                .as("the contract dated it: not the owner's (nor their manager's) to move, even long before it is due")
                .doesNotContain(ReceivableAction.SET_DUE_DATE);
        assertThatThrownBy(() -> dated.requireAction(ReceivableAction.SET_DUE_DATE, false, true, TODAY))
                .isInstanceOf(ForbiddenException.class).hasMessage("receivable.dueDate.financeOnly");
        assertThat(dated.availableActions(true, false, TODAY)).contains(ReceivableAction.SET_DUE_DATE);

        LocalDate later = due.plusDays(5);
        dated.refresh(later);
        assertThat(dated.state()).isEqualTo(ReceivableState.OVERDUE);
        assertThat(dated.availableActions(false, true, later)).doesNotContain(ReceivableAction.SET_DUE_DATE);
        assertThat(dated.availableActions(true, false, later)).contains(ReceivableAction.SET_DUE_DATE);
        dated.requireAction(ReceivableAction.SET_DUE_DATE, true, false, later);

        Receivable onCondition = plans.get(1);
        assertThat(onCondition.dueDate()).isNull();
        assertThat(onCondition.availableActions(false, true, TODAY)).as("the owner fixes a date the condition never set")
                .contains(ReceivableAction.SET_DUE_DATE);
    }

    @Test
    void P2_financeMovesADueDateOnlyWithAReasonAndARunningReminderStandsWhenItFollows() {
        Receivable plan = twoPlans().get(0);
        LocalDate due = plan.dueDate();
        plan.reminded(NOW);
        assertThatThrownBy(() -> plan.moveDueDate(due.plusDays(30), "  ", null, null, true, TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "receivable.dueDate.reasonRequired")));
        assertThat(plan.dueDate()).as("refused: unchanged").isEqualTo(due);

        plan.moveDueDate(due.plusDays(30), "客户申请延期，已签补充说明", null, null, true, TODAY, NOW);
        assertThat(plan.dueDate()).isEqualTo(due.plusDays(30));
        assertThat(plan.remindedAt()).as("the P1 reminder follows the date: still to confirm").isEqualTo(NOW);
        assertThat(plan.availableActions(false, true, TODAY)).contains(ReceivableAction.CONFIRM_REMINDER);

        Instant anew = NOW.plus(java.time.Duration.ofDays(40));
        plan.moveDueDate(due.plusDays(60), "再次延期", null, anew, false, TODAY, NOW);
        assertThat(plan.remindedAt()).as("no reminder running: the rep is reminded before the new date").isNull();
        assertThat(plan.remindAt()).isEqualTo(anew);
    }

    @Test
    void aDueDateLiesBetweenTheContractsSigningAndTenYearsAhead() {
        Receivable plan = twoPlans().get(1);
        LocalDate signedOn = TODAY.minusDays(3);

        assertThatThrownBy(() -> plan.fallDueOn(signedOn.minusDays(1), signedOn, null, TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("dueDate", "receivable.dueDate.beforeSigning")));
        assertThatThrownBy(() -> plan.fallDueOn(LocalDate.of(2199, 12, 31), signedOn, null, TODAY, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey).containsExactly("receivable.dueDate.tooFar"));
        assertThat(plan.dueDate()).as("refused: unchanged").isNull();

        plan.fallDueOn(signedOn, signedOn, null, TODAY, NOW);
        assertThat(plan.dueDate()).isEqualTo(signedOn);
        plan.fallDueOn(TODAY.plusYears(10), signedOn, null, TODAY, NOW);
        assertThat(plan.dueDate()).isEqualTo(TODAY.plusYears(10));
    }
}

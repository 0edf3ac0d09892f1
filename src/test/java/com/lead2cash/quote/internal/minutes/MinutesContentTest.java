package com.lead2cash.quote.internal.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.FieldValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Q3 — what negotiation minutes must say, and milestones that add up to the agreed price. */
class MinutesContentTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-01");

    static MinutesContent content(String price, PaymentMilestone... milestones) {
        return MinutesContent.validated(DAY, new BigDecimal(price), List.of(milestones), "按国标 GB/T 验收", "逾期交付每日千分之一",
                List.of("质保期待定"), List.of("张三（销售）"), List.of("陈静（采购）"));
    }

    static PaymentMilestone percent(MilestoneType type, String p) {
        return new PaymentMilestone(type, new BigDecimal(p), null, "合同签订后 7 日内");
    }

    @Test
    void Q3_minutesSayPriceMilestonesDeliveryLiabilityIssuesAndBothSidesAttendees() {
        MinutesContent c = content("100000.00", percent(MilestoneType.PREPAYMENT, "30"), percent(MilestoneType.ON_DELIVERY, "60"),
                new PaymentMilestone(MilestoneType.RETENTION, null, new BigDecimal("10000.00"), "质保期满"));
        assertThat(c.milestones()).extracting(PaymentMilestone::worth)
                .containsExactly(new BigDecimal("30000.00"), new BigDecimal("60000.00"), new BigDecimal("10000.00"));
        assertThat(c.openIssues()).containsExactly("质保期待定");
    }

    @Test
    void Q3_milestonesThatDoNotAddUpToTheAgreedPriceAreRefused() {
        assertThatThrownBy(() -> content("100000.00", percent(MilestoneType.PREPAYMENT, "30"), percent(MilestoneType.ON_DELIVERY, "60")))
                .isInstanceOfSatisfying(FieldValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldValidationException.FieldError::field).containsExactly("milestones"));
        // halves of 100.01 would round to 50.01 each: the last half takes what the first leaves
        assertThat(content("100.01", percent(MilestoneType.PREPAYMENT, "50"), percent(MilestoneType.ACCEPTANCE, "50"))
                .milestones()).extracting(PaymentMilestone::worth)
                .containsExactly(new BigDecimal("50.01"), new BigDecimal("50.00"));
        // a fen short in percentages is no rounding: 99.99 % of the price is refused, not topped up by the remainder
        assertThatThrownBy(() -> content("100000.00", percent(MilestoneType.PREPAYMENT, "30"),
                percent(MilestoneType.ON_DELIVERY, "60"), percent(MilestoneType.RETENTION, "9.99")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.args()).containsExactly("99,990.00", "100,000.00")));
        // the sum told is that of the milestones as worked out, each to the fen: 38 641.93 + 77 283.86 + 12 867.76,
        // not 99.99 % of the price rounded once (128 793.56)
        assertThatThrownBy(() -> content("128806.44", percent(MilestoneType.PREPAYMENT, "30"),
                percent(MilestoneType.ON_DELIVERY, "60"), percent(MilestoneType.RETENTION, "9.99")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.args()).containsExactly("128,793.55", "128,806.44")));
        // amounts alone make the price exactly
        assertThatThrownBy(() -> content("100.00", amount(MilestoneType.PREPAYMENT, "50.00"), amount(MilestoneType.ACCEPTANCE, "49.99")))
                .isInstanceOf(FieldValidationException.class);
    }

    static PaymentMilestone amount(MilestoneType type, String a) {
        return new PaymentMilestone(type, null, new BigDecimal(a), "质保期满");
    }

    @Test
    void Q3_percentagesAddUpToTheAgreedPriceToTheFenTheLastPercentageTakingTheRemainder() {
        // each rounded on its own, 30 / 60 / 10 % of 128 806.44 made 128 806.43: minutes that could never become a contract
        MinutesContent thirds = content("128806.44", percent(MilestoneType.PREPAYMENT, "30"),
                percent(MilestoneType.ON_DELIVERY, "60"), percent(MilestoneType.RETENTION, "10"));
        assertThat(thirds.milestones()).extracting(PaymentMilestone::worth).containsExactly(
                new BigDecimal("38641.93"), new BigDecimal("77283.86"), new BigDecimal("12880.65"));

        // percentages and an amount typed to the fen: the last percentage (not the amount) takes the remainder
        MinutesContent mixed = content("128806.44", percent(MilestoneType.PREPAYMENT, "30"),
                percent(MilestoneType.ON_DELIVERY, "60"), amount(MilestoneType.RETENTION, "12880.64"));
        assertThat(mixed.milestones()).extracting(PaymentMilestone::worth).containsExactly(
                new BigDecimal("38641.93"), new BigDecimal("77283.87"), new BigDecimal("12880.64"));

        for (MinutesContent c : List.of(thirds, mixed)) {
            assertThat(c.milestones().stream().map(PaymentMilestone::worth).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(c.agreedPrice());
        }
    }

    /**
     * Walk finding: 0.01 % of 10.00 was kept as a milestone of 0.00, and the contract drafted from the confirmed
     * minutes refused it on an amount its caller never sent. Each milestone is worth a fen at least, as a contract's.
     */
    @Test
    void Q3_aMilestoneThatRoundsToNothingIsRefusedOnItsPercentageOrAmount() {
        assertThatThrownBy(() -> content("10", percent(MilestoneType.PREPAYMENT, "0.01"), percent(MilestoneType.ACCEPTANCE, "99.99")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.field()).isEqualTo("milestones[0].percent");
                            assertThat(f.messageKey()).isEqualTo("minutes.milestone.worth");
                            assertThat(f.args()).containsExactly("0.00");
                        }));
        // thirds of a fen: the first two are nothing, the last would take the whole fen
        assertThatThrownBy(() -> content("0.01", percent(MilestoneType.PREPAYMENT, "33.33"),
                percent(MilestoneType.ON_DELIVERY, "33.33"), percent(MilestoneType.ACCEPTANCE, "33.34")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field)
                        .containsExactly("milestones[0].percent", "milestones[1].percent"));
        // an amount under half a fen is nothing either, named on the amount
        assertThatThrownBy(() -> content("10", new PaymentMilestone(MilestoneType.PREPAYMENT, null, new BigDecimal("0.004"), "签约时"),
                percent(MilestoneType.ACCEPTANCE, "100")))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field).containsExactly("milestones[0].amount"));
        // a fen is a payment
        assertThat(content("10", percent(MilestoneType.PREPAYMENT, "0.1"), percent(MilestoneType.ACCEPTANCE, "99.9"))
                .milestones()).extracting(PaymentMilestone::worth).containsExactly(new BigDecimal("0.01"), new BigDecimal("9.99"));
    }

    @Test
    void Q3_everyPartIsRequiredAndAMilestoneIsAPercentageOrAnAmount() {
        assertThatThrownBy(() -> MinutesContent.validated(null, null, List.of(
                new PaymentMilestone(null, new BigDecimal("50"), new BigDecimal("1"), null)), " ", null, null, List.of(), List.of(" ")))
                .isInstanceOfSatisfying(FieldValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldValidationException.FieldError::field).containsExactlyInAnyOrder(
                                "heldOn", "agreedPrice", "milestones[0].type", "milestones[0].percent",
                                "milestones[0].dueCondition", "deliveryStandard", "liability", "ourAttendees", "customerAttendees"));
    }
}

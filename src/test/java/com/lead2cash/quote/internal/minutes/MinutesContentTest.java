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
        assertThat(c.milestones()).extracting(m -> m.amountOf(c.agreedPrice()))
                .containsExactly(new BigDecimal("30000.00"), new BigDecimal("60000.00"), new BigDecimal("10000.00"));
        assertThat(c.openIssues()).containsExactly("质保期待定");
    }

    @Test
    void Q3_milestonesThatDoNotAddUpToTheAgreedPriceAreRefused() {
        assertThatThrownBy(() -> content("100000.00", percent(MilestoneType.PREPAYMENT, "30"), percent(MilestoneType.ON_DELIVERY, "60")))
                .isInstanceOfSatisfying(FieldValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldValidationException.FieldError::field).containsExactly("milestones"));
        // halves of 100.01 round to 50.01 each: a fen per milestone off is rounding, not a mistake
        assertThat(content("100.01", percent(MilestoneType.PREPAYMENT, "50"), percent(MilestoneType.ACCEPTANCE, "50"))
                .milestones()).hasSize(2);
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

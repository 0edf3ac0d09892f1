package com.lead2cash.quote.internal.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.quote.Quotes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a contract is drafted from: the confirmed minutes' milestones, adding up to the agreed price (decision 0041). */
class MinutesForContractsTest {

    static NegotiationMinutes stored(String price, PaymentMilestone... milestones) {
        return NegotiationMinutes.write(UUID.randomUUID(), UUID.randomUUID(), null,
                new MinutesContent(MinutesContentTest.DAY, new BigDecimal(price), List.of(milestones), "按国标验收", "千分之一",
                        List.of(), List.of("张三"), List.of("陈静")),
                UUID.randomUUID(), new MinutesActor(true, Stage.NEGOTIATION), Instant.parse("2026-12-01T02:00:00Z"));
    }

    static PaymentMilestone worth(MilestoneType type, String percent, String amount, String worth) {
        return new PaymentMilestone(type, percent == null ? null : new BigDecimal(percent),
                amount == null ? null : new BigDecimal(amount), "合同签订后 7 日内", new BigDecimal(worth));
    }

    @Test
    void minutesConfirmedAFenShortBeforeTheFixAreDraftedAtTheAgreedPriceTheLastPercentageTakingTheFen() {
        // stored before 0041: each percentage rounded on its own, 128 806.43 in all
        NegotiationMinutes legacy = stored("128806.44", worth(MilestoneType.PREPAYMENT, "30", null, "38641.93"),
                worth(MilestoneType.ON_DELIVERY, "60", null, "77283.86"),
                worth(MilestoneType.RETENTION, "10", null, "12880.64"));

        List<Quotes.Milestone> drafted = MinutesForContracts.milestonesOf(legacy);

        assertThat(drafted).extracting(Quotes.Milestone::amount).containsExactly(
                new BigDecimal("38641.93"), new BigDecimal("77283.86"), new BigDecimal("12880.65"));
        assertThat(drafted).extracting(Quotes.Milestone::confirmedAmount).as("what the customer confirmed").containsExactly(
                new BigDecimal("38641.93"), new BigDecimal("77283.86"), new BigDecimal("12880.64"));
    }

    @Test
    void theLastPercentageNotATypedAmountTakesTheFenAndMoreThanRoundingIsLeftAsConfirmed() {
        NegotiationMinutes mixed = stored("128806.44", worth(MilestoneType.PREPAYMENT, "30", null, "38641.93"),
                worth(MilestoneType.ON_DELIVERY, "60", null, "77283.86"),
                worth(MilestoneType.RETENTION, null, "12880.64", "12880.64"));
        assertThat(MinutesForContracts.milestonesOf(mixed)).extracting(Quotes.Milestone::amount).containsExactly(
                new BigDecimal("38641.93"), new BigDecimal("77283.87"), new BigDecimal("12880.64"));

        // amounts alone two fen short (accepted before 0041): no percentage to take it, left as confirmed
        NegotiationMinutes amounts = stored("100.00", worth(MilestoneType.PREPAYMENT, null, "49.99", "49.99"),
                worth(MilestoneType.RETENTION, null, "49.99", "49.99"));
        assertThat(MinutesForContracts.milestonesOf(amounts)).extracting(Quotes.Milestone::amount).containsExactly(
                new BigDecimal("49.99"), new BigDecimal("49.99"));
    }
}

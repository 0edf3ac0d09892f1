package com.lead2cash.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The amount a draft takes when the drafter states none: what the quote and the minutes agreed. */
class DraftSourcesTest {

    static final List<PaymentMilestone> THIRDS = List.of(
            new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal("33333.33"), null, "合同签订后 7 日内"),
            new PaymentMilestone(MilestoneType.ON_DELIVERY, new BigDecimal("33333.33"), null, "到货后 15 日内"),
            new PaymentMilestone(MilestoneType.ACCEPTANCE, new BigDecimal("33333.33"), null, "验收后 15 日内"));

    @Test
    void theMinutesMilestonesTakenOverGiveTheAmountSoTheyAddUpToIt() {
        var source = new DraftSources.Source(Map.of(), List.of(), THIRDS, new BigDecimal("100000.00"));
        assertThat(source.proposedAmount(false)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("99999.99"));
    }

    @Test
    void withMilestonesOfTheDraftersOwnOrNoneInTheMinutesTheAgreedPrice() {
        var minutes = new DraftSources.Source(Map.of(), List.of(), THIRDS, new BigDecimal("100000.00"));
        assertThat(minutes.proposedAmount(true)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("100000.00"));
        var quoteOnly = new DraftSources.Source(Map.of(), List.of(), List.of(), new BigDecimal("135600.00"));
        assertThat(quoteOnly.proposedAmount(false)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("135600.00"));
    }

    @Test
    void withoutAQuoteOrMinutesNothing() {
        assertThat(DraftSources.Source.NONE.proposedAmount(false)).isEmpty();
        assertThat(DraftSources.Source.NONE.proposedAmount(true)).isEmpty();
    }
}

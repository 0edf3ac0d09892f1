package com.lead2cash.quote.internal.minutes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 付款节点 — one payment milestone agreed in negotiation: its kind, a percentage of the agreed price or
 * an amount (exactly one of the two), the condition that makes it due ("合同签订后 7 日内"), and what it is
 * worth to the fen ({@code worth}), worked out once when the minutes are written ({@link MinutesContent}) and
 * kept: the customer confirms that figure and the contract is drafted from it.
 */
@Table("quote_minutes_milestone")
public record PaymentMilestone(MilestoneType type, BigDecimal percent, BigDecimal amount, String dueCondition,
                               BigDecimal worth) {

    @PersistenceCreator
    public PaymentMilestone {
    }

    /** A milestone as typed, not yet worked out against the agreed price. */
    public PaymentMilestone(MilestoneType type, BigDecimal percent, BigDecimal amount, String dueCondition) {
        this(type, percent, amount, dueCondition, null);
    }

    /** The milestone's own share of the agreed price, to the fen half-up (before any remainder is taken). */
    BigDecimal shareOf(BigDecimal agreedPrice) {
        if (amount != null) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        return agreedPrice.multiply(percent).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
    }

    PaymentMilestone worth(BigDecimal value) {
        return new PaymentMilestone(type, percent, amount, dueCondition, value);
    }
}

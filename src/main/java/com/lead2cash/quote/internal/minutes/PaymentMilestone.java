package com.lead2cash.quote.internal.minutes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 付款节点 — one payment milestone agreed in negotiation: its kind, a percentage of the agreed price or
 * an amount (exactly one of the two), and the condition that makes it due ("合同签订后 7 日内").
 */
@Table("quote_minutes_milestone")
public record PaymentMilestone(MilestoneType type, BigDecimal percent, BigDecimal amount, String dueCondition) {

    /** What the milestone is worth of the agreed price, to the fen half-up. */
    public BigDecimal amountOf(BigDecimal agreedPrice) {
        if (amount != null) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        return agreedPrice.multiply(percent).divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP);
    }
}

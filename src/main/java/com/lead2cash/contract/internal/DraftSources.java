package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a draft takes its content from besides the opportunity: the accepted quote (lines, delivery
 * period, payment terms) and the confirmed negotiation minutes (agreed price, milestones, delivery
 * standard, liability).
 */
public interface DraftSources {

    /**
     * What the quote and minutes give a contract: placeholder values, lines and milestones (each may be empty), and
     * the price agreed — the minutes' agreed price, else the accepted quote's total (null without either).
     */
    record Source(Map<String, String> values, List<ContractLine> lines, List<PaymentMilestone> milestones,
                  BigDecimal agreedPrice, List<String> roundings) {

        public static final Source NONE = new Source(Map.of(), List.of(), List.of(), null);

        /** {@code roundings}: the minutes' milestones whose amount differs from what was confirmed ("12,880.64 → 12,880.65"). */
        public Source(Map<String, String> values, List<ContractLine> lines, List<PaymentMilestone> milestones,
                      BigDecimal agreedPrice) {
            this(values, lines, milestones, agreedPrice, List.of());
        }

        /**
         * The amount a draft takes when the drafter names none, as the drafting form offers it: with the minutes'
         * milestones taken over, their sum (the agreed price: the last percentage milestone takes the rounding, decision
         * 0041); else the agreed price; nothing without minutes or an accepted quote.
         */
        public Optional<BigDecimal> proposedAmount(boolean milestonesGiven) {
            if (!milestonesGiven && !milestones.isEmpty()) {
                return milestones.stream().map(PaymentMilestone::amount).reduce(BigDecimal::add);
            }
            return Optional.ofNullable(agreedPrice);
        }
    }

    /**
     * The content of the opportunity's accepted quote ({@code quoteId} when given must be it) and its
     * confirmed minutes; refused when the named quote is not the opportunity's accepted one.
     */
    Source forOpportunity(UUID opportunityId, UUID quoteId);
}

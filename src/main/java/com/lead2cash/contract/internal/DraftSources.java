package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a draft takes its content from besides the opportunity: the accepted quote (lines, delivery
 * period, payment terms) and the confirmed negotiation minutes (agreed price, milestones, delivery
 * standard, liability).
 */
public interface DraftSources {

    /** What the quote and minutes give a contract: placeholder values, lines and milestones (each may be empty). */
    record Source(Map<String, String> values, List<ContractLine> lines, List<PaymentMilestone> milestones) {

        public static final Source NONE = new Source(Map.of(), List.of(), List.of());
    }

    /**
     * The content of the opportunity's accepted quote ({@code quoteId} when given must be it) and its
     * confirmed minutes; refused when the named quote is not the opportunity's accepted one.
     */
    Source forOpportunity(UUID opportunityId, UUID quoteId);
}

package com.lead2cash.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of quotes and negotiation minutes (报价、谈判纪要): the contract module drafts
 * from the latest version the customer confirmed. No scope check (the caller has checked the opportunity).
 */
public interface Quotes {

    /** The latest negotiation minutes of the opportunity that the customer's contact confirmed (Q3). */
    Optional<ConfirmedMinutes> confirmedMinutes(UUID opportunityId);

    /** Negotiation minutes as the customer confirmed them; milestone amounts already worked out from percentages. */
    record ConfirmedMinutes(UUID id, UUID opportunityId, int revision, LocalDate heldOn, BigDecimal agreedPrice,
                            String currency, List<Milestone> milestones, String deliveryStandard, String liability,
                            List<String> openIssues, Instant confirmedAt) {
    }

    /** {@code type}: PREPAYMENT, ON_DELIVERY, INSTALLMENT, ACCEPTANCE or RETENTION. */
    record Milestone(String type, BigDecimal percent, BigDecimal amount, String dueCondition) {
    }
}

package com.lead2cash.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of quotes and negotiation minutes (报价、谈判纪要): the contract module drafts
 * from the quote version the customer accepted and the minutes version the customer confirmed. No scope check (the caller has checked the opportunity).
 */
public interface Quotes {

    /** The opportunity's quote version the customer accepted (the latest one if several were). */
    Optional<AcceptedQuote> acceptedQuote(UUID opportunityId);

    /**
     * A quote version as the customer accepted it: lines with the agreed prices, the totals (subtotal
     * without tax, tax, total), the delivery period and payment terms quoted.
     */
    record AcceptedQuote(UUID id, UUID opportunityId, String number, int revision, String currency,
                         BigDecimal subtotal, BigDecimal tax, BigDecimal total, String deliveryPeriod,
                         String paymentTerms, List<QuotedLine> lines) {
    }

    /** A line of an accepted quote; {@code lineTotal} is without tax, after the discount. */
    record QuotedLine(UUID productId, String productCode, String productName, String specification, String unit,
                      BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal taxRate,
                      BigDecimal lineTotal) {
    }

    /** The latest negotiation minutes of the opportunity that the customer's contact confirmed (Q3). */
    Optional<ConfirmedMinutes> confirmedMinutes(UUID opportunityId);

    /** Negotiation minutes as the customer confirmed them; milestone amounts already worked out from percentages. */
    record ConfirmedMinutes(UUID id, UUID opportunityId, int revision, LocalDate heldOn, BigDecimal agreedPrice,
                            String currency, List<Milestone> milestones, String deliveryStandard, String liability,
                            List<String> openIssues, Instant confirmedAt) {
    }

    /**
     * {@code type}: PREPAYMENT, ON_DELIVERY, INSTALLMENT, ACCEPTANCE or RETENTION. {@code amount} is what the contract
     * takes (the milestones add up to the agreed price); {@code confirmedAmount} the figure the customer confirmed,
     * a fen or two apart only in minutes written before the last percentage milestone took the rounding (0041).
     */
    record Milestone(String type, BigDecimal percent, BigDecimal amount, String dueCondition, BigDecimal confirmedAmount) {
    }
}

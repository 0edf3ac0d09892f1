package com.lead2cash.quote.internal.minutes;

import com.lead2cash.quote.Quotes;
import com.lead2cash.quote.internal.domain.QuoteRepository;
import com.lead2cash.quote.internal.domain.QuoteStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Quotes} for the contract module: the accepted quote and the confirmed negotiation minutes it drafts from. */
@Service
@Transactional(readOnly = true)
class MinutesForContracts implements Quotes {

    private final NegotiationMinutesRepository minutes;
    private final QuoteRepository quotes;

    MinutesForContracts(NegotiationMinutesRepository minutes, QuoteRepository quotes) {
        this.minutes = minutes;
        this.quotes = quotes;
    }

    @Override
    public Optional<AcceptedQuote> acceptedQuote(UUID opportunityId) {
        return quotes.findByOpportunity(opportunityId).stream()
                .filter(q -> q.status() == QuoteStatus.ACCEPTED)
                .max(java.util.Comparator.comparing(q -> q.answeredAt() == null ? q.createdAt() : q.answeredAt()))
                .map(q -> new AcceptedQuote(q.id(), q.opportunityId(), q.number(), q.revision(), q.currency(),
                        q.subtotal(), q.tax(), q.total(), q.deliveryPeriod(), q.paymentTerms(),
                        q.lines().stream().map(l -> new QuotedLine(l.productId(), l.productCode(), l.productName(),
                                l.specification(), l.unit(), l.quantity(), l.unitPrice(), l.discountPercent(),
                                l.taxRate(), l.lineTotal())).toList()));
    }

    @Override
    public Optional<ConfirmedMinutes> confirmedMinutes(UUID opportunityId) {
        return minutes.findByOpportunity(opportunityId).stream()
                .filter(m -> m.status() == MinutesStatus.CONFIRMED)
                .findFirst()
                .map(m -> new ConfirmedMinutes(m.id(), m.opportunityId(), m.revision(), m.heldOn(), m.agreedPrice(),
                        m.currency(), milestonesOf(m), m.deliveryStandard(), m.liability(), m.openIssues(), m.answeredAt()));
    }

    /**
     * The milestones as confirmed, adding up to the agreed price. Minutes written before each worth was worked out
     * with a remainder (decision 0041) may miss the price by a fen per percentage milestone, rounded half-up each:
     * the last percentage milestone takes up that rounding, as it would in minutes written today, so the contract
     * comes to the price the customer agreed. Anything further off is left as confirmed (a draft then takes their sum).
     */
    static List<Milestone> milestonesOf(NegotiationMinutes m) {
        List<PaymentMilestone> stones = m.milestones();
        List<BigDecimal> worths = new ArrayList<>(stones.stream().map(PaymentMilestone::worth).toList());
        BigDecimal gap = m.agreedPrice().subtract(worths.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        int last = -1;
        for (int i = 0; i < stones.size(); i++) {
            if (stones.get(i).percent() != null) {
                last = i;
            }
        }
        long percentages = stones.stream().filter(p -> p.percent() != null).count();
        if (last >= 0 && gap.signum() != 0
                && gap.abs().compareTo(FEN.multiply(BigDecimal.valueOf(percentages))) <= 0
                && worths.get(last).add(gap).signum() > 0) {
            worths.set(last, worths.get(last).add(gap));
        }
        List<Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < stones.size(); i++) {
            PaymentMilestone p = stones.get(i);
            milestones.add(new Milestone(p.type().name(), p.percent(), worths.get(i), p.dueCondition(), p.worth()));
        }
        return milestones;
    }

    private static final BigDecimal FEN = new BigDecimal("0.01");
}

package com.lead2cash.quote.internal.minutes;

import com.lead2cash.quote.Quotes;
import com.lead2cash.quote.internal.domain.QuoteRepository;
import com.lead2cash.quote.internal.domain.QuoteStatus;
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
                        m.currency(), m.milestones().stream().map(p -> new Milestone(p.type().name(), p.percent(),
                        p.amountOf(m.agreedPrice()), p.dueCondition())).toList(), m.deliveryStandard(), m.liability(),
                        m.openIssues(), m.answeredAt()));
    }
}

package com.lead2cash.contract.internal;

import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import com.lead2cash.contract.internal.domain.Placeholders;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.quote.Quotes;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The draft's sources through the quote module's public API: the quote version the customer accepted
 * (报价 — lines, agreed prices, delivery period, payment terms) and the negotiation minutes the customer
 * confirmed (谈判纪要 — agreed price, payment milestones, delivery standard, liability). An opportunity
 * without them gives nothing and its clauses keep their placeholders until the drafter fills them.
 */
@Component
class QuoteDraftSources implements DraftSources {

    private final Quotes quotes;

    QuoteDraftSources(Quotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public Source forOpportunity(UUID opportunityId, UUID quoteId) {
        Optional<Quotes.AcceptedQuote> quote = quotes.acceptedQuote(opportunityId);
        if (quoteId != null && quote.map(q -> !q.id().equals(quoteId)).orElse(true)) {
            throw new FieldValidationException("quoteId", "contract.quote.unknown");
        }
        Optional<Quotes.ConfirmedMinutes> minutes = quotes.confirmedMinutes(opportunityId);
        Map<String, String> values = new LinkedHashMap<>();
        quote.ifPresent(q -> {
            values.put("quote.id", q.id().toString());
            values.put("quote.number", q.number() + (q.revision() > 1 ? " 第 " + q.revision() + " 版" : ""));
            values.put("quote.deliveryPeriod", q.deliveryPeriod());
            values.put("quote.paymentTerms", q.paymentTerms());
            values.put("quote.total", Placeholders.money(q.total()));
            values.put(Placeholders.QUOTE_TAX, q.tax().setScale(2).toPlainString());
        });
        minutes.ifPresent(m -> {
            values.put("minutes.agreedPrice", Placeholders.money(m.agreedPrice()));
            values.put("minutes.deliveryStandard", m.deliveryStandard());
            values.put("minutes.liability", m.liability());
        });
        values.values().removeIf(v -> v == null || v.isBlank());
        List<ContractLine> lines = quote.map(q -> q.lines().stream().map(l -> new ContractLine(l.productId(),
                l.productCode(), l.productName(), l.specification(), l.unit(), l.quantity(), l.unitPrice(),
                l.discountPercent(), l.lineTotal())).toList()).orElse(List.of());
        List<PaymentMilestone> milestones = minutes.map(m -> m.milestones().stream().map(p -> new PaymentMilestone(
                MilestoneType.valueOf(p.type()), p.amount(), null, p.dueCondition())).toList()).orElse(List.of());
        BigDecimal agreedPrice = minutes.map(Quotes.ConfirmedMinutes::agreedPrice)
                .or(() -> quote.map(Quotes.AcceptedQuote::total)).orElse(null);
        // minutes confirmed before the last percentage milestone took the rounding: the draft says what it changed
        List<String> roundings = minutes.map(m -> m.milestones().stream()
                .filter(p -> p.confirmedAmount() != null && p.confirmedAmount().compareTo(p.amount()) != 0)
                .map(p -> MoneyText.of(p.confirmedAmount()) + " → " + MoneyText.of(p.amount())).toList()).orElse(List.of());
        return new Source(Map.copyOf(values), lines, milestones, agreedPrice, roundings);
    }
}

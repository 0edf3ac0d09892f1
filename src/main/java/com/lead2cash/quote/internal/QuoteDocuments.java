package com.lead2cash.quote.internal;

import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Pdf;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteLine;
import com.lead2cash.quote.internal.domain.QuotePrintMark;
import com.lead2cash.quote.internal.domain.QuoteTotals;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A quote version as the customer reads it: the printed quote (报价单 — the printable page and the PDF
 * with the company's letterhead, one template) and the frozen document of the accept-or-reject link. A version
 * not approved for sending, or superseded, is printed with its mark on every page, as the version says
 * ({@link Quote#printMark}).
 */
@Component
public class QuoteDocuments {

    static final String TEMPLATE = "pdf/quote";

    private final Pdf pdf;
    private final MessageSource messages;
    private final CustomerDirectory customers;
    private final Opportunities opportunities;
    private final OrgDirectory org;
    private final SopPolicy policy;

    QuoteDocuments(Pdf pdf, MessageSource messages, CustomerDirectory customers, Opportunities opportunities,
                   OrgDirectory org, SopPolicy policy) {
        this.pdf = pdf;
        this.policy = policy;
        this.messages = messages;
        this.customers = customers;
        this.opportunities = opportunities;
        this.org = org;
    }

    public byte[] pdf(Quote quote, Locale locale) {
        return pdf.render(TEMPLATE, model(quote), locale);
    }

    public String html(Quote quote, Locale locale) {
        return pdf.html(TEMPLATE, model(quote), locale);
    }

    /** What every page of the version's printed copy says of it, by the current policy's Q1 (whether a review is due). */
    public QuotePrintMark mark(Quote quote) {
        return quote.printMark(policy.current().bind(QuoteRules.class).reviewBeforeSending());
    }

    /** The file name of the PDF: the number and the revision. */
    public static String fileName(Quote quote) {
        return quote.number() + "-v" + quote.revision() + ".pdf";
    }

    Map<String, Object> model(Quote quote) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("quote", quote);
        QuotePrintMark mark = mark(quote);
        model.put("mark", mark.marked() ? mark.name() : null);
        model.put("customerName", customers.find(quote.customerId()).map(CustomerDirectory.CustomerRef::name).orElse(""));
        model.put("opportunity", opportunities.find(quote.opportunityId()).map(Opportunities.OpportunityRef::name).orElse(""));
        model.put("author", org.person(quote.authorId()).map(OrgDirectory.Person::displayName).orElse(""));
        model.put("reviewer", quote.reviewedBy() == null ? null
                : org.person(quote.reviewedBy()).map(OrgDirectory.Person::displayName).orElse(null));
        model.put("lines", quote.lines());
        model.put("taxes", taxes(quote.totals()));
        model.put("money", new Money());
        return model;
    }

    /** The tax of each rate, lowest rate first, as "13" → amount. */
    private static Map<String, BigDecimal> taxes(QuoteTotals.Totals totals) {
        Map<String, BigDecimal> taxes = new LinkedHashMap<>();
        totals.taxByRate().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> taxes.put(e.getKey().toPlainString(), e.getValue()));
        return taxes;
    }

    /** The document behind the customer's link: lines, totals and terms, headings in the recipient's language. */
    ConfirmationDocument confirmationDocument(Quote quote, String customerName, Locale locale) {
        Money money = new Money();
        List<ConfirmationDocument.Section> sections = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (QuoteLine line : quote.lines()) {
            rows.add(List.of(line.productCode(), line.productName() + (line.specification() == null ? "" : " · " + line.specification()),
                    money.quantity(line.quantity()) + (line.unit() == null ? "" : " " + line.unit()),
                    money.format(line.unitPrice()), line.discountPercent().stripTrailingZeros().toPlainString() + " %",
                    line.taxRate().stripTrailingZeros().toPlainString() + " %", money.format(line.lineTotal())));
        }
        sections.add(new ConfirmationDocument.Table(text("quote.doc.lines", locale),
                List.of(text("quote.doc.code", locale), text("quote.doc.product", locale), text("quote.doc.quantity", locale),
                        text("quote.doc.unitPrice", locale), text("quote.doc.discount", locale),
                        text("quote.doc.taxRate", locale), text("quote.doc.lineTotal", locale)), rows));
        List<String> totals = new ArrayList<>();
        totals.add(text("quote.doc.subtotal", locale) + ": " + money.format(quote.subtotal()) + " " + quote.currency());
        taxes(quote.totals()).forEach((rate, tax) -> totals.add(text("quote.doc.taxAt", locale, rate) + ": " + money.format(tax)));
        totals.add(text("quote.doc.total", locale) + ": " + money.format(quote.total()) + " " + quote.currency());
        sections.add(new ConfirmationDocument.Items(text("quote.doc.totals", locale), totals, false));
        List<String> terms = new ArrayList<>();
        terms.add(text("quote.doc.quotedOn", locale) + ": " + quote.quotedOn());
        if (quote.validUntil() != null) {
            terms.add(text("quote.doc.validUntil", locale) + ": " + quote.validUntil());
        }
        if (quote.deliveryPeriod() != null) {
            terms.add(text("quote.doc.deliveryPeriod", locale) + ": " + quote.deliveryPeriod());
        }
        if (quote.paymentTerms() != null) {
            terms.add(text("quote.doc.paymentTerms", locale) + ": " + quote.paymentTerms());
        }
        sections.add(new ConfirmationDocument.Items(text("quote.doc.terms", locale), terms, false));
        if (quote.notes() != null) {
            sections.add(new ConfirmationDocument.Paragraph(text("quote.doc.notes", locale), quote.notes()));
        }
        return new ConfirmationDocument(text("quote.doc.title", locale, quote.number(), quote.revision(), customerName),
                sections);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Money as printed: thousands separated, two places. */
    public static final class Money {
        public String format(BigDecimal value) {
            return value == null ? "" : com.lead2cash.platform.MoneyText.of(value);
        }

        public String quantity(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }

        public String percent(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString() + " %";
        }
    }
}

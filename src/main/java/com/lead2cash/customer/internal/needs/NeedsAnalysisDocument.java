package com.lead2cash.customer.internal.needs;

import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.web.FormValues;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns one version of the report into the document the customer confirms, with headings in the
 * customer's language: background, current state, pain points by priority, goals, budget, decision
 * process with the named decision chain, and the customer's own words. Empty parts are left out.
 */
@Component
class NeedsAnalysisDocument {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final OrgDirectory org;
    private final ZoneId zone;

    NeedsAnalysisDocument(MessageSource messages, OrgDirectory org, @Value("${l2c.zone}") ZoneId zone) {
        this.messages = messages;
        this.org = org;
        this.zone = zone;
    }

    ConfirmationDocument of(NeedsAnalysis a, String customerName, Locale locale) {
        String author = org.person(a.writtenBy()).map(OrgDirectory.Person::displayName).orElse("—");
        List<ConfirmationDocument.Section> sections = new ArrayList<>();
        sections.add(new ConfirmationDocument.Paragraph(text("customer.needs.doc.interview", locale),
                text("customer.needs.doc.interviewText", locale, customerName,
                        MINUTE.format(a.interviewedAt().atZone(zone)), author)));
        paragraph(sections, "customer.needs.doc.background", a.background(), locale);
        paragraph(sections, "customer.needs.doc.currentState", a.currentState(), locale);
        if (!a.painPoints().isEmpty()) {
            sections.add(new ConfirmationDocument.Items(text("customer.needs.doc.painPoints", locale), a.painPoints(),
                    true));
        }
        paragraph(sections, "customer.needs.doc.goals", a.goals(), locale);
        paragraph(sections, "customer.needs.doc.budget", budget(a.budget(), locale), locale);
        paragraph(sections, "customer.needs.doc.decisionProcess", a.decisionProcess(), locale);
        if (!a.decisionMakers().isEmpty()) {
            List<List<String>> rows = a.decisionMakers().stream()
                    .map(m -> List.of(m.name(), m.title() == null ? "" : m.title(),
                            m.role() == null ? "" : text("customer.role." + m.role().name(), locale)))
                    .toList();
            sections.add(new ConfirmationDocument.Table(text("customer.needs.doc.decisionChain", locale),
                    List.of(text("customer.needs.doc.column.name", locale), text("customer.needs.doc.column.title", locale),
                            text("customer.needs.doc.column.role", locale)), rows));
        }
        paragraph(sections, "customer.needs.doc.customerWords", a.customerWords(), locale);
        return new ConfirmationDocument(title(a.number(), customerName, locale), sections);
    }

    String title(int number, String customerName, Locale locale) {
        return text("customer.needs.doc.title", locale, number, customerName);
    }

    /**
     * A budget typed as a bare amount (300000) reads as amounts do on every screen, with its currency, which the
     * customer reads without the screens around it (300,000.00 元); one written in words (50–80 万元，分两期) stays as
     * written.
     */
    private String budget(String typed, Locale locale) {
        return typed == null ? null : FormValues.readDecimal(typed)
                .map(amount -> text("customer.needs.doc.budgetAmount", locale, MoneyText.of(amount))).orElse(typed);
    }

    private void paragraph(List<ConfirmationDocument.Section> sections, String headingKey, String value, Locale locale) {
        if (value != null) {
            sections.add(new ConfirmationDocument.Paragraph(text(headingKey, locale), value));
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}

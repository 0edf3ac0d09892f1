package com.lead2cash.contract.internal.domain;

import java.text.Normalizer;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One clause of the contract (合同条款) as it stands, beside the template's clause it came from
 * ({@code templateSource}, with its placeholders) and that clause filled with the contract's current
 * values ({@code templateText}); both null for a clause the contract added. A clause whose text differs
 * from its filled template clause deviates, and reviewers see it marked; filling a placeholder is no
 * deviation.
 */
@Table("contract_section")
public record ContractSection(String sectionKey, String heading, String body, String templateText,
                              String templateSource) {

    /** A clause as the template gives it, filled with the values at hand. */
    public static ContractSection fromTemplate(String key, String heading, String source, java.util.Map<String, String> values) {
        String filled = Placeholders.fill(source, values);
        return new ContractSection(key, heading, filled, filled, source);
    }

    public static final int MAX_HEADING = 100;
    public static final int MAX_BODY = 20_000;

    public SectionKey key() {
        return SectionKey.valueOf(sectionKey.startsWith("OTHER") ? "OTHER" : sectionKey);
    }

    /** Changed from the template (whitespace and full/half-width forms aside), or added by the contract. */
    public boolean deviates() {
        return templateText == null || !normalized(body).equals(normalized(templateText));
    }

    public boolean added() {
        return templateText == null;
    }

    /** Text still holding a placeholder the drafting could not fill ({{buyer.address}}); other braces are text. */
    public boolean unfilled() {
        return !Placeholders.unfilledIn(body).isEmpty();
    }

    ContractSection withText(String newHeading, String newBody) {
        return new ContractSection(sectionKey, newHeading, newBody, templateText, templateSource);
    }

    /**
     * Fills the template clause again with changed values: a clause nobody rewrote follows it; a rewritten
     * one keeps its text and is compared with the newly filled clause.
     */
    ContractSection refilled(java.util.Map<String, String> values) {
        if (templateSource == null) {
            return this;
        }
        String filled = Placeholders.fill(templateSource, values);
        return new ContractSection(sectionKey, heading, body.equals(templateText) ? filled : body, filled, templateSource);
    }

    static String normalized(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
    }
}

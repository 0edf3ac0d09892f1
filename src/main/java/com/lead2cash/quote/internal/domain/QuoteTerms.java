package com.lead2cash.quote.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The terms of a quote beside its lines: the price list named, validity, delivery period, payment terms, notes. */
public record QuoteTerms(UUID priceListId, LocalDate validUntil, String deliveryPeriod, String paymentTerms, String notes) {

    /** Checks the terms for a quote dated {@code quotedOn}; blank texts are absent. */
    public static QuoteTerms validated(UUID priceListId, LocalDate validUntil, String deliveryPeriod,
                                       String paymentTerms, String notes, LocalDate quotedOn) {
        List<FieldError> errors = new ArrayList<>();
        if (validUntil != null && validUntil.isBefore(quotedOn)) {
            errors.add(new FieldError("validUntil", "quote.validUntil.past"));
        } else {
            // a quote valid until 2199 is a typo, not an offer: at most as far ahead as the business plans
            InputRules.businessDateProblem("validUntil", validUntil, quotedOn).ifPresent(errors::add);
        }
        String delivery = text(deliveryPeriod, "deliveryPeriod", 500, errors);
        String payment = text(paymentTerms, "paymentTerms", 1000, errors);
        String note = text(notes, "notes", 4000, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new QuoteTerms(priceListId, validUntil, delivery, payment, note);
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, "quote.field.tooLong", max));
        }
        return v;
    }
}

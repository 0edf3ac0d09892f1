package com.lead2cash.platform.web;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads what a screen's form sent as text — amounts, dates, the record's version — so a value that
 * cannot be read is refused as a field error the form shows beside the field, never a 400 or a 500.
 * A blank value reads as null: the business rule decides whether it was required.
 */
public final class FormValues {

    private FormValues() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** An amount or quantity, thousands separators allowed; unreadable: {@code messageKey} on {@code field}. */
    public static BigDecimal decimal(String field, String text, String messageKey) {
        try {
            return blank(text) ? null : new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new FieldValidationException(field, messageKey);
        }
    }

    /** An ISO date (yyyy-MM-dd, as a date input sends it); unreadable: {@code messageKey} on {@code field}. */
    public static LocalDate date(String field, String text, String messageKey) {
        try {
            return blank(text) ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, messageKey);
        }
    }

    /** The version the form was rendered with (hidden field "version"); a tampered one reads as stale. */
    public static Long version(Map<String, String> values) {
        String v = values.get("version");
        try {
            return blank(v) ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("error.staleVersion");
        }
    }
}

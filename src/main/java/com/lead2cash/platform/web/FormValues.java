package com.lead2cash.platform.web;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
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

    /**
     * Plain digits with an optional sign and decimals, the whole part either ungrouped or grouped by thousands
     * (1–3 digits, then groups of exactly three); no exponent.
     */
    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("[+-]?((\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|\\.\\d+)");
    /** Longer than any amount of 40 digits with its grouping: refused before it is matched. */
    private static final int TYPED_MAX = 60;

    private FormValues() {
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * An amount or quantity, thousands separators allowed where they group thousands; unreadable: {@code messageKey} on {@code field}.
     * Plain digits only: an exponent ("1e999999999") is no amount a person types and would make later
     * arithmetic enormous. One that does not fit the money columns (more than two places, too many digits) is
     * refused as the API refuses it ({@link InputRules#amountProblem(String, BigDecimal)}), never rounded when it is stored.
     */
    public static BigDecimal decimal(String field, String text, String messageKey) {
        if (blank(text)) {
            return null;
        }
        BigDecimal amount = readDecimal(text).orElseThrow(() -> new FieldValidationException(field, messageKey));
        InputRules.amountProblem(field, amount).ifPresent(error -> {
            throw new FieldValidationException(java.util.List.of(error));
        });
        return amount;
    }

    /**
     * The one reading of an amount or quantity a person typed — thousands separators allowed (in their places only:
     * 1,000 or 1000, never 1,00,0), full-width digits
     * typed in a Chinese input method read as digits (１２，３４５ → 12,345), plain digits only — for forms read field by
     * field ({@link #decimal}) and for those Spring binds to an object alike. Empty when it is no such number.
     */
    public static java.util.Optional<BigDecimal> readDecimal(String text) {
        String typed = com.lead2cash.platform.InputRules.halfWidth(text).strip();
        // a comma is read only where it groups thousands: "1,00,0" is a slip of the hand, not 1000
        if (typed.length() > TYPED_MAX || !AMOUNT.matcher(typed).matches()) {
            return java.util.Optional.empty();
        }
        String plain = typed.replace(",", "");
        if (plain.length() > 40) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
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

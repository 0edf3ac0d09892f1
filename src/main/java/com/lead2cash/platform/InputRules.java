package com.lead2cash.platform;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What any input must be before a module sees it, decided once for every request (JSON bodies, form
 * fields and query parameters alike): text without control characters and of a sane length, amounts that
 * fit the money columns. A refusal names the message key; the platform answers it as 422 with the field.
 */
public final class InputRules {

    /** Longest text accepted in any one field; longer documents come as files. */
    public static final int MAX_TEXT = 10_000;
    /**
     * Amounts are stored as {@code numeric(18, 2)} (every money column of the schema): at most 16 digits
     * before the point and 2 after it.
     */
    public static final int MONEY_PRECISION = 18;
    public static final int MONEY_SCALE = 2;

    private InputRules() {
    }

    /** Why the text is refused, if it is: a control character (tab and line breaks are fine), or its length. */
    public static Optional<String> textProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of("error.input.tooLong");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRefusedControl(c)) {
                return Optional.of("error.input.controlCharacter");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("error.input.controlCharacter");
            }
        }
        return Optional.empty();
    }

    /**
     * The refusal of a text for a field narrower than {@link #MAX_TEXT} (its column): what
     * {@link #textProblem} refuses, or more than {@code max} characters once stripped. Empty when the text is
     * fine or absent. Modules check their own limits with this, so every such refusal reads alike.
     */
    public static Optional<FieldValidationException.FieldError> fieldProblem(String field, String text, int max) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<String> problem = textProblem(text);
        if (problem.isPresent()) {
            return Optional.of(new FieldValidationException.FieldError(field, problem.get(), MAX_TEXT));
        }
        if (text.strip().length() > max) {
            return Optional.of(new FieldValidationException.FieldError(field, "error.input.tooLong", max));
        }
        return Optional.empty();
    }

    /** {@link #fieldProblem}, refused at once (422 naming the field). */
    public static void requireFieldText(String field, String text, int max) {
        fieldProblem(field, text, max).ifPresent(error -> {
            throw new FieldValidationException(java.util.List.of(error));
        });
    }

    /** Why the number is refused as an amount, if it is: too many digits before or after the point. */
    public static Optional<String> amountProblem(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal plain = value.stripTrailingZeros();
        int integerDigits = Math.max(0, plain.precision() - plain.scale());
        if (integerDigits > MONEY_PRECISION - MONEY_SCALE) {
            return Optional.of("error.input.amountTooLarge");
        }
        if (plain.scale() > MONEY_SCALE) {
            return Optional.of("error.input.amountTooPrecise");
        }
        return Optional.empty();
    }

    private static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }
}

package com.lead2cash.sop;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline window counted in business time (工作时间), such as the SOP's "within 30 min",
 * "within 4 h" or "within 2 business days". Its string form ({@code 30m}, {@code 4h},
 * {@code 2d}) is how an SOP policy stores it, so {@link #parse(String)} and {@link #toString()}
 * are inverse of each other.
 *
 * @param amount how many units, never negative
 * @param unit   minutes, hours or days of working time
 */
public record BusinessDuration(long amount, BusinessUnit unit) {

    private static final Pattern FORM = Pattern.compile("(\\d+)([mhdHD])");

    public BusinessDuration {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("A business duration cannot be negative: " + amount);
        }
    }

    public static BusinessDuration ofMinutes(long minutes) {
        return new BusinessDuration(minutes, BusinessUnit.MINUTES);
    }

    public static BusinessDuration ofHours(long hours) {
        return new BusinessDuration(hours, BusinessUnit.HOURS);
    }

    public static BusinessDuration ofDays(long days) {
        return new BusinessDuration(days, BusinessUnit.DAYS);
    }

    /**
     * Reads the stored form: digits followed by {@code m}, {@code h} or {@code d} ({@code H} and {@code D} too),
     * surrounding whitespace ignored. An upper-case {@code M} is refused: to whoever writes "1M" it may well be a
     * month, and read as a minute it would be a window 43,200 times shorter than meant.
     *
     * @throws IllegalArgumentException when the text is not in that form or the number is too large
     */
    public static BusinessDuration parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Not a business duration (expected e.g. 30m, 4h, 2d): '" + text + "'");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Business duration too large: '" + text + "'", e);
        }
        BusinessUnit unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> BusinessUnit.MINUTES;
            case "h" -> BusinessUnit.HOURS;
            default -> BusinessUnit.DAYS;
        };
        return new BusinessDuration(amount, unit);
    }

    @Override
    public String toString() {
        char symbol = switch (unit) {
            case MINUTES -> 'm';
            case HOURS -> 'h';
            case DAYS -> 'd';
        };
        return amount + String.valueOf(symbol);
    }
}

package com.lead2cash.sop.internal.policy;

import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.TimeBasis;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of value an SOP rule parameter holds, each with its canonical text form (stored in the
 * policy version's JSON) and the Java type modules read it as.
 */
public enum ParamType {

    /** {@code 30m business}, {@code 3d calendar} — read as {@link DeadlineWindow}. */
    DURATION(DeadlineWindow.class),
    /** {@code 17:00} — read as {@link LocalTime}. */
    TIME_OF_DAY(LocalTime.class),
    /** {@code MONDAY} — read as {@link DayOfWeek}. */
    WEEKDAY(DayOfWeek.class),
    /** CNY amount, {@code 100000} — read as {@link BigDecimal}. */
    MONEY(BigDecimal.class),
    /** A whole number, its bounds the parameter's ({@code PolicyRules}) — read as {@link Integer}. */
    INTEGER(Integer.class),
    /** 0–100 ({@link OutOfRange} past either) — read as {@link BigDecimal}. */
    PERCENT(BigDecimal.class),
    /** {@code true}/{@code false} — read as {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** Comma-separated texts — read as {@code List<String>}. */
    LIST(List.class),
    /** Comma-separated fractions strictly between 0 and 1, ascending — read as {@code List<Double>}. */
    FRACTIONS(List.class);

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    /** "1M": a month to whoever writes it, a minute only to a case-insensitive reading — refused, saying the units. */
    private static final Pattern CAPITAL_M = Pattern.compile("-?\\d+M");
    private static final Pattern SIGNED_WINDOW = Pattern.compile("-?\\d+[mhd]", Pattern.CASE_INSENSITIVE);

    private final Class<?> javaType;

    ParamType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Reads a value as an administrator or the store gives it.
     *
     * @param previous the current value of a duration, whose time basis stays when the text omits it
     * @throws InvalidValue with the message key telling what is wrong
     */
    public Object parse(String text, Object previous) {
        if (text == null || text.isBlank()) {
            if (this == LIST) {
                return List.of();
            }
            throw new InvalidValue("policy.error.required");
        }
        String t = text.strip();
        return switch (this) {
            case DURATION -> parseWindow(t, previous);
            case TIME_OF_DAY -> {
                try {
                    yield LocalTime.parse(t.length() == 4 ? "0" + t : t);
                } catch (DateTimeParseException e) {
                    throw new InvalidValue("policy.error.time");
                }
            }
            case WEEKDAY -> {
                try {
                    yield DayOfWeek.valueOf(t.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidValue("policy.error.weekday");
                }
            }
            case MONEY -> {
                // a negative amount is an amount: the policy's bounds refuse it, saying them
                BigDecimal v = decimal(t, "policy.error.money");
                if (v.scale() > 2) {
                    throw new InvalidValue("policy.error.money");
                }
                yield v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
            }
            case INTEGER -> {
                // any whole number is one, of whatever sign or size: the policy's bounds say which it may be
                if (!WHOLE_NUMBER.matcher(t).matches()) {
                    throw new InvalidValue("policy.error.integer");
                }
                BigInteger v = new BigInteger(t);
                if (v.bitLength() > 31) {
                    throw new OutOfRange(v.signum() > 0);
                }
                yield v.intValue();
            }
            case PERCENT -> {
                BigDecimal v = decimal(t, "policy.error.percent");
                if (v.signum() < 0) {
                    throw new OutOfRange(false);
                }
                if (v.compareTo(BigDecimal.valueOf(PolicyRules.MAX_PERCENT)) > 0) {
                    throw new OutOfRange(true);
                }
                yield v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
            }
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes" -> Boolean.TRUE;
                case "false", "off", "no" -> Boolean.FALSE;
                default -> throw new InvalidValue("policy.error.boolean");
            };
            case LIST -> Arrays.stream(t.split("[,，\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                    .distinct().toList();
            case FRACTIONS -> parseFractions(t);
        };
    }

    /** The canonical text of a typed value: parse(format(v)) equals v. */
    public String format(Object value) {
        return switch (this) {
            case DURATION -> {
                DeadlineWindow w = (DeadlineWindow) value;
                yield w.duration() + " " + w.basis().name().toLowerCase(Locale.ROOT);
            }
            case MONEY, PERCENT -> ((BigDecimal) value).toPlainString();
            case LIST, FRACTIONS -> String.join(", ", ((List<?>) value).stream().map(String::valueOf).toList());
            default -> String.valueOf(value);
        };
    }

    private static DeadlineWindow parseWindow(String t, Object previous) {
        String[] parts = t.split("\\s+");
        if (parts.length > 2) {
            throw new InvalidValue("policy.error.duration");
        }
        if (CAPITAL_M.matcher(parts[0]).matches()) {
            throw new InvalidValue("policy.error.durationUnit");
        }
        BusinessDuration duration;
        try {
            duration = BusinessDuration.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            // "-5d" is a window, one ending before it starts; "99999999999999999999d" one longer than can be counted
            if (SIGNED_WINDOW.matcher(parts[0]).matches()) {
                throw new OutOfRange(!parts[0].startsWith("-"));
            }
            throw new InvalidValue("policy.error.duration");
        }
        TimeBasis basis;
        if (parts.length == 2) {
            try {
                basis = TimeBasis.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("policy.error.duration");
            }
        } else if (previous instanceof DeadlineWindow w) {
            basis = w.basis();
        } else {
            basis = TimeBasis.BUSINESS;
        }
        return new DeadlineWindow(duration, basis);
    }

    private static List<Double> parseFractions(String t) {
        List<Double> values = new ArrayList<>();
        for (String part : t.split("[,，]")) {
            try {
                double v = Double.parseDouble(part.strip());
                if (!(v > 0 && v < 1) || (!values.isEmpty() && v <= values.get(values.size() - 1))) {
                    throw new InvalidValue("policy.error.fractions");
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new InvalidValue("policy.error.fractions");
            }
        }
        return List.copyOf(values);
    }

    private static BigDecimal decimal(String t, String key) {
        try {
            return new BigDecimal(t.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new InvalidValue(key);
        }
    }

    /** A value that does not fit its type; {@link #getMessage()} is the message-bundle key. */
    public static class InvalidValue extends RuntimeException {
        public InvalidValue(String messageKey) {
            super(messageKey, null, false, false);
        }
    }

    /**
     * A value of the type that is beyond every bound a parameter of it can have — below 0 or above 100 percent, a
     * whole number no {@code int} holds, a window of a negative or uncountable length. Which bound it passes is the
     * parameter's ({@code PolicyRules.outOfRange}), so the message says that bound, not the type's form.
     */
    public static final class OutOfRange extends InvalidValue {

        private final boolean above;

        OutOfRange(boolean above) {
            super(above ? "policy.error.atMost" : "policy.error.atLeast");
            this.above = above;
        }

        /** Above the upper bound (else below the lower one). */
        public boolean above() {
            return above;
        }
    }
}

package com.lead2cash.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What any input must be before a module sees it, decided once for every request (JSON bodies, form
 * fields and query parameters alike): text without control characters and of a sane length, amounts that
 * fit the money columns, dates within the years a business record can have. A refusal names the message key;
 * the platform answers it as 422 with the field.
 */
public final class InputRules {

    /** Longest text accepted in any one field; longer documents come as files. */
    public static final int MAX_TEXT = 10_000;
    /**
     * Longest search text ({@code q}): it matches a name, number or phone, none of which is longer than 200
     * characters; a longer one is a paste gone wrong and would only make the address outgrow the server's limit.
     */
    public static final int MAX_SEARCH = 200;
    /** The refusal of a text longer than its limit (the general one, or the field's own), naming that limit. */
    public static final String TOO_LONG = "error.input.tooLong";
    /**
     * Amounts are stored as {@code numeric(18, 2)} (every money column of the schema): at most 16 digits
     * before the point and 2 after it.
     */
    public static final int MONEY_PRECISION = 18;
    public static final int MONEY_SCALE = 2;
    /**
     * The first and the last day a date of any record may name. Dates are written to PostgreSQL through
     * {@code java.sql.Timestamp}, whose calendar is Julian before 1582-10-15: an older date comes back days
     * off (0001-12-04 is read as 0001-12-06). No contract, receipt, shipment or plan lies outside these years.
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);
    /**
     * The same years as a form's {@code datetime-local} bounds ({@code min}/{@code max}): the browser takes only
     * {@code yyyy-MM-ddTHH:mm} there, so the first minute of {@link #FIRST_DATE} and the last of {@link #LAST_DATE}.
     */
    public static final LocalDateTime FIRST_DATE_TIME = FIRST_DATE.atStartOfDay();
    public static final LocalDateTime LAST_DATE_TIME = LAST_DATE.atTime(23, 59);
    /**
     * The same years as a form's {@code month} bounds: the browser takes only {@code yyyy-MM} there, so the
     * month of {@link #FIRST_DATE} and that of {@link #LAST_DATE}.
     */
    public static final YearMonth FIRST_MONTH = YearMonth.from(FIRST_DATE);
    public static final YearMonth LAST_MONTH = YearMonth.from(LAST_DATE);
    /**
     * How far after today a date the business plans (a due date, a promised delivery, a termination taking
     * effect) may lie: further is a typo or a way to push a record out of sight, not a plan.
     */
    public static final int MAX_YEARS_AHEAD = 10;
    /**
     * How far before today a date of something that happened (money received) may lie: accounting vouchers are
     * kept 30 years (会计档案管理办法), so an older one is a typo, not a record being entered late.
     */
    public static final int MAX_YEARS_BACK = 30;

    /**
     * The first day a date the business enters may name — a follow-up held, negotiation minutes, a signing, a
     * shipment, a receipt, a due date. {@link #FIRST_DATE} is what any date field can hold at all; this is what a
     * record of this business can mean: no customer of the product was served, no contract of it signed, before
     * 2000, so an earlier day is a typo (1901 for 2019) — and a follow-up dated then would still count as a contact.
     */
    public static final LocalDate FIRST_BUSINESS_DATE = LocalDate.of(2000, 1, 1);

    /** A form field or query parameter that is written as a date (yyyy-MM-dd, possibly with a signed year). */
    private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,9}-\\d{2}-\\d{2}");
    /**
     * A form field or query parameter that is written as a date-time: a {@code datetime-local} field
     * (yyyy-MM-ddTHH:mm, seconds optional) or an instant with its offset or zone (…Z, …+08:00, …+08:00[Asia/Shanghai]).
     */
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "[+-]?\\d{4,9}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}(:?\\d{2}(:?\\d{2})?)?)?(\\[[^\\]]{1,64}])?");

    private InputRules() {
    }

    /**
     * The text in its plain (half-width) form: NFKC turns the full-width digits, letters and signs typed in a
     * Chinese input method (１２３４, ＡＢ, －) into ASCII, so a number typed either way is read, checked and
     * stored alike.
     */
    public static String halfWidth(String text) {
        return text == null ? null : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    }

    /**
     * The text without what nobody sees at its ends: whitespace, every Unicode space separator (Zs: the no-break
     * space U+00A0, the ideographic space U+3000 …) and the invisible format characters (Cf: the zero-width space
     * U+200B, joiners and marks U+200C–U+200F, the word joiner U+2060, the byte order mark U+FEFF …). A name pasted
     * from a web page or a document often carries them, and a text of nothing else shows as an empty one. The
     * characters inside the text are kept as typed. Two kinds of Cf are not taken off: the bidirectional controls
     * ({@link #isBidiControl}: refused wherever they stand, in their own words) and the tag characters
     * (U+E0000–U+E007F) that end a flag emoji. {@code null} stays {@code null}.
     */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end) {
            int c = text.codePointAt(start);
            if (!invisibleAtEnd(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = text.codePointBefore(end);
            if (!invisibleAtEnd(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return text.substring(start, end);
    }

    /** {@link #strip}ped, or {@code null} when nothing is left: how a required text is told from a blank one. */
    public static String trimToNull(String text) {
        String stripped = strip(text);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /** Whether the text is absent or nothing but what {@link #strip} takes off: a required field left blank. */
    public static boolean isBlank(String text) {
        return trimToNull(text) == null;
    }

    private static boolean invisibleAtEnd(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        return Character.getType(c) == Character.FORMAT && !(c <= 0xffff && isBidiControl((char) c))
                && !(c >= 0xe0000 && c <= 0xe007f);
    }

    /** The last day a planned date may name on {@code today} ({@link #MAX_YEARS_AHEAD}). */
    public static LocalDate latestAhead(LocalDate today) {
        return today.plusYears(MAX_YEARS_AHEAD);
    }

    /** The first day a date of something that happened may name on {@code today} ({@link #MAX_YEARS_BACK}). */
    public static LocalDate earliestBack(LocalDate today) {
        return today.minusYears(MAX_YEARS_BACK);
    }

    /**
     * Why a date of something that already happened (a follow-up's day, the day negotiation minutes were held, a
     * signing, a shipment) is refused, if it is: before {@link #FIRST_BUSINESS_DATE}, or after {@code today} (the
     * application clock's day in the business's zone — never the wall clock).
     */
    public static Optional<FieldValidationException.FieldError> happenedDateProblem(String field, LocalDate date,
                                                                                   LocalDate today) {
        return dateProblem(field, date, today, "error.input.dateInFuture");
    }

    /**
     * Why a date the business sets or plans (a due date, a promised delivery) is refused, if it is: before
     * {@link #FIRST_BUSINESS_DATE}, or after {@link #latestAhead} of {@code today}.
     */
    public static Optional<FieldValidationException.FieldError> businessDateProblem(String field, LocalDate date,
                                                                                   LocalDate today) {
        return dateProblem(field, date, latestAhead(today), "error.input.dateTooFarAhead");
    }

    /** A date from {@link #FIRST_BUSINESS_DATE} to {@code latest}; {@code tooLateKey} says the refusal of a later one. */
    private static Optional<FieldValidationException.FieldError> dateProblem(String field, LocalDate date,
                                                                            LocalDate latest, String tooLateKey) {
        if (date == null) {
            return Optional.empty();
        }
        if (date.isBefore(FIRST_BUSINESS_DATE)) {
            return Optional.of(new FieldValidationException.FieldError(field, "error.input.dateTooEarly",
                    FIRST_BUSINESS_DATE));
        }
        if (date.isAfter(latest)) {
            return Optional.of(new FieldValidationException.FieldError(field, tooLateKey, latest));
        }
        return Optional.empty();
    }

    /** {@link #happenedDateProblem}, refused at once (422 naming the field). */
    public static void requireHappenedDate(String field, LocalDate date, LocalDate today) {
        happenedDateProblem(field, date, today).ifPresent(error -> {
            throw new FieldValidationException(java.util.List.of(error));
        });
    }

    /**
     * Why the text is refused for a field of one line — a name or a title (a lead's company and contact, a
     * customer, a contact, a product, a price list, an opportunity, a contract) — if it is: a line break, a tab or
     * any other control character (C0, DEL, C1), or a line or paragraph separator (U+2028, U+2029), inside it. Such
     * a name breaks every list, export and document it is written into. Its ends are not judged: the field is
     * stored stripped. Text of many lines (notes, descriptions, minutes) keeps its line breaks: {@link #textProblem}
     * alone judges it (and refuses NUL there too).
     */
    public static Optional<FieldValidationException.FieldError> singleLineProblem(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = strip(text);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // what breaks a line, or a control character textProblem refuses anywhere (bidi controls: its own words)
            boolean breaking = c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            if (breaking || (isRefusedControl(c) && !isBidiControl(c))) {
                return Optional.of(new FieldValidationException.FieldError(field, "error.input.notOneLine"));
            }
        }
        return Optional.empty();
    }

    /**
     * Why the text is refused, if it is: a control character (tab and line breaks are fine; bidirectional
     * controls are refused alike), or its length.
     */
    public static Optional<String> textProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_TEXT) {
            return Optional.of(TOO_LONG);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRefusedControl(c)) {
                return Optional.of("error.input.controlCharacter");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return Optional.of("error.input.brokenCharacter");
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
            // a text past the general limit is refused naming the field's own (a q of 20 000 characters: "over 200")
            return Optional.of(new FieldValidationException.FieldError(field, problem.get(),
                    problem.get().equals(TOO_LONG) ? Math.min(max, MAX_TEXT) : MAX_TEXT));
        }
        if (strip(text).length() > max) {
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

    /**
     * {@link #amountProblem} as a field's refusal, with the money columns' digits before and after the point as its
     * message's arguments: how an API body, a form and a module's own check all word it.
     */
    public static Optional<FieldValidationException.FieldError> amountProblem(String field, BigDecimal value) {
        return amountProblem(value).map(key -> new FieldValidationException.FieldError(field, key,
                MONEY_PRECISION - MONEY_SCALE, MONEY_SCALE));
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

    /** Why the date is refused, if it is: before {@link #FIRST_DATE} or after {@link #LAST_DATE}. */
    public static Optional<String> dateProblem(LocalDate date) {
        if (date == null || (!date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE))) {
            return Optional.empty();
        }
        return Optional.of("error.input.dateOutOfRange");
    }

    /**
     * Why the point in time is refused, if it is: its day (in UTC, as an instant carries no zone) lies outside
     * the years a record can have ({@link #dateProblem}). A follow-up planned for 9999 is a typing error, and one
     * before 1582 comes back from the database days off, as a date would.
     */
    public static Optional<String> instantProblem(Instant at) {
        return at == null ? Optional.empty() : dateProblem(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /**
     * {@link #dateProblem} for a form field or query parameter: a value written as a date (yyyy-MM-dd) or a
     * date-time ({@link #ISO_DATE_TIME}) outside the years a record can have is refused, whatever the controller
     * later parses it into. A local date-time (a form's {@code datetime-local}) is judged by the day written, one
     * with an offset or zone as the instant it names ({@link #instantProblem}), as in a JSON body. Other text, and
     * text that is no real date, is left to the controller.
     */
    public static Optional<String> dateTextProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return dateProblem(LocalDate.parse(value));
            }
            if (ISO_DATE_TIME.matcher(value).matches()) {
                TemporalAccessor read = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from,
                        LocalDateTime::from);
                return read instanceof ZonedDateTime zoned ? instantProblem(zoned.toInstant())
                        : dateProblem(((LocalDateTime) read).toLocalDate());
            }
        } catch (java.time.DateTimeException e) {
            // no real date (a 31 February, an unknown zone): the controller's binding answers it
        }
        return Optional.empty();
    }

    /** A control character no person types: C0 except tab and line breaks, DEL, C1, and the bidirectional controls. */
    public static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) || isBidiControl(c);
    }

    /**
     * The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible, they
     * make a name read reversed in every list (a spoof), and nobody types them.
     */
    public static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}

package com.lead2cash.sop.internal;

import com.lead2cash.platform.InputRules;
import com.lead2cash.sop.DayKind;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the working-calendar import file (工作日历导入文件) with which an administrator loads a
 * year's public holidays and make-up working days, typically a year no library covers yet.
 *
 * <p>Format, UTF-8 (a byte-order mark is tolerated): one entry a line, {@code YYYY-MM-DD holiday}
 * or {@code YYYY-MM-DD workday}, the keyword in any case, separated by any whitespace. Blank lines
 * are skipped, and {@code #} starts a comment that runs to the end of the line, so
 * {@code 2027-10-01 holiday # 国庆节} is an entry. The same date listed twice with the same kind
 * is accepted once; with different kinds the first one stays and the later line is an error.
 *
 * <p>Errors are reported per line as a message-bundle key and arguments, because the
 * administrator reads them in Chinese or English; {@link LineError#defaultMessage()} renders the
 * English text for logs.
 */
public final class CalendarFileParser {

    public static final String INVALID_DATE = "calendar.import.invalid-date";
    public static final String MISSING_KIND = "calendar.import.missing-kind";
    public static final String UNKNOWN_KIND = "calendar.import.unknown-kind";
    public static final String EXTRA_TEXT = "calendar.import.extra-text";
    public static final String CONFLICT = "calendar.import.conflict";
    public static final String OUT_OF_RANGE = "calendar.import.out-of-range";

    private static final Map<String, String> DEFAULT_MESSAGES = Map.of(
            INVALID_DATE, "''{0}'' is not a date in the form YYYY-MM-DD",
            MISSING_KIND, "The date {0} needs ''holiday'' or ''workday'' after it",
            UNKNOWN_KIND, "''{0}'' is neither ''holiday'' nor ''workday''",
            EXTRA_TEXT, "Unexpected text after the day kind: ''{0}''",
            CONFLICT, "{0} is already a {2} on line {1,number,#}, it cannot also be a {3}",
            OUT_OF_RANGE, "{0} lies outside the years any record may name ({1}–{2})");

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern SEPARATOR = Pattern.compile("[\\p{javaWhitespace}\\u00A0]+");

    private CalendarFileParser() {
    }

    /**
     * Parses the uploaded bytes as UTF-8. Undecodable bytes (a file saved as GBK, say) become
     * replacement characters: inside a comment they do no harm, in an entry they reject that line
     * rather than the whole file.
     */
    public static Result parse(byte[] content) {
        return parse(new String(content, StandardCharsets.UTF_8));
    }

    public static Result parse(String content) {
        Objects.requireNonNull(content, "content");
        String text = !content.isEmpty() && content.charAt(0) == BYTE_ORDER_MARK ? content.substring(1) : content;
        TreeMap<LocalDate, DayKind> entries = new TreeMap<>();
        Map<LocalDate, Integer> lineOfEntry = new HashMap<>();
        List<LineError> errors = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            String data = withoutComment(line).strip();
            if (data.isEmpty()) {
                continue;
            }
            String[] tokens = SEPARATOR.split(data, 3);
            LocalDate date;
            try {
                date = LocalDate.parse(tokens[0]);
            } catch (DateTimeParseException e) {
                errors.add(new LineError(lineNumber, line, INVALID_DATE, List.of(tokens[0])));
                continue;
            }
            if (InputRules.dateProblem(date).isPresent()) {
                // the same years the calendar's own form and API accept
                errors.add(new LineError(lineNumber, line, OUT_OF_RANGE, List.of(date.toString(),
                        String.valueOf(InputRules.FIRST_DATE.getYear()), String.valueOf(InputRules.LAST_DATE.getYear()))));
                continue;
            }
            if (tokens.length < 2) {
                errors.add(new LineError(lineNumber, line, MISSING_KIND, List.of(date.toString())));
                continue;
            }
            DayKind kind = kindOf(tokens[1]);
            if (kind == null) {
                errors.add(new LineError(lineNumber, line, UNKNOWN_KIND, List.of(tokens[1])));
                continue;
            }
            if (tokens.length > 2) {
                errors.add(new LineError(lineNumber, line, EXTRA_TEXT, List.of(tokens[2])));
                continue;
            }
            DayKind earlier = entries.get(date);
            if (earlier == null) {
                entries.put(date, kind);
                lineOfEntry.put(date, lineNumber);
            } else if (earlier != kind) {
                errors.add(new LineError(lineNumber, line, CONFLICT, List.of(date.toString(),
                        lineOfEntry.get(date), keyword(earlier), keyword(kind))));
            }
        }
        return new Result(Collections.unmodifiableSortedMap(entries), List.copyOf(errors));
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static DayKind kindOf(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "holiday" -> DayKind.HOLIDAY;
            case "workday" -> DayKind.WORKDAY;
            default -> null;
        };
    }

    private static String keyword(DayKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a file yielded.
     *
     * @param entries the valid entries, in date order
     * @param errors  the rejected lines, in file order
     */
    public record Result(SortedMap<LocalDate, DayKind> entries, List<LineError> errors) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /**
     * One rejected line.
     *
     * @param line       1-based line number
     * @param text       the line as it stands in the file
     * @param messageKey message-bundle key, one of this parser's constants
     * @param args       the message's arguments
     */
    public record LineError(int line, String text, String messageKey, List<Object> args) {

        public LineError {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(messageKey, "messageKey");
            args = List.copyOf(args);
        }

        /** The English text, for logs; the UI resolves {@link #messageKey()} in the user's language. */
        public String defaultMessage() {
            String pattern = DEFAULT_MESSAGES.getOrDefault(messageKey, messageKey);
            return "Line " + line + ": " + new MessageFormat(pattern, Locale.ENGLISH).format(args.toArray());
        }
    }
}

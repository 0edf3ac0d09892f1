package com.lead2cash.sop.internal;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.sop.DayKind;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
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
 * English text for logs. Only the first {@value #REPORTED_ERRORS} are kept, the rest counted, so a
 * garbage file cannot come back as an answer several times its size.
 */
public final class CalendarFileParser {

    public static final String INVALID_DATE = "calendar.import.invalid-date";
    public static final String MISSING_KIND = "calendar.import.missing-kind";
    public static final String UNKNOWN_KIND = "calendar.import.unknown-kind";
    public static final String EXTRA_TEXT = "calendar.import.extra-text";
    public static final String CONFLICT = "calendar.import.conflict";
    public static final String OUT_OF_RANGE = "calendar.import.out-of-range";
    /** A date of a year the importing calendar does not take from a file (see {@link #parse(byte[], int, int)}). */
    public static final String YEAR_NOT_TAKEN = "calendar.import.year-not-taken";
    /** The whole file refused: binary, an archive, a PDF or another encoding, so nothing in it is a line. */
    public static final String NOT_TEXT = "calendar.import.not-text";

    /** How many bad lines a refusal lists; a person fixes a file from the first ones, not from ten thousand. */
    public static final int REPORTED_ERRORS = 100;
    /** How much of a bad line, or of a token in it, an error quotes. */
    static final int QUOTED_CHARACTERS = 200;

    private static final Map<String, String> DEFAULT_MESSAGES = Map.of(
            INVALID_DATE, "''{0}'' is not a date in the form YYYY-MM-DD",
            MISSING_KIND, "The date {0} needs ''holiday'' or ''workday'' after it",
            UNKNOWN_KIND, "''{0}'' is neither ''holiday'' nor ''workday''",
            EXTRA_TEXT, "Unexpected text after the day kind: ''{0}''",
            CONFLICT, "{0} is already a {2} on line {1,number,#}, it cannot also be a {3}",
            OUT_OF_RANGE, "{0} lies outside the years any record may name ({1}–{2})",
            YEAR_NOT_TAKEN, "{0} lies outside the years the calendar may set ({1}–{2})");

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern SEPARATOR = Pattern.compile("[\\p{javaWhitespace}\\u00A0]+");
    /**
     * The shape of a date; {@link #dateOf} checks the rest without an exception, so that a file of a hundred
     * thousand lines of garbage is counted without building one per line, and refused fast.
     */
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CalendarFileParser() {
    }

    private static final byte[][] BINARY_SIGNATURES = {
            {'P', 'K', 3, 4}, {'P', 'K', 5, 6}, {'%', 'P', 'D', 'F', '-'}};

    /**
     * Parses the uploaded bytes as text: UTF-8, or GB18030 (GBK) as Notepad and Excel save it on a Chinese Windows.
     * A file that is neither (random bytes), or holds control characters, a zip (xlsx, docx) or a PDF, is refused as
     * a whole on the field {@code file} with {@link #NOT_TEXT}: its "lines" would mean nothing, and echoing them
     * would return the upload many times over.
     */
    public static Result parse(byte[] content) {
        return parse(content, InputRules.FIRST_DATE.getYear(), InputRules.LAST_DATE.getYear());
    }

    /**
     * The same, taking dates of the years {@code firstYear} to {@code lastYear} only: a date of another year (one any
     * record may name) is the line's error {@link #YEAR_NOT_TAKEN}.
     */
    public static Result parse(byte[] content, int firstYear, int lastYear) {
        Objects.requireNonNull(content, "content");
        for (byte[] signature : BINARY_SIGNATURES) {
            if (content.length >= signature.length && Arrays.equals(content, 0, signature.length, signature, 0, signature.length)) {
                throw notText();
            }
        }
        String text = decoded(content, StandardCharsets.UTF_8);
        if (text == null) {
            text = decoded(content, GB18030);
        }
        if (text == null) {
            throw notText();
        }
        if (text.chars().anyMatch(c -> InputRules.isRefusedControl((char) c))) {
            throw notText();
        }
        return parse(text, firstYear, lastYear);
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The bytes as text in {@code charset}, or null where they are not. */
    private static String decoded(byte[] content, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static FieldValidationException notText() {
        return new FieldValidationException("file", NOT_TEXT);
    }

    public static Result parse(String content) {
        return parse(content, InputRules.FIRST_DATE.getYear(), InputRules.LAST_DATE.getYear());
    }

    /** {@link #parse(byte[], int, int)} of text. */
    public static Result parse(String content, int firstYear, int lastYear) {
        Objects.requireNonNull(content, "content");
        String text = !content.isEmpty() && content.charAt(0) == BYTE_ORDER_MARK ? content.substring(1) : content;
        TreeMap<LocalDate, DayKind> entries = new TreeMap<>();
        Map<LocalDate, Integer> lineOfEntry = new HashMap<>();
        Errors errors = new Errors();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            String data = withoutComment(line).strip();
            if (data.isEmpty()) {
                continue;
            }
            String[] tokens = SEPARATOR.split(data, 3);
            LocalDate date = dateOf(tokens[0]);
            if (date == null) {
                errors.add(lineNumber, line, INVALID_DATE, tokens[0]);
                continue;
            }
            if (InputRules.dateProblem(date).isPresent()) {
                // the same years the calendar's own form and API accept
                errors.add(new LineError(lineNumber, line, OUT_OF_RANGE, List.of(date.toString(),
                        String.valueOf(InputRules.FIRST_DATE.getYear()), String.valueOf(InputRules.LAST_DATE.getYear()))));
                continue;
            }
            if (date.getYear() < firstYear || date.getYear() > lastYear) {
                errors.add(lineNumber, line, YEAR_NOT_TAKEN, date.toString(), String.valueOf(firstYear),
                        String.valueOf(lastYear));
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
        return new Result(Collections.unmodifiableSortedMap(entries), List.copyOf(errors.reported), errors.unreported);
    }

    /** The first {@link #REPORTED_ERRORS} errors, and how many more there were. */
    private static final class Errors {
        private final List<LineError> reported = new ArrayList<>();
        private int unreported;

        void add(LineError error) {
            if (reported.size() < REPORTED_ERRORS) {
                reported.add(error);
            } else {
                unreported++;
            }
        }

        /** The same, building the error only when it is reported: the rest are only counted. */
        void add(int line, String text, String key, Object... args) {
            if (reported.size() < REPORTED_ERRORS) {
                reported.add(new LineError(line, text, key, List.of(args)));
            } else {
                unreported++;
            }
        }
    }

    /**
     * The token as a date {@code YYYY-MM-DD}, or null when it is none — found without an exception per bad line,
     * so a file of a hundred thousand of them is refused fast.
     */
    static LocalDate dateOf(String token) {
        if (!DATE_SHAPE.matcher(token).matches()) {
            return null;
        }
        int year = Integer.parseInt(token, 0, 4, 10);
        int month = Integer.parseInt(token, 5, 7, 10);
        int day = Integer.parseInt(token, 8, 10, 10);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
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
     * @param entries    the valid entries, in date order
     * @param errors     the first {@link #REPORTED_ERRORS} rejected lines, in file order
     * @param unreported how many more lines were rejected
     */
    public record Result(SortedMap<LocalDate, DayKind> entries, List<LineError> errors, int unreported) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /**
     * One rejected line.
     *
     * @param line       1-based line number
     * @param text       the line as it stands in the file, its first {@value #QUOTED_CHARACTERS} characters
     * @param messageKey message-bundle key, one of this parser's constants
     * @param args       the message's arguments, text cut as the line is
     */
    public record LineError(int line, String text, String messageKey, List<Object> args) {

        public LineError {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(messageKey, "messageKey");
            text = quoted(text);
            args = args.stream().map(a -> a instanceof String s ? quoted(s) : a).toList();
        }

        private static String quoted(String text) {
            return text.length() <= QUOTED_CHARACTERS ? text : text.substring(0, QUOTED_CHARACTERS) + "…";
        }

        /** The English text, for logs; the UI resolves {@link #messageKey()} in the user's language. */
        public String defaultMessage() {
            String pattern = DEFAULT_MESSAGES.getOrDefault(messageKey, messageKey);
            return "Line " + line + ": " + new MessageFormat(pattern, Locale.ENGLISH).format(args.toArray());
        }
    }
}

package com.lead2cash.sop.internal;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.sop.DayKind;
import com.lead2cash.sop.internal.CalendarFileParser.LineError;
import com.lead2cash.sop.internal.CalendarFileParser.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.entry;

class CalendarFileParserTest {

    // the escapes are real characters by the time the table is read: a tab, the ideographic space
    // of Chinese input methods, and the no-break space of pasted web text
    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2027-10-01 holiday                | 2027-10-01 | HOLIDAY
            2027-09-26 workday                | 2027-09-26 | WORKDAY
            2027-10-01 HOLIDAY                | 2027-10-01 | HOLIDAY
            2027-10-01 Holiday                | 2027-10-01 | HOLIDAY
            "   2027-10-01 \t  holiday   "    | 2027-10-01 | HOLIDAY
            "2027-10-01\u3000holiday"         | 2027-10-01 | HOLIDAY
            "2027-10-01\u00A0holiday"         | 2027-10-01 | HOLIDAY
            2027-10-01 holiday # 国庆节        | 2027-10-01 | HOLIDAY
            2027-10-01 holiday#国庆节          | 2027-10-01 | HOLIDAY
            """)
    void readsAnEntry(String line, LocalDate date, DayKind kind) {
        Result result = CalendarFileParser.parse(line);

        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).containsExactly(entry(date, kind));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            2027-13-01 holiday            | calendar.import.invalid-date | 2027-13-01
            2027-02-29 holiday            | calendar.import.invalid-date | 2027-02-29
            2027/10/01 holiday            | calendar.import.invalid-date | 2027/10/01
            27-10-01 holiday              | calendar.import.invalid-date | 27-10-01
            holiday 2027-10-01            | calendar.import.invalid-date | holiday
            2027-10-01                    | calendar.import.missing-kind | 2027-10-01
            "2027-10-01   # no kind"      | calendar.import.missing-kind | 2027-10-01
            2027-10-01 vacation           | calendar.import.unknown-kind | vacation
            2027-10-01 休                  | calendar.import.unknown-kind | 休
            2027-10-01 holiday workday    | calendar.import.extra-text   | workday
            2027-10-01 holiday National Day | calendar.import.extra-text | National Day
            """)
    void rejectsAMalformedLineWithAMessageKey(String line, String messageKey, String argument) {
        Result result = CalendarFileParser.parse("# header\n" + line + "\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.errors()).containsExactly(new LineError(2, line, messageKey, List.of(argument)));
    }

    @Test
    void aDayOutsideTheYearsAnyRecordMayNameIsRejectedAsTheCalendarsFormRejectsIt() {
        Result result = CalendarFileParser.parse("2027-10-01 holiday\n9999-01-01 holiday\n1899-12-31 workday\n");

        assertThat(result.entries()).containsOnlyKeys(LocalDate.of(2027, 10, 1));
        assertThat(result.errors()).containsExactly(
                new LineError(2, "9999-01-01 holiday", CalendarFileParser.OUT_OF_RANGE, List.of("9999-01-01", "1900", "2199")),
                new LineError(3, "1899-12-31 workday", CalendarFileParser.OUT_OF_RANGE, List.of("1899-12-31", "1900", "2199")));
    }

    @Test
    void aDayOfAYearTheImportDoesNotTakeIsRejectedNamingTheYearsItTakes() {
        Result result = CalendarFileParser.parse(
                "2024-12-31 holiday\n2025-01-01 holiday\n2031-12-31 workday\n2032-01-01 holiday\n2068-05-01 holiday\n",
                2025, 2031);

        assertThat(result.entries()).containsOnlyKeys(LocalDate.of(2025, 1, 1), LocalDate.of(2031, 12, 31));
        assertThat(result.errors()).containsExactly(
                new LineError(1, "2024-12-31 holiday", CalendarFileParser.YEAR_NOT_TAKEN, List.of("2024-12-31", "2025", "2031")),
                new LineError(4, "2032-01-01 holiday", CalendarFileParser.YEAR_NOT_TAKEN, List.of("2032-01-01", "2025", "2031")),
                new LineError(5, "2068-05-01 holiday", CalendarFileParser.YEAR_NOT_TAKEN, List.of("2068-05-01", "2025", "2031")));
    }

    @Test
    void aDateIsReadWithoutAnExceptionForAnyToken() {
        assertThat(CalendarFileParser.dateOf("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CalendarFileParser.dateOf("2027-12-31")).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(Arrays.asList("2027-02-29", "2027-00-10", "2027-13-01", "2027-04-31", "2027-04-00", "２０２７-01-01",
                "2027-1-01", "+2027-01-01", "2027-01-011", "")).allSatisfy(t -> assertThat(CalendarFileParser.dateOf(t)).as(t).isNull());
    }

    @Test
    void readsAWholeFileSkippingBlankLinesAndComments() {
        String file = """
                # 2027 schedule
                2027-10-01 holiday

                2027-01-01 holiday
                  # indented comment
                2027-09-26 workday
                """;

        Result result = CalendarFileParser.parse(file);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.entries()).containsExactly(
                entry(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY),
                entry(LocalDate.of(2027, 9, 26), DayKind.WORKDAY),
                entry(LocalDate.of(2027, 10, 1), DayKind.HOLIDAY));
    }

    @Test
    void toleratesAByteOrderMarkAndWindowsLineEnds() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "2027-10-01 holiday\r\n2027-10-02 holiday\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(bom, bom.length + body.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        Result result = CalendarFileParser.parse(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).containsOnlyKeys(LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2));
    }

    @Test
    void aFileSavedAsGbkOnAChineseWindowsIsReadAsText() {
        byte[] gbkComment = {'#', ' ', (byte) 0xB9, (byte) 0xFA, (byte) 0xC7, (byte) 0xEC, '\n'};
        byte[] entry = "2027-10-01 holiday\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(gbkComment, gbkComment.length + entry.length);
        System.arraycopy(entry, 0, file, gbkComment.length, entry.length);

        Result result = CalendarFileParser.parse(file);

        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).containsOnlyKeys(LocalDate.of(2027, 10, 1));
        assertThat(CalendarFileParser.parse("# 国庆\n2027-10-02 holiday\n".getBytes(java.nio.charset.Charset.forName("GB18030")))
                .entries()).containsOnlyKeys(LocalDate.of(2027, 10, 2));
    }

    @ParameterizedTest(name = "{0} is not a text calendar file")
    @CsvSource(delimiter = '|', textBlock = """
            a zip (xlsx, docx)    | 504B0304140000000800
            an empty zip          | 504B0506000000000000
            a PDF                 | 255044462D312E370A25
            a NUL byte            | 323032372D31302D303120686F6C69646179000A
            a control character   | 323032372D31302D303120686F6C696461791B0A
            """)
    void binaryContentIsRefusedAsAWhole(String what, String hex) {
        assertNotText(java.util.HexFormat.of().parseHex(hex));
    }

    @Test
    void randomBytesAreRefusedAsAWhole() {
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(53).nextBytes(noise);

        assertNotText(noise);
    }

    private static void assertNotText(byte[] file) {
        assertThatThrownBy(() -> CalendarFileParser.parse(file)).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldValidationException.FieldError::field,
                        FieldValidationException.FieldError::messageKey).containsExactly(tuple("file", CalendarFileParser.NOT_TEXT)));
    }

    @Test
    void onlyTheFirstHundredBadLinesAreReportedAndTheRestCounted() {
        Result result = CalendarFileParser.parse("x\n".repeat(10_000) + "2027-10-01 holiday\n");

        assertThat(result.errors()).hasSize(CalendarFileParser.REPORTED_ERRORS);
        assertThat(result.errors().get(99).line()).isEqualTo(100);
        assertThat(result.unreported()).isEqualTo(9_900);
        assertThat(result.entries()).containsOnlyKeys(LocalDate.of(2027, 10, 1));
    }

    @Test
    void aVeryLongBadLineIsQuotedOnlyInPart() {
        String line = "x".repeat(1_000_000);

        LineError error = CalendarFileParser.parse(line).errors().get(0);

        assertThat(error.text()).hasSize(CalendarFileParser.QUOTED_CHARACTERS + 1).endsWith("…");
        assertThat(error.args()).singleElement().asString().hasSize(CalendarFileParser.QUOTED_CHARACTERS + 1);
    }

    @Test
    void theSameDateTwiceWithTheSameKindIsOneEntry() {
        Result result = CalendarFileParser.parse("2027-10-01 holiday\n2027-10-01 HOLIDAY\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.entries()).containsExactly(entry(LocalDate.of(2027, 10, 1), DayKind.HOLIDAY));
    }

    @Test
    void theSameDateTwiceWithConflictingKindsKeepsTheFirstAndRejectsTheLater() {
        Result result = CalendarFileParser.parse("2027-10-01 holiday\n\n2027-10-01 workday\n");

        assertThat(result.entries()).containsExactly(entry(LocalDate.of(2027, 10, 1), DayKind.HOLIDAY));
        assertThat(result.errors()).containsExactly(new LineError(3, "2027-10-01 workday",
                CalendarFileParser.CONFLICT, List.of("2027-10-01", 1, "holiday", "workday")));
    }

    @Test
    void goodLinesAreKeptAndEveryBadLineIsReportedInFileOrder() {
        Result result = CalendarFileParser.parse("2027-10-01 holiday\n2027-10-32 holiday\n2027-10-02 holiday\nx\n");

        assertThat(result.entries()).containsOnlyKeys(LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2));
        assertThat(result.errors()).extracting(LineError::line).containsExactly(2, 4);
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void anEmptyFileHasNoEntriesAndNoErrors() {
        Result result = CalendarFileParser.parse("");

        assertThat(result.entries()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void errorsRenderAnEnglishDefaultMessageForLogs() {
        Map<String, String> expected = Map.of(
                "2027-13-01 holiday", "Line 1: '2027-13-01' is not a date in the form YYYY-MM-DD",
                "2027-10-01", "Line 1: The date 2027-10-01 needs 'holiday' or 'workday' after it",
                "2027-10-01 off", "Line 1: 'off' is neither 'holiday' nor 'workday'",
                "2027-10-01 holiday yes", "Line 1: Unexpected text after the day kind: 'yes'");
        expected.forEach((line, message) ->
                assertThat(CalendarFileParser.parse(line).errors().get(0).defaultMessage()).isEqualTo(message));

        // line numbers above 999 print without a thousands separator
        String conflict = "2027-10-01 holiday\n" + "\n".repeat(1200) + "2027-10-01 workday";
        assertThat(CalendarFileParser.parse(conflict).errors().get(0).defaultMessage())
                .isEqualTo("Line 1202: 2027-10-01 is already a holiday on line 1, it cannot also be a workday");
    }
}

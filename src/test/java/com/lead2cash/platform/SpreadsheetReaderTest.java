package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.testing.Workbooks;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading uploaded spreadsheets as a stream, and refusing hostile ones while reading. */
class SpreadsheetReaderTest {

    @TempDir
    Path dir;

    private static final SpreadsheetReader.Limits LIMITS = SpreadsheetReader.Limits.forRows(100);

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private List<SpreadsheetReader.Row> read(String name, byte[] content, SpreadsheetReader.Limits limits) throws IOException {
        List<SpreadsheetReader.Row> rows = new ArrayList<>();
        SpreadsheetReader.read(file(name, content), name, limits, rows::add);
        return rows;
    }

    private static String refusal(Throwable e) {
        return ((FieldValidationException) e).errors().get(0).messageKey();
    }

    @Test
    void csvFieldsMayHoldCommasQuotesAndLineBreaksAndTheExcelByteOrderMarkIsDropped() throws IOException {
        String csv = "\uFEFF公司名称,备注\r\n\"甲公司, 有限\",\"说 \"\"好\"\"\r\n第二行\"\n乙公司,\n";
        List<SpreadsheetReader.Row> rows = read("a.csv", csv.getBytes(StandardCharsets.UTF_8), LIMITS);
        assertThat(rows).extracting(SpreadsheetReader.Row::cells).containsExactly(
                List.of("公司名称", "备注"), List.of("甲公司, 有限", "说 \"好\"\r\n第二行"), List.of("乙公司", ""));
        assertThat(rows).extracting(SpreadsheetReader.Row::line).containsExactly(1, 2, 3);
    }

    @Test
    void csvSavedByExcelOnChineseWindowsIsReadAsGb18030() throws IOException {
        byte[] gbk = "公司名称,区域\r\n华为技术有限公司,深圳\r\n".getBytes(Charset.forName("GB18030"));
        assertThat(read("gbk.csv", gbk, LIMITS).get(1).cells()).containsExactly("华为技术有限公司", "深圳");
    }

    @Test
    void csvInUtf16WithItsByteOrderMarkIsReadLittleOrBigEndianAndUtf32IsRefusedByName() throws IOException {
        // Excel's "Unicode text" and Notepad's "Unicode": read as GB18030 the header came out as garbled "unknown columns"
        String csv = "\uFEFF公司名称,区域\r\n华为技术有限公司,深圳\r\n";
        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            List<SpreadsheetReader.Row> rows = read("utf16.csv", csv.getBytes(utf16), LIMITS);
            assertThat(rows).as(utf16.name()).extracting(SpreadsheetReader.Row::cells)
                    .containsExactly(List.of("公司名称", "区域"), List.of("华为技术有限公司", "深圳"));
        }
        for (String utf32 : List.of("UTF-32LE", "UTF-32BE")) {
            assertThatThrownBy(() -> read("utf32.csv", csv.getBytes(Charset.forName(utf32)), LIMITS)).as(utf32)
                    .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.encoding"));
        }
    }

    @Test
    void xlsxWithSharedAndInlineStringsNumbersAndDatesReadsAsTheSheetShowsIt() throws IOException {
        byte[] xlsx = Workbooks.written("线索", ws -> {
            ws.value(0, 0, "公司名称");
            ws.value(0, 1, "预算（元）");
            ws.value(0, 2, "计划采购日期");
            ws.value(1, 0, "共享字符串公司");
            ws.value(1, 1, 150000);
            ws.value(1, 2, LocalDate.of(2031, 3, 1));
            ws.inlineString(3, 0, "行内字符串公司");
            ws.value(3, 1, 12.50);
        });
        List<SpreadsheetReader.Row> rows = read("a.xlsx", xlsx, LIMITS);
        assertThat(rows).extracting(SpreadsheetReader.Row::line).containsExactly(1, 2, 4);
        assertThat(rows.get(1).cells().subList(0, 2)).containsExactly("共享字符串公司", "150000");
        assertThat(rows.get(1).serialDate(2)).isEqualTo(LocalDate.of(2031, 3, 1));
        assertThat(rows.get(1).serialDate(0)).as("text is no date").isNull();
        assertThat(rows.get(2).cells()).containsExactly("行内字符串公司", "12.5");
    }

    @Test
    void phoneticGuidesAreNotPartOfACellsTextAndThe1904DateSystemIsHonoured() throws IOException {
        byte[] xlsx = Workbooks.xlsx("""
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>46000</v></c></row>""",
                "<si><r><t>重庆</t></r><r><t>公司</t></r><rPh sb=\"0\" eb=\"2\"><t>チョンチン</t></rPh></si>", true);
        SpreadsheetReader.Row row = read("a.xlsx", xlsx, LIMITS).get(0);
        assertThat(row.cells()).containsExactly("重庆公司", null, "46000");
        assertThat(row.serialDate(2)).isEqualTo(LocalDate.of(1904, 1, 1).plusDays(46000));
    }

    @Test
    void moreRowsThanTheLimitAreRefusedWithoutReadingTheRest() throws IOException {
        StringBuilder csv = new StringBuilder("公司名称\r\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("公司").append(i).append("\r\n");
        }
        List<SpreadsheetReader.Row> seen = new ArrayList<>();
        assertThatThrownBy(() -> SpreadsheetReader.read(file("many.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
                "many.csv", LIMITS, seen::add))
                .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.tooManyRows"));
        assertThat(seen).hasSize(101);
    }

    @Test
    void aCellLongerThanASpreadsheetCellCanHoldIsRefused() throws IOException {
        String tooLong = "长".repeat(SpreadsheetReader.Limits.EXCEL_CELL_CHARS + 1);
        assertThatThrownBy(() -> read("long.csv", ("公司名称\r\n\"" + tooLong).getBytes(StandardCharsets.UTF_8), LIMITS))
                .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.cellTooLong"));
        assertThatThrownBy(() -> read("long.xlsx", Workbooks.xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                + tooLong + "</t></is></c></row>", null, false), LIMITS))
                .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.cellTooLong"));
    }

    @Test
    void aNumericCellBeyondWhatASpreadsheetCellHoldsIsRefusedBeforeItIsWrittenOut() throws IOException {
        // 1E400 is past a double's range; 1E999999999 written out in full is a billion digits (the walk's hung import)
        for (String huge : List.of("1E400", "-1E400", "1E-400", "1E999999999", "1E-999999999", "1" + "0".repeat(400))) {
            assertThatThrownBy(() -> read("huge.xlsx", Workbooks.xlsx("<row r=\"3\"><c r=\"A3\"><v>" + huge + "</v></c></row>",
                    null, false), LIMITS))
                    .as(huge)
                    .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.numberOutOfRange"))
                    .satisfies(e -> assertThat(((FieldValidationException) e).errors().get(0).args()).containsExactly(3));
        }
        // too small and too long are refused with the same message: it says so, not just "too large"
        for (String odd : List.of("1E-999999999", "0." + "1".repeat(5000))) {
            assertThatThrownBy(() -> read("odd.xlsx", Workbooks.xlsx("<row r=\"3\"><c r=\"A3\"><v>" + odd + "</v></c></row>",
                    null, false), LIMITS))
                    .as(odd.substring(0, 8))
                    .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.numberOutOfRange"));
        }
        for (String bundle : List.of("/messages.properties", "/messages_zh.properties")) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(SpreadsheetReaderTest.class.getResourceAsStream(bundle),
                    StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            assertThat(messages.getProperty("spreadsheet.numberOutOfRange")).as(bundle)
                    .doesNotContain("1.8E308").containsAnyOf("too small", "过小").containsAnyOf("too long", "过长");
        }
        // the largest and smallest a cell holds are read, written out in full
        List<SpreadsheetReader.Row> rows = read("edge.xlsx", Workbooks.xlsx("<row r=\"1\"><c r=\"A1\"><v>1.7976931348623157E308</v></c>"
                + "<c r=\"B1\"><v>4.9E-324</v></c><c r=\"C1\"><v>0E999999999</v></c></row>", null, false), LIMITS);
        assertThat(rows.get(0).cells().get(0)).startsWith("17976931348623157").hasSize(309);
        assertThat(rows.get(0).cells().get(1)).startsWith("0.000").endsWith("49").hasSize(327);
        assertThat(rows.get(0).cells().get(2)).isEqualTo("0");
    }

    @Test
    void aNumberBeyondExcelsLastDateIsNoDate() throws IOException {
        SpreadsheetReader.Row row = read("dates.xlsx", Workbooks.xlsx("<row r=\"1\"><c r=\"A1\"><v>1E300</v></c>"
                + "<c r=\"B1\"><v>2958466</v></c><c r=\"C1\"><v>-1</v></c><c r=\"D1\"><v>2958465</v></c></row>",
                null, false), LIMITS).get(0);
        assertThat(row.serialDate(0)).isNull();
        assertThat(row.serialDate(1)).isNull();
        assertThat(row.serialDate(2)).isNull();
        assertThat(row.serialDate(3)).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void aCellsTextIsANumberOnlyWhenASpreadsheetCellCouldHoldIt() {
        assertThat(SpreadsheetReader.cellNumber(" 12.50 ")).isEqualByComparingTo("12.5");
        assertThat(SpreadsheetReader.cellNumber("1.5E3")).isEqualByComparingTo("1500");
        for (String no : List.of("1E999999999", "-1E400", "1E-999999999", "9".repeat(SpreadsheetReader.MAX_NUMBER_CHARS + 1),
                "十元")) {
            assertThatThrownBy(() -> SpreadsheetReader.cellNumber(no)).as(no).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aZipBombIsRefusedOnceItUnpacksFarBeyondItsSize() throws IOException {
        byte[] bomb = Workbooks.zipBomb(120L << 20);
        assertThat(bomb.length).isLessThan(2 << 20);
        var limits = SpreadsheetReader.Limits.forRows(50_000);
        assertThatThrownBy(() -> read("bomb.xlsx", bomb, limits))
                .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.packRatio"));
        assertThatThrownBy(() -> read("text.xlsx", Workbooks.sharedStringBomb(120L << 20), limits))
                .satisfies(e -> assertThat(refusal(e)).isIn("spreadsheet.packRatio", "spreadsheet.tooMuchText"));
    }

    @Test
    void aWorkbookUnpackingBeyondTheTotalLimitIsRefusedEvenAtAnOrdinaryRatio() throws IOException {
        StringBuilder rows = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 1; i <= 2000; i++) {
            rows.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\"><v>")
                    .append(random.nextLong()).append("</v></c></row>");
        }
        byte[] xlsx = Workbooks.xlsx(rows.toString(), null, false);
        var small = new SpreadsheetReader.Limits(10_000, 100, 20_000, 100, 1000);
        assertThatThrownBy(() -> read("big.xlsx", xlsx, small))
                .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.unpacksTooLarge"));
        assertThat(read("big.xlsx", xlsx, SpreadsheetReader.Limits.forRows(10_000))).hasSize(2000);
    }

    @Test
    void aFormulaReadsAsItsSavedResultAndOneWithNoSavedResultAsItsFormulaMarkedNeverAsAnEmptyCell() throws IOException {
        // as Excel saves them, each formula with its result (an empty text result is a result too); as other tools
        // write them, none: a value that is not known, which was read as an empty cell
        byte[] xlsx = Workbooks.xlsx("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>CONCATENATE(\"甲\",\"公司\")</f><v>甲公司</v></c>"
                + "<c r=\"B1\"><f>1+1</f><v>2</v></c><c r=\"C1\" t=\"str\"><f>A1&amp;\"\"</f><v></v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><f>1+1</f></c>"
                + "<c r=\"B2\" t=\"str\"><f>HYPERLINK(\"https://example.com\",\"乙公司\")</f></c>"
                + "<c r=\"C2\"><f t=\"shared\" si=\"0\"/></c></row>", null, false);
        List<SpreadsheetReader.Row> rows = read("formulas.xlsx", xlsx, LIMITS);
        SpreadsheetReader.Row cached = rows.get(0);
        assertThat(cached.cells()).containsExactly("甲公司", "2", "");
        assertThat(cached.numbers().get(1)).isTrue();
        assertThat(cached.formulas().isEmpty()).as("a saved result is the cell's value").isTrue();
        SpreadsheetReader.Row unsaved = rows.get(1);
        assertThat(unsaved.cells()).containsExactly("=1+1", "=HYPERLINK(\"https://example.com\",\"乙公司\")", "=");
        assertThat(unsaved.formulas().stream()).as("each a formula with no saved result").containsExactly(0, 1, 2);
        assertThat(unsaved.numbers().isEmpty()).as("a formula's text is no number").isTrue();
        assertThat(unsaved.blank()).isFalse();
    }

    @Test
    void aFormulaWhoseSavedValueIsEmptyHasNoSavedResultUnlessItIsATextResult() throws IOException {
        // as openpyxl and other tools write a formula they did not work out: an empty value, which is no result; in a
        // cell typed as a text result (t="str") the empty text is a real result, as of =IF(A1="","",…)
        byte[] xlsx = Workbooks.xlsx("<row r=\"1\"><c r=\"A1\"><f>\"导入\"&amp;\"公式公司\"</f><v/></c>"
                + "<c r=\"B1\"><f>1+1</f><v></v></c><c r=\"C1\" t=\"str\"><f>IF(1=1,\"\",\"x\")</f><v/></c>"
                + "<c r=\"D1\" t=\"str\"><f>IF(1=1,\"\",\"x\")</f><v></v></c>"
                + "<c r=\"E1\" t=\"b\"><f>1=1</f><v></v></c><c r=\"F1\"><f>1+1</f><v>2</v></c></row>", null, false);
        SpreadsheetReader.Row row = read("empty-values.xlsx", xlsx, LIMITS).get(0);
        assertThat(row.cells()).containsExactly("=\"导入\"&\"公式公司\"", "=1+1", "", "", "=1=1", "2");
        assertThat(row.formulaWithoutResult(0)).isTrue();
        assertThat(row.formulaWithoutResult(1)).isTrue();
        assertThat(row.formulaWithoutResult(2)).as("an empty text result is a result").isFalse();
        assertThat(row.formulaWithoutResult(3)).isFalse();
        assertThat(row.formulaWithoutResult(4)).isTrue();
        assertThat(row.formulaWithoutResult(5)).isFalse();
        assertThat(row.numbers().get(1)).as("a formula's text is no number").isFalse();
        assertThat(row.numbers().get(5)).isTrue();
    }

    @Test
    void aFormulaWrittenByTheFileLibraryHasNoSavedResultAndIsMarkedSo() throws IOException {
        byte[] xlsx = Workbooks.written("客户", ws -> {
            ws.value(0, 0, "公司名称");
            ws.value(0, 1, "联系人");
            ws.value(1, 0, "公式公司");
            ws.formula(1, 1, "1+1");
        });
        SpreadsheetReader.Row row = read("library.xlsx", xlsx, LIMITS).get(1);
        assertThat(row.cells()).containsExactly("公式公司", "=1+1");
        assertThat(row.formulaWithoutResult(0)).isFalse();
        assertThat(row.formulaWithoutResult(1)).isTrue();
    }

    @Test
    void aFileThatIsNoSpreadsheetIsUnreadable() {
        assertThatThrownBy(() -> read("x.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), LIMITS))
                .satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.unreadable"));
        assertThatThrownBy(() -> read("x.xlsx", Workbooks.xlsx("<row><c t=\"s\"><v>7</v></c></row>", "", false), LIMITS))
                .as("a shared string that is not there").satisfies(e -> assertThat(refusal(e)).isEqualTo("spreadsheet.unreadable"));
    }
}

package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.testing.SpreadsheetCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** Text written into exported spreadsheets never runs as a formula. */
class SpreadsheetTextTest {

    private static final List<String> FORMULA_LIKE = List.of("=HYPERLINK(\"http://evil.example\",\"点击\")",
            "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "@SUM(1,2)", "\t=1+1", "\r=1+1",
            // OWASP: every start with + - tab or CR, even when the rest is digits and signs (a CSV opened in a
            // spreadsheet runs "-2+3" as =-2+3)
            "-2+3", "+1+1", "-12.5", "+86 (21) 5555-1234", "\t12", "\r12");

    private static byte[] workbook(List<String> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet ws = workbook.newWorksheet("t");
        for (int i = 0; i < values.size(); i++) {
            SpreadsheetText.write(ws, i, 0, values.get(i));
        }
        workbook.close();
        return out.toByteArray();
    }

    @Test
    void aValueASpreadsheetWouldRunAsAFormulaIsWrittenAsTypedAsAStringCellFormattedAsText() throws IOException {
        assertThat(FORMULA_LIKE).allMatch(SpreadsheetText::formulaLike);
        byte[] xlsx = workbook(FORMULA_LIKE);
        List<Row> rows = SpreadsheetCells.rows(xlsx);
        for (int i = 0; i < FORMULA_LIKE.size(); i++) {
            SpreadsheetCells.assertKeptAsText(xlsx, rows.get(i).getCell(0), FORMULA_LIKE.get(i));
        }
        // in the file itself: inline strings, not one formula
        String sheet = SpreadsheetCells.part(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("t=\"inlineStr\"").doesNotContain("<f>", "<f ");
    }

    @Test
    void ordinaryTextAndNumbersStartingWithADigitStayAsTheyAreInStringCellsOfTheUsualFormat() throws IOException {
        List<String> ordinary = List.of("华为技术有限公司", "a=b", "12.5", "021-5555-1234");
        assertThat(ordinary).noneMatch(SpreadsheetText::formulaLike);
        assertThat(SpreadsheetText.formulaLike("")).isFalse();
        assertThat(SpreadsheetText.formulaLike(null)).isFalse();
        byte[] xlsx = workbook(ordinary);
        List<Row> rows = SpreadsheetCells.rows(xlsx);
        for (int i = 0; i < ordinary.size(); i++) {
            assertThat(rows.get(i).getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(rows.get(i).getCellText(0)).isEqualTo(ordinary.get(i));
        }
        assertThat(SpreadsheetCells.textFormatted(xlsx)).as("in the usual format").isEmpty();
        assertThat(SpreadsheetCells.rows(workbook(Arrays.asList((String) null))).get(0).getCellText(0))
                .as("null as an empty cell").isEmpty();
    }

    @Test
    void aWorkbookCellHoldingAFormulaFailsTheCheck() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        workbook.newWorksheet("t").formula(0, 0, "1+1");
        workbook.close();
        byte[] xlsx = out.toByteArray();
        assertThatThrownBy(() -> SpreadsheetCells.assertKeptAsText(xlsx, SpreadsheetCells.rows(xlsx).get(0).getCell(0), "=1+1"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void csvFieldsKeepTheApostropheAndAreQuotedAndAnExportedValueImportsAsItWas() {
        for (String value : FORMULA_LIKE) {
            assertThat(SpreadsheetText.csvField(value)).as("a CSV has no cell types: the apostrophe stays")
                    .startsWith(value.contains(",") || value.contains("\"") || value.contains("\r") ? "\"'" : "'");
        }
        assertThat(SpreadsheetText.csvField("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.csvField("=1+1,\"x\"")).isEqualTo("\"'=1+1,\"\"x\"\"\"");
        assertThat(SpreadsheetText.csvField("华为技术有限公司")).isEqualTo("华为技术有限公司");
        assertThat(SpreadsheetText.csvField(null)).isEmpty();
        assertThat(SpreadsheetText.fromCell(SpreadsheetText.csvField("=HYPERLINK(x)"))).isEqualTo("=HYPERLINK(x)");
        assertThat(SpreadsheetText.fromCell("'quoted on purpose")).isEqualTo("'quoted on purpose");
        assertThat(SpreadsheetText.fromCell(SpreadsheetText.csvField("+86 138 0013 8000"))).isEqualTo("+86 138 0013 8000");
        assertThat(SpreadsheetText.fromCell("-12.5")).isEqualTo("-12.5");
        assertThat(SpreadsheetText.fromCell("=HYPERLINK(x)")).as("an .xlsx cell written as typed imports as it is")
                .isEqualTo("=HYPERLINK(x)");
    }

    @Test
    void aValueLongerThanACellHoldsIsCutToFitSoExcelStillOpensTheFile() throws IOException {
        String tooLong = "名".repeat(SpreadsheetReader.Limits.EXCEL_CELL_CHARS + 10);
        String surrogates = "😀".repeat(SpreadsheetReader.Limits.EXCEL_CELL_CHARS);
        String exact = "x".repeat(SpreadsheetReader.Limits.EXCEL_CELL_CHARS);
        List<Row> rows = SpreadsheetCells.rows(workbook(List.of(tooLong, surrogates, exact)));
        String cut = rows.get(0).getCellText(0);
        assertThat(cut).hasSize(SpreadsheetReader.Limits.EXCEL_CELL_CHARS).endsWith(SpreadsheetText.CUT)
                .startsWith("名".repeat(100));
        String cutPairs = rows.get(1).getCellText(0);
        assertThat(cutPairs.length()).isLessThanOrEqualTo(SpreadsheetReader.Limits.EXCEL_CELL_CHARS);
        assertThat(cutPairs.substring(0, cutPairs.length() - 1).codePoints()).allMatch(c -> c == "😀".codePointAt(0));
        assertThat(rows.get(2).getCellText(0)).isEqualTo(exact);
    }
}

package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text written into exported spreadsheets never runs as a formula. */
class SpreadsheetTextTest {

    @Test
    void aValueASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(SpreadsheetText.cell("=HYPERLINK(\"http://evil.example\",\"点击\")"))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"点击\")");
        assertThat(SpreadsheetText.cell("+SUM(A1:A9)")).isEqualTo("'+SUM(A1:A9)");
        assertThat(SpreadsheetText.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.cell("@SUM(1,2)")).isEqualTo("'@SUM(1,2)");
        assertThat(SpreadsheetText.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetText.cell("\r=1+1")).isEqualTo("'\r=1+1");
        // OWASP: every start with + - tab or CR, even when the rest is digits and signs (a CSV opened in a
        // spreadsheet runs "-2+3" as =-2+3)
        assertThat(SpreadsheetText.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetText.cell("-12.5")).isEqualTo("'-12.5");
        assertThat(SpreadsheetText.cell("+86 (21) 5555-1234")).isEqualTo("'+86 (21) 5555-1234");
        assertThat(SpreadsheetText.cell("\t12")).isEqualTo("'\t12");
        assertThat(SpreadsheetText.cell("\r12")).isEqualTo("'\r12");
        assertThat(SpreadsheetText.csvField("-2+3")).isEqualTo("'-2+3");
    }

    @Test
    void ordinaryTextAndNumbersStartingWithADigitStayAsTheyAre() {
        assertThat(SpreadsheetText.cell("华为技术有限公司")).isEqualTo("华为技术有限公司");
        assertThat(SpreadsheetText.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetText.cell("12.5")).isEqualTo("12.5");
        assertThat(SpreadsheetText.cell("021-5555-1234")).isEqualTo("021-5555-1234");
        assertThat(SpreadsheetText.cell("")).isEmpty();
        assertThat(SpreadsheetText.cell(null)).isNull();
    }

    @Test
    void csvFieldsAreNeutralisedAndQuotedAndAnExportedValueImportsAsItWas() {
        assertThat(SpreadsheetText.csvField("=1+1,\"x\"")).isEqualTo("\"'=1+1,\"\"x\"\"\"");
        assertThat(SpreadsheetText.csvField(null)).isEmpty();
        assertThat(SpreadsheetText.fromCell(SpreadsheetText.cell("=HYPERLINK(\"x\")"))).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(SpreadsheetText.fromCell("'quoted on purpose")).isEqualTo("'quoted on purpose");
        assertThat(SpreadsheetText.fromCell(SpreadsheetText.cell("+86 138 0013 8000"))).isEqualTo("+86 138 0013 8000");
        assertThat(SpreadsheetText.fromCell("-12.5")).isEqualTo("-12.5");
    }
}

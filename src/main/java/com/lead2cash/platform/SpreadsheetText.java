package com.lead2cash.platform;

import org.dhatim.fastexcel.Worksheet;

/**
 * Text as it goes into an exported spreadsheet (.xlsx or .csv), never run as a formula. A value a spreadsheet
 * program would take for a formula — one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return, such as a company name {@code =HYPERLINK(...)} typed into a web form — is "formula-like"
 * (CSV/formula injection, as OWASP lists the starts: every one, with no exception for text that looks like a
 * number — a contact named {@code -2+3} is a formula to a spreadsheet opening the file as CSV).
 * <ul>
 * <li>In an .xlsx ({@link #write}) every text is an inline string cell ({@code t="inlineStr"}): a cell's type, not
 * its first character, says what it is, and a string cell is shown as the text it holds, never evaluated — so the
 * value goes in as it was typed, with nothing added. A formula-like one also gets the Text number format
 * ({@code @}), so that editing the cell in Excel or LibreOffice keeps it text instead of turning it into a formula
 * on Enter (the file library has no {@code quotePrefix} style; the Text format is its equivalent there).</li>
 * <li>In a .csv ({@link #csvField}) there are no cell types: a formula-like value keeps a leading apostrophe,
 * which a spreadsheet opening the file shows — the price of the file being safe.</li>
 * </ul>
 * Amounts and dates are not text: the exporters write them as numeric cells, which nothing runs, so a negative
 * amount stays a number. Every exporter writes text cells through this class.
 */
public final class SpreadsheetText {

    /** The number format of a cell whose content is text whatever it looks like (Excel's "Text" format). */
    static final String TEXT_FORMAT = "@";

    private SpreadsheetText() {
    }

    /** Whether a spreadsheet would take {@code value} for a formula (or the start of one). */
    public static boolean formulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * Writes {@code value} into cell ({@code row}, {@code col}) as an inline string — its text exactly, null as
     * empty — formatted as Text when it is {@linkplain #formulaLike formula-like}. A value longer than a cell
     * can hold ({@link SpreadsheetReader.Limits#EXCEL_CELL_CHARS}), which Excel would refuse to open the file
     * for, is cut to fit and ends in {@link #CUT}.
     */
    public static void write(Worksheet ws, int row, int col, String value) {
        String text = fitted(value == null ? "" : value);
        ws.inlineString(row, col, text);
        if (formulaLike(text)) {
            ws.style(row, col).format(TEXT_FORMAT).set();
        }
    }

    /** What ends a text cut to fit a cell. */
    static final String CUT = "…";

    /** {@code text} as a cell can hold it: whole, or cut to the cell's limit ending in {@link #CUT}. */
    static String fitted(String text) {
        int max = SpreadsheetReader.Limits.EXCEL_CELL_CHARS;
        if (text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end) + CUT;
    }

    /**
     * The value an imported cell stands for: the apostrophe {@link #csvField} puts before a formula-like value
     * (and exports before this one put into .xlsx cells too) is dropped again, so an exported file imports as the
     * data it came from.
     */
    public static String fromCell(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && formulaLike(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }

    /**
     * One CSV field (RFC 4180): a formula-like value with a leading apostrophe, quoted when it holds a comma,
     * quote or line break; null as empty.
     */
    public static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String text = formulaLike(value) ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

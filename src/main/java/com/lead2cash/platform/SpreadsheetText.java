package com.lead2cash.platform;

/**
 * Text as it goes into an exported spreadsheet (.xlsx or .csv). A value a spreadsheet program would
 * run as a formula — one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return, such as a company name {@code =HYPERLINK(...)} typed into a web form — gets a leading
 * apostrophe, so it is shown as the text it is and never calls anything (CSV/formula injection, as OWASP
 * advises: every such start, with no exception for text that looks like a number — a contact named
 * {@code -2+3} is a formula to a spreadsheet opening the file as CSV). Amounts and dates are not text: the
 * exporters write them as numeric cells, which nothing runs, so a negative amount stays a number.
 * Every exporter writes text cells through this class.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** The value to write into a cell; null stays null. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formulaLike ? "'" + value : value;
    }

    /**
     * The value an imported cell stands for: the apostrophe {@link #cell} put before a formula-like
     * value is dropped again, so an exported file imports as the data it came from.
     */
    public static String fromCell(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && !cell(value.substring(1)).equals(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }

    /** One CSV field (RFC 4180): neutralised as {@link #cell}, quoted when it holds a comma, quote or line break. */
    public static String csvField(String value) {
        String text = cell(value);
        if (text == null) {
            return "";
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

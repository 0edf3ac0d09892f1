package com.lead2cash.platform;

import java.util.regex.Pattern;

/**
 * Text as it goes into an exported spreadsheet (.xlsx or .csv). A value a spreadsheet program would
 * run as a formula — one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return, such as a company name {@code =HYPERLINK(...)} typed into a web form — gets a leading
 * apostrophe, so it is shown as the text it is and never calls anything (CSV/formula injection).
 * Plain numbers and phone numbers ({@code -12.5}, {@code +86 138 0013 8000}) stay as they are: made of
 * digits, spaces and {@code + - ( ) . , /} only, they cannot call a function or refer to a cell.
 * Every exporter writes text cells through this class.
 */
public final class SpreadsheetText {

    private static final Pattern HARMLESS_NUMBER = Pattern.compile("[+-]?[0-9][0-9 +\\-().,/]*");

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
        if (!formulaLike || (first != '=' && first != '@' && HARMLESS_NUMBER.matcher(value).matches())) {
            return value;
        }
        return "'" + value;
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

package com.lead2cash.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Worksheet;

/**
 * The columns of an exported table, each its header (a message key, said in the reader's language when the sheet
 * opens) and what its cell holds, written the one way every export writes that kind of cell: text neutralised against
 * formula injection ({@link SpreadsheetText}), money a number formatted {@value #MONEY}, a percentage a number
 * formatted as one ({@code 0.00%}: 0.8571 reads 85.71 %), a count a number, a day a date cell, a month a date cell
 * formatted {@code yyyy-mm}. A cell whose value is null stays empty; a text where a month or a day is expected (an
 * "overdue" line) is written as text. Build it once per report, then {@link SpreadsheetExport#rows} writes its rows.
 */
public final class SpreadsheetColumns<T> {

    public static final String MONEY = "#,##0.00";
    public static final String DAY = "yyyy-mm-dd";
    public static final String MONTH = "yyyy-mm";

    private record Column<T>(String headerKey, Function<? super T, ?> value, CellWriter writer) {
    }

    @FunctionalInterface
    private interface CellWriter {
        void write(Worksheet ws, int row, int column, Object value);
    }

    private final List<Column<T>> columns = new ArrayList<>();

    private SpreadsheetColumns() {
    }

    /** No column yet; add them in the order the screen shows them. */
    public static <T> SpreadsheetColumns<T> of(Class<T> rowType) {
        return new SpreadsheetColumns<>();
    }

    public SpreadsheetColumns<T> text(String headerKey, Function<? super T, String> value) {
        return add(headerKey, value, (ws, r, c, v) -> SpreadsheetText.write(ws, r, c, v.toString()));
    }

    public SpreadsheetColumns<T> money(String headerKey, Function<? super T, BigDecimal> value) {
        return add(headerKey, value, (ws, r, c, v) -> money(ws, r, c, (BigDecimal) v));
    }

    /** A percentage of {@code decimals} places given as a fraction (0.8571 for 85.71 %). */
    public SpreadsheetColumns<T> percent(String headerKey, int decimals, Function<? super T, ? extends Number> fraction) {
        return add(headerKey, fraction, (ws, r, c, v) -> percent(ws, r, c, (Number) v, decimals));
    }

    /** A whole number (a count). */
    public SpreadsheetColumns<T> count(String headerKey, Function<? super T, ? extends Number> value) {
        return add(headerKey, value, (ws, r, c, v) -> ws.value(r, c, (Number) v));
    }

    /** A number of {@code decimals} places (average days). */
    public SpreadsheetColumns<T> number(String headerKey, int decimals, Function<? super T, ? extends Number> value) {
        return add(headerKey, value, (ws, r, c, v) -> {
            ws.value(r, c, (Number) v);
            ws.style(r, c).format(decimals == 0 ? "0" : "0." + "0".repeat(decimals)).set();
        });
    }

    /** A day as a date cell; a text (a line that is no day) as text. */
    public SpreadsheetColumns<T> day(String headerKey, Function<? super T, ?> value) {
        return add(headerKey, value, (ws, r, c, v) -> {
            if (v instanceof LocalDate d) {
                date(ws, r, c, d, DAY);
            } else {
                SpreadsheetText.write(ws, r, c, v.toString());
            }
        });
    }

    /** A month as a date cell (its first day) formatted {@value #MONTH}; a text (an "overdue" line) as text. */
    public SpreadsheetColumns<T> month(String headerKey, Function<? super T, ?> value) {
        return add(headerKey, value, (ws, r, c, v) -> {
            if (v instanceof YearMonth m) {
                date(ws, r, c, m.atDay(1), MONTH);
            } else {
                SpreadsheetText.write(ws, r, c, v.toString());
            }
        });
    }

    private SpreadsheetColumns<T> add(String headerKey, Function<? super T, ?> value, CellWriter writer) {
        columns.add(new Column<>(headerKey, value, writer));
        return this;
    }

    /** The headers' message keys, in order. */
    public List<String> headerKeys() {
        return columns.stream().map(Column::headerKey).toList();
    }

    /** Writes {@code item}'s cells on {@code row}. */
    void write(Worksheet ws, int row, T item) {
        for (int c = 0; c < columns.size(); c++) {
            Column<T> column = columns.get(c);
            Object value = column.value().apply(item);
            if (value != null) {
                column.writer().write(ws, row, c, value);
            }
        }
    }

    /** An amount as a number formatted {@value #MONEY}, as every export writes one. */
    public static void money(Worksheet ws, int row, int column, BigDecimal amount) {
        ws.value(row, column, amount);
        ws.style(row, column).format(MONEY).set();
    }

    /** A fraction (0.8571) as a number formatted as a percentage of {@code decimals} places (85.71 %). */
    public static void percent(Worksheet ws, int row, int column, Number fraction, int decimals) {
        ws.value(row, column, fraction);
        ws.style(row, column).format(decimals == 0 ? "0%" : "0." + "0".repeat(decimals) + "%").set();
    }

    /** A day as a date cell formatted {@code format}. */
    public static void date(Worksheet ws, int row, int column, LocalDate day, String format) {
        ws.value(row, column, day);
        ws.style(row, column).format(format).set();
    }
}

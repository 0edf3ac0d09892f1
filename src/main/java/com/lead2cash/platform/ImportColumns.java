package com.lead2cash.platform;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * The columns of an import file (导入模板的列), as every import reads them with
 * {@link SpreadsheetReader}: a header row of Chinese column names (the template's; the English name,
 * or the API field name, also accepted; a trailing {@code *} marks a required value), then one record
 * a row. An unknown column or a missing identifying column refuses the whole file before any row is
 * read; each row's cells come stripped, with blanks left out and the apostrophe an export put before a
 * formula-like text dropped ({@link SpreadsheetText#fromCell}), so an exported file imports as the data
 * it came from. A formula cell reads as its saved result; one with none ({@link #formulaCells}) as its formula's
 * text, and its row is refused on that column ({@link #refusedCells}) — never read as empty.
 *
 * @param <C> the import's column enum
 */
public final class ImportColumns<C extends Enum<C> & ImportColumns.Column> {

    /**
     * The headers a column is known by.
     *
     * @param zh    the Chinese header, as the template writes it
     * @param en    the English header, also accepted (any case)
     * @param alias another header accepted (any case), such as the API's field name; null when none
     */
    public record Names(String zh, String en, String alias) {

        public Names(String zh, String en) {
            this(zh, en, null);
        }
    }

    /**
     * The values a coded column takes (a source, a size, yes or no), in order: the bundle's {@code prefix.CODE} says
     * each in the reader's words (no prefix: the codes are the words, grades A, B, C). A cell names a value by its code
     * or by its words in Chinese or English, any case ({@link #code}); the template's dropdown and its instructions
     * ({@link ImportTemplate}) offer the reader's words, and a refusal lists them ({@link #labels}).
     */
    public record Choices(String prefix, List<String> codes) {

        public Choices {
            codes = List.copyOf(codes);
        }

        public static Choices of(String prefix, Enum<?>... codes) {
            return new Choices(prefix, Arrays.stream(codes).map(Enum::name).toList());
        }

        /** Each value in the reader's words, in order. */
        public List<String> said(MessageSource messages, Locale locale) {
            return codes.stream().map(c -> prefix == null ? c : messages.getMessage(prefix + "." + c, null, c, locale))
                    .toList();
        }

        /** Each value as a label said where its message is said (a row problem's argument: {@link ImportProblem}). */
        public List<Object> labels() {
            return codes.stream().<Object>map(c -> prefix == null ? c : Label.of(prefix, c)).toList();
        }

        /** The code a cell names: the code itself or its words in Chinese or in English (any case); empty for none. */
        public Optional<String> code(String cell, MessageSource messages) {
            String value = cell == null ? "" : cell.strip();
            for (String code : codes) {
                if (code.equalsIgnoreCase(value) || (prefix != null && Stream.of(Locale.CHINESE, Locale.ENGLISH)
                        .anyMatch(l -> value.equalsIgnoreCase(messages.getMessage(prefix + "." + code, null, "", l))))) {
                    return Optional.of(code);
                }
            }
            return Optional.empty();
        }
    }

    /** A column of an import file. */
    public interface Column {

        Names names();

        /** A coded column's values (its dropdown in the template); null for a column of free text. */
        default Choices choices() {
            return null;
        }

        /** The key of how to fill the column, as the template's instructions say it; null when it goes without saying. */
        default String hintKey() {
            return null;
        }

        /** A value the row needs: marked {@code *} in the template. */
        default boolean required() {
            return false;
        }

        /** A column that is recognised but not read (a report's reason column, imported again). */
        default boolean ignored() {
            return false;
        }

        /** A date column: a date the spreadsheet stores as a serial number is read as {@code yyyy-MM-dd}. */
        default boolean date() {
            return false;
        }

        /** The header the template writes. */
        default String header() {
            return required() ? names().zh() + "*" : names().zh();
        }

        /** The column as a reader sees it named: the template's header in Chinese, else the English one. */
        default String label(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? names().zh() : names().en();
        }
    }

    private final List<C> columns;

    private ImportColumns(List<C> columns) {
        this.columns = columns;
    }

    /**
     * Reads the header row. Refuses (field {@code file}) with {@code <messages>.unknownColumns} naming
     * the columns it does not know, and {@code <messages>.missingColumn} when {@code identifying} is
     * not there.
     */
    public static <C extends Enum<C> & Column> ImportColumns<C> fromHeader(Class<C> type, List<String> header,
                                                                         C identifying, String messages) {
        List<C> columns = new ArrayList<>(header.size());
        List<String> unknown = new ArrayList<>();
        for (String cell : header) {
            String h = cell == null ? "" : cell.strip().replace("*", "");
            C column = h.isEmpty() ? null : Arrays.stream(type.getEnumConstants())
                    .filter(c -> c.names().zh().equals(h) || c.names().en().equalsIgnoreCase(h)
                            || (c.names().alias() != null && c.names().alias().equalsIgnoreCase(h)))
                    .findFirst().orElse(null);
            if (!h.isEmpty() && column == null) {
                unknown.add(h);
            }
            columns.add(column);
        }
        if (!unknown.isEmpty()) {
            throw new FieldValidationException("file", messages + ".unknownColumns", ListText.of(unknown));
        }
        if (!columns.contains(identifying)) {
            throw new FieldValidationException("file", messages + ".missingColumn", identifying.names().zh());
        }
        return new ImportColumns<>(columns);
    }

    /**
     * A data row as read: its line in the file (the header is line 1), its values by column, and the columns whose
     * cell is a formula with no saved result ({@link #formulaCells}; its value is the formula's text).
     */
    @FunctionalInterface
    public interface RowHandler<C> {
        void row(int line, Map<C, String> cells, Set<C> formulas);
    }

    /**
     * Reads the file: blank rows are skipped, the first other row is the header ({@link #fromHeader}),
     * every following row with a value goes to {@code rows}. An empty file is refused with
     * {@code <messages>.empty}; the reader's limits ({@code maxRows} and the rest) hold throughout.
     */
    public static <C extends Enum<C> & Column> void read(Path file, String fileName, int maxRows, Class<C> type,
                                                         C identifying, String messages, RowHandler<C> rows) {
        List<ImportColumns<C>> header = new ArrayList<>(1);
        SpreadsheetReader.read(file, fileName, SpreadsheetReader.Limits.forRows(maxRows), row -> {
            if (row.blank()) {
                return;
            }
            if (header.isEmpty()) {
                header.add(fromHeader(type, row.cells(), identifying, messages));
                return;
            }
            ImportColumns<C> columns = header.get(0);
            rows.row(row.line(), columns.cells(row, type), columns.formulaCells(row, type));
        });
        if (header.isEmpty()) {
            throw new FieldValidationException("file", messages + ".empty");
        }
    }

    /** A data row's values by column: stripped, blank and ignored cells left out. */
    public Map<C, String> cells(SpreadsheetReader.Row row, Class<C> type) {
        Map<C, String> cells = new EnumMap<>(type);
        List<String> values = row.cells();
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
            C column = columns.get(i);
            String value = values.get(i);
            if (column == null || column.ignored() || value == null || value.isBlank()) {
                continue;
            }
            LocalDate date = column.date() ? row.serialDate(i) : null;
            cells.put(column, date != null ? date.toString() : SpreadsheetText.fromCell(value.strip()));
        }
        return cells;
    }

    /**
     * The columns of a data row whose cell is a formula the file saved no result of
     * ({@link SpreadsheetReader.Row#formulaWithoutResult}): {@link #cells} gives its formula's text, which is not
     * its value; {@link #refusedCells} refuses it.
     */
    public Set<C> formulaCells(SpreadsheetReader.Row row, Class<C> type) {
        Set<C> formulas = EnumSet.noneOf(type);
        for (int i = 0; i < columns.size() && i < row.cells().size(); i++) {
            C column = columns.get(i);
            if (column != null && !column.ignored() && row.formulaWithoutResult(i)) {
                formulas.add(column);
            }
        }
        return formulas;
    }

    /**
     * The cells of a row an import refuses, each with its refusal's message key (its one argument, when it has one,
     * {@link InputRules#MAX_TEXT}): a formula with no saved result ({@link #formulaCells}: its value is not known,
     * {@value #FORMULA_WITHOUT_RESULT}), and text no field accepts ({@link InputRules#textProblem}: a control
     * character such as NUL, a broken surrogate, more than {@link InputRules#MAX_TEXT} characters), which the API
     * refuses too. The row is refused with them.
     */
    public static <C extends Enum<C>> Map<C, String> refusedCells(Map<C, String> cells, Set<C> formulas) {
        Map<C, String> refused = new java.util.LinkedHashMap<>();
        cells.forEach((column, value) -> {
            if (formulas.contains(column)) {
                refused.put(column, FORMULA_WITHOUT_RESULT);
            } else {
                InputRules.textProblem(value).ifPresent(key -> refused.put(column, key));
            }
        });
        return refused;
    }

    /** The refusal of a formula cell with no saved result: paste it as a value. */
    public static final String FORMULA_WITHOUT_RESULT = "spreadsheet.formulaWithoutResult";

    /** Writes the header row of a template or report: bold, each column wide enough for its Chinese header. */
    public static void writeHeader(Worksheet ws, List<? extends Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            SpreadsheetText.write(ws, 0, i, c.header());
            ws.style(0, i).bold().set();
            ws.width(i, Math.max(12, c.names().zh().length() * 3));
        }
    }
}

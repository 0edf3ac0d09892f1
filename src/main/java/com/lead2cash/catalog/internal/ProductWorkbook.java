package com.lead2cash.catalog.internal;

import com.lead2cash.files.ContentTypes;
import com.lead2cash.files.ContentWords;
import com.lead2cash.files.SpreadsheetFormat;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ImportColumns;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.ListText;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetReader;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Worksheet;

/**
 * The catalogue as an Excel workbook (产品目录.xlsx): one product a row under Chinese column headers
 * (English accepted on import). The export is also the import template: export, edit, import — as .xlsx,
 * or saved as CSV (SPEC: "Excel import and export (.xlsx), CSV too").
 */
public final class ProductWorkbook {

    static final int MAX_ROWS = 20_000;
    static final int MAX_BYTES = 10 * 1024 * 1024;

    /** A column: its Chinese header, the English one also accepted, the field it fills. */
    enum Column {
        CODE("产品编码", "Code", "code", true),
        NAME("产品名称", "Name", "name", true),
        SPECIFICATION("规格", "Specification", "specification", false),
        UNIT("单位", "Unit", "unit", false),
        PRODUCT_LINE("产品线", "Product line", "productLine", false),
        LIST_PRICE("目录价（元，不含税）", "List price", "listPrice", true),
        TAX_RATE("税率（%）", "Tax rate", "taxRate", true),
        ACTIVE("启用", "Active", "active", false);

        final String zh;
        final String en;
        final String field;
        final boolean required;

        Column(String zh, String en, String field, boolean required) {
            this.zh = zh;
            this.en = en;
            this.field = field;
            this.required = required;
        }

        String header() {
            return required ? zh + "*" : zh;
        }
    }

    /**
     * One data row: its line in the sheet (1 is the header), its code as written (null when blank), the product it
     * describes (null when its details are refused) and everything wrong with it.
     */
    public record Row(int line, String code, ProductDetails details, boolean active, List<RowProblem> problems) {
    }

    public record RowProblem(int line, String field, String messageKey, List<Object> args) {
    }

    /**
     * The file was refused, row by row; nothing was imported. Each problem is a field error named
     * {@code rows[<line>].<field>}, so the API lists them like any refused input.
     */
    public static final class ImportRefused extends FieldValidationException {
        private final List<RowProblem> problems;

        ImportRefused(List<RowProblem> problems) {
            super(problems.stream().map(p -> new FieldValidationException.FieldError(
                    "rows[" + p.line() + "]." + p.field(), p.messageKey(), p.args())).toList());
            this.problems = List.copyOf(problems);
        }

        public List<RowProblem> problems() {
            return problems;
        }
    }

    private ProductWorkbook() {
    }

    /** A row problem's field as the reader knows it: its column as the template heads it (Chinese, else English). */
    public static String columnLabel(String field, Locale locale) {
        return Arrays.stream(Column.values()).filter(c -> c.field.equals(field)).findFirst()
                .map(c -> "zh".equals(locale.getLanguage()) ? c.zh : c.en).orElse("");
    }

    /** Writes the products as a workbook, streaming, in the order given. */
    public static void write(Stream<Product> products, OutputStream out) {
        List<String> headers = Arrays.stream(Column.values()).map(Column::header).toList();
        try (SpreadsheetExport export = SpreadsheetExport.open(out, "产品目录", headers)) {
            Worksheet ws = export.sheet();
            for (int c = 0; c < headers.size(); c++) {
                ws.width(c, c == 1 || c == 2 ? 30 : 16);
            }
            int[] r = {1};
            products.forEach(p -> {
                int row = r[0]++;
                text(ws, row, 0, p.code());
                text(ws, row, 1, p.name());
                text(ws, row, 2, p.specification());
                text(ws, row, 3, p.unit());
                text(ws, row, 4, p.productLine());
                ws.value(row, 5, p.listPrice());
                ws.style(row, 5).format("#,##0.00").set();
                ws.value(row, 6, p.taxRate());
                ws.inlineString(row, 7, p.active() ? "是" : "否");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell through the exporters' rule ({@link SpreadsheetText}): a code "=cmd|…" stays text. */
    private static void text(Worksheet ws, int row, int col, String value) {
        if (value != null) {
            SpreadsheetText.write(ws, row, col, value);
        }
    }

    /**
     * Reads an uploaded file into rows — an .xlsx workbook (first sheet) or CSV text (UTF-8 with or without BOM, or
     * GB18030 as Excel on Chinese Windows saves it), told by its content whatever it is called — with the same
     * columns either way; a row's problems are collected, never thrown one by one. The file is read by the
     * platform's {@link SpreadsheetReader}, whose limits (cell length, rows, what the zip unpacks to) refuse a
     * hostile file while it is read, as every other import does.
     */
    public static List<Row> readUpload(byte[] content, ContentTypes contentTypes) {
        if (content == null || content.length == 0) {
            throw new FieldValidationException("file", "catalog.import.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new FieldValidationException("file", "catalog.import.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        List<SpreadsheetReader.Row> table = new ArrayList<>();
        Path file = null;
        try {
            file = Files.createTempFile("product-import-", ".upload");
            Files.write(file, content);
            // by the content, as the lead and customer imports: a picture or a web page renamed .xlsx or .csv is named
            Path uploaded = file;
            SpreadsheetFormat format = contentTypes.spreadsheet(file).orElseThrow(() -> new FieldValidationException(
                    "file", "catalog.import.notAWorkbook", ContentWords.of(contentTypes.detect(uploaded))));
            SpreadsheetReader.read(file, "upload." + format.extension(), SpreadsheetReader.Limits.forRows(MAX_ROWS), r -> {
                if (!r.blank()) {
                    table.add(r);
                }
            });
        } catch (IOException e) {
            throw new FieldValidationException("file", "catalog.import.unreadable");
        } catch (FieldValidationException e) {
            // the catalogue's own code for a file that cannot be read, as clients of the API know it
            if (e.errors().stream().anyMatch(f -> "spreadsheet.unreadable".equals(f.messageKey()))) {
                throw new FieldValidationException("file", "catalog.import.unreadable");
            }
            throw e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
        if (table.isEmpty()) {
            throw new FieldValidationException("file", "catalog.import.empty");
        }
        Column[] columns = headers(table.get(0).cells());
        List<Row> rows = new ArrayList<>();
        for (SpreadsheetReader.Row read : table.subList(1, table.size())) {
            List<String> values = read.cells();
            Map<Column, String> cells = new EnumMap<>(Column.class);
            Set<Column> formulas = EnumSet.noneOf(Column.class);
            for (int c = 0; c < columns.length && c < values.size(); c++) {
                if (columns[c] != null && values.get(c) != null && !values.get(c).isBlank()) {
                    cells.put(columns[c], SpreadsheetText.fromCell(values.get(c).strip()));
                    if (read.formulaWithoutResult(c)) {
                        formulas.add(columns[c]);
                    }
                }
            }
            rows.add(row(read.line(), cells, formulas));
        }
        return rows;
    }

    private static Row row(int line, Map<Column, String> cells, Set<Column> formulas) {
        List<RowProblem> problems = new ArrayList<>();
        // text the API refuses (a NUL, a broken surrogate) and a formula with no saved result are the row's problems,
        // as in every other import; the formula's text is not read as the cell's value
        ImportColumns.refusedCells(cells, formulas).forEach((column, key) -> problems.add(
                new RowProblem(line, column.field, key, List.of(InputRules.MAX_TEXT))));
        cells.keySet().removeAll(formulas);
        BigDecimal price = number(line, cells, Column.LIST_PRICE, problems);
        BigDecimal tax = number(line, cells, Column.TAX_RATE, problems);
        String activeText = cells.get(Column.ACTIVE);
        boolean active = activeText == null
                || List.of("是", "启用", "y", "yes", "true", "1").contains(activeText.toLowerCase(Locale.ROOT));
        if (activeText != null && !active
                && !List.of("否", "停用", "n", "no", "false", "0").contains(activeText.toLowerCase(Locale.ROOT))) {
            problems.add(new RowProblem(line, "active", "catalog.import.notAYesNo", List.of(activeText)));
        }
        // the product's own checks run whatever else is wrong, so one pass names every problem of the row; a cell
        // that is not a number was named already, not also as missing
        Set<String> unread = problems.stream().map(RowProblem::field).collect(Collectors.toSet());
        ProductDetails details = null;
        try {
            details = ProductDetails.validated(cells.get(Column.CODE), cells.get(Column.NAME),
                    cells.get(Column.SPECIFICATION), cells.get(Column.UNIT), cells.get(Column.PRODUCT_LINE), price, tax);
        } catch (FieldValidationException e) {
            e.errors().stream().filter(f -> !unread.contains(f.field()))
                    .forEach(f -> problems.add(new RowProblem(line, f.field(), f.messageKey(), f.args())));
        }
        return new Row(line, InputRules.trimToNull(cells.get(Column.CODE)), details, active, problems);
    }

    private static BigDecimal number(int line, Map<Column, String> cells, Column column, List<RowProblem> problems) {
        String text = cells.get(column);
        if (text == null) {
            return null;
        }
        try {
            return SpreadsheetReader.cellNumber(text.replace(",", "").replace("，", "").replace("¥", "").replace("%", ""));
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(line, column.field, "catalog.import.notANumber", List.of(text)));
            return null;
        }
    }

    private static Column[] headers(List<String> header) {
        Column[] columns = new Column[header.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip().replace("*", "");
            if (h.isEmpty()) {
                continue;
            }
            columns[i] = Arrays.stream(Column.values())
                    .filter(c -> c.zh.equals(h) || c.en.equalsIgnoreCase(h) || c.field.equalsIgnoreCase(h))
                    .findFirst().orElse(null);
            if (columns[i] == null) {
                unknown.add(h);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FieldValidationException("file", "catalog.import.unknownColumns", ListText.of(unknown));
        }
        for (Column required : Column.values()) {
            if (required.required && Arrays.stream(columns).noneMatch(c -> c == required)) {
                throw new FieldValidationException("file", "catalog.import.missingColumn", required.zh);
            }
        }
        return columns;
    }
}

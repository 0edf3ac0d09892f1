package com.lead2cash.customer.internal.io;

import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.internal.domain.CompanySize;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.files.ContentTypes;
import com.lead2cash.files.ContentWords;
import com.lead2cash.files.SpreadsheetFormat;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ImportColumns;
import com.lead2cash.platform.ImportTemplate;
import com.lead2cash.platform.SpreadsheetReader;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * The customer import file (客户导入模板): Chinese column headers (English accepted too), one customer
 * a row with its first contact, as .xlsx (first sheet) or .csv (UTF-8, or GB18030 as Excel on Chinese
 * Windows saves it), read as every import file is ({@link ImportColumns}). Reading stops with a
 * refusal past {@code maxRows} rows.
 */
final class CustomerImportFile {

    /** A column: its Chinese header (the template's), the English one also accepted. */
    enum Column implements ImportColumns.Column {
        NAME("客户名称", "Name"),
        USCC("统一社会信用代码", "Unified social credit code"),
        INDUSTRY("行业", "Industry"),
        SIZE("规模", "Size"),
        REGION("区域", "Region"),
        ADDRESS("地址", "Address"),
        WEBSITE("网址", "Website"),
        SOURCE("来源", "Source"),
        GRADE("客户等级", "Grade"),
        OWNER("负责人（用户名）", "Owner (username)"),
        CONTACT_NAME("联系人", "Contact"),
        CONTACT_TITLE("联系人职务", "Contact title"),
        CONTACT_PHONE("联系人电话", "Contact phone"),
        CONTACT_EMAIL("联系人邮箱", "Contact e-mail"),
        /** The report's reason column: ignored when the corrected report is imported again. */
        IMPORT_ERROR("导入错误", "Import error");

        private final ImportColumns.Names names;

        Column(String zh, String en) {
            this.names = new ImportColumns.Names(zh, en);
        }

        @Override
        public ImportColumns.Names names() {
            return names;
        }

        @Override
        public boolean required() {
            return this == NAME;
        }

        @Override
        public boolean ignored() {
            return this == IMPORT_ERROR;
        }

        @Override
        public ImportColumns.Choices choices() {
            return switch (this) {
                case SIZE -> SIZES;
                case SOURCE -> SOURCES;
                case GRADE -> GRADES;
                default -> null;
            };
        }

        @Override
        public String hintKey() {
            return ignored() ? null : "customer.import.column." + name();
        }
    }

    /** The sizes a row may name (by code, or by its words in either language). */
    static final ImportColumns.Choices SIZES = ImportColumns.Choices.of("customer.size", CompanySize.values());
    /** The sources a row may name (by code, or by its words in either language); any other is refused. */
    static final ImportColumns.Choices SOURCES = ImportColumns.Choices.of("customer.source", CustomerSource.values());
    /** The grades: their letters are their words. */
    static final ImportColumns.Choices GRADES = ImportColumns.Choices.of(null, CustomerGrade.values());

    /**
     * One data row: its line in the file (1 = the header), its cells by column, and the columns whose cell is a
     * formula with no saved result (its cell holds the formula's text; {@link ImportColumns#formulaCells}).
     */
    record ImportRow(int line, Map<Column, String> cells, Set<Column> formulas) {

        String get(Column c) {
            return cells.get(c);
        }
    }

    private CustomerImportFile() {
    }

    /**
     * The file's rows, read as what its content is, CSV text or an .xlsx workbook, whatever it was called — a PDF, a
     * picture or a web page renamed .csv is refused as a whole, nothing of it quoted back.
     */
    static List<ImportRow> read(byte[] content, int maxRows, ContentTypes contentTypes) {
        List<ImportRow> rows = new ArrayList<>();
        Path file = null;
        try {
            file = Files.createTempFile("customer-import-", ".upload");
            Files.write(file, content);
            Path uploaded = file;
            SpreadsheetFormat format = contentTypes.spreadsheet(file).orElseThrow(() -> new FieldValidationException(
                    "file", "customer.import.notASpreadsheet", ContentWords.of(contentTypes.detect(uploaded))));
            // the whole file is read before its header is judged, so a file past the reader's limits is
            // refused for that, whatever its first row says
            List<SpreadsheetReader.Row> table = new ArrayList<>();
            SpreadsheetReader.read(file, "import." + format.extension(), SpreadsheetReader.Limits.forRows(maxRows), row -> {
                if (!row.blank()) {
                    table.add(row);
                }
            });
            if (!table.isEmpty()) {
                ImportColumns<Column> columns = ImportColumns.fromHeader(Column.class, table.get(0).cells(), Column.NAME,
                        "customer.import");
                for (SpreadsheetReader.Row r : table.subList(1, table.size())) {
                    Map<Column, String> cells = columns.cells(r, Column.class);
                    // a report's row with only its reason (the file's problem, a row whose cells were not kept) is no customer
                    if (!cells.isEmpty()) {
                        rows.add(new ImportRow(r.line(), cells, columns.formulaCells(r, Column.class)));
                    }
                }
            }
        } catch (IOException e) {
            throw new FieldValidationException("file", "customer.import.unreadable");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        }
        if (rows.isEmpty()) {
            throw new FieldValidationException("file", "customer.import.empty");
        }
        if (rows.size() > maxRows) {
            throw new FieldValidationException("file", "customer.import.tooManyRows", maxRows);
        }
        return rows;
    }

    /** A column's field as the row problems name it (the profile's and the contact's, as their checks do). */
    static String field(Column column) {
        String name = column.name().toLowerCase(Locale.ROOT);
        return name.startsWith("contact_") ? "contact." + name.substring("contact_".length()) : name;
    }

    /** A problem's field as the reader knows it: its column as the template names it, or the whole row or file. */
    static String fieldLabel(String field, MessageSource messages, Locale locale) {
        for (Column column : Column.values()) {
            if (field(column).equals(field)) {
                return column.label(locale);
            }
        }
        return messages.getMessage("file".equals(field) ? "customer.import.field.file" : "customer.import.field.row",
                null, locale);
    }

    /**
     * A refused row as the report gives it back: its line (0: a problem of the whole file), its cells as the file
     * gave them (none for a row refused before they were kept), and every reason, in the reader's language.
     */
    record ReportRow(int line, Map<Column, String> cells, String reasons) {
    }

    /**
     * The report, written as an .xlsx while it is sent: the refused rows in the template's columns with their
     * reasons in the last one, so that the file, corrected, is imported again as it is (the reason column is ignored).
     */
    static void reportXlsx(List<ReportRow> refused, OutputStream out) {
        Column[] columns = Column.values();
        xlsx(out, List.of(columns), ws -> {
            int r = 0;
            for (ReportRow row : refused) {
                r++;
                for (int c = 0; c < columns.length; c++) {
                    String value = columns[c] != Column.IMPORT_ERROR ? row.cells().get(columns[c])
                            : row.line() > 0 ? "#" + row.line() + " " + row.reasons() : row.reasons();
                    if (value != null) {
                        SpreadsheetText.write(ws, r, c, value);
                        if (columns[c] == Column.IMPORT_ERROR) {
                            ws.style(r, c).wrapText(true).set(); // the reasons, one a line
                        }
                    }
                }
            }
        });
    }

    /**
     * The template: the header row, the required column marked with *, the coded columns with their dropdowns, and
     * the instructions sheet in the reader's language ({@link ImportTemplate}).
     */
    static byte[] templateXlsx(MessageSource messages, Locale locale) {
        return ImportTemplate.xlsx("客户", Arrays.stream(Column.values()).filter(c -> !c.ignored()).toList(), messages,
                locale);
    }

    private static void xlsx(OutputStream out, List<Column> columns, Consumer<Worksheet> rows) {
        try (Workbook wb = new Workbook(out, "Lead2Cash", "1.0")) {
            Worksheet ws = wb.newWorksheet("客户");
            ImportColumns.writeHeader(ws, columns);
            rows.accept(ws);
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

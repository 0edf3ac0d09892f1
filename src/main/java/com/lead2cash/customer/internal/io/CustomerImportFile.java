package com.lead2cash.customer.internal.io;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.SpreadsheetReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The customer import file (客户导入模板): Chinese column headers (English accepted too), one customer
 * a row with its first contact, as .xlsx (first sheet) or .csv (UTF-8, or GB18030 as Excel on Chinese
 * Windows saves it). Reading stops with a refusal past {@code maxRows} rows.
 */
final class CustomerImportFile {

    /** A column: its Chinese header (the template's), the English one also accepted. */
    enum Column {
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
        CONTACT_EMAIL("联系人邮箱", "Contact e-mail");

        final String zh;
        final String en;

        Column(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** One data row: its line in the file (1 = the header) and its cells by column. */
    record ImportRow(int line, Map<Column, String> cells) {

        String get(Column c) {
            return cells.get(c);
        }
    }

    private CustomerImportFile() {
    }

    static List<ImportRow> read(String fileName, byte[] content, int maxRows) {
        List<List<String>> table = table(fileName, content, maxRows);
        if (table.isEmpty()) {
            throw new FieldValidationException("file", "customer.import.empty");
        }
        Column[] columns = headers(table.get(0));
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> values = table.get(i);
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            for (int c = 0; c < columns.length && c < values.size(); c++) {
                if (columns[c] != null && values.get(c) != null && !values.get(c).isBlank()) {
                    cells.put(columns[c], values.get(c).strip());
                }
            }
            rows.add(new ImportRow(i + 1, cells));
            if (rows.size() > maxRows) {
                throw new FieldValidationException("file", "customer.import.tooManyRows", maxRows);
            }
        }
        if (rows.isEmpty()) {
            throw new FieldValidationException("file", "customer.import.empty");
        }
        return rows;
    }

    private static Column[] headers(List<String> header) {
        Column[] columns = new Column[header.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i).strip().replace("*", "");
            if (h.isEmpty()) {
                continue;
            }
            columns[i] = Arrays.stream(Column.values()).filter(c -> c.zh.equals(h) || c.en.equalsIgnoreCase(h))
                    .findFirst().orElse(null);
            if (columns[i] == null) {
                unknown.add(h);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FieldValidationException("file", "customer.import.unknownColumns", String.join("、", unknown));
        }
        if (Arrays.stream(columns).noneMatch(c -> c == Column.NAME)) {
            throw new FieldValidationException("file", "customer.import.missingColumn", Column.NAME.zh);
        }
        return columns;
    }

    /** The template: the header row only, the required column marked with *. */
    static byte[] templateXlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Lead2Cash", "1.0")) {
            Worksheet ws = wb.newWorksheet("客户");
            Column[] columns = Column.values();
            for (int i = 0; i < columns.length; i++) {
                ws.value(0, i, columns[i] == Column.NAME ? columns[i].zh + "*" : columns[i].zh);
                ws.style(0, i).bold().set();
                ws.width(i, Math.max(12, columns[i].zh.length() * 3));
            }
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The file's rows, the header first, read by the platform's spreadsheet reader: streamed, with its
     * limits on rows, cell length and unpacked size checked while reading (a zip bomb is refused).
     */
    private static List<List<String>> table(String fileName, byte[] content, int maxRows) {
        Path file = null;
        try {
            file = Files.createTempFile("customer-import-", ".upload");
            Files.write(file, content);
            List<List<String>> table = new ArrayList<>();
            SpreadsheetReader.read(file, fileName, SpreadsheetReader.Limits.forRows(maxRows), row -> table.add(row.cells()));
            return table;
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
    }
}

package com.lead2cash.lead.internal;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.platform.FieldValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The lead import file (线索导入模板): Chinese column headers (English accepted too), one lead a row,
 * as .xlsx or .csv (UTF-8, or GB18030 as Excel on Chinese Windows saves it).
 */
final class LeadImportFile {

    /** A column: its Chinese header (the template's), the English one also accepted, and the draft field. */
    enum Column {
        COMPANY_NAME("公司名称", "Company name", "companyName"),
        USCC("统一社会信用代码", "Unified social credit code", "uscc"),
        SOURCE("来源渠道", "Source", "source"),
        SOURCE_DETAIL("来源说明", "Source detail", "sourceDetail"),
        INDUSTRY("行业", "Industry", "industry"),
        REGION("区域", "Region", "region"),
        PRODUCT_LINE("意向产品线", "Product line", "productLine"),
        CONTACT_NAME("联系人", "Contact", "contactName"),
        CONTACT_TITLE("职务", "Title", "contactTitle"),
        PHONE("电话", "Phone", "phone"),
        EMAIL("电子邮箱", "E-mail", "email"),
        BUDGET("预算（元）", "Budget", "budget"),
        PURCHASE_DATE("计划采购日期", "Planned purchase date", "purchaseDate"),
        DECISION_MAKER("联系人有决策权", "Decision maker known", "decisionMakerKnown"),
        DECISION_CHAIN("决策链说明", "Decision chain notes", "decisionChainNotes"),
        NOTES("备注", "Notes", "notes");

        final String zh;
        final String en;
        final String field;

        Column(String zh, String en, String field) {
            this.zh = zh;
            this.en = en;
            this.field = field;
        }
    }

    /** Source labels as people write them in a sheet. */
    private static final Map<String, LeadSource> SOURCE_LABELS = Map.ofEntries(
            Map.entry("展会", LeadSource.TRADE_SHOW), Map.entry("官网表单", LeadSource.WEBSITE_FORM),
            Map.entry("官网", LeadSource.WEBSITE_FORM), Map.entry("客户转介绍", LeadSource.REFERRAL),
            Map.entry("转介绍", LeadSource.REFERRAL), Map.entry("行业合作", LeadSource.PARTNER),
            Map.entry("市场活动", LeadSource.MARKETING_EVENT), Map.entry("客户主动咨询", LeadSource.INBOUND_INQUIRY),
            Map.entry("主动咨询", LeadSource.INBOUND_INQUIRY), Map.entry("渠道转介", LeadSource.CHANNEL),
            Map.entry("渠道", LeadSource.CHANNEL), Map.entry("公开信息", LeadSource.PUBLIC_INFORMATION),
            Map.entry("调研", LeadSource.RESEARCH), Map.entry("其他", LeadSource.OTHER));

    /** One data row: its line number in the file (1 = the header) and its cells by column. */
    record ImportRow(int line, Map<Column, String> cells) {
    }

    /** A row that could not even be read into a draft (bad number, date, source). */
    record RowProblem(int line, String field, String messageKey, List<Object> args) {
    }

    private LeadImportFile() {
    }

    static List<ImportRow> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> table = name.endsWith(".xlsx") ? readXlsx(content) : readCsv(decode(content));
        if (table.isEmpty()) {
            throw new FieldValidationException("file", "lead.import.empty");
        }
        Column[] columns = headers(table.get(0));
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> values = table.get(i);
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            Map<Column, String> cells = new java.util.EnumMap<>(Column.class);
            for (int c = 0; c < columns.length && c < values.size(); c++) {
                if (columns[c] != null && values.get(c) != null && !values.get(c).isBlank()) {
                    cells.put(columns[c], values.get(c).strip());
                }
            }
            rows.add(new ImportRow(i + 1, cells));
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
            columns[i] = Arrays.stream(Column.values())
                    .filter(c -> c.zh.equals(h) || c.en.equalsIgnoreCase(h) || c.field.equalsIgnoreCase(h))
                    .findFirst().orElse(null);
            if (columns[i] == null) {
                unknown.add(h);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FieldValidationException("file", "lead.import.unknownColumns", String.join("、", unknown));
        }
        if (Arrays.stream(columns).noneMatch(c -> c == Column.COMPANY_NAME)) {
            throw new FieldValidationException("file", "lead.import.missingColumn", Column.COMPANY_NAME.zh);
        }
        return columns;
    }

    /** Reads a row into a draft; problems of form (not a number, not a date) are reported, not thrown. */
    static LeadDraft draft(ImportRow row, List<RowProblem> problems) {
        Map<Column, String> c = row.cells();
        LeadSource source = null;
        String rawSource = c.get(Column.SOURCE);
        if (rawSource != null) {
            source = SOURCE_LABELS.get(rawSource);
            if (source == null) {
                try {
                    source = LeadSource.valueOf(rawSource.toUpperCase(Locale.ROOT).replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    problems.add(new RowProblem(row.line(), "source", "lead.import.source.unknown", List.of(rawSource)));
                }
            }
        }
        BigDecimal budget = null;
        if (c.get(Column.BUDGET) != null) {
            try {
                budget = new BigDecimal(c.get(Column.BUDGET).replace(",", "").replace("，", "").replace("¥", ""));
            } catch (NumberFormatException e) {
                problems.add(new RowProblem(row.line(), "budget", "lead.import.notANumber", List.of(c.get(Column.BUDGET))));
            }
        }
        LocalDate purchase = null;
        if (c.get(Column.PURCHASE_DATE) != null) {
            String d = c.get(Column.PURCHASE_DATE).replace('/', '-').replace('.', '-');
            try {
                purchase = d.length() > 10 ? LocalDate.parse(d.substring(0, 10)) : LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                problems.add(new RowProblem(row.line(), "purchaseDate", "lead.import.notADate",
                        List.of(c.get(Column.PURCHASE_DATE))));
            }
        }
        String dm = c.get(Column.DECISION_MAKER);
        boolean decisionMaker = dm != null && List.of("是", "有", "y", "yes", "true", "1").contains(dm.toLowerCase(Locale.ROOT));
        return new LeadDraft(c.get(Column.COMPANY_NAME), c.get(Column.CONTACT_NAME), c.get(Column.CONTACT_TITLE),
                c.get(Column.PHONE), c.get(Column.EMAIL), c.get(Column.INDUSTRY), c.get(Column.REGION),
                c.get(Column.PRODUCT_LINE), source, c.get(Column.SOURCE_DETAIL), null, budget, purchase, decisionMaker,
                c.get(Column.DECISION_CHAIN), c.get(Column.USCC), c.get(Column.NOTES));
    }

    /** The template: the header row only, required columns marked with *. */
    static byte[] templateXlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Lead2Cash", "1.0")) {
            Worksheet ws = wb.newWorksheet("线索");
            Column[] columns = Column.values();
            for (int i = 0; i < columns.length; i++) {
                ws.value(0, i, headerOf(columns[i]));
                ws.style(0, i).bold().set();
                ws.width(i, Math.max(12, columns[i].zh.length() * 3));
            }
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] templateCsv() {
        String header = String.join(",", Arrays.stream(Column.values()).map(LeadImportFile::headerOf).toList());
        // a BOM lets Excel open the UTF-8 file with the Chinese headers intact
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String headerOf(Column c) {
        return c == Column.COMPANY_NAME || c == Column.SOURCE ? c.zh + "*" : c.zh;
    }

    private static List<List<String>> readXlsx(byte[] content) {
        List<List<String>> table = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
             var rows = wb.getFirstSheet().openStream()) {
            rows.forEach((Row r) -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    var cell = r.getCell(i);
                    if (cell == null) {
                        values.add(null);
                    } else if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER && isDateColumn(table, i)) {
                        values.add(cell.asDate().toLocalDate().toString());
                    } else if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                        values.add(cell.asNumber().stripTrailingZeros().toPlainString());
                    } else {
                        values.add(cell.getText());
                    }
                }
                table.add(values);
            });
        } catch (IOException | RuntimeException e) {
            throw new FieldValidationException("file", "lead.import.unreadable");
        }
        return table;
    }

    private static boolean isDateColumn(List<List<String>> table, int index) {
        if (table.isEmpty() || table.get(0).size() <= index || table.get(0).get(index) == null) {
            return false;
        }
        String h = table.get(0).get(index).replace("*", "").strip();
        return h.equals(Column.PURCHASE_DATE.zh) || h.equalsIgnoreCase(Column.PURCHASE_DATE.en);
    }

    static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** RFC 4180 CSV: quoted fields with commas, quotes and line breaks. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

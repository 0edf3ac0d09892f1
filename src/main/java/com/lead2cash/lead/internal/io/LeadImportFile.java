package com.lead2cash.lead.internal.io;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.platform.ImportColumns;
import com.lead2cash.platform.ImportTemplate;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.SpreadsheetReader;
import com.lead2cash.platform.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * The lead import file (线索导入模板): Chinese column headers (English accepted too), one lead a row,
 * as .xlsx or .csv (UTF-8, or GB18030 as Excel on Chinese Windows saves it), read as every import file
 * is ({@link ImportColumns}).
 */
public final class LeadImportFile {

    /** A column: its Chinese header (the template's), the English one also accepted, and the draft field (none: ignored). */
    enum Column implements ImportColumns.Column {
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
        NOTES("备注", "Notes", "notes"),
        /** The error report's reason column: ignored when the corrected report is imported again. */
        IMPORT_ERROR("导入错误", "Import error", null);

        private final ImportColumns.Names names;

        Column(String zh, String en, String field) {
            this.names = new ImportColumns.Names(zh, en, field);
        }

        @Override
        public ImportColumns.Names names() {
            return names;
        }

        @Override
        public boolean required() {
            return this == COMPANY_NAME || this == SOURCE;
        }

        @Override
        public boolean ignored() {
            return names.alias() == null;
        }

        @Override
        public boolean date() {
            return this == PURCHASE_DATE;
        }

        @Override
        public ImportColumns.Choices choices() {
            return switch (this) {
                case SOURCE -> SOURCES;
                case DECISION_MAKER -> YES_NO;
                default -> null;
            };
        }

        @Override
        public String hintKey() {
            return ignored() ? null : "lead.import.column." + name();
        }
    }

    /** The sources a row may name (each also by the other labels of {@link #SOURCE_LABELS}). */
    static final ImportColumns.Choices SOURCES = ImportColumns.Choices.of("lead.source", LeadSource.values());
    /** Whether the contact decides: yes or no (是/否, and the other words {@link #draft} takes). */
    static final ImportColumns.Choices YES_NO = new ImportColumns.Choices("import.choice", List.of("YES", "NO"));

    /** Source labels as people write them in a sheet. */
    private static final Map<String, LeadSource> SOURCE_LABELS = Map.ofEntries(
            Map.entry("展会", LeadSource.TRADE_SHOW), Map.entry("官网表单", LeadSource.WEBSITE_FORM),
            Map.entry("官网", LeadSource.WEBSITE_FORM), Map.entry("客户转介绍", LeadSource.REFERRAL),
            Map.entry("转介绍", LeadSource.REFERRAL), Map.entry("行业合作", LeadSource.PARTNER),
            Map.entry("市场活动", LeadSource.MARKETING_EVENT), Map.entry("客户主动咨询", LeadSource.INBOUND_INQUIRY),
            Map.entry("主动咨询", LeadSource.INBOUND_INQUIRY), Map.entry("渠道转介", LeadSource.CHANNEL),
            Map.entry("渠道", LeadSource.CHANNEL), Map.entry("公开信息", LeadSource.PUBLIC_INFORMATION),
            Map.entry("市场调研", LeadSource.RESEARCH), Map.entry("调研", LeadSource.RESEARCH),
            Map.entry("其他", LeadSource.OTHER));

    /**
     * One data row: its line number in the file (1 = the header), its cells by column, and the columns whose cell
     * is a formula with no saved result (its cell holds the formula's text; {@link ImportColumns#formulaCells}).
     */
    record ImportRow(int line, Map<Column, String> cells, Set<Column> formulas) {

        ImportRow(int line, Map<Column, String> cells) {
            this(line, cells, Set.of());
        }
    }

    /** A row that could not even be read into a draft (bad number, date, source). */
    record RowProblem(int line, String field, String messageKey, List<Object> args) {
    }

    private LeadImportFile() {
    }

    /** The header and every row of the file with a value, as read; the header is checked first. */
    static void read(Path file, String fileName, int maxRows, Consumer<ImportRow> rows) {
        ImportColumns.read(file, fileName, maxRows, Column.class, Column.COMPANY_NAME, "lead.import",
                (line, cells, formulas) -> rows.accept(new ImportRow(line, cells, formulas)));
    }

    /** Reads a row into a draft; problems of form (not a number, not a date) are reported, not thrown. */
    static LeadDraft draft(ImportRow row, List<RowProblem> problems) {
        Map<Column, String> c = new EnumMap<>(Column.class);
        c.putAll(row.cells());
        ImportColumns.refusedCells(c, row.formulas()).forEach((column, key) -> problems.add(
                new RowProblem(row.line(), column.names().alias(), key, List.of(InputRules.MAX_TEXT))));
        // a formula's text is not its value: the cell is refused above, not read again as a number or a date
        c.keySet().removeAll(row.formulas());
        LeadSource source = null;
        String rawSource = c.get(Column.SOURCE);
        if (rawSource != null) {
            source = SOURCE_LABELS.get(rawSource);
            if (source == null) {
                try {
                    source = LeadSource.valueOf(rawSource.toUpperCase(Locale.ROOT).replace(' ', '_'));
                } catch (IllegalArgumentException e) {
                    problems.add(new RowProblem(row.line(), "source", "lead.import.source.unknown",
                            List.of(rawSource, SOURCES.labels())));
                }
            }
        }
        BigDecimal budget = null;
        if (c.get(Column.BUDGET) != null) {
            try {
                budget = SpreadsheetReader.cellNumber(c.get(Column.BUDGET).replace(",", "").replace("，", "").replace("¥", ""));
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
        if (dm != null && !decisionMaker
                && !List.of("否", "无", "没有", "n", "no", "false", "0").contains(dm.toLowerCase(Locale.ROOT))) {
            // neither yes nor no (也许, 不确定): asked back, not stored as no
            problems.add(new RowProblem(row.line(), "decisionMakerKnown", "lead.import.notAYesNo", List.of(dm)));
        }
        return new LeadDraft(c.get(Column.COMPANY_NAME), c.get(Column.CONTACT_NAME), c.get(Column.CONTACT_TITLE),
                c.get(Column.PHONE), c.get(Column.EMAIL), c.get(Column.INDUSTRY), c.get(Column.REGION),
                c.get(Column.PRODUCT_LINE), source, c.get(Column.SOURCE_DETAIL), null, budget, purchase, decisionMaker,
                c.get(Column.DECISION_CHAIN), c.get(Column.USCC), c.get(Column.NOTES));
    }

    /**
     * A problem's field as the reader knows it: its column as the template names it, or the whole lead
     * (a refusal of the SOP) or file.
     */
    static String fieldLabel(String field, MessageSource messages, Locale locale) {
        for (Column column : Column.values()) {
            if (field != null && field.equals(column.names().alias())) {
                return column.label(locale);
            }
        }
        return messages.getMessage("file".equals(field) ? "lead.import.field.file" : "lead.import.field.row", null, locale);
    }

    /**
     * The template: the header row, required columns marked with *, the coded columns with their dropdowns, and the
     * instructions sheet in the reader's language ({@link ImportTemplate}).
     */
    public static byte[] templateXlsx(MessageSource messages, Locale locale) {
        return ImportTemplate.xlsx("线索", importColumns().toList(), messages, locale);
    }

    public static byte[] templateCsv() {
        String header = String.join(",", importColumns().map(c -> SpreadsheetText.csvField(c.header())).toList());
        // a BOM lets Excel open the UTF-8 file with the Chinese headers intact
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A refused row for the error report: its line, original cells and the reasons. */
    record ReportRow(int line, Map<Column, String> cells, String reasons) {
    }

    /**
     * The error report: the refused rows in the template's columns with the reason beside them, so
     * that the file can be corrected and uploaded again as it is (the reason column is ignored).
     */
    static byte[] errorReportXlsx(List<ReportRow> refused) {
        Column[] columns = Column.values();
        return xlsx(columns, ws -> {
            int r = 0;
            for (ReportRow row : refused) {
                r++;
                for (int c = 0; c < columns.length; c++) {
                    String value = columns[c] == Column.IMPORT_ERROR
                            ? "#" + row.line() + " " + row.reasons() : row.cells().get(columns[c]);
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

    private static byte[] xlsx(Column[] columns, Consumer<Worksheet> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Lead2Cash", "1.0")) {
            Worksheet ws = wb.newWorksheet("线索");
            ImportColumns.writeHeader(ws, List.of(columns));
            rows.accept(ws);
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static java.util.stream.Stream<Column> importColumns() {
        return Arrays.stream(Column.values()).filter(c -> !c.ignored());
    }
}

package com.lead2cash.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * An import's template (导入模板) that explains itself, the same for every import: the sheet of column headers as
 * {@link ImportColumns} reads them, each coded column ({@link ImportColumns.Choices}) with a dropdown of its values in
 * the reader's words (what it takes in either language, or its code, is accepted all the same), and a second sheet,
 * 填写说明 / Instructions, listing each column in the reader's language: whether it is required, how to fill it, and the
 * values it takes. Only the first sheet is read back ({@link SpreadsheetReader}).
 */
public final class ImportTemplate {

    /** How many data rows of the template offer a coded column's dropdown. */
    static final int ROWS_WITH_DROPDOWNS = 2000;
    /** The longest list Excel takes written in a validation rule (its limit is 255 characters). */
    private static final int MAX_LIST = 250;

    private ImportTemplate() {
    }

    /** The template of an import whose data sheet is {@code sheetName}, with its instructions in {@code locale}'s words. */
    public static byte[] xlsx(String sheetName, List<? extends ImportColumns.Column> columns, MessageSource messages,
                              Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Lead2Cash", "1.0")) {
            Worksheet ws = wb.newWorksheet(sheetName);
            Worksheet help = wb.newWorksheet(messages.getMessage("import.instructions.sheet", null, locale));
            ImportColumns.writeHeader(ws, columns);
            for (int i = 0; i < columns.size(); i++) {
                ImportColumns.Choices choices = columns.get(i).choices();
                String list = choices == null ? "" : String.join(",", choices.said(messages, locale));
                // the rule's list is written into the file as it is: a value Excel could not read back gets no dropdown
                if (!list.isEmpty() && list.length() <= MAX_LIST && list.chars().noneMatch(ch -> "\"<>&".indexOf(ch) >= 0)) {
                    ws.range(1, i, ROWS_WITH_DROPDOWNS, i).validateWithListByFormula("\"" + list + "\"")
                            // a value typed in another accepted form (a code, the other language) is not refused here
                            .errorStyle(DataValidationErrorStyle.INFORMATION).showErrorMessage(false)
                            .errorTitle("").error("");
                }
            }
            ws.freezePane(0, 1);
            ws.finish();
            instructions(help, columns, messages, locale);
            help.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void instructions(Worksheet help, List<? extends ImportColumns.Column> columns,
                                     MessageSource messages, Locale locale) {
        String[] heads = {"column", "required", "howTo", "accepted"};
        int[] widths = {28, 10, 60, 60};
        for (int c = 0; c < heads.length; c++) {
            SpreadsheetText.write(help, 0, c, messages.getMessage("import.instructions." + heads[c], null, locale));
            help.style(0, c).bold().set();
            help.width(c, widths[c]);
        }
        boolean zh = "zh".equals(locale.getLanguage());
        for (int r = 0; r < columns.size(); r++) {
            ImportColumns.Column column = columns.get(r);
            int row = r + 1;
            // the header as the data sheet writes it, and, for a reader of English, the English header it also takes
            SpreadsheetText.write(help, row, 0, zh ? column.header() : column.header() + " (" + column.names().en() + ")");
            SpreadsheetText.write(help, row, 1, messages.getMessage(column.required()
                    ? "import.instructions.required.yes" : "import.instructions.required.no", null, locale));
            String howTo = column.hintKey() == null ? "" : messages.getMessage(column.hintKey(), null, "", locale);
            if (!howTo.isEmpty()) {
                SpreadsheetText.write(help, row, 2, howTo);
            }
            ImportColumns.Choices choices = column.choices();
            if (choices != null) {
                SpreadsheetText.write(help, row, 3, String.join(messages.getMessage("list.separator", null, locale),
                        choices.said(messages, locale)));
            }
            for (int c = 2; c <= 3; c++) {
                help.style(row, c).wrapText(true).set();
            }
        }
    }
}

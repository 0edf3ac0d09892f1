package com.lead2cash.platform;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * An exported list as an .xlsx workbook of one sheet, opened the one way every export opens it: streamed
 * (fastexcel), so a long list keeps memory flat when its sheet is flushed page by page, and the first row the
 * columns' headers in bold, as text through {@link SpreadsheetText}. The rows go on {@link #sheet()} from row 1;
 * closing finishes the sheet and the workbook. A report's tables (a forecast, win/loss by owner and by reason) are
 * written by {@link #rows} from their {@link SpreadsheetColumns}, each table after the first on a sheet of its own
 * ({@link #nextSheet}), so no report has a loop of its own.
 */
public final class SpreadsheetExport implements Closeable {

    /** The rows written between two flushes of the sheet. */
    static final int FLUSH_EVERY = 1000;

    private final Workbook workbook;
    private final MessageSource messages;
    private final Locale locale;
    private Worksheet sheet;
    /** The last row {@link #rows} wrote on the sheet (0: the headers'). */
    private int row;

    private SpreadsheetExport(Workbook workbook, Worksheet sheet, MessageSource messages, Locale locale) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.messages = messages;
        this.locale = locale;
    }

    /** Opens a workbook on {@code out} with one sheet named {@code sheetName}, {@code headers} bold on its first row. */
    public static SpreadsheetExport open(OutputStream out, String sheetName, List<String> headers) {
        return open(out, sheetName, headers, null, null);
    }

    private static SpreadsheetExport open(OutputStream out, String sheetName, List<String> headers,
                                          MessageSource messages, Locale locale) {
        Workbook workbook = new Workbook(out, "Lead2Cash", "1.0");
        return new SpreadsheetExport(workbook, newSheet(workbook, sheetName, headers), messages, locale);
    }

    private static Worksheet newSheet(Workbook workbook, String sheetName, List<String> headers) {
        Worksheet sheet = workbook.newWorksheet(sheetName(sheetName));
        for (int c = 0; c < headers.size(); c++) {
            SpreadsheetText.write(sheet, 0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        return sheet;
    }

    /** A name Excel takes for a sheet: none of {@code \ / ? * [ ] :} (Win/loss → Win loss), at most 31 characters. */
    static String sheetName(String name) {
        String taken = name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        return taken.length() > 31 ? taken.substring(0, 31) : taken;
    }

    /**
     * {@link #open(OutputStream, String, List)} with the sheet's name and the headers given as message keys, said in
     * the reader's language (a key without a text stands as itself).
     */
    public static SpreadsheetExport open(OutputStream out, MessageSource messages, Locale locale, String sheetKey,
                                         List<String> headerKeys) {
        return open(out, say(messages, sheetKey, locale), headerKeys.stream().map(key -> say(messages, key, locale)).toList(),
                messages, locale);
    }

    /** {@link #open(OutputStream, MessageSource, Locale, String, List)} with the headers of {@code columns}. */
    public static SpreadsheetExport open(OutputStream out, MessageSource messages, Locale locale, String sheetKey,
                                         SpreadsheetColumns<?> columns) {
        return open(out, messages, locale, sheetKey, columns.headerKeys());
    }

    /**
     * Writes {@code items} under the rows already written, one row each by {@code columns}, flushing the sheet every
     * {@value #FLUSH_EVERY} rows and at the end; answers how many it wrote.
     */
    public <T> int rows(SpreadsheetColumns<T> columns, Iterable<? extends T> items) throws IOException {
        int written = 0;
        for (T item : items) {
            columns.write(sheet, ++row, item);
            if (++written % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        sheet.flush();
        return written;
    }

    /**
     * Finishes the sheet and opens the next, named by {@code sheetKey}, with the headers of {@code columns} in the
     * reader's language; for an export opened with message keys.
     */
    public void nextSheet(String sheetKey, SpreadsheetColumns<?> columns) throws IOException {
        if (messages == null) {
            throw new IllegalStateException("a sheet named by a message key needs an export opened with the messages");
        }
        sheet.finish();
        sheet = newSheet(workbook, say(messages, sheetKey, locale),
                columns.headerKeys().stream().map(key -> say(messages, key, locale)).toList());
        row = 0;
    }

    private static String say(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The sheet the rows are written on, the headers' row being row 0. */
    public Worksheet sheet() {
        return sheet;
    }

    /** Finishes the workbook, and with it the sheet (fastexcel finishes a workbook's sheets as it closes). */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}

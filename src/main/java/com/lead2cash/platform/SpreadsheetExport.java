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
 * closing finishes the sheet and the workbook.
 */
public final class SpreadsheetExport implements Closeable {

    private final Workbook workbook;
    private final Worksheet sheet;

    private SpreadsheetExport(Workbook workbook, Worksheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    /** Opens a workbook on {@code out} with one sheet named {@code sheetName}, {@code headers} bold on its first row. */
    public static SpreadsheetExport open(OutputStream out, String sheetName, List<String> headers) {
        Workbook workbook = new Workbook(out, "Lead2Cash", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headers.size(); c++) {
            SpreadsheetText.write(sheet, 0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        return new SpreadsheetExport(workbook, sheet);
    }

    /**
     * {@link #open(OutputStream, String, List)} with the sheet's name and the headers given as message keys, said in
     * the reader's language (a key without a text stands as itself).
     */
    public static SpreadsheetExport open(OutputStream out, MessageSource messages, Locale locale, String sheetKey,
                                         List<String> headerKeys) {
        return open(out, messages.getMessage(sheetKey, null, sheetKey, locale),
                headerKeys.stream().map(key -> messages.getMessage(key, null, key, locale)).toList());
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

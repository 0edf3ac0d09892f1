package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellAddress;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * How an exported workbook's text cells are checked: read back by the reader, and the cells' number formats read
 * from the file itself (the reader gives no format for a string cell).
 */
public final class SpreadsheetCells {

    private static final Pattern TEXT_NUMBER_FORMAT = Pattern.compile("<numFmt numFmtId=\"(\\d+)\" formatCode=\"@\"");
    private static final Pattern XF_FORMAT = Pattern.compile("<xf\\b[^>]*?\\bnumFmtId=\"(\\d+)\"");
    private static final Pattern CELL = Pattern.compile("<c\\b([^>]*)>");
    private static final Pattern REF = Pattern.compile("\\br=\"([A-Z]+\\d+)\"");
    private static final Pattern STYLE = Pattern.compile("\\bs=\"(\\d+)\"");

    private SpreadsheetCells() {
    }

    /** The rows of the first sheet of {@code xlsx}. */
    public static List<Row> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getFirstSheet().read();
        }
    }

    /**
     * The rows of sheet {@code sheet} (0: the first) of {@code xlsx}, each cell with its number format
     * ({@link Cell#getDataFormatString()}: {@code #,##0.00} for money, {@code 0.00%} for a percentage).
     */
    public static List<Row> formattedRows(byte[] xlsx, int sheet) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            return workbook.getSheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet)).read();
        }
    }

    /** The names of the sheets of {@code xlsx}, in order. */
    public static List<String> sheetNames(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
        }
    }

    /**
     * A text a spreadsheet would take for a formula, as every export writes it (platform SpreadsheetText): exactly
     * as typed, nothing added, in a string cell — never a formula — formatted as Text ({@code @}), so that editing
     * it keeps it text. Fails if the cell is a formula, carries an apostrophe or lacks the Text format.
     */
    public static void assertKeptAsText(byte[] xlsx, Cell cell, String typed) {
        assertThat(cell).as("a cell holding %s", typed).isNotNull();
        assertThat(cell.getFormula()).as("no formula in the cell of %s", typed).isNull();
        assertThat(cell.getType()).as("a string cell, not a formula").isEqualTo(CellType.STRING);
        assertThat(cell.getText()).as("the text as typed").isEqualTo(typed);
        assertThat(textFormatted(xlsx)).as("%s formatted as Text, so editing keeps it text", cell.getAddress())
                .contains(cell.getAddress());
    }

    /** The cells of the first sheet whose number format is Text ({@code @}, Excel's built-in 49 or a custom one). */
    public static Set<CellAddress> textFormatted(byte[] xlsx) {
        String styles = part(xlsx, "xl/styles.xml");
        Set<String> textFormats = new HashSet<>(Set.of("49"));
        Matcher custom = TEXT_NUMBER_FORMAT.matcher(styles);
        while (custom.find()) {
            textFormats.add(custom.group(1));
        }
        String cellXfs = styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>"));
        List<String> xfFormats = new ArrayList<>();
        Matcher xf = XF_FORMAT.matcher(cellXfs);
        while (xf.find()) {
            xfFormats.add(xf.group(1));
        }
        Set<CellAddress> cells = new HashSet<>();
        Matcher c = CELL.matcher(part(xlsx, "xl/worksheets/sheet1.xml"));
        while (c.find()) {
            Matcher ref = REF.matcher(c.group(1));
            Matcher style = STYLE.matcher(c.group(1));
            if (ref.find() && style.find() && textFormats.contains(xfFormats.get(Integer.parseInt(style.group(1))))) {
                cells.add(new CellAddress(ref.group(1)));
            }
        }
        return cells;
    }

    /** One part of the workbook's package as text ("xl/styles.xml"); fails if there is none. */
    public static String part(byte[] xlsx, String name) {
        // a file, not a stream: the writer leaves the sizes to the entries' data descriptors, which ZipInputStream refuses
        try {
            Path file = Files.createTempFile("l2c-export", ".xlsx");
            try {
                Files.write(file, xlsx);
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    ZipEntry entry = zip.getEntry(name);
                    if (entry == null) {
                        throw new AssertionError("no " + name + " in the workbook");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

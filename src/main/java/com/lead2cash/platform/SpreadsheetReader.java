package com.lead2cash.platform;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the rows of an uploaded spreadsheet (.xlsx, or .csv in UTF-8 or GB18030 as Excel on Chinese
 * Windows saves it, or UTF-16 with its byte-order mark as Excel's "Unicode text" does) as a stream, one row at a time, and checks while it reads that the file is one a
 * person could have made: no more rows than the limit, no cell longer than Excel allows, and for
 * .xlsx (a zip archive) no part that unpacks beyond a limit or at a ratio only a zip bomb reaches.
 * What it holds in memory is one row and the workbook's shared strings (themselves limited), whatever
 * the file; a refused file stops being read at the point where it broke a limit.
 */
public final class SpreadsheetReader {

    /**
     * What a file may contain. {@code maxRows} counts the rows below the header that have a value;
     * {@code maxUnpackedBytes} is the total an .xlsx may unpack to, {@code maxPackRatio} how many times
     * larger than its packed size a part may unpack (parts under 1 MiB aside).
     */
    public record Limits(int maxRows, int maxCellChars, long maxUnpackedBytes, int maxPackRatio,
                         long maxSharedStringChars) {

        /** Excel's own limit for a cell. */
        public static final int EXCEL_CELL_CHARS = 32_767;

        /**
         * Limits for a file of at most {@code maxRows} rows: an ordinary workbook of 50 000 fully filled
         * lead rows unpacks to about 47 MB (see docs/operations.md), so 128 MiB leaves room; real
         * spreadsheets pack 5 to 30 times, zip bombs a thousand.
         */
        public static Limits forRows(int maxRows) {
            return new Limits(maxRows, EXCEL_CELL_CHARS, 128L << 20, 100, 16_000_000L);
        }
    }

    /**
     * A row: its line in the file (the header is line 1), its cell texts, which were numbers, and which were
     * {@linkplain #formulaWithoutResult formulas with no saved result}.
     */
    public record Row(int line, List<String> cells, BitSet numbers, boolean date1904, BitSet formulas) {

        public Row(int line, List<String> cells, BitSet numbers, boolean date1904) {
            this(line, cells, numbers, date1904, new BitSet());
        }

        /**
         * Whether the cell is a formula the file saved no result of (as tools other than Excel often write them): its
         * text is the formula ({@code =1+1}), which is not its value, and the value is not known — never taken as empty.
         * A formula with a saved result reads as that result, as the sheet shows it.
         */
        public boolean formulaWithoutResult(int column) {
            return formulas.get(column);
        }

        /**
         * The cell as a date when the spreadsheet stored it as a day number (as Excel stores dates),
         * else null; the workbook's 1900 or 1904 date system is honoured.
         */
        public LocalDate serialDate(int column) {
            if (!numbers.get(column) || column >= cells.size() || cells.get(column) == null) {
                return null;
            }
            BigDecimal serial = new BigDecimal(cells.get(column));
            if (serial.signum() < 0 || serial.compareTo(LAST_EXCEL_DAY) > 0) {
                return null; // beyond 9999-12-31, the last day Excel shows as a date: a number, not a date
            }
            long days = serial.longValue();
            // day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was: from March on, 1899-12-30 + n
            return date1904 ? LocalDate.of(1904, 1, 1).plusDays(days) : LocalDate.of(1899, 12, 30).plusDays(days);
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(Row row);
    }

    private static final long SMALL_PART = 1L << 20;
    /** Excel's day number of 9999-12-31, the last date it can show. */
    private static final BigDecimal LAST_EXCEL_DAY = BigDecimal.valueOf(2_958_465);
    /** The largest and the smallest magnitude a numeric cell can hold: Excel's numbers are IEEE doubles. */
    private static final BigDecimal LARGEST_NUMBER = new BigDecimal(Double.MAX_VALUE);
    private static final BigDecimal SMALLEST_NUMBER = new BigDecimal("1E-324");
    private static final int MAX_ZIP_ENTRIES = 10_000;

    /**
     * The most characters a number in a cell is read from: Excel writes at most some 24 ("-1.7976931348623157E+308"),
     * and the longest a double is written out in full is about 330; anything longer is no number a cell holds
     * (and parsing tens of thousands of digits per cell would make the file slow to read on purpose).
     */
    public static final int MAX_NUMBER_CHARS = 400;

    private SpreadsheetReader() {
    }

    /**
     * A cell's text ({@code 1,500} etc. cleaned by the caller) as the number it stands for, the one way every
     * import turns a cell into a number. Throws {@link NumberFormatException} when it is no number, or none a
     * spreadsheet cell can hold: longer than {@link #MAX_NUMBER_CHARS}, or beyond an IEEE double's range as
     * {@code 1E999999999} — which a later {@code setScale} or {@code toPlainString} would turn into a billion digits.
     */
    public static BigDecimal cellNumber(String text) {
        String t = text.strip();
        if (t.length() > MAX_NUMBER_CHARS) {
            throw new NumberFormatException("longer than a number in a cell");
        }
        BigDecimal number = new BigDecimal(t);
        if (!cellHolds(number)) {
            throw new NumberFormatException("beyond the numbers a cell holds");
        }
        return number;
    }

    /** Whether a spreadsheet cell can hold the number: zero, or a magnitude within an IEEE double's range. */
    private static boolean cellHolds(BigDecimal number) {
        BigDecimal magnitude = number.abs(); // comparing unlike exponents looks at the exponents first: fast
        return number.signum() == 0
                || magnitude.compareTo(LARGEST_NUMBER) <= 0 && magnitude.compareTo(SMALLEST_NUMBER) >= 0;
    }

    /**
     * Reads every row of {@code file} (the first sheet of an .xlsx), handing each to {@code rows} in
     * order. Throws a {@link FieldValidationException} on field {@code file} when the file cannot be
     * read or breaks a limit; rows handed over before that stay handed over.
     */
    public static void read(Path file, String fileName, Limits limits, RowHandler rows) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                new Xlsx(file, limits, rows).read();
            } else {
                readCsv(file, limits, rows);
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof FieldValidationException refused) {
                throw refused;
            }
            throw new FieldValidationException("file", "spreadsheet.unreadable");
        }
    }

    // ---- CSV -------------------------------------------------------------------------------------

    private static void readCsv(Path file, Limits limits, RowHandler rows) throws IOException {
        Charset charset = charset(file);
        try (Reader in = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 65_536), charset)) {
            RowCounter counter = new RowCounter(limits, rows);
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            char[] buffer = new char[16_384];
            boolean quoted = false;
            boolean start = true;
            int pending = -1;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char ch = buffer[i];
                    if (start) {
                        start = false;
                        if (ch == '\uFEFF') {
                            continue;
                        }
                    }
                    if (pending == '\r') {
                        pending = -1;
                        if (ch == '\n') {
                            continue;
                        }
                    }
                    if (pending == '"') {
                        pending = -1;
                        if (ch == '"') {
                            append(field, '"', limits, counter.line());
                            continue;
                        }
                        quoted = false;
                    }
                    if (quoted) {
                        if (ch == '"') {
                            pending = '"';
                        } else {
                            append(field, ch, limits, counter.line());
                        }
                    } else if (ch == '"') {
                        quoted = true;
                    } else if (ch == ',') {
                        row.add(field.toString());
                        field.setLength(0);
                    } else if (ch == '\n' || ch == '\r') {
                        row.add(field.toString());
                        field.setLength(0);
                        counter.row(row, new BitSet(), false);
                        row = new ArrayList<>();
                        pending = ch == '\r' ? '\r' : -1;
                    } else {
                        append(field, ch, limits, counter.line());
                    }
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                counter.row(row, new BitSet(), false);
            }
        }
    }

    private static void append(StringBuilder field, char ch, Limits limits, int line) {
        if (field.length() >= limits.maxCellChars()) {
            throw new FieldValidationException("file", "spreadsheet.cellTooLong", line, limits.maxCellChars());
        }
        field.append(ch);
    }

    /**
     * The CSV's text encoding, the one place every import decides it: UTF-16 (little- or big-endian) by its
     * byte-order mark, as Excel's "Unicode text" and Notepad's "Unicode" save it; else UTF-8 when the whole file
     * decodes as UTF-8 (with or without its mark); else GB18030, as Excel on Chinese Windows saves "CSV". A
     * UTF-32 mark is refused with a message naming the encodings read: read as GB18030 its header would come
     * out as garbled "unknown columns".
     */
    private static Charset charset(Path file) throws IOException {
        byte[] mark;
        try (InputStream in = Files.newInputStream(file)) {
            mark = in.readNBytes(4);
        }
        if (startsWith(mark, 0x00, 0x00, 0xFE, 0xFF) || startsWith(mark, 0xFF, 0xFE, 0x00, 0x00)) {
            throw new FieldValidationException("file", "spreadsheet.encoding");
        }
        if (startsWith(mark, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(mark, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        return isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole file decodes as UTF-8 (else it is taken as GB18030), read in small pieces. */
    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer bytes = ByteBuffer.allocate(65_536);
            CharBuffer chars = CharBuffer.allocate(65_536);
            byte[] chunk = new byte[32_768];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                bytes.put(chunk, 0, n).flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, true);
            return !result.isError() && !decoder.flush(chars).isError() && !bytes.hasRemaining();
        }
    }

    /** Counts the rows that have a value against the limit and hands every row on. */
    private static final class RowCounter {
        private final Limits limits;
        private final RowHandler handler;
        private int line;
        private int valued;

        RowCounter(Limits limits, RowHandler handler) {
            this.limits = limits;
            this.handler = handler;
        }

        int line() {
            return line + 1;
        }

        void row(List<String> cells, BitSet numbers, boolean date1904) {
            rowAt(line + 1, cells, numbers, date1904, new BitSet());
        }

        void rowAt(int at, List<String> cells, BitSet numbers, boolean date1904, BitSet formulas) {
            line = at;
            Row row = new Row(at, cells, numbers, date1904, formulas);
            if (at > 1 && !row.blank() && ++valued > limits.maxRows()) {
                throw new FieldValidationException("file", "spreadsheet.tooManyRows", limits.maxRows());
            }
            handler.row(row);
        }
    }

    // ---- XLSX ------------------------------------------------------------------------------------

    /** An .xlsx read part by part through the zip's directory, each part through a meter. */
    private static final class Xlsx {
        private final Path file;
        private final Limits limits;
        private final RowHandler rows;
        private final XMLInputFactory xml;
        private long unpacked;

        Xlsx(Path file, Limits limits, RowHandler rows) {
            this.file = file;
            this.limits = limits;
            this.rows = rows;
            this.xml = XMLInputFactory.newDefaultFactory();
            xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            xml.setProperty(XMLInputFactory.IS_COALESCING, false);
        }

        void read() throws IOException, XMLStreamException {
            try (ZipFile zip = open()) {
                if (zip.size() > MAX_ZIP_ENTRIES) {
                    throw new FieldValidationException("file", "spreadsheet.unreadable");
                }
                String workbook = relationshipTarget(zip, "_rels/.rels", "", "/officeDocument");
                if (workbook == null) {
                    workbook = "xl/workbook.xml";
                }
                String folder = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
                String rels = folder + "_rels/" + workbook.substring(folder.length()) + ".rels";
                Map<String, String> targets = relationships(zip, rels, folder);
                Workbook book = workbook(zip, workbook);
                String sheet = targets.get(book.firstSheetRelationship());
                if (sheet == null) {
                    throw new FieldValidationException("file", "spreadsheet.unreadable");
                }
                String sharedStringsPart = targets.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("type:") && e.getKey().endsWith("/sharedStrings"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                List<String> shared = sharedStringsPart == null ? List.of() : sharedStrings(zip, sharedStringsPart);
                sheet(zip, sheet, shared, book.date1904());
            }
        }

        private ZipFile open() throws IOException {
            try {
                return new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new FieldValidationException("file", "spreadsheet.unreadable");
            }
        }

        private XMLStreamReader part(ZipFile zip, String name) throws IOException, XMLStreamException {
            ZipEntry entry = zip.getEntry(name.startsWith("/") ? name.substring(1) : name);
            if (entry == null) {
                return null;
            }
            long packed = Math.min(Math.max(entry.getCompressedSize(), 1), Files.size(file));
            return xml.createXMLStreamReader(new BufferedInputStream(new Meter(zip.getInputStream(entry), packed), 65_536));
        }

        private String relationshipTarget(ZipFile zip, String rels, String folder, String typeSuffix)
                throws IOException, XMLStreamException {
            return relationships(zip, rels, folder).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("type:") && e.getKey().endsWith(typeSuffix))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** Relationship id → part path, and "type:" + type → part path. */
        private Map<String, String> relationships(ZipFile zip, String rels, String folder)
                throws IOException, XMLStreamException {
            Map<String, String> targets = new HashMap<>();
            XMLStreamReader r = part(zip, rels);
            if (r == null) {
                return targets;
            }
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                        String target = r.getAttributeValue(null, "Target");
                        if (target == null || "External".equals(r.getAttributeValue(null, "TargetMode"))) {
                            continue;
                        }
                        String path = target.startsWith("/") ? target.substring(1) : folder + target;
                        targets.put(r.getAttributeValue(null, "Id"), path);
                        targets.putIfAbsent("type:" + r.getAttributeValue(null, "Type"), path);
                    }
                }
            } finally {
                r.close();
            }
            return targets;
        }

        private record Workbook(String firstSheetRelationship, boolean date1904) {
        }

        /** The sheet's r:id, in the transitional or the strict relationships namespace. */
        private static String relationshipId(XMLStreamReader r) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String ns = r.getAttributeNamespace(i);
                if ("id".equals(r.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                    return r.getAttributeValue(i);
                }
            }
            return null;
        }

        private Workbook workbook(ZipFile zip, String name) throws IOException, XMLStreamException {
            XMLStreamReader r = part(zip, name);
            if (r == null) {
                throw new FieldValidationException("file", "spreadsheet.unreadable");
            }
            boolean date1904 = false;
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    if (r.getLocalName().equals("workbookPr")) {
                        String v = r.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                    } else if (r.getLocalName().equals("sheet")) {
                        return new Workbook(relationshipId(r), date1904);
                    }
                }
            } finally {
                r.close();
            }
            throw new FieldValidationException("file", "spreadsheet.unreadable");
        }

        /** The shared strings table: the text of each {@code <si>}, phonetic guides left out. */
        private List<String> sharedStrings(ZipFile zip, String name) throws IOException, XMLStreamException {
            List<String> strings = new ArrayList<>();
            XMLStreamReader r = part(zip, name);
            if (r == null) {
                return strings;
            }
            long chars = 0;
            StringBuilder text = new StringBuilder();
            boolean inText = false;
            int phonetic = 0;
            try {
                while (r.hasNext()) {
                    switch (r.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            String el = r.getLocalName();
                            if (el.equals("si")) {
                                text.setLength(0);
                            } else if (el.equals("rPh")) {
                                phonetic++;
                            } else if (el.equals("t") && phonetic == 0) {
                                inText = true;
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                             XMLStreamConstants.SPACE -> {
                            if (inText) {
                                chars += r.getTextLength();
                                if (text.length() + r.getTextLength() > limits.maxCellChars()
                                        || chars > limits.maxSharedStringChars()) {
                                    throw new FieldValidationException("file", "spreadsheet.tooMuchText");
                                }
                                text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            String el = r.getLocalName();
                            if (el.equals("t")) {
                                inText = false;
                            } else if (el.equals("rPh")) {
                                phonetic--;
                            } else if (el.equals("si")) {
                                strings.add(text.toString());
                            }
                        }
                        default -> {
                        }
                    }
                }
            } finally {
                r.close();
            }
            return strings;
        }

        private void sheet(ZipFile zip, String name, List<String> shared, boolean date1904)
                throws IOException, XMLStreamException {
            XMLStreamReader r = part(zip, name);
            if (r == null) {
                throw new FieldValidationException("file", "spreadsheet.unreadable");
            }
            RowCounter counter = new RowCounter(limits, rows);
            List<String> cells = null;
            BitSet numbers = null;
            BitSet formulas = null;
            int rowNumber = 0;
            int column = -1;
            String type = null;
            StringBuilder value = new StringBuilder();
            StringBuilder formula = new StringBuilder();
            boolean collecting = false;
            boolean inFormula = false;
            boolean hasFormula = false;
            boolean hasValue = false;
            int phonetic = 0;
            try {
                while (r.hasNext()) {
                    switch (r.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            switch (r.getLocalName()) {
                                case "row" -> {
                                    String at = r.getAttributeValue(null, "r");
                                    rowNumber = at == null ? rowNumber + 1 : Integer.parseInt(at);
                                    cells = new ArrayList<>();
                                    numbers = new BitSet();
                                    formulas = new BitSet();
                                    column = -1;
                                }
                                case "c" -> {
                                    String ref = r.getAttributeValue(null, "r");
                                    column = ref == null ? column + 1 : columnOf(ref);
                                    if (column > 16_383) {
                                        throw new FieldValidationException("file", "spreadsheet.unreadable");
                                    }
                                    type = r.getAttributeValue(null, "t");
                                    value.setLength(0);
                                    formula.setLength(0);
                                    hasFormula = false;
                                    hasValue = false;
                                }
                                case "v" -> {
                                    collecting = true;
                                    hasValue = true;
                                }
                                case "is" -> hasValue = true;
                                case "f" -> {
                                    inFormula = true;
                                    hasFormula = true;
                                }
                                case "rPh" -> phonetic++;
                                case "t" -> collecting = phonetic == 0;
                                default -> {
                                }
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                             XMLStreamConstants.SPACE -> {
                            if (collecting || inFormula) {
                                StringBuilder into = collecting ? value : formula;
                                if (into.length() + r.getTextLength() > limits.maxCellChars()) {
                                    throw new FieldValidationException("file", "spreadsheet.cellTooLong",
                                            rowNumber, limits.maxCellChars());
                                }
                                into.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            switch (r.getLocalName()) {
                                case "v", "t" -> collecting = false;
                                case "f" -> inFormula = false;
                                case "rPh" -> phonetic--;
                                case "c" -> {
                                    if (cells != null) {
                                        while (cells.size() < column) {
                                            cells.add(null);
                                        }
                                        if (hasFormula && !savedResult(type, hasValue, value)) {
                                            // no saved result: the formula itself, so that it is refused and shown as
                                            // it was, never read as an empty cell
                                            formulas.set(column);
                                            cells.add(formulaText(formula, rowNumber));
                                        } else {
                                            cells.add(cellText(type, value, shared, numbers, column, rowNumber));
                                        }
                                    }
                                }
                                case "row" -> {
                                    if (cells != null) {
                                        counter.rowAt(rowNumber, cells, numbers, date1904, formulas);
                                    }
                                    cells = null;
                                }
                                default -> {
                                }
                            }
                        }
                        default -> {
                        }
                    }
                }
            } finally {
                r.close();
            }
        }

        /**
         * Whether a formula cell saved its result: an empty saved value ({@code <v/>}, as openpyxl and other tools write
         * it) is none, except in a cell typed as a text result ({@code t="str"}), where the empty text is a real result
         * (as of {@code =IF(A1="","",…)}).
         */
        private static boolean savedResult(String type, boolean hasValue, StringBuilder value) {
            return hasValue && ("str".equals(type) || !value.toString().isBlank());
        }

        /**
         * A formula as a spreadsheet shows it in its formula bar ({@code =1+1}); the file stores it without its
         * {@code =}. A cell sharing another's formula stores none of its own: it is shown as {@code =} alone.
         */
        private String formulaText(StringBuilder formula, int rowNumber) {
            if (formula.length() + 1 > limits.maxCellChars()) {
                throw new FieldValidationException("file", "spreadsheet.cellTooLong", rowNumber, limits.maxCellChars());
            }
            return "=" + formula.toString().strip();
        }

        private String cellText(String type, StringBuilder value, List<String> shared, BitSet numbers,
                                int column, int rowNumber) {
            String v = value.toString();
            if (type == null || type.equals("n")) {
                if (v.isEmpty()) {
                    return null;
                }
                numbers.set(column);
                return numberText(v, rowNumber);
            }
            return switch (type) {
                case "s" -> {
                    int index = Integer.parseInt(v.strip());
                    if (index < 0 || index >= shared.size()) {
                        throw new FieldValidationException("file", "spreadsheet.unreadable");
                    }
                    yield shared.get(index);
                }
                case "b" -> "1".equals(v.strip()) ? "true" : "false";
                default -> v;
            };
        }

        /**
         * A numeric cell's value written out in full ("1.5E3" → "1500"), as the sheet shows it. A number no
         * spreadsheet cell can hold — beyond an IEEE double's range, as {@code 1E999999999} in a crafted file,
         * which written out would be a billion characters — is refused before anything is written out, and so is
         * one whose text would be longer than a cell may be.
         */
        private String numberText(String v, int rowNumber) {
            String t = v.strip();
            if (t.length() > MAX_NUMBER_CHARS) {
                throw new FieldValidationException("file", "spreadsheet.numberOutOfRange", rowNumber);
            }
            BigDecimal number = new BigDecimal(t); // not a number: unreadable, as every broken part
            if (!cellHolds(number)) {
                throw new FieldValidationException("file", "spreadsheet.numberOutOfRange", rowNumber);
            }
            // within the range the text is at most the digits given plus some 330 characters: cheap to write out
            String text = number.stripTrailingZeros().toPlainString();
            if (text.length() > limits.maxCellChars()) {
                throw new FieldValidationException("file", "spreadsheet.cellTooLong", rowNumber, limits.maxCellChars());
            }
            return text;
        }

        /** "BC12" → 54 (zero-based column of the cell reference). */
        private static int columnOf(String ref) {
            int column = 0;
            int i = 0;
            while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                if (column > 16_384) {
                    break;
                }
                i++;
            }
            return column - 1;
        }

        /** Counts what a part unpacks to and stops the read at the limits. */
        private final class Meter extends FilterInputStream {
            private final long packed;
            private long read;

            Meter(InputStream in, long packed) {
                super(in);
                this.packed = packed;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                read += n;
                unpacked += n;
                if (unpacked > limits.maxUnpackedBytes()) {
                    throw new FieldValidationException("file", "spreadsheet.unpacksTooLarge",
                            limits.maxUnpackedBytes() >> 20);
                }
                if (read > SMALL_PART && read > packed * limits.maxPackRatio()) {
                    throw new FieldValidationException("file", "spreadsheet.packRatio", limits.maxPackRatio());
                }
            }
        }
    }
}

package com.lead2cash.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Hand-built .xlsx packages for tests: ordinary ones part by part, and hostile ones (zip bombs). */
public final class Workbooks {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Workbooks() {
    }

    /** A workbook whose first sheet is {@code sheetData} (the rows' XML) with the shared strings given (or none). */
    public static byte[] xlsx(String sheetData, String sharedStrings, boolean date1904) {
        return xlsx(out -> write(out, "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + sheetData + "</sheetData></worksheet>"),
                sharedStrings == null ? null : out -> write(out, sharedStrings), date1904);
    }

    /**
     * A workbook as the product's own file library (fastexcel) writes it: one sheet named {@code sheet}, its cells
     * written by {@code cells}.
     */
    public static byte[] written(String sheet, Consumer<Worksheet> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet(sheet);
            cells.accept(ws);
            ws.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A workbook of a few hundred kilobytes whose sheet unpacks to {@code unpackedBytes} of rows that
     * repeat one cell — the shape of a zip bomb; written as a stream, so building it costs no memory.
     */
    public static byte[] zipBomb(long unpackedBytes) {
        String row = "<row><c t=\"inlineStr\"><is><t>" + "炸".repeat(3000) + "</t></is></c></row>";
        byte[] rowBytes = row.getBytes(StandardCharsets.UTF_8);
        return xlsx(out -> {
            write(out, "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row><c t=\"inlineStr\"><is><t>公司名称</t></is></c></row>");
            for (long written = 0; written < unpackedBytes; written += rowBytes.length) {
                out.write(rowBytes);
            }
            write(out, "</sheetData></worksheet>");
        }, null, false);
    }

    /** The same, with the bulk in one shared string of {@code unpackedBytes} letters instead of many rows. */
    public static byte[] sharedStringBomb(long unpackedBytes) {
        byte[] chunk = "A".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        return xlsx(out -> write(out, "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                        + "</row></sheetData></worksheet>"),
                out -> {
                    write(out, "<si><t>");
                    for (long written = 0; written < unpackedBytes; written += chunk.length) {
                        out.write(chunk);
                    }
                    write(out, "</t></si>");
                }, false);
    }

    /**
     * A workbook of some kilobytes whose sheet has the header {@code header} and below it one inline-string
     * cell of {@code chars} letters — one cell no spreadsheet program could hold; written as a stream.
     */
    public static byte[] cellBomb(String header, long chars) {
        byte[] chunk = "A".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        return xlsx(out -> {
            write(out, "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                    + header + "</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            for (long written = 0; written < chars; written += chunk.length) {
                out.write(chunk);
            }
            write(out, "</t></is></c></row></sheetData></worksheet>");
        }, null, false);
    }

    private interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] xlsx(PartWriter sheet, PartWriter sharedStrings, boolean date1904) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", out -> write(out, """
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    </Types>"""));
            part(zip, "_rels/.rels", out -> write(out, "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\""
                    + DOC + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            part(zip, "xl/workbook.xml", out -> write(out, "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC + "\">"
                    + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                    + "<sheets><sheet name=\"线索\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            part(zip, "xl/_rels/workbook.xml.rels", out -> write(out, "<Relationships xmlns=\"" + RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + DOC + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + DOC
                    + "/sharedStrings\" Target=\"sharedStrings.xml\"/>") + "</Relationships>"));
            part(zip, "xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings != null) {
                part(zip, "xl/sharedStrings.xml", out -> {
                    write(out, "<sst xmlns=\"" + MAIN + "\">");
                    sharedStrings.write(out);
                    write(out, "</sst>");
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, PartWriter content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        content.write(zip);
        zip.closeEntry();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

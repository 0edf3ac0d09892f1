package com.lead2cash.platform.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The last face of the printed documents, made here rather than shipped: a TrueType font with one glyph for each
 * code point of the CJK ideographs beyond the Basic Multilingual Plane (Extensions B to F and I, U+20000–U+2EBEF:
 * 𠀀 𪚥 in real company and person names) that no shipped font has. Every glyph draws the same open box, but being
 * its own glyph each keeps its own character in the PDF's text layer, so copying, searching and extracting the
 * text give the name as written while the page shows where a character could not be drawn (docs/decisions/0108).
 * The glyphs refer to one outline, so the font is about 1.3 MB in memory and a document embeds only the few used.
 */
final class PlaceholderFace {

    static final int FIRST = 0x20000;
    static final int LAST = 0x2EBEF;

    private static final int EM = 1000;
    private static final int ASCENT = 880;
    private static final int DESCENT = -120;
    /** The open box: the outer square clockwise, the inner one anticlockwise. */
    private static final int[][] BOX = {
            {100, -50}, {100, 830}, {900, 830}, {900, -50},
            {160, 10}, {840, 10}, {840, 770}, {160, 770}};

    private PlaceholderFace() {
    }

    static TrueTypeFont load() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the placeholder face", e);
        }
    }

    /** The font file: glyph 0 empty (.notdef), glyph 1 the box, glyph 2 … one reference to it per further code point. */
    static byte[] bytes() throws IOException {
        int glyphs = LAST - FIRST + 2;
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put("OS/2", os2());
        tables.put("cmap", cmap());
        byte[] box = box();
        byte[] reference = reference();
        ByteArrayOutputStream glyf = new ByteArrayOutputStream(box.length + reference.length * glyphs);
        ByteArrayOutputStream loca = new ByteArrayOutputStream(4 * (glyphs + 1));
        DataOutputStream offsets = new DataOutputStream(loca);
        offsets.writeInt(0); // .notdef: no outline
        offsets.writeInt(0);
        glyf.write(box);
        for (int g = 2; g < glyphs; g++) {
            offsets.writeInt(glyf.size());
            glyf.write(reference);
        }
        offsets.writeInt(glyf.size());
        tables.put("glyf", glyf.toByteArray());
        tables.put("head", head());
        tables.put("hhea", hhea());
        tables.put("hmtx", hmtx(glyphs));
        tables.put("loca", loca.toByteArray());
        tables.put("maxp", maxp(glyphs));
        tables.put("name", name());
        tables.put("post", post());
        return file(tables);
    }

    private static byte[] file(Map<String, byte[]> tables) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        int n = tables.size();
        int power = Integer.highestOneBit(n);
        out.writeInt(0x00010000);
        out.writeShort(n);
        out.writeShort(power * 16);
        out.writeShort(Integer.numberOfTrailingZeros(power));
        out.writeShort(n * 16 - power * 16);
        int offset = 12 + 16 * n;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            out.write(table.getKey().getBytes(StandardCharsets.US_ASCII));
            out.writeInt(checksum(table.getValue()));
            out.writeInt(offset);
            out.writeInt(table.getValue().length);
            offset += padded(table.getValue().length);
        }
        for (byte[] table : tables.values()) {
            out.write(table);
            out.write(new byte[padded(table.length) - table.length]);
        }
        return bytes.toByteArray();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static int checksum(byte[] table) {
        int sum = 0;
        for (int i = 0; i < table.length; i += 4) {
            int word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < table.length ? table[i + j] & 0xff : 0);
            }
            sum += word;
        }
        return sum;
    }

    private static byte[] box() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(2); // contours
        bounds(out);
        out.writeShort(3);
        out.writeShort(7);
        out.writeShort(0); // no instructions
        for (int i = 0; i < BOX.length; i++) {
            out.writeByte(0x01); // on the curve, coordinates as 16-bit deltas
        }
        for (int axis = 0; axis < 2; axis++) {
            int previous = 0;
            for (int[] point : BOX) {
                out.writeShort(point[axis] - previous);
                previous = point[axis];
            }
        }
        return bytes.toByteArray();
    }

    /** A composite glyph of one component, the box at (0, 0). */
    private static byte[] reference() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(-1);
        bounds(out);
        out.writeShort(0x0002); // ARGS_ARE_XY_VALUES, byte arguments, the last component
        out.writeShort(1);
        out.writeByte(0);
        out.writeByte(0);
        return bytes.toByteArray();
    }

    private static void bounds(DataOutputStream out) throws IOException {
        out.writeShort(100);
        out.writeShort(-50);
        out.writeShort(900);
        out.writeShort(830);
    }

    private static byte[] head() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00010000);
        out.writeInt(0x00010000); // font revision 1.0
        out.writeInt(0); // checksum adjustment, not checked by the reader
        out.writeInt(0x5F0F3CF5);
        out.writeShort(0x000B); // baseline at 0, left sidebearing at 0, integer scaling
        out.writeShort(EM);
        out.writeLong(0); // created
        out.writeLong(0); // modified
        bounds(out);
        out.writeShort(0); // mac style
        out.writeShort(8); // smallest readable size
        out.writeShort(2);
        out.writeShort(1); // long offsets in loca
        out.writeShort(0);
        return bytes.toByteArray();
    }

    private static byte[] hhea() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00010000);
        out.writeShort(ASCENT);
        out.writeShort(DESCENT);
        out.writeShort(0); // line gap
        out.writeShort(EM); // widest advance
        out.writeShort(0); // smallest left sidebearing
        out.writeShort(100); // smallest right sidebearing
        out.writeShort(900); // widest extent
        out.writeShort(1); // caret upright
        out.writeShort(0);
        out.writeShort(0);
        for (int i = 0; i < 4; i++) {
            out.writeShort(0);
        }
        out.writeShort(0);
        out.writeShort(1); // one advance for every glyph
        return bytes.toByteArray();
    }

    private static byte[] hmtx(int glyphs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 * glyphs + 2);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(EM);
        out.writeShort(0);
        for (int g = 1; g < glyphs; g++) {
            out.writeShort(100);
        }
        return bytes.toByteArray();
    }

    private static byte[] maxp(int glyphs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00010000);
        out.writeShort(glyphs);
        out.writeShort(BOX.length); // points
        out.writeShort(2); // contours
        out.writeShort(BOX.length); // composite points
        out.writeShort(2); // composite contours
        out.writeShort(2); // zones
        for (int i = 0; i < 6; i++) {
            out.writeShort(0); // twilight points, storage, function and instruction definitions, stack, instructions
        }
        out.writeShort(1); // components
        out.writeShort(1); // depth
        return bytes.toByteArray();
    }

    /** Windows, full Unicode, format 12: the whole range in one group from glyph 1 on. */
    private static byte[] cmap() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeShort(1);
        out.writeShort(3);
        out.writeShort(10);
        out.writeInt(12);
        out.writeShort(12);
        out.writeShort(0);
        out.writeInt(28);
        out.writeInt(0);
        out.writeInt(1);
        out.writeInt(FIRST);
        out.writeInt(LAST);
        out.writeInt(1);
        return bytes.toByteArray();
    }

    private static byte[] name() throws IOException {
        String[][] records = {{"1", "L2C Placeholder"}, {"2", "Regular"}, {"4", "L2C Placeholder"},
                {"6", "L2CPlaceholder-Regular"}};
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeShort(records.length);
        out.writeShort(6 + 12 * records.length);
        for (String[] record : records) {
            byte[] text = record[1].getBytes(StandardCharsets.UTF_16BE);
            out.writeShort(3);
            out.writeShort(1);
            out.writeShort(0x0409);
            out.writeShort(Integer.parseInt(record[0]));
            out.writeShort(text.length);
            out.writeShort(strings.size());
            strings.write(text);
        }
        out.write(strings.toByteArray());
        return bytes.toByteArray();
    }

    private static byte[] post() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00030000); // no glyph names
        out.writeInt(0); // italic angle
        out.writeShort(-100);
        out.writeShort(50);
        out.writeInt(0); // proportional
        for (int i = 0; i < 4; i++) {
            out.writeInt(0);
        }
        return bytes.toByteArray();
    }

    private static byte[] os2() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(4);
        out.writeShort(EM / 2); // average width
        out.writeShort(400); // weight
        out.writeShort(5); // width class: normal
        out.writeShort(0); // embedding allowed
        for (int i = 0; i < 10; i++) {
            out.writeShort(0); // sub- and superscript sizes, strikeout
        }
        out.writeShort(0); // family class
        out.write(new byte[10]); // panose
        for (int i = 0; i < 4; i++) {
            out.writeInt(0); // Unicode ranges
        }
        out.write("NONE".getBytes(StandardCharsets.US_ASCII));
        out.writeShort(0x0040); // regular
        out.writeShort(0xFFFF); // first character (beyond the BMP)
        out.writeShort(0xFFFF);
        out.writeShort(ASCENT);
        out.writeShort(DESCENT);
        out.writeShort(0);
        out.writeShort(ASCENT);
        out.writeShort(-DESCENT);
        out.writeInt(0); // code pages
        out.writeInt(0);
        out.writeShort(500); // x-height
        out.writeShort(700); // capital height
        out.writeShort(0);
        out.writeShort(0x20);
        out.writeShort(0);
        return bytes.toByteArray();
    }
}

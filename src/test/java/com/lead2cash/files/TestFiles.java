package com.lead2cash.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Content for file tests: a PDF of a given length that opens, a JPEG, a PNG, files cut short, and a Windows executable. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * A signed scan of 4 096 bytes no other signing of the run uploads (one paper is the signed copy of one contract,
     * K3): seeded from a random number, as test runs in several JVMs share the database.
     */
    public static byte[] signedScan() {
        return pdf(4096, new java.security.SecureRandom().nextLong());
    }

    /**
     * A PDF that opens, with one page, exactly {@code length} bytes long: its page carries an unused stream of seeded
     * random bytes (as a scan carries its image), sized to make up the length. At least {@link #MIN_PDF} bytes.
     */
    public static byte[] pdf(int length, long seed) {
        int padding = Math.max(0, length - MIN_PDF);
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] bytes = pdfWithPadding(padding, seed);
            if (bytes.length == length) {
                return bytes;
            }
            padding += length - bytes.length;
            if (padding < 0) {
                break;
            }
        }
        throw new IllegalArgumentException("no PDF of exactly " + length + " bytes (at least " + MIN_PDF + ")");
    }

    /** About the smallest {@link #pdf} can make. */
    public static final int MIN_PDF = 700;

    /** The bytes {@link #pdf} hides in the page, as a stream nothing draws. */
    private static byte[] pdfWithPadding(int padding, long seed) {
        byte[] random = new byte[padding];
        new Random(seed).nextBytes(random);
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createRawOutputStream()) {
                out.write(random);
            }
            page.getCOSObject().setItem(COSName.getPDFName("L2CTestPadding"), stream);
            // the file identifier from the seed: PDFBox would make one from the clock, and the same seed must give the same bytes
            byte[] id = new byte[16];
            new Random(seed).nextBytes(id);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real JPEG photo, 64 × 48 pixels of a gradient, the same bytes on every call. */
    public static byte[] jpeg() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A real PNG picture, 48 × 32 pixels of seeded noise (so it does not compress to almost nothing), the same bytes on
     * every call.
     */
    public static byte[] png() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(48, 32,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int x = 0; x < 48; x++) {
            for (int y = 0; y < 32; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The first {@code length} bytes of a file: what an interrupted download or copy leaves. */
    public static byte[] cut(byte[] content, int length) {
        return java.util.Arrays.copyOf(content, length);
    }

    /** What a JPEG starts with (SOI and a JFIF APP0 segment), then noise: a file that only claims to be a photo. */
    public static byte[] fakeJpeg() {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
                0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[bytes.length - 2] = (byte) 0xFF;
        bytes[bytes.length - 1] = (byte) 0xD9;
        return bytes;
    }

    /** A Windows PE executable's headers ("MZ", the DOS stub, "PE\0\0"), as a renamed scan.pdf would carry. */
    public static byte[] executable() {
        byte[] bytes = new byte[2048];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3C] = (byte) 0x80; // e_lfanew: the PE header at 0x80
        byte[] stub = "This program cannot be run in DOS mode.\r\r\n$".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 0x4E, stub.length);
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        bytes[0x84] = 0x4C; // machine i386
        bytes[0x85] = 0x01;
        return bytes;
    }
}

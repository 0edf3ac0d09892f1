package com.lead2cash.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.files.FileKind;
import com.lead2cash.files.TestFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/** A file cut short is told from a whole one by walking its format to the end it marks, whatever the read sizes. */
class FileEndTest {

    /** Read sizes: byte by byte ({@code read()}), odd ones that split every structure, and a large buffer. */
    static final int[] READS = {1, 2, 7, 13, 8192};

    @Test
    void everyCutOfARealPngOrJpegFallsShortOfItsEndAndOnlyTheWholeFileReachesIt() throws IOException {
        for (var file : java.util.List.of(java.util.Map.entry(FileKind.PNG, TestFiles.png()),
                java.util.Map.entry(FileKind.JPEG, TestFiles.jpeg()), java.util.Map.entry(FileKind.JPEG, progressiveJpeg()))) {
            byte[] content = file.getValue();
            for (int length = 0; length < content.length; length++) {
                assertThat(reaches(file.getKey(), TestFiles.cut(content, length), 8192))
                        .as("%s cut to %d of %d bytes", file.getKey(), length, content.length).isFalse();
            }
            for (int read : READS) {
                assertThat(reaches(file.getKey(), content, read)).as("%s read %d at a time", file.getKey(), read).isTrue();
            }
        }
    }

    @Test
    void aPdfReachesItsEndWhenEofStandsWithinItsLastKibibyte() throws IOException {
        byte[] pdf = TestFiles.pdf(700_000, 1);
        for (int read : READS) {
            assertThat(reaches(FileKind.PDF, pdf, read)).isTrue();
            assertThat(reaches(FileKind.PDF, TestFiles.cut(pdf, pdf.length / 2), read)).as("cut in half").isFalse();
        }
        int eof = indexOf(pdf, "%%EOF".getBytes(StandardCharsets.US_ASCII));
        assertThat(reaches(FileKind.PDF, TestFiles.cut(pdf, eof + 4), 8192)).as("%%EOF cut itself").isFalse();
        assertThat(reaches(FileKind.PDF, TestFiles.cut(pdf, eof + 5), 8192)).isTrue();
        assertThat(reaches(FileKind.PDF, withTail(pdf, eof + 5, 1024 - 5), 8192)).as("EOF in the last 1024 bytes").isTrue();
        assertThat(reaches(FileKind.PDF, withTail(pdf, eof + 5, 1024 - 4), 8192)).as("EOF farther from the end").isFalse();
        assertThat(reaches(FileKind.PDF, "%%EOF".getBytes(StandardCharsets.US_ASCII), 1)).isTrue();
    }

    @Test
    void aJpegMayCarryMoreAfterItsEndAsAMotionPhotoCarriesItsVideo() throws IOException {
        byte[] photo = TestFiles.jpeg();
        byte[] video = new byte[50_000];
        new java.util.Random(3).nextBytes(video);
        byte[] motionPhoto = Arrays.copyOf(photo, photo.length + video.length);
        System.arraycopy(video, 0, motionPhoto, photo.length, video.length);
        for (int read : READS) {
            assertThat(reaches(FileKind.JPEG, motionPhoto, read)).isTrue();
        }
    }

    @Test
    void aJpegsEndIsOnlyAnEndOfImageMarkerNotThoseBytesInASegmentOrStuffedInTheScan() throws IOException {
        byte[] head = bytes(0xFF, 0xD8,
                // APP1 holding an EXIF thumbnail's end of image, skipped by its length
                0xFF, 0xE1, 0x00, 0x06, 0xFF, 0xD9, 0xFF, 0xD9,
                // fill bytes before a marker, then a start of scan of four bytes
                0xFF, 0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02,
                // entropy-coded data: a stuffed FF followed by D9, a restart, more data
                0x12, 0xFF, 0x00, 0xD9, 0x34, 0xFF, 0xD3, 0xD9, 0x56,
                // a progressive JPEG's second scan: a table between scans, then the data again
                0xFF, 0xC4, 0x00, 0x04, 0xFF, 0xD9, 0xFF, 0xDA, 0x00, 0x02, 0x78, 0xD9);
        for (int read : READS) {
            assertThat(reaches(FileKind.JPEG, head, read)).isFalse();
            assertThat(reaches(FileKind.JPEG, concat(head, bytes(0xFF, 0xD9)), read)).isTrue();
            assertThat(reaches(FileKind.JPEG, concat(head, bytes(0xFF, 0xFF, 0xD9)), read)).as("after fill bytes").isTrue();
        }
    }

    @Test
    void aPngReachesItsEndOnlyWithItsEndChunkWhole() throws IOException {
        byte[] png = TestFiles.png();
        assertThat(reaches(FileKind.PNG, concat(png, new byte[100]), 8192)).as("bytes after IEND").isTrue();
        byte[] tooLong = png.clone();
        // the first chunk after IHDR (at 8 + 25) claims more data than the file holds
        tooLong[8 + 25] = 0x10;
        assertThat(reaches(FileKind.PNG, tooLong, 8192)).isFalse();
        byte[] noSignature = png.clone();
        noSignature[1] = 'Q';
        assertThat(reaches(FileKind.PNG, noSignature, 8192)).isFalse();
    }

    private static boolean reaches(FileKind kind, byte[] content, int readSize) throws IOException {
        try (FileEnd end = FileEnd.watch(kind, new ByteArrayInputStream(content))) {
            if (readSize == 1) {
                while (end.read() >= 0) {
                    // one byte at a time
                }
            } else {
                byte[] buffer = new byte[readSize];
                while (end.read(buffer, 0, buffer.length) >= 0) {
                    // as the stores read
                }
            }
            return end.reached();
        }
    }

    private static byte[] progressiveJpeg() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(9);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream images = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(images);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] bytes = out.toByteArray();
        assertThat(count(bytes, bytes(0xFF, 0xDA))).as("several scans").isGreaterThan(1);
        return bytes;
    }

    private static byte[] withTail(byte[] content, int length, int tail) {
        byte[] bytes = Arrays.copyOf(content, length + tail);
        Arrays.fill(bytes, length, bytes.length, (byte) '\n');
        return bytes;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] bytes = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, bytes, a.length, b.length);
        return bytes;
    }

    private static int indexOf(byte[] content, byte[] part) {
        for (int i = content.length - part.length; i >= 0; i--) {
            if (Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(byte[] content, byte[] part) {
        int n = 0;
        for (int i = 0; i + part.length <= content.length; i++) {
            if (Arrays.equals(content, i, i + part.length, part, 0, part.length)) {
                n++;
            }
        }
        return n;
    }
}

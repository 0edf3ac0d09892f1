package com.lead2cash.files;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Content for file tests: a PDF of a given length, a JPEG, and a Windows executable. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A PDF header followed by seeded random bytes up to {@code length}: detected as application/pdf. */
    public static byte[] pdf(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(trailer, 0, bytes, length - trailer.length, trailer.length);
        return bytes;
    }

    /** The start of a JPEG (SOI and a JFIF APP0 segment) and some data. */
    public static byte[] jpeg() {
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

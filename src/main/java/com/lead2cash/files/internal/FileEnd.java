package com.lead2cash.files.internal;

import com.lead2cash.files.FileKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether an upload runs to the end its format marks: a file cut short (an interrupted download, a copy that stopped
 * half-way) still starts right and its header still reads, yet half of a signed scan is no record of a signing. The
 * content is watched as it passes on its way to the store, in the same single pass that measures and hashes it,
 * keeping a few counters (a PDF: its last KiB) and decoding nothing:
 * <ul>
 * <li>PNG: the chunks (length, type, data, CRC) are walked from the signature to IEND; chunk lengths running past the
 * end of the file, or no IEND, is a file cut short. CRCs are not checked.</li>
 * <li>JPEG: the marker segments are walked to the start of a scan, whose entropy-coded data is scanned for the end of
 * image (FF D9; FF 00 is a stuffed byte, FF D0–D7 a restart, any other marker a segment between the scans of a
 * progressive JPEG). Bytes after the end are allowed: phones append a video to a "motion photo".</li>
 * <li>PDF: "%%EOF" within the last 1024 bytes, the trailing bytes the PDF specification tolerates.</li>
 * </ul>
 * Every byte must be read through {@link #read}; skipping reads too.
 */
abstract sealed class FileEnd extends FilterInputStream {

    private final byte[] one = new byte[1];

    private FileEnd(InputStream in) {
        super(in);
    }

    /** Watches the content of a file of the kind detected. */
    static FileEnd watch(FileKind kind, InputStream content) {
        return switch (kind) {
            case PNG -> new Png(content);
            case JPEG -> new Jpeg(content);
            case PDF -> new Pdf(content);
        };
    }

    /** Whether the bytes read so far reach the end the format marks. */
    abstract boolean reached();

    abstract void seen(byte[] b, int off, int len);

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            one[0] = (byte) b;
            seen(one, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            seen(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return SkipByReading.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * A format whose structure is walked byte by byte to the mark of its end (PNG, JPEG): reached once the walk
     * met it; a structure that breaks on the way never reaches it.
     */
    private abstract static sealed class Walked extends FileEnd {

        boolean ended;
        boolean broken;

        Walked(InputStream in) {
            super(in);
        }

        @Override
        final boolean reached() {
            return ended;
        }
    }

    private static final class Png extends Walked {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        private int signatureSeen;
        /** A chunk's length and type, as they arrive. */
        private final byte[] header = new byte[8];
        private int headerSeen;
        /** What is left of the current chunk's data and CRC. */
        private long bodyLeft = -1;
        private boolean iend;

        Png(InputStream in) {
            super(in);
        }

        @Override
        void seen(byte[] b, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end && !ended && !broken) {
                if (signatureSeen < SIGNATURE.length) {
                    broken = b[i++] != SIGNATURE[signatureSeen++];
                } else if (bodyLeft < 0) {
                    header[headerSeen++] = b[i++];
                    if (headerSeen == header.length) {
                        long length = (header[0] & 0xffL) << 24 | (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8
                                | header[3] & 0xff;
                        // the specification limits a chunk to 2^31 - 1 bytes
                        broken = length > Integer.MAX_VALUE;
                        iend = header[4] == 'I' && header[5] == 'E' && header[6] == 'N' && header[7] == 'D';
                        bodyLeft = length + 4;
                        headerSeen = 0;
                    }
                } else {
                    int n = (int) Math.min(bodyLeft, end - i);
                    i += n;
                    bodyLeft -= n;
                    if (bodyLeft == 0) {
                        ended = iend;
                        bodyLeft = -1;
                    }
                }
            }
        }
    }

    private static final class Jpeg extends Walked {

        private enum State { SOI, SOI_MARKER, MARKER, MARKER_CODE, LENGTH_HIGH, LENGTH_LOW, SEGMENT, SCAN, SCAN_FF }

        private State state = State.SOI;
        private int lengthHigh;
        private int segmentLeft;
        /** Whether the segment being skipped is a start of scan, after which the entropy-coded data comes. */
        private boolean startOfScan;

        Jpeg(InputStream in) {
            super(in);
        }

        @Override
        void seen(byte[] b, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end && !ended && !broken) {
                switch (state) {
                    case SEGMENT -> {
                        int n = Math.min(segmentLeft, end - i);
                        i += n;
                        segmentLeft -= n;
                        if (segmentLeft == 0) {
                            state = startOfScan ? State.SCAN : State.MARKER;
                        }
                    }
                    case SCAN -> {
                        // the bulk of the file: only an FF can end the entropy-coded data
                        while (i < end && b[i] != (byte) 0xFF) {
                            i++;
                        }
                        if (i < end) {
                            i++;
                            state = State.SCAN_FF;
                        }
                    }
                    default -> step(b[i++] & 0xff);
                }
            }
        }

        private void step(int v) {
            switch (state) {
                case SOI -> {
                    broken = v != 0xFF;
                    state = State.SOI_MARKER;
                }
                case SOI_MARKER -> {
                    broken = v != 0xD8;
                    state = State.MARKER;
                }
                // bytes between segments where a marker should be are skipped, as decoders do
                case MARKER -> state = v == 0xFF ? State.MARKER_CODE : State.MARKER;
                case MARKER_CODE -> marker(v);
                case SCAN_FF -> {
                    if (v == 0x00 || v >= 0xD0 && v <= 0xD7) {
                        state = State.SCAN; // a stuffed FF or a restart marker: the data goes on
                    } else {
                        marker(v);
                    }
                }
                case LENGTH_HIGH -> {
                    lengthHigh = v;
                    state = State.LENGTH_LOW;
                }
                case LENGTH_LOW -> {
                    int length = lengthHigh << 8 | v;
                    broken = length < 2;
                    segmentLeft = length - 2;
                    state = segmentLeft == 0 ? (startOfScan ? State.SCAN : State.MARKER) : State.SEGMENT;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }

        /** After an FF: fill, the end of image, a marker without a segment, or one with a segment to skip. */
        private void marker(int code) {
            if (code == 0xFF) {
                state = State.MARKER_CODE;
            } else if (code == 0xD9) {
                ended = true;
            } else if (code == 0x00 || code == 0x01 || code >= 0xD0 && code <= 0xD8) {
                state = State.MARKER;
            } else {
                startOfScan = code == 0xDA;
                state = State.LENGTH_HIGH;
            }
        }
    }

    private static final class Pdf extends FileEnd {

        private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        /** How far before the end of the file "%%EOF" may stand. */
        static final int TAIL = 1024;

        private final byte[] tail = new byte[TAIL];
        private long count;

        Pdf(InputStream in) {
            super(in);
        }

        @Override
        void seen(byte[] b, int off, int len) {
            // only the last TAIL bytes matter; the ring holds byte k of the file at k % TAIL
            int from = Math.max(off, off + len - TAIL);
            long k = count + (from - off);
            for (int i = from; i < off + len; i++, k++) {
                tail[(int) (k % TAIL)] = b[i];
            }
            count += len;
        }

        @Override
        boolean reached() {
            int n = (int) Math.min(count, TAIL);
            byte[] last = new byte[n];
            for (int j = 0; j < n; j++) {
                last[j] = tail[(int) ((count - n + j) % TAIL)];
            }
            for (int j = 0; j + EOF.length <= n; j++) {
                if (Arrays.equals(last, j, j + EOF.length, EOF, 0, EOF.length)) {
                    return true;
                }
            }
            return false;
        }
    }
}

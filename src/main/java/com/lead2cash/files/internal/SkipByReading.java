package com.lead2cash.files.internal;

import java.io.IOException;
import java.io.InputStream;

/** Skipping as reading: a stream that watches every byte of a file (its size, checksum, end) sees the skipped ones. */
final class SkipByReading {

    private SkipByReading() {
    }

    /** Reads and drops up to {@code n} bytes of {@code in} through its own {@code read}; answers how many. */
    static long skip(InputStream in, long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long left = n;
        while (left > 0) {
            int r = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }
}

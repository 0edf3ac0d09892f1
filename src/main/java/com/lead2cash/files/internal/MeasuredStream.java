package com.lead2cash.files.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (SHA-256) what passes through, and stops a file that grows past its limit. */
final class MeasuredStream extends FilterInputStream {

    /** Thrown mid-stream when the content passes the limit; the store turns it into a refusal. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("file too large", null, false, false);
        }
    }

    private final MessageDigest digest;
    private final long limit;
    private long count;

    MeasuredStream(InputStream in, long limit) {
        super(in);
        this.digest = sha256();
        this.limit = limit;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            counted(n);
        }
        return n;
    }

    /** Skipped bytes are still read, so the checksum and the size cover every byte of the file. */
    @Override
    public long skip(long n) throws IOException {
        return SkipByReading.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw new TooLarge();
        }
    }

    long count() {
        return count;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}

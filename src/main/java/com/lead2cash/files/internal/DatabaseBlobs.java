package com.lead2cash.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * File content in PostgreSQL: rows of 256 KiB chunks, written and read one chunk at a time, so a file
 * is never held in memory whole and the database backup carries it. The chunks of a file become
 * visible with its row, in the caller's transaction.
 */
@Component
class DatabaseBlobs implements Blobs {

    static final int CHUNK = 256 * 1024;

    private final JdbcClient jdbc;

    DatabaseBlobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public FilesProperties.Store kind() {
        return FilesProperties.Store.DATABASE;
    }

    @Override
    public String write(UUID fileId, InputStream content, long length) {
        byte[] buffer = new byte[CHUNK];
        int seq = 0;
        try {
            int filled;
            while ((filled = content.readNBytes(buffer, 0, CHUNK)) > 0) {
                byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
                jdbc.sql("insert into files_chunk (file_id, seq, data) values (:f, :s, :d)")
                        .param("f", fileId).param("s", seq++).param("d", chunk).update();
                if (filled < CHUNK) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    @Override
    public InputStream read(UUID fileId, String key) {
        return new ChunkStream(fileId);
    }

    @Override
    public void remove(UUID fileId, String key) {
        // the chunks go with the file's row (on delete cascade)
    }

    /** Reads the chunks in order, one query each, holding one chunk at a time. */
    private final class ChunkStream extends InputStream {

        private final UUID fileId;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean done;

        ChunkStream(UUID fileId) {
            this.fileId = fileId;
        }

        private boolean fill() {
            if (done) {
                return false;
            }
            while (pos >= chunk.length) {
                var next = jdbc.sql("select data from files_chunk where file_id = :f and seq = :s")
                        .param("f", fileId).param("s", nextSeq).query(byte[].class).optional();
                if (next.isEmpty()) {
                    done = true;
                    return false;
                }
                nextSeq++;
                chunk = next.get();
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

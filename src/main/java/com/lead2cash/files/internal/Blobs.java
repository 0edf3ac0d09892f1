package com.lead2cash.files.internal;

import java.io.InputStream;
import java.util.UUID;

/** Where file content lives: the database (chunked bytea) or an S3-compatible bucket. */
interface Blobs {

    /** The name recorded with each file, so a file is always read from the store that kept it. */
    FilesProperties.Store kind();

    /**
     * Writes the content of a new file; returns the key to find it again. {@code length} is the exact
     * length when known, else -1.
     */
    String write(UUID fileId, InputStream content, long length);

    InputStream read(UUID fileId, String key);

    /** Removes the content (after the file's row is gone). */
    void remove(UUID fileId, String key);
}

package com.lead2cash.files.internal;

import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Names a file's media type from its first bytes (magic numbers), never from its name: an executable
 * renamed to "scan.pdf" is {@code application/x-msdownload}. Apache Tika's core detector.
 */
@Component
class ContentDetector {

    /** Enough of the start of a file for every magic the accepted kinds have. */
    static final int PREFIX = 64 * 1024;

    private final Tika tika = new Tika();

    String detect(byte[] prefix) {
        return tika.detect(prefix);
    }
}

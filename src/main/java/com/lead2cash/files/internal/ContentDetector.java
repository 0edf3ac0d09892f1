package com.lead2cash.files.internal;

import com.lead2cash.files.ContentTypes;
import com.lead2cash.files.SpreadsheetFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * Names a file's media type from its first bytes (magic numbers), never from its name: an executable
 * renamed to "scan.pdf" is {@code application/x-msdownload}. Apache Tika's core detector.
 */
@Component
class ContentDetector implements ContentTypes {

    /** Enough of the start of a file for every magic the accepted kinds have. */
    static final int PREFIX = 64 * 1024;

    private static final Set<String> TEXT = Set.of("text/plain", "text/csv");
    /** An .xlsx is a zip whose first entry may or may not be the one Tika's core detector names OOXML by. */
    private static final Set<String> WORKBOOK = Set.of("application/x-tika-ooxml", "application/zip");
    private static final String UNKNOWN = "application/octet-stream";

    private final Tika tika = new Tika();

    String detect(byte[] prefix) {
        return tika.detect(prefix);
    }

    @Override
    public String detect(Path file) {
        return detect(prefix(file));
    }

    @Override
    public Optional<SpreadsheetFormat> spreadsheet(Path file) {
        byte[] prefix = prefix(file);
        String type = detect(prefix);
        if (TEXT.contains(type) || (UNKNOWN.equals(type) && plainText(prefix))) {
            return Optional.of(SpreadsheetFormat.CSV);
        }
        return WORKBOOK.contains(type) ? Optional.of(SpreadsheetFormat.XLSX) : Optional.empty();
    }

    /**
     * Tika calls text only what is mostly ASCII or UTF-8, so a CSV in GB18030 (as Excel on Chinese Windows
     * saves it) comes back unknown. Text has few control bytes besides tab and line ends (a stray one in a
     * cell is that row's problem); every binary format has them throughout its first bytes.
     */
    private static boolean plainText(byte[] prefix) {
        int control = 0;
        for (byte b : prefix) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                control++;
            }
        }
        return prefix.length > 0 && control * 50 < prefix.length;
    }

    private static byte[] prefix(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

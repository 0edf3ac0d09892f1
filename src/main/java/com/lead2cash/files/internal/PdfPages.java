package com.lead2cash.files.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Whether a file detected as a PDF opens as one with at least one page: its first bytes only say it means to be a
 * PDF, and a signed contract or a complaint's evidence must be a document someone can read (a header with nothing
 * after it, a broken file or one locked with a password is refused). PDFBox keeps what it parses on disk, not in the
 * heap.
 */
final class PdfPages {

    private PdfPages() {
    }

    static boolean opens(InputStream content) {
        try (InputStream in = content;
             PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(in), "", null, null,
                     IOUtils.createTempFileOnlyStreamCache())) {
            return document.getNumberOfPages() > 0;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}

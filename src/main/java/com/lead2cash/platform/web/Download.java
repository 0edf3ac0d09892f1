package com.lead2cash.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A file streamed to the browser, opened by its first byte: an export whose filter is refused while its first rows
 * are read (a search text too long) answers the refusal's page as any list does — not a 500 for a response already
 * promised as a spreadsheet, nor an error page saved as {@code .xlsx}.
 */
public final class Download extends OutputStream {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final HttpServletResponse response;
    private final String contentType;
    private final String filename;
    private OutputStream out;

    private Download(HttpServletResponse response, String contentType, String filename) {
        this.response = response;
        this.contentType = contentType;
        this.filename = filename;
    }

    /** What writes the file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Sends an Excel workbook named {@code filename} as an attachment. A refusal while it is written (its filter read
     * with its first rows) before anything reached the browser takes the response back — the workbook closes itself on
     * the way out and writes its end — so the refusal is answered as on any page.
     */
    public static void xlsx(HttpServletResponse response, String filename, Body body) throws IOException {
        response.setBufferSize(BUFFER);
        try {
            body.writeTo(new Download(response, XLSX, filename));
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e;
        }
    }

    /** Enough for a workbook's frame and first rows: a refusal met then can still be answered as a page. */
    private static final int BUFFER = 64 * 1024;

    private OutputStream out() throws IOException {
        if (out == null) {
            response.setContentType(contentType);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename).build().toString());
            out = response.getOutputStream();
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        // the container closes the response's stream; an export that wrote nothing still sends its (empty) file
        out().flush();
    }
}

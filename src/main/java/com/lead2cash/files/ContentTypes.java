package com.lead2cash.files;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a file is, told from its content and never from its name, by the same detector the file store
 * judges every upload with: an SVG or a web page renamed "leads.csv" is still an SVG or a web page.
 */
public interface ContentTypes {

    /** The media type the content's first bytes show ({@code application/pdf}, {@code text/html}, …). */
    String detect(Path file);

    /**
     * The spreadsheet the content is: CSV text, or an Excel workbook (.xlsx); empty for anything else
     * (a PDF, a picture, a web page, an old .xls, a program).
     */
    Optional<SpreadsheetFormat> spreadsheet(Path file);
}

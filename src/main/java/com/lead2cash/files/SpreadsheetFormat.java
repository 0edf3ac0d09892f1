package com.lead2cash.files;

/**
 * The spreadsheets an import reads: CSV text (UTF-8, GB18030, or UTF-16 with its byte-order mark) and the Excel
 * workbook (.xlsx).
 */
public enum SpreadsheetFormat {
    CSV("csv"),
    XLSX("xlsx");

    private final String extension;

    SpreadsheetFormat(String extension) {
        this.extension = extension;
    }

    /** The file-name extension, without the dot: what a reader that goes by the name expects. */
    public String extension() {
        return extension;
    }
}

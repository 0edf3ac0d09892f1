package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A list's Excel export as its reader downloads it, read back row by row (the headers first). */
public final class ExportedWorkbook {

    private ExportedWorkbook() {
    }

    /** The rows of the first sheet {@code path} answers the signed-in {@code session}; fails unless it is a workbook. */
    public static List<Row> rows(MockMvcTester mvc, Cookie session, String path) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file(mvc, session, path)));
             var rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    /** The workbook {@code path} answers the signed-in {@code session}, as downloaded; fails unless it is one. */
    public static byte[] file(MockMvcTester mvc, Cookie session, String path) {
        MvcTestResult result = mvc.get().uri(path).cookie(session).exchange();
        assertThat(result).as(path).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("application/vnd.openxmlformats-officedocument");
        return result.getResponse().getContentAsByteArray();
    }
}

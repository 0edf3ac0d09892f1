package com.lead2cash.catalog.internal.web;

import com.lead2cash.catalog.internal.ProductQueries;
import com.lead2cash.catalog.internal.ProductWorkbook;
import com.lead2cash.files.ContentTypes;
import com.lead2cash.platform.FieldValidationException;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The catalogue workbook over HTTP: the download the screen and the API share, and reading an upload (.xlsx or CSV). */
final class ProductWorkbooks {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private ProductWorkbooks() {
    }

    /** The whole catalogue (at most some thousands of products) as one workbook. */
    static ResponseEntity<byte[]> download(ProductQueries queries) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        ProductWorkbook.write(queries.allByCode(), body);
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("产品目录.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body.toByteArray());
    }

    static List<ProductWorkbook.Row> read(MultipartFile file, ContentTypes contentTypes) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new FieldValidationException("file", "catalog.import.empty");
        }
        // read as what its content is (.xlsx or CSV), whatever it is called, as the customer import does
        return ProductWorkbook.readUpload(file.getBytes(), contentTypes);
    }
}

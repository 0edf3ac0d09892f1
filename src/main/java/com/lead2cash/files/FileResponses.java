package com.lead2cash.files;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How an owning module answers a download after its own scope check: the detected media type, the
 * length, the name as uploaded (UTF-8, so 合同扫描件.pdf arrives intact), the SHA-256 as {@code ETag} and
 * RFC 9530 {@code Repr-Digest}, never cached by shared caches. The content streams from the store.
 */
public final class FileResponses {

    private FileResponses() {
    }

    /** Shown in the browser (a PDF or an image opens in a tab). */
    public static ResponseEntity<Resource> inline(StoredFile file, InputStream content) {
        return respond(file, content, ContentDisposition.inline());
    }

    /** Saved by the browser. */
    public static ResponseEntity<Resource> attachment(StoredFile file, InputStream content) {
        return respond(file, content, ContentDisposition.attachment());
    }

    private static ResponseEntity<Resource> respond(StoredFile file, InputStream content,
                                                    ContentDisposition.Builder disposition) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentLength(file.size());
        headers.setContentDisposition(disposition.filename(file.fileName(), StandardCharsets.UTF_8).build());
        headers.setETag("\"" + file.sha256() + "\"");
        headers.set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(content));
    }
}

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

    /**
     * The policy of an uploaded file opened in the browser: a sandbox (an origin of its own, no script, no form, no
     * plugin reaching the product), fetching nothing. Whatever an upload carries — a PDF's {@code /OpenAction}
     * JavaScript, an image that is really markup — it runs, if at all, outside the product's origin. Chromium still
     * shows a PDF opened this way in its viewer (checked with Chromium 156: the viewer and its frame load as without
     * the header), and an image; inline styles are allowed for the page the browser builds around either.
     */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; sandbox";

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
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(content));
    }
}

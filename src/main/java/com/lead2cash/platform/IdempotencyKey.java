package com.lead2cash.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An {@code Idempotency-Key} a client sent with a request that creates a record, and the fingerprint of the request's
 * body as read (written again field by field, so a retry matches whatever its spacing or field order). The module
 * keeps, in its own table and under whomever its keys belong to (a web-to-lead key, a user), which record a key made:
 * a repeat with the same body answers that record, the same key with another body is refused.
 */
public record IdempotencyKey(String key, String bodyHash) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 100;

    /**
     * The key sent ({@code header}) with the body as read ({@code body}); empty when none was sent. A key of 1 to 100
     * characters, else refused (422 naming the header, the module's {@code invalidCode}).
     */
    public static Optional<IdempotencyKey> of(String header, String body, String invalidCode) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw new FieldValidationException(HEADER, invalidCode, MAX_LENGTH);
        }
        return Optional.of(new IdempotencyKey(header, fingerprint(body)));
    }

    /**
     * Refuses (422 naming the header, the module's {@code reusedCode}) when the key was first sent with another body
     * ({@code earlierHash}); a key kept before fingerprints were (null) is taken as sent with this one.
     */
    public void requireSameBody(String earlierHash, String reusedCode) {
        if (earlierHash != null && !earlierHash.equals(bodyHash)) {
            throw new FieldValidationException(HEADER, reusedCode);
        }
    }

    /** SHA-256 of the text, in hex. */
    public static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

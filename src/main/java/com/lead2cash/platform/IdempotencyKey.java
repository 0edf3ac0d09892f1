package com.lead2cash.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@code Idempotency-Key} a client sent with a request that creates a record, and the fingerprint of the request's
 * body as read (written again field by field and each number plainly, so a retry matches whatever its spacing, field
 * order or the way it writes an amount). The module
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
    public static Optional<IdempotencyKey> of(String header, JsonMapper json, Object body, String invalidCode) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw new FieldValidationException(HEADER, invalidCode, MAX_LENGTH);
        }
        return Optional.of(new IdempotencyKey(header, fingerprint(json.writeValueAsString(plain(json.valueToTree(body))))));
    }

    /** Each number in its plainest form: 2, "2", 2.0 and 2.00 are one amount, so a retry that writes it otherwise matches. */
    private static JsonNode plain(JsonNode node) {
        if (node.isNumber()) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node instanceof ObjectNode object) {
            List.copyOf(object.propertyNames()).forEach(name -> object.set(name, plain(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, plain(array.get(i)));
            }
        }
        return node;
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

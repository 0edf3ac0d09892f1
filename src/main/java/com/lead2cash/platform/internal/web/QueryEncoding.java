package com.lead2cash.platform.internal.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Why a query string the server could not decode is refused, in the words that fit: a {@code %} not followed by two
 * hexadecimal digits ({@code ?q=%zz}) is written wrongly; escapes that are well written but whose bytes are no UTF-8
 * text ({@code ?q=%ED%A0%80}, {@code ?q=%ff%fe}) are not text at all. Both are 400.
 */
final class QueryEncoding {

    /** The refusal of a {@code %} not followed by two hexadecimal digits (or of what cannot be told). */
    static final String MALFORMED = "error.badEncoding";
    /** The refusal of well-written escapes whose bytes are not valid UTF-8. */
    static final String NOT_UTF8 = "error.badEncoding.notUtf8";

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private QueryEncoding() {
    }

    /** The message key for refusing {@code query} as undecodable. */
    static String refusal(String query) {
        if (query == null || BAD_ESCAPE.matcher(query).find()) {
            return MALFORMED;
        }
        for (String part : query.split("[&=]")) {
            if (!utf8(part)) {
                return NOT_UTF8;
            }
        }
        return MALFORMED;
    }

    private static boolean utf8(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length()) {
                bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package com.lead2cash.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: the items and an opaque cursor for the next page (null on the
 * last page). Lists fetch {@code size + 1} rows after the cursor's key; the extra row only tells
 * whether there is a next page.
 */
public record CursorPage<T>(
        @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
        List<T> items,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The cursor of the next page; null on the last page")
        String nextCursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /** Builds a page from up to {@code size + 1} fetched rows; {@code keyOf} gives the sort key of a row. */
    public static <T> CursorPage<T> of(List<T> fetched, int size, Function<T, List<?>> keyOf) {
        if (fetched.size() <= size) {
            return new CursorPage<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, size));
        return new CursorPage<>(items, encode(keyOf.apply(items.get(size - 1))));
    }

    /** A requested page size, clamped to what a list serves. */
    public static int size(Integer requested) {
        if (requested == null || requested <= 0) {
            return DEFAULT_SIZE;
        }
        return Math.min(requested, MAX_SIZE);
    }

    static String encode(List<?> key) {
        String joined = String.join("\u001f", key.stream().map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The key values a cursor carries, in sort order; a cursor that was not made here is an input error. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>(Arrays.asList(joined.split("\u001f", -1)));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("cursor", "error.cursor.invalid");
        }
    }
}

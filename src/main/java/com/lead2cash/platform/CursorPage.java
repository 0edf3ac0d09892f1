package com.lead2cash.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: the items and an opaque cursor for the next page (null on the
 * last page). Lists fetch {@code size + 1} rows after the cursor's key; the extra row only tells
 * whether there is a next page.
 *
 * <p>A cursor names the list that made it: every list passes its own short tag ({@code "lead"}, {@code "user"}, …)
 * when it makes a page and when it decodes a cursor, and the tag is the first value inside the encoded cursor, so a
 * cursor of another list — or of the format before the tag — is refused (400 on {@code cursor}, decision 0063).
 */
public record CursorPage<T>(
        @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)
        List<T> items,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The cursor of the next page; null on the last page")
        String nextCursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** PostgreSQL's timestamp range, 4713 BC to 294276 AD (from 1 January of 4712 BC, to be safe of its calendar). */
    private static final LocalDate FIRST_STORABLE = LocalDate.of(-4711, 1, 1);
    private static final LocalDate LAST_STORABLE = LocalDate.of(294276, 12, 30);

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /** Builds a page from up to {@code size + 1} fetched rows; {@code keyOf} gives the sort key of a row. */
    public static <T> CursorPage<T> of(String list, List<T> fetched, int size, Function<T, List<?>> keyOf) {
        if (fetched.size() <= size) {
            return new CursorPage<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, size));
        return new CursorPage<>(items, encode(list, keyOf.apply(items.get(size - 1))));
    }

    /**
     * A page of a list that passes over some rows it reads and stopped reading before it had a page's worth: the items
     * kept, and a cursor after the last row read ({@code keyOfLastRead}), so the next page goes on from there.
     */
    public static <T> CursorPage<T> readUpTo(String list, List<T> items, List<?> keyOfLastRead) {
        return new CursorPage<>(List.copyOf(items), encode(list, keyOfLastRead));
    }

    /** A requested page size, capped at what a list serves; zero or less is refused (400). */
    public static int size(Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        if (requested <= 0) {
            throw new BadRequestException("size", "error.size.invalid", MAX_SIZE);
        }
        return Math.min(requested, MAX_SIZE);
    }

    /** The cursor of {@code list} after {@code key}: the list's tag, then the key's values. */
    static String encode(String list, List<?> key) {
        List<String> parts = new ArrayList<>();
        parts.add(tag(list));
        key.stream().map(String::valueOf).forEach(parts::add);
        String joined = String.join("\u001f", parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends the keyset page of a list sorted newest first by {@code (created_at, id)}: the rows after the
     * cursor's when one is given (a forged one is refused, 400), the order, and one row more than the page
     * (to tell whether another follows, see {@link #of}).
     */
    public static void newestFirst(String list, String cursor, int size, StringBuilder sql,
                                   java.util.Map<String, Object> params) {
        if (cursor != null && !cursor.isBlank()) {
            Key key = decode(list, cursor, 2);
            sql.append(" and (created_at, id) < (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by created_at desc, id desc limit ").append(size + 1);
    }

    /**
     * The key a cursor of {@code list} carries, in sort order; a cursor that was not made here — garbled, forged,
     * of another list (its tag is not {@code list}'s) — is refused (400) when it is decoded or when one of its values
     * is read as the type the list sorts by, so no query ever runs with it.
     */
    public static Key decode(String list, String cursor, int expectedParts) {
        String expectedTag = tag(list);
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>(Arrays.asList(joined.split("\u001f", -1)));
            if (parts.size() != expectedParts + 1 || !parts.get(0).equals(expectedTag)
                    || parts.stream().anyMatch(p -> InputRules.textProblem(p).isPresent())) {
                throw invalid();
            }
            return new Key(List.copyOf(parts.subList(1, parts.size())));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A list's tag: a short name of letters, digits and dashes (a programming error otherwise, never the client's). */
    private static String tag(String list) {
        if (list == null || !list.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("a list's cursor tag is a short lower-case name: " + list);
        }
        return list;
    }

    private static BadRequestException invalid() {
        return new BadRequestException("cursor", "error.cursor.invalid");
    }

    /** The decoded values of a cursor, read as the types the list sorts by. */
    public record Key(List<String> parts) {

        public String text(int i) {
            return parts.get(i);
        }

        public UUID uuid(int i) {
            return read(i, UUID::fromString);
        }

        public long number(int i) {
            return read(i, Long::parseLong);
        }

        public LocalDate date(int i) {
            return read(i, text -> storable(LocalDate.parse(text)));
        }

        /** A timestamp as JDBC binds it. */
        public Timestamp timestamp(int i) {
            return read(i, text -> {
                Instant at = Instant.parse(text);
                storable(LocalDate.ofInstant(at, ZoneOffset.UTC));
                return Timestamp.from(at);
            });
        }

        /**
         * A key's date within what PostgreSQL's timestamp stores: no list made a cursor beyond it, and the
         * database would refuse to bind it (year +999999999 came back as "timestamp out of range").
         */
        private static LocalDate storable(LocalDate date) {
            if (date.isBefore(FIRST_STORABLE) || date.isAfter(LAST_STORABLE)) {
                throw invalid();
            }
            return date;
        }

        private <T> T read(int i, Function<String, T> parse) {
            try {
                return parse.apply(parts.get(i));
            } catch (RuntimeException e) {
                throw invalid();
            }
        }
    }
}

package com.lead2cash.platform;

/**
 * Text a person typed, made safe for SQL {@code like}/{@code ilike}: {@code %} and {@code _} match
 * themselves, and a backslash is a backslash (a trailing one would otherwise make PostgreSQL refuse the
 * pattern). One place, so no list's search treats the user's {@code %} as a wildcard.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** The text with {@code \}, {@code %} and {@code _} escaped (PostgreSQL's default escape character). */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any value that contains {@code text}. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}

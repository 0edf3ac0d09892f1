package com.lead2cash.customer;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a page of the timeline ends: entries come newest first, ordered by {@code at} and then by
 * {@code key} (both descending, keys compared as plain strings), so a contributor answers the entries
 * strictly before the cursor. {@link #START} is the top of the timeline.
 */
public record TimelineCursor(Instant at, String key) {

    public static final TimelineCursor START = new TimelineCursor(Instant.MAX, "");

    public boolean isStart() {
        return this.equals(START);
    }

    /** Whether the entry comes after this cursor in the timeline's order (belongs on the next page). */
    public boolean admits(TimelineEntry entry) {
        if (isStart()) {
            return true;
        }
        int byTime = entry.at().compareTo(at);
        return byTime < 0 || (byTime == 0 && entry.key().compareTo(key) < 0);
    }

    /**
     * An SQL predicate for a contributor's query: {@code atColumn} before the cursor, ties broken on
     * {@code keyExpression} in the C collation (the order of {@link String#compareTo}). Bind
     * {@code cursorAt} and {@code cursorKey} with {@link #atParam()} and {@link #key()}.
     */
    public String sqlPredicate(String atColumn, String keyExpression) {
        if (isStart()) {
            return "true";
        }
        return "(" + atColumn + " < :cursorAt or (" + atColumn + " = :cursorAt and (" + keyExpression
                + ") collate \"C\" < :cursorKey))";
    }

    /**
     * A page of a contributor's entries: {@code entries} selects (a union, typically) rows with an {@code at} time
     * and a {@code key}; the page is those before this cursor, newest first, at most {@code :limit} of them. Bind
     * with {@link #bind}.
     */
    public String pageOf(String entries) {
        return "select * from (" + entries + ") x where " + sqlPredicate("x.at", "x.key")
                + " order by x.at desc, x.key collate \"C\" desc limit :limit";
    }

    /** Binds what {@link #sqlPredicate} and {@link #pageOf} name: the cursor and the page's {@code limit}. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, int limit) {
        return statement.param("cursorAt", atParam()).param("cursorKey", key()).param("limit", limit);
    }

    /** The cursor time as a JDBC parameter (a far-future time for the start). */
    public java.sql.Timestamp atParam() {
        return java.sql.Timestamp.from(isStart() ? Instant.parse("9999-12-31T00:00:00Z") : at);
    }
}

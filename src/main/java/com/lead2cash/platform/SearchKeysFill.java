package com.lead2cash.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives rows that exist already their search keys ({@link SearchKeys}), computed by the same code the
 * aggregate uses for new rows: the keys go into a temporary table in batches and are set in one update,
 * so a million rows take a minute, not a million round trips. For a Java migration adding a search-keys
 * column (in Flyway's transaction, before the application serves anything) and for benchmarks that
 * generate rows in SQL.
 */
public final class SearchKeysFill {

    private static final int CHUNK = 10_000;

    /** The keys of one row of the selection. */
    @FunctionalInterface
    public interface RowKeys {
        List<String> of(ResultSet row) throws SQLException;
    }

    private SearchKeysFill() {
    }

    /**
     * Sets {@code table.search_keys} of the rows {@code select} returns; its first column is the row's
     * {@code id} (a uuid), the others are what {@code keys} reads. Answers how many rows were filled.
     */
    public static int fill(Connection c, String table, String select, RowKeys keys) throws SQLException {
        String staging = table + "_search_keys_new";
        try (var st = c.createStatement()) {
            st.execute("create temporary table " + staging + " (id uuid primary key, keys text[] not null)");
        }
        int rows = 0;
        try (PreparedStatement query = c.prepareStatement(select);
             PreparedStatement insert = c.prepareStatement(
                     "insert into " + staging + " values (cast(? as uuid), cast(? as text[]))")) {
            query.setFetchSize(CHUNK);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    insert.setString(1, rs.getString(1));
                    insert.setString(2, arrayLiteral(keys.of(rs)));
                    insert.addBatch();
                    if (++rows % CHUNK == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        try (var st = c.createStatement()) {
            st.executeUpdate("update " + table + " t set search_keys = k.keys from " + staging + " k where t.id = k.id");
            st.execute("drop table " + staging);
        }
        return rows;
    }

    /** A text[] literal; keys are letters, digits, '#' and ':' prefixes, so quoting them is enough. */
    static String arrayLiteral(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        keys.forEach(k -> quoted.add('"' + k + '"'));
        return "{" + String.join(",", quoted) + "}";
    }
}

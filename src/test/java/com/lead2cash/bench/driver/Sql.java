package com.lead2cash.bench.driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plain JDBC for the raw side: a statement with its parameters bound in order, a collection
 * parameter written out as an IN list ({@code (?, ?, …)}, as the product's named parameters are),
 * every row read into plain values.
 */
final class Sql {

    private Sql() {
    }

    /** Runs the query; {@code :list} in the text marks where each collection parameter's IN list goes. */
    static List<Object[]> query(Connection c, String sql, Object... params) throws SQLException {
        return run(c, sql, 0, params);
    }

    /** {@code EXPLAIN (ANALYZE, BUFFERS)} of the statement, as text. */
    static String explain(Connection c, String sql, Object... params) throws SQLException {
        StringBuilder plan = new StringBuilder();
        for (Object[] line : run(c, "explain (analyze, buffers) " + sql, 0, params)) {
            plan.append(line[0]).append('\n');
        }
        return plan.toString();
    }

    /** As {@link #query}, fetching {@code fetchSize} rows at a time (inside a transaction). */
    static List<Object[]> stream(Connection c, String sql, int fetchSize, Object... params) throws SQLException {
        return run(c, sql, fetchSize, params);
    }

    private static List<Object[]> run(Connection c, String sql, int fetchSize, Object... params) throws SQLException {
        StringBuilder text = new StringBuilder();
        List<Object> flat = new ArrayList<>();
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?') {
                Object param = params[p++];
                if (param instanceof Collection<?> items) {
                    text.append(String.join(", ", java.util.Collections.nCopies(Math.max(1, items.size()), "?")));
                    if (items.isEmpty()) {
                        flat.add(null);
                    } else {
                        flat.addAll(items);
                    }
                } else {
                    text.append('?');
                    flat.add(param);
                }
            } else {
                text.append(ch);
            }
        }
        try (PreparedStatement st = c.prepareStatement(text.toString())) {
            if (fetchSize > 0) {
                st.setFetchSize(fetchSize);
            }
            for (int i = 0; i < flat.size(); i++) {
                Object v = flat.get(i);
                st.setObject(i + 1, v instanceof Instant instant ? Timestamp.from(instant) : v);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}

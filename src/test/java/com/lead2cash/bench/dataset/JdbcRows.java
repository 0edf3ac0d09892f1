package com.lead2cash.bench.dataset;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows with plain JDBC batches, one statement per table, each value cast to its column's
 * type — how the raw side of a write stores the same rows the product stores.
 */
public final class JdbcRows {

    private static final List<String> PARENTS = List.of("customer_customer", "lead_lead");

    private final Map<String, Map<String, String>> types = new java.util.concurrent.ConcurrentHashMap<>();

    /** Inserts the rows on the connection (in its current transaction), table by table in first-seen order. */
    public void insert(Connection c, List<MemoryRows.Row> rows) throws SQLException {
        Map<String, List<MemoryRows.Row>> byTable = new LinkedHashMap<>();
        // the rows others refer to first: the lead before its history, reasons and attempts
        rows.stream().filter(r -> PARENTS.contains(r.table()))
                .forEach(r -> byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r));
        rows.stream().filter(r -> !PARENTS.contains(r.table()))
                .forEach(r -> byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r));
        for (var e : byTable.entrySet()) {
            List<String> columns = e.getValue().get(0).columns();
            Map<String, String> typeOf = types(c, e.getKey());
            StringBuilder sql = new StringBuilder("insert into ").append(e.getKey()).append(" (")
                    .append(String.join(", ", columns)).append(") values (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("cast(? as ").append(typeOf.get(columns.get(i))).append(')');
            }
            try (PreparedStatement st = c.prepareStatement(sql.append(')').toString())) {
                for (MemoryRows.Row row : e.getValue()) {
                    for (int i = 0; i < columns.size(); i++) {
                        String text = text(row.values().get(i));
                        if (text == null) {
                            st.setNull(i + 1, Types.VARCHAR);
                        } else {
                            st.setString(i + 1, text);
                        }
                    }
                    st.addBatch();
                }
                st.executeBatch();
            }
        }
    }

    private Map<String, String> types(Connection c, String table) throws SQLException {
        Map<String, String> known = types.get(table);
        if (known != null) {
            return known;
        }
        Map<String, String> t = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
                where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped""")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    t.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        types.put(table, t);
        return t;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> items) {
            StringBuilder b = new StringBuilder("{");
            for (Object item : items) {
                b.append(b.length() > 1 ? "," : "").append('"').append(item).append('"');
            }
            return b.append('}').toString();
        }
        return value.toString();
    }
}

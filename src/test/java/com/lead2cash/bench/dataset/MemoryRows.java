package com.lead2cash.bench.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generated rows kept in memory: for the sample check, and for the raw side of writes. */
public final class MemoryRows implements Rows {

    /** One row: its table, columns and values. */
    public record Row(String table, List<String> columns, List<Object> values) {

        public Object get(String column) {
            int i = columns.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(table + " has no column " + column);
            }
            return values.get(i);
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), values.get(i));
            }
            return m;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    @Override
    public void insert(String table, List<String> columns, Object... values) {
        rows.add(new Row(table, columns, Arrays.asList(values.clone())));
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Row> of(String table) {
        return rows.stream().filter(r -> r.table().equals(table)).toList();
    }
}

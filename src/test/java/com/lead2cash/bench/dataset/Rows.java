package com.lead2cash.bench.dataset;

import java.util.List;

/** Where generated rows go: COPY streams into the database, or memory for the sample check. */
public interface Rows {

    /**
     * One row of {@code table}. Every row of a table names the same columns in the same order; values
     * are Java values (String, UUID, Instant, LocalDate, Number, Boolean, enum, a list of Instants for
     * a timestamptz[] column, or null).
     */
    void insert(String table, List<String> columns, Object... values);
}

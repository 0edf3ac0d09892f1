package com.lead2cash.bench.driver;

import java.sql.Connection;

/**
 * One thing the benchmark measures, with its twin: the product answering over HTTP, and the SQL that
 * reads or writes the same rows over plain JDBC. Both are called as {@code (client, iteration)} so the
 * two sides work through the same inputs.
 *
 * @param name e.g. {@code lead.search.name}
 * @param kind what the targets judge it as (see {@link Kind})
 * @param clients concurrent clients on each side
 * @param product one request to the product; answers an error text, or null when the answer was right
 * @param raw the same rows by SQL, on a connection of its own per client
 */
public record Operation(String name, Kind kind, int clients, ProductCall product, RawCall raw, String description) {

    /** Kinds of operations, each with its latency target. */
    public enum Kind {
        LIST, SEARCH, PAGE, REPORT, WRITE, JOB
    }

    @FunctionalInterface
    public interface ProductCall {
        String call(int client, long iteration) throws Exception;
    }

    @FunctionalInterface
    public interface RawCall {
        void call(Connection connection, int client, long iteration) throws Exception;
    }
}

package com.lead2cash.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How common the commonest search keys of a table are (检索键频率), as PostgreSQL's own statistics
 * count them ({@code pg_stats.most_common_elems} of the keys column, kept by ANALYZE): what
 * {@link SearchKeys#selective} needs to leave the keys out that nearly every row holds. Read at most
 * every ten minutes per column; a table never analysed has none, and every key is then asked for.
 */
@Component
public class SearchKeyStatistics {

    static final Duration REFRESH = Duration.ofMinutes(10);

    /**
     * What the statistics say of a table's keys: the share of rows holding each common key, and the rows of the
     * table ({@code pg_class.reltuples}, kept by the same ANALYZE). {@link #NONE}: nothing known.
     */
    public record Counts(Map<String, Double> frequencies, double rows) {

        public static final Counts NONE = new Counts(Map.of(), 0);

        /** About which share of the rows holds every one of {@code keys}: the rarest key's; 0 when none is common. */
        public double shareHoldingAll(java.util.List<String> keys) {
            return keys.stream().mapToDouble(k -> frequencies.getOrDefault(k, 0.0)).min().orElse(0);
        }

        /** About how many rows hold every one of {@code keys}: the rarest key's; 0 when none is a common key. */
        public double rowsHoldingAll(java.util.List<String> keys) {
            return shareHoldingAll(keys) * rows;
        }
    }

    private record Read(Counts counts, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Read> read = new ConcurrentHashMap<>();

    public SearchKeyStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The share of rows holding each common key of {@code table.column} (a {@code text[]} of keys). */
    public Map<String, Double> frequencies(String table, String column) {
        return counts(table, column).frequencies();
    }

    /** The common keys of {@code table.column} with their shares, and the table's rows. */
    public Counts counts(String table, String column) {
        Instant now = clock.instant();
        Read last = read.get(table + "." + column);
        if (last != null && last.at().plus(REFRESH).isAfter(now)) {
            return last.counts();
        }
        Map<String, Double> frequencies = new HashMap<>();
        double rows = jdbc.sql("select greatest(reltuples, 0) from pg_class where oid = to_regclass(:table)")
                .param("table", table).query(Double.class).optional().orElse(0.0);
        jdbc.sql("""
                select most_common_elems::text::text[] as keys, most_common_elem_freqs as freqs from pg_stats
                where schemaname = current_schema() and tablename = :table and attname = :column""")
                .param("table", table).param("column", column)
                .query(rs -> {
                    java.sql.Array keys = rs.getArray("keys");
                    java.sql.Array freqs = rs.getArray("freqs");
                    if (keys == null || freqs == null) {
                        return;
                    }
                    String[] k = (String[]) keys.getArray();
                    Float[] f = (Float[]) freqs.getArray();
                    // the frequencies end with three figures of their own (least, greatest, nulls)
                    for (int i = 0; i < k.length && i < f.length; i++) {
                        frequencies.put(k[i], f[i].doubleValue());
                    }
                });
        Counts result = new Counts(Map.copyOf(frequencies), rows);
        read.put(table + "." + column, new Read(result, now));
        return result;
    }

    /**
     * The condition narrowing {@code table.search_keys} to the rows that may contain {@code text}: one
     * {@code search_keys @> …} per key set {@link SearchKeys#required} names, or-ed, each without the keys
     * nearly every row holds ({@link SearchKeys#selective}); its parameters go into {@code params}. Null
     * when the text is too short for keys to narrow anything. The caller still checks its real condition:
     * the keys only spare it the rows that cannot match.
     */
    public String narrowing(String table, String text, Map<String, Object> params) {
        java.util.List<java.util.List<String>> keys = SearchKeys.required(text);
        if (keys.isEmpty()) {
            return null;
        }
        java.util.List<String> any = new java.util.ArrayList<>();
        Map<String, Double> common = frequencies(table, "search_keys");
        for (int i = 0; i < keys.size(); i++) {
            any.add("search_keys @> cast(:qKeys" + i + " as text[])");
            params.put("qKeys" + i, "{" + String.join(",", SearchKeys.selective(keys.get(i), common).stream()
                    .map(k -> '"' + k + '"').toList()) + "}");
        }
        return "(" + String.join(" or ", any) + ")";
    }
}

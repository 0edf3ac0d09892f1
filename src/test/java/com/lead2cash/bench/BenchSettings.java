package com.lead2cash.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a benchmark run is set up, from system properties ({@code mvn verify -Pbench -Dbench.size=M …}):
 *
 * <ul>
 *   <li>{@code bench.size} — S, M or L, or several comma-separated (default S);
 *   <li>{@code bench.data} — where the generated databases live, one directory per size (default
 *       {@code target/bench-data}); a database generated once is reused, from a pristine copy;
 *   <li>{@code bench.pristine} — false to keep no pristine copy (default true): a run then starts from the
 *       database as the last run left it (its captures and claims added), for a size whose copy does not fit on
 *       the disk (L with its audit trail: about 45 GB, twice that with the copy);
 *   <li>{@code bench.results} — where reports and the plot go (default {@code target/bench});
 *   <li>{@code bench.warmup}, {@code bench.duration} — seconds of warm-up and measurement per
 *       operation (default 5 and 20);
 *   <li>{@code bench.jit-quiet} — seconds an operation's warm-up may go on after {@code bench.warmup} while
 *       the JIT compilers are still busy ({@link com.lead2cash.bench.driver.WarmUp}; default 60; 0: the warm-up is
 *       fixed);
 *   <li>{@code bench.jvm-warmup} — seconds each selected operation runs, unmeasured, before the first is
 *       measured (default 2): the product's JVM then compiles the paths every operation shares (security, MVC,
 *       templates) before any is timed, as on a server that has been up a while;
 *   <li>{@code bench.max-requests} — bound on requests per measured operation (default 20 000);
 *   <li>{@code bench.clients} — concurrent clients for reads (default 4); writes use 8;
 *   <li>{@code bench.port} — the product's HTTP port (default 0: any free one);
 *   <li>{@code bench.ops} — only operations whose name contains one of these comma-separated words;
 *   <li>{@code bench.seed} — the generator's seed (default 20261201);
 *   <li>{@code bench.profile} — true to record a JFR profile of the product side of each operation;
 *   <li>{@code bench.jdbc-url}, {@code bench.jdbc-user}, {@code bench.jdbc-password} — an external
 *       PostgreSQL instead of the embedded one (its database is filled once, never restored).
 * </ul>
 */
public record BenchSettings(List<BenchSize> sizes, Path data, Path results, Duration warmup, Duration duration,
                            Duration jitQuiet, Duration jvmWarmup, int maxRequests, int readClients, int writeClients, int port, List<String> ops, long seed,
                            boolean profile, boolean pristine, String jdbcUrl, String jdbcUser, String jdbcPassword) {

    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Arrays.stream(prop("bench.size", "S").split(",")).map(String::strip).map(BenchSize::valueOf).toList(),
                Path.of(prop("bench.data", "target/bench-data")).toAbsolutePath(),
                Path.of(prop("bench.results", "target/bench")).toAbsolutePath(),
                Duration.ofMillis((long) (Double.parseDouble(prop("bench.warmup", "5")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(prop("bench.duration", "20")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(prop("bench.jit-quiet", "60")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(prop("bench.jvm-warmup", "2")) * 1000)),
                Integer.parseInt(prop("bench.max-requests", "20000")),
                Integer.parseInt(prop("bench.clients", "4")),
                Integer.parseInt(prop("bench.write-clients", "8")),
                Integer.parseInt(prop("bench.port", "0")),
                prop("bench.ops", "").isBlank() ? List.of()
                        : Arrays.stream(prop("bench.ops", "").split(",")).map(String::strip).toList(),
                Long.parseLong(prop("bench.seed", "20261201")),
                Boolean.parseBoolean(prop("bench.profile", "false")),
                Boolean.parseBoolean(prop("bench.pristine", "true")),
                blankToNull(prop("bench.jdbc-url", "")), prop("bench.jdbc-user", "postgres"),
                prop("bench.jdbc-password", "postgres"));
    }

    public boolean external() {
        return jdbcUrl != null;
    }

    public boolean selected(String operation) {
        return ops.isEmpty() || ops.stream().anyMatch(operation::contains);
    }

    private static String prop(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

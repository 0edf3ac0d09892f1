package com.lead2cash.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Who spent the machine's CPU while an operation was measured: the product's request threads, the database
 * server's processes, the driver's clients, the JIT compilers, garbage collection and the JVM's other threads
 * (background tasks, the pool). All share the two cores, so a request's throughput is bounded by their sum, and
 * the split says which to make cheaper. Read from Linux's {@code /proc} in clock ticks (10 ms): this JVM's
 * threads by name, the database's processes as the postmaster's children; a database on another machine is not
 * counted.
 */
public final class CpuUse {

    /** What each group is called in a report, in the order it prints. */
    public static final List<String> GROUPS = List.of("product", "database", "driver", "jit", "gc", "other");
    private static final double TICK_MS = 10;
    private static final String JVM = "jvm";
    private static final String THREAD = "thread:";
    private static final String OTHER = "other";

    private final String postmaster;

    private CpuUse(String postmaster) {
        this.postmaster = postmaster;
    }

    /** {@code database}: the server whose processes count; null counts this JVM only. */
    public static CpuUse of(DataSource database) {
        return new CpuUse(database == null ? null : postmaster(database));
    }

    /**
     * The database server that runs the backend process {@code backendPid} ({@code select pg_backend_pid()}); none
     * when no PostgreSQL process has that number here (a server on another machine).
     */
    public static CpuUse ofBackend(int backendPid) {
        Stat backend = Stat.read(Path.of("/proc", String.valueOf(backendPid), "stat"));
        return new CpuUse(backend == null || !backend.name().equals("postgres") ? null : backend.parent());
    }

    /**
     * Clock ticks spent so far: each live thread of this JVM in a named group ({@code thread:<id>:<group>}), the
     * whole JVM ({@code jvm}, which keeps the time of threads that have ended; the rest of it is {@code other}) and
     * the database ({@code database}).
     */
    public Map<String, Long> now() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Stat jvm = Stat.read(Path.of("/proc/self/stat"));
        if (jvm == null) {
            return Map.of();
        }
        ticks.put(JVM, jvm.ticks());
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                Stat stat = Stat.read(task.resolve("stat"));
                String group = stat == null ? OTHER : group(stat.name());
                if (!group.equals(OTHER)) {
                    ticks.put(THREAD + task.getFileName() + ":" + group, stat.ticks());
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        ticks.put("database", databaseTicks());
        return ticks;
    }

    /**
     * Milliseconds of CPU per request between two readings, by group, and their total. A group is what its threads
     * alive at the second reading spent since the first (or since they started). {@code other} is the rest of what
     * the JVM spent: its other threads, and threads that ended in between (an idle pool thread that ends takes
     * its earlier time with it, which would otherwise count against its group).
     */
    public static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> ms = new LinkedHashMap<>();
        if (requests == 0 || before.isEmpty() || after.isEmpty()) {
            return ms;
        }
        Map<String, Long> spent = new LinkedHashMap<>();
        GROUPS.forEach(g -> spent.put(g, 0L));
        long named = 0;
        for (var thread : after.entrySet()) {
            String key = thread.getKey();
            if (key.startsWith(THREAD) && !key.endsWith(":" + OTHER)) {
                long ticks = Math.max(0, thread.getValue() - before.getOrDefault(key, 0L));
                spent.merge(key.substring(key.lastIndexOf(':') + 1), ticks, Long::sum);
                named += ticks;
            }
        }
        spent.put(OTHER, Math.max(0, after.getOrDefault(JVM, 0L) - before.getOrDefault(JVM, 0L) - named));
        spent.put("database", Math.max(0, after.getOrDefault("database", 0L) - before.getOrDefault("database", 0L)));
        long total = spent.values().stream().mapToLong(Long::longValue).sum();
        spent.forEach((group, ticks) -> ms.put(group, Math.round(ticks * TICK_MS / requests * 100) / 100.0));
        ms.put("total", Math.round(total * TICK_MS / requests * 100) / 100.0);
        return ms;
    }

    /** A JVM thread's group by its name (as /proc keeps it: the first 15 characters). */
    static String group(String thread) {
        if (thread.startsWith("http-nio")) {
            return "product";
        }
        if (thread.startsWith("bench-client") || thread.startsWith("HttpClient")) {
            return "driver";
        }
        if (thread.contains("CompilerThre")) {
            return "jit";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
            return "gc";
        }
        return OTHER;
    }

    /** Clock ticks the database server's processes have spent (0 when it does not run on this machine). */
    public long databaseTicks() {
        if (postmaster == null) {
            return 0;
        }
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                Stat stat = Stat.read(dir.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                if (dir.getFileName().toString().equals(postmaster)) {
                    // a backend that has ended (a closed connection) is counted in its parent's children's time
                    ticks += stat.ticks() + stat.childrenTicks();
                } else if (stat.parent().equals(postmaster)) {
                    ticks += stat.ticks();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** The server process of the database behind {@code database}, when it runs on this machine. */
    private static String postmaster(DataSource database) {
        try (Connection c = database.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ofBackend(rs.getInt(1)).postmaster;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The parts of /proc/<pid>/stat read here (proc(5): the name in parentheses, then ppid, …, utime, stime, and the
     * ended children's cutime, cstime).
     */
    private record Stat(String name, String parent, long ticks, long childrenTicks) {

        static Stat read(Path file) {
            try {
                String text = Files.readString(file);
                String[] after = text.substring(text.lastIndexOf(')') + 2).split(" ");
                String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
                return new Stat(name, after[1], Long.parseLong(after[11]) + Long.parseLong(after[12]),
                        Long.parseLong(after[13]) + Long.parseLong(after[14]));
            } catch (IOException | RuntimeException gone) {
                return null; // the thread or process ended meanwhile
            }
        }
    }
}

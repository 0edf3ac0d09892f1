package com.lead2cash.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM and by the database server's processes: on a machine shared with other
 * work the wall time says little, the CPU a row costs says what a quiet 2-core machine would take.
 */
final class CpuMeter {

    private final JdbcClient jdbc;
    private final long jvmStart;
    private final long workersStart;
    private final long databaseStart;

    /** Starts counting now; {@code jdbc} reaches the database whose server processes are counted. */
    CpuMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.jvmStart = jvmNanos();
        this.workersStart = workerNanos();
        this.databaseStart = databaseTicks();
    }

    double jvmSeconds() {
        return (jvmNanos() - jvmStart) / 1e9;
    }

    /** The import's own thread: db-scheduler's workers (the rest of the JVM is GC, JIT and this bench polling). */
    double workerSeconds() {
        return (workerNanos() - workersStart) / 1e9;
    }

    private static long workerNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("db-scheduler-pool"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    double databaseSeconds() {
        return (databaseTicks() - databaseStart) / 100.0;
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime (clock ticks) of the PostgreSQL server process and all its children. */
    private long databaseTicks() {
        int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
        try {
            String postmaster = field(Path.of("/proc", String.valueOf(backend), "stat"), 3);
            long ticks = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        Path stat = dir.resolve("stat");
                        if (dir.getFileName().toString().equals(postmaster) || field(stat, 3).equals(postmaster)) {
                            ticks += Long.parseLong(field(stat, 13)) + Long.parseLong(field(stat, 14));
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Field {@code index} (0-based, as proc(5) numbers them from 1 minus one) of /proc/<pid>/stat. */
    private static String field(Path stat, int index) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return fields[index - 2];
    }
}

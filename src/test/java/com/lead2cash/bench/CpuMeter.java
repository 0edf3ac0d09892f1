package com.lead2cash.bench;

import com.lead2cash.bench.driver.CpuUse;
import java.lang.management.ManagementFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM and by the database server's processes: on a machine shared with other
 * work the wall time says little, the CPU a row costs says what a quiet 2-core machine would take.
 */
final class CpuMeter {

    private final CpuUse database;
    private final long jvmStart;
    private final long workersStart;
    private final long databaseStart;

    /** Starts counting now; {@code jdbc} reaches the database whose server processes are counted. */
    CpuMeter(JdbcClient jdbc) {
        this.database = CpuUse.ofBackend(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
        this.jvmStart = jvmNanos();
        this.workersStart = workerNanos();
        this.databaseStart = database.databaseTicks();
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
        return (database.databaseTicks() - databaseStart) / 100.0;
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}

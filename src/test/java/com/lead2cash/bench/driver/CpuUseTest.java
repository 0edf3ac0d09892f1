package com.lead2cash.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.TestPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void threadsAreGroupedByTheNamesProcKeeps() {
        assertThat(CpuUse.group("http-nio-auto-1")).isEqualTo("product");
        assertThat(CpuUse.group("bench-client-7")).isEqualTo("driver");
        assertThat(CpuUse.group("HttpClient-1-Wo")).isEqualTo("driver");
        assertThat(CpuUse.group("C2 CompilerThre")).isEqualTo("jit");
        assertThat(CpuUse.group("C1 CompilerThre")).isEqualTo("jit");
        assertThat(CpuUse.group("GC Thread#1")).isEqualTo("gc");
        assertThat(CpuUse.group("G1 Conc#0")).isEqualTo("gc");
        assertThat(CpuUse.group("db-scheduler-pool-1")).isEqualTo("other");
    }

    @Test
    void aDriverThreadsCpuIsCountedAsTheDrivers() throws Exception {
        CpuUse cpu = CpuUse.of(null);
        Map<String, Long> before = cpu.now();
        AtomicLong spun = new AtomicLong();
        CountDownLatch spent = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Thread client = new Thread(() -> {
            var threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
            while (threads.getCurrentThreadCpuTime() < until) {
                spun.incrementAndGet();
            }
            spent.countDown();
            try {
                read.await(); // as the load driver's clients do: a thread that has ended leaves /proc
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-client-0");
        client.start();
        spent.await();
        Map<String, Long> after = cpu.now();
        read.countDown();
        client.join();

        assertThat(spun.get()).isPositive();
        // 300 ms of one thread's CPU, in ticks of 10 ms; the kernel's and the JVM's accounts round differently
        assertThat(CpuUse.perRequest(before, after, 1).get("driver")).isBetween(250.0, 400.0);
    }

    @Test
    void theDatabaseServersProcessesAreCounted() throws Exception {
        DataSource database = TestPostgres.server().getPostgresDatabase();
        CpuUse cpu = CpuUse.of(database);
        long before = cpu.databaseTicks();
        long after;
        // read while the connection is open, as the benchmark's pooled connections are: a backend that has just
        // ended may not be counted until its server has reaped it
        try (Connection c = database.getConnection()) {
            c.createStatement().execute("select sum(sqrt(i)) from generate_series(1, 5000000) i");
            after = cpu.databaseTicks();
        }
        assertThat(before).isPositive();
        assertThat(after - before).as("a query of about half a second").isGreaterThan(10);
        // an external server's backend number may belong to some other process here: it counts nothing
        assertThat(CpuUse.ofBackend((int) ProcessHandle.current().pid()).databaseTicks()).isZero();
    }

    @Test
    void perRequestCountsWhatEachGroupsThreadsSpentMeanwhile() {
        Map<String, Long> before = Map.of("thread:1:product", 100L, "thread:2:driver", 0L, "thread:3:jit", 7L,
                "thread:4:driver", 40L, "thread:9:other", 1L, "database", 50L, "jvm", 200L);
        // thread 4 (an idle pool thread) ended, thread 5 started; the JVM keeps what every thread spent
        Map<String, Long> after = Map.of("thread:1:product", 200L, "thread:2:driver", 25L, "thread:3:jit", 7L,
                "thread:5:gc", 5L, "thread:9:other", 1L, "database", 125L, "jvm", 340L);

        Map<String, Double> ms = CpuUse.perRequest(before, after, 250);

        // other: the JVM's 140 ticks less the named threads' 130 (thread 4's 40 earlier ticks count nowhere)
        assertThat(ms).containsEntry("product", 4.0).containsEntry("database", 3.0).containsEntry("driver", 1.0)
                .containsEntry("jit", 0.0).containsEntry("gc", 0.2).containsEntry("other", 0.4)
                .containsEntry("total", 8.6);
        assertThat(CpuUse.perRequest(before, after, 0)).isEmpty();
    }

    @Test
    void aReportShowsEachSidesCpuPerRequest() {
        Histogram latencies = new Histogram(1_000_000, 3);
        latencies.recordValue(5_000);
        Measurement product = Measurement.of(latencies, 0, 1, List.of(), Map.of("product", 4.1, "database", 3.2,
                "driver", 1.2, "jit", 1.0, "gc", 0.0, "other", 0.1, "total", 9.6), 43.5);
        Measurement raw = Measurement.of(latencies, 0, 1, List.of(), Map.of("database", 2.5, "driver", 1.0,
                "total", 3.5), 5);
        Report.Line line = Report.line(new Operation("lead.create.api", Operation.Kind.WRITE, 8, (c, i) -> null,
                (conn, c, i) -> { }, "capture"), product, raw);

        String md = Report.markdown(new Report.Run("S", "a", "b", Map.of(), Map.of(), Map.of(), List.of(),
                List.of(line)));

        assertThat(md).contains("| operation | side | warm-up (s) | product | database | driver | jit | gc | other | total |")
                .contains("| lead.create.api | product | 43.5 | 4.10 | 3.20 | 1.20 | 1.00 | 0.00 | 0.10 | 9.60 |")
                .contains("| lead.create.api | raw | 5.00 | 0.00 | 2.50 | 1.00 | 0.00 | 0.00 | 0.00 | 3.50 |")
                .contains("more than 5 % of the CPU");
    }
}

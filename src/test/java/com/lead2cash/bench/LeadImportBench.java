package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark (not part of {@code mvn verify}; run with {@code mvn verify -Pbench -Dtest=LeadImportBench}):
 * imports generated lead rows through the API — every row the whole lead SOP — and prints the time,
 * the rate and the heap. It asserts the outcome, never the time; the figures go to docs/performance.md.
 */
@IntegrationTest
@TestPropertySource(properties = "l2c.lead.import.max-rows=100000")
class LeadImportBench {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;

    /** {@code series} (0–9) keeps the phone numbers of different files apart; a quarter of the rows to each territory. */
    private byte[] rows(LeadTestSupport.Company company, String prefix, int series, int count) {
        Random random = new Random(42);
        String[] industries = {"制造业", "软件和信息技术服务业", "餐饮业", "金融业", "交通运输业"};
        String[] regions = {company.region(), company.westRegion(), "北京", "广东"};
        StringBuilder csv = new StringBuilder("公司名称*,来源渠道*,行业,区域,联系人,电话,预算（元）,计划采购日期,联系人有决策权\r\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",展会,").append(industries[random.nextInt(industries.length)])
                    .append(',').append(regions[random.nextInt(regions.length)]).append(",联系人").append(i)
                    .append(",13").append(series).append(String.format("%08d", i))
                    .append(',').append(50_000 + random.nextInt(500_000))
                    .append(',').append(support.today().plusDays(random.nextInt(200))).append(',')
                    .append(random.nextBoolean() ? "是" : "否").append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * CPU time spent by this JVM and by the database server's processes: on a machine shared with other
     * work the wall time says little, the CPU a row costs says what a quiet 2-core machine would take.
     */
    private final class CpuMeter {
        private final long jvmStart = jvmNanos();
        private final long workersStart = workerNanos();
        private final long databaseStart = databaseTicks();

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

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Uploads the rows and waits for the import to finish; answers its final status and the seconds it took. */
    private JsonNode importRows(LeadTestSupport.Company company, String bearer, String prefix, int series, int count,
                                long[] millis) {
        byte[] file = rows(company, prefix, series, count);
        long started = System.nanoTime();
        var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", prefix + ".csv", "text/csv", file))
                .param("mode", "VALID_ROWS").header(HttpHeaders.AUTHORIZATION, bearer).exchange();
        assertThat(result).hasStatus(202);
        String id = support.json(result).get("id").asString();
        JsonNode status = Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> support.getJson(mvc, bearer, "/api/v1/leads/imports/" + id),
                        s -> !s.get("state").asString().matches("RECEIVING|QUEUED|RUNNING"));
        millis[0] = (System.nanoTime() - started) / 1_000_000;
        return status;
    }

    @Test
    void importTenThousandRows() {
        LeadTestSupport.Company company = support.company(mvc, "bench10k");
        String admin = support.bearer(mvc, "admin");
        importRows(company, admin, "预热公司", 1, 2000, new long[1]);
        long[] took = new long[1];
        CpuMeter cpu = new CpuMeter();
        JsonNode status = importRows(company, admin, "基准测试公司", 2, 10_000, took);
        System.out.printf("BENCH lead import: %d rows in %.1f s (%.0f rows/s), state %s; CPU: JVM %.1f s (import thread %.1f s)"
                        + " + database %.1f s; load average %.1f%n", 10_000, took[0] / 1000.0, 10_000 * 1000.0 / took[0],
                status.get("state").asString(), cpu.jvmSeconds(), cpu.workerSeconds(), cpu.databaseSeconds(), load());
        assertThat(status.get("imported").asInt()).isEqualTo(10_000);
        // every lead went the whole SOP path: graded, screened (L1), routed, and when assigned notified (L6) with L7 open
        assertThat(jdbc.sql("""
                select count(*) from lead_lead l where company_name like '基准测试公司%' and not exists (
                  select 1 from sop_deadline d where d.subject_type = 'Lead' and d.subject_id = l.id::text and d.rule_id = 'L1')""")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from lead_lead l where company_name like '基准测试公司%' and owner_id is not null and (
                  select count(*) from sop_deadline d where d.subject_type = 'Lead' and d.subject_id = l.id::text
                    and d.rule_id in ('L6', 'L7')) <> 2""").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from lead_lead l where company_name like '基准测试公司%' and not exists (
                  select 1 from platform_audit_event a where a.entity_type = 'Lead' and a.entity_id = l.id::text)""")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void importOneHundredThousandRowsInBoundedMemory() {
        LeadTestSupport.Company company = support.company(mvc, "bench100k");
        String admin = support.bearer(mvc, "admin");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakLive = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        // a full collection every few seconds: what is left is what the import really holds
        sampler.scheduleAtFixedRate(() -> {
            memory.gc();
            peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }, 1, 5, TimeUnit.SECONDS);
        long[] took = new long[1];
        CpuMeter cpu = new CpuMeter();
        JsonNode status;
        try {
            status = importRows(company, admin, "十万行公司", 3, 100_000, took);
        } finally {
            sampler.shutdownNow();
        }
        System.out.printf("BENCH lead import: %d rows in %.1f s (%.0f rows/s), heap before %d MB, highest live during %d MB;"
                        + " CPU: JVM %.1f s (import thread %.1f s) + database %.1f s; load average %.1f%n", 100_000,
                took[0] / 1000.0, 100_000 * 1000.0 / took[0], before >> 20, peakLive.get() >> 20, cpu.jvmSeconds(),
                cpu.workerSeconds(), cpu.databaseSeconds(), load());
        assertThat(status.get("imported").asInt()).isEqualTo(100_000);
        assertThat(peakLive.get() - before).isLessThan(128L << 20);
    }
}

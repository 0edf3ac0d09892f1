package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LiveHeap;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
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
        JsonNode status = support.finishedImport(mvc, bearer, id, Duration.ofMinutes(30), Duration.ofSeconds(1));
        millis[0] = (System.nanoTime() - started) / 1_000_000;
        return status;
    }

    @Test
    void importTenThousandRows() {
        BenchDurability.assertDurable(jdbc);
        LeadTestSupport.Company company = support.company(mvc, "bench10k");
        String admin = support.bearer(mvc, "admin");
        importRows(company, admin, "预热公司", 1, 2000, new long[1]);
        long[] took = new long[1];
        CpuMeter cpu = new CpuMeter(jdbc);
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
        BenchDurability.assertDurable(jdbc);
        LeadTestSupport.Company company = support.company(mvc, "bench100k");
        String admin = support.bearer(mvc, "admin");
        long[] took = new long[1];
        long before;
        long peakLive;
        CpuMeter cpu = new CpuMeter(jdbc);
        JsonNode status;
        // a full collection every second: what is left is what the import really holds
        try (LiveHeap heap = new LiveHeap()) {
            before = heap.collect();
            heap.sampleEverySecond();
            status = importRows(company, admin, "十万行公司", 3, 100_000, took);
            peakLive = heap.peak();
        }
        System.out.printf("BENCH lead import: %d rows in %.1f s (%.0f rows/s), heap before %d MB, highest live during %d MB;"
                        + " CPU: JVM %.1f s (import thread %.1f s) + database %.1f s; load average %.1f%n", 100_000,
                took[0] / 1000.0, 100_000 * 1000.0 / took[0], before >> 20, peakLive >> 20, cpu.jvmSeconds(),
                cpu.workerSeconds(), cpu.databaseSeconds(), load());
        assertThat(status.get("imported").asInt()).isEqualTo(100_000);
        assertThat(peakLive - before).isLessThan(128L << 20);
    }
}

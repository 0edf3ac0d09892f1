package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark (not part of {@code mvn verify}; {@code mvn verify -Pbench -Dtest=CustomerImportBench}): a sales
 * manager imports 10 000 customers of their team (a company moving its accounts from another CRM) through
 * the API, each row checked, duplicate-checked against the customers and the file, given its search keys,
 * its contact, its audit entry and its follow-up clock, as issue 13 measures it. It asserts the outcome,
 * never the time; the figures go to docs/performance.md.
 */
@IntegrationTest
class CustomerImportBench {

    /** Reps of the importing team: the policy's C7 holding limit (200 by default) caps each rep's private customers. */
    private static final int REPS = 60;

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private static byte[] rows(String prefix, List<String> owners, int series, int count) {
        Random random = new Random(series);
        String[] industries = {"制造业", "软件和信息技术服务业", "批发和零售业", "金融业", "交通运输业"};
        String[] regions = {"浙江省杭州市", "江苏省苏州市", "上海", "广东省深圳市", "北京"};
        String[] sizes = {"小型", "中型", "大型"};
        String[] grades = {"A", "B", "B", "C", "C", "C"};
        StringBuilder csv = new StringBuilder("客户名称*,行业,规模,区域,客户等级,负责人（用户名）,联系人,联系人电话\r\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append("有限公司,").append(industries[random.nextInt(industries.length)])
                    .append(',').append(sizes[random.nextInt(sizes.length)]).append(',')
                    .append(regions[random.nextInt(regions.length)]).append(',')
                    .append(grades[random.nextInt(grades.length)]).append(',').append(owners.get(i % owners.size()))
                    .append(",联系人").append(i).append(",13").append(series).append(String.format("%08d", i)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads the rows and waits for the import to finish; answers its final status and the milliseconds it took. */
    private JsonNode importRows(String bearer, byte[] file, long[] millis) {
        long started = System.nanoTime();
        var result = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", "customers.csv", "text/csv", file))
                .param("mode", "VALID_ROWS").header(HttpHeaders.AUTHORIZATION, bearer).exchange();
        assertThat(result).hasStatus(202);
        String id = support.json(result).get("id").asString();
        JsonNode status = Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> support.getJson(mvc, bearer, "/api/v1/customers/imports/" + id),
                        s -> !s.get("state").asString().matches("RECEIVING|QUEUED|RUNNING"));
        millis[0] = (System.nanoTime() - started) / 1_000_000;
        return status;
    }

    @Test
    void importTenThousandCustomers() {
        BenchDurability.assertDurable(jdbc);
        var company = support.company("cbench");
        List<String> reps = IntStream.range(0, REPS).mapToObj(i -> fixtures.user("cbench-rep" + i, company.east(),
                LocalDate.of(2020, 1, 1), Role.SALES_REP).username()).toList();
        String manager = support.bearer(mvc, company.eastManager());
        // warm-up: the same path, a tenth of the rows, other reps' room
        JsonNode warm = importRows(manager, rows("预热客户", reps, 1, 1_000), new long[1]);
        assertThat(warm.get("imported").asInt()).isEqualTo(1_000);

        long[] took = new long[1];
        CpuMeter cpu = new CpuMeter(jdbc);
        JsonNode status = importRows(manager, rows("基准导入客户", reps, 2, 10_000), took);
        System.out.printf("BENCH customer import: %d rows in %.1f s (%.0f rows/s), state %s; CPU: JVM %.1f s (import thread"
                        + " %.1f s) + database %.1f s; load average %.1f%n", 10_000, took[0] / 1000.0,
                10_000 * 1000.0 / took[0], status.get("state").asString(), cpu.jvmSeconds(), cpu.workerSeconds(),
                cpu.databaseSeconds(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("imported").asInt()).isEqualTo(10_000);
        // every customer the whole path: its search keys, its contact, its audit entry, its follow-up clock
        assertThat(jdbc.sql("""
                select count(*) from customer_customer c where c.name like '基准导入客户%' and c.name_folded <> ''
                  and exists (select 1 from customer_contact k where k.customer_id = c.id)
                  and exists (select 1 from platform_audit_event a where a.entity_type = 'Customer' and a.entity_id = c.id::text)
                  and c.follow_up_due_at is not null""").query(Integer.class).single()).isEqualTo(10_000);
        assertThat(support.getJson(mvc, manager, "/api/v1/customers?q={q}", "基准导入客户9999").get("items").size())
                .isEqualTo(1);
    }
}

package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark (not part of {@code mvn verify}; run with {@code mvn verify -Pbench}): imports 10 000
 * generated lead rows through the API and prints the time and rate. It asserts the outcome, never
 * the time; the figures go to docs/performance.md.
 */
@IntegrationTest
class LeadImportBench {

    static final int ROWS = 10_000;

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;

    @Test
    void importTenThousandRows() throws Exception {
        LeadTestSupport.Company co = support.company(mvc, "bench");
        Random random = new Random(42);
        String[] industries = {"制造业", "软件和信息技术服务业", "餐饮业", "金融业", "交通运输业"};
        String[] regions = {co.region(), co.westRegion(), "北京", "广东"};
        StringBuilder csv = new StringBuilder("公司名称*,来源渠道*,行业,区域,联系人,电话,预算（元）,计划采购日期,联系人有决策权\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("基准测试公司").append(i).append(",展会,").append(industries[random.nextInt(industries.length)])
                    .append(',').append(regions[random.nextInt(regions.length)]).append(",联系人").append(i)
                    .append(",139").append(String.format("%08d", i)).append(',').append(50_000 + random.nextInt(500_000))
                    .append(',').append(support.today().plusDays(random.nextInt(200))).append(',')
                    .append(random.nextBoolean() ? "是" : "否").append("\r\n");
        }
        String admin = support.bearer(mvc, "admin");
        // elapsed time on the monotonic timer: a measurement, not a reading of the business clock
        long started = System.nanoTime();
        var result = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "bench.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                .param("mode", "VALID_ROWS").header(HttpHeaders.AUTHORIZATION, admin).exchange();
        String id = support.json(result).get("id").asString();
        JsonNode status = Awaitility.await("import finished").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> support.getJson(mvc, admin, "/api/v1/leads/imports/" + id),
                        s -> !"RUNNING".equals(s.get("state").asString()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("BENCH lead import: %d rows in %.1f s (%.0f rows/s), state %s%n", ROWS,
                took.toMillis() / 1000.0, ROWS * 1000.0 / took.toMillis(), status.get("state").asString());
        assertThat(status.get("imported").asInt()).isEqualTo(ROWS);
    }
}

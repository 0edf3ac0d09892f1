package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A customer import starts as soon as its upload commits: the node is woken for it, so the uploader
 * does not wait for the scheduler's next poll (an hour here).
 */
@IntegrationTest
@TestPropertySource(properties = "l2c.scheduler.polling-interval=1h")
class CustomerImportStartTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;

    @Test
    void anImportRunsAtOnceNotAtTheSchedulersNextPoll() {
        var company = support.company("imps");
        String rep = support.bearer(mvc, company.eastRep());
        var started = mvc.post().uri("/api/v1/customers/imports").multipart()
                .file(new MockMultipartFile("file", "customers.csv", "text/csv",
                        "客户名称,行业\r\n立即导入有限公司,软件\r\n".getBytes(StandardCharsets.UTF_8)))
                .param("mode", "VALID_ROWS").header(HttpHeaders.AUTHORIZATION, rep).exchange();
        assertThat(started).hasStatus(202);
        String id = support.json(started).get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> support.getJson(mvc, rep, "/api/v1/customers/imports/" + id).get("state").asString(),
                        "DONE"::equals);
        assertThat(support.getJson(mvc, rep, "/api/v1/customers?q={q}", "立即导入").get("items").size()).isEqualTo(1);
    }
}

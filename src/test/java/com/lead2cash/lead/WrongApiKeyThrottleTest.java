package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Wrong web-to-lead keys (unknown, revoked, malformed) count against the client address like failed sign-ins:
 * after {@code l2c.security.address-max-failures} (10) in a window, the address is answered 429 before its key is
 * looked up, even a valid one, until the window ends (decision 0037); other addresses are not affected.
 */
@IntegrationTest
@Import(TestClock.class)
class WrongApiKeyThrottleTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    private String issueKey(String name) {
        return support.postJson(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-api-keys",
                "{\"name\":\"" + name + "\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":100}").get("apiKey").asString();
    }

    private MvcTestResult submit(String address, String apiKey, String company) {
        var request = mvc.post().uri("/api/v1/public/leads").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content("{\"companyName\":\"" + company + "\"}");
        return (apiKey == null ? request : request.header("X-Api-Key", apiKey)).exchange();
    }

    private int leadsNamed(String name) {
        return jdbc.sql("select count(*) from lead_lead where company_name = :n").param("n", name).query(Integer.class).single();
    }

    @Test
    void tenWrongKeysFromOneAddressAreAnswered429UntilTheWindowEndsEvenForAValidKey() {
        String key = issueKey("节流官网");
        String revoked = issueKey("已吊销");
        String admin = support.bearer(mvc, "admin");
        String revokedId = support.getJson(mvc, admin, "/api/v1/lead-api-keys").get("items").valueStream()
                .filter(k -> k.get("name").asString().equals("已吊销")).findFirst().orElseThrow().get("id").asString();
        assertThat(mvc.delete().uri("/api/v1/lead-api-keys/" + revokedId).header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatus(HttpStatus.NO_CONTENT);

        for (int i = 0; i < 10; i++) {
            String wrong = switch (i % 3) {
                case 0 -> "l2cw_unknown-" + i;
                case 1 -> revoked;
                default -> "not-even-a-key-" + i;
            };
            assertThat(submit("10.9.1.1", wrong, "错钥匙公司" + i)).as("wrong key " + i).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        MvcTestResult throttled = submit("10.9.1.1", key, "节流公司");
        assertThat(throttled).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.code").isEqualTo("error.addressThrottled");
        assertThat(throttled.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
        assertThat(submit("10.9.1.1", "l2cw_unknown-again", "节流公司")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(leadsNamed("节流公司")).as("nothing created while throttled").isZero();

        assertThat(submit("10.9.1.2", key, "别处公司")).as("another address is not affected").hasStatus(HttpStatus.CREATED);
        assertThat(leadsNamed("别处公司")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(15));
        assertThat(submit("10.9.1.1", key, "窗口后公司")).as("the next window").hasStatus(HttpStatus.CREATED);
        assertThat(leadsNamed("窗口后公司")).isEqualTo(1);
    }

    @Test
    void parallelWrongKeysFromOneAddressGetNoMoreThanTheLimitOf401s() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String wrong = "l2cw_parallel-" + i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return submit("10.9.4.1", wrong, "并发错钥匙").getResponse().getStatus();
                }));
            }
            start.countDown();
            int unauthorized = 0;
            int throttled = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 401) {
                    unauthorized++;
                } else if (status == 429) {
                    throttled++;
                }
            }
            assertThat(unauthorized).as("guesses answered").isEqualTo(10);
            assertThat(throttled).as("the rest refused").isEqualTo(30);
        } finally {
            threads.shutdownNow();
        }
        assertThat(leadsNamed("并发错钥匙")).isZero();
    }

    @Test
    void aMissingKeyIsRefusedButNotCountedAsAGuess() {
        String key = issueKey("无钥匙官网");
        for (int i = 0; i < 12; i++) {
            assertThat(submit("10.9.2.1", null, "无钥匙公司")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(submit("10.9.2.1", key, "有钥匙公司")).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void wrongKeysDoNotThrottleSignInsFromTheSameAddress() {
        for (int i = 0; i < 10; i++) {
            submit("10.9.3.1", "l2cw_unknown-" + i, "错钥匙");
        }
        assertThat(submit("10.9.3.1", "l2cw_unknown-x", "错钥匙")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(mvc.post().uri("/api/v1/auth/token").with(r -> {
            r.setRemoteAddr("10.9.3.1");
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"admin\",\"password\":\""
                + com.lead2cash.testing.Fixtures.ADMIN_PASSWORD + "\"}")).as("a count of its own").hasStatus(HttpStatus.OK);
    }
}

package com.lead2cash.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Browser;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.MutableClock;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * A rep writes the needs-analysis report after the interview and sends it; the customer's contact opens
 * the link on a phone, in a browser that has never seen the application, and confirms by typing their
 * name; the rep sees it confirmed (C6, SPEC §5 "Customer confirmations").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate",
                "l2c.lead.jobs-delay=1h"})
class NeedsConfirmationBrowserTest {

    // Tuesday 14:00 in Shanghai; the interview was at 10:00
    static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private JsonNode api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return fixtures.mapper().readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void theRepSendsTheReportAndTheContactConfirmsItOnAPhone() throws Exception {
        UUID unit = fixtures.unit("华东（需求测试）");
        fixtures.user("needs.rep", unit, LocalDate.of(2022, 3, 1), Role.SALES_REP);
        String token = api("POST", "/api/v1/auth/token", null,
                "{\"username\":\"needs.rep\",\"password\":\"" + Fixtures.PASSWORD + "\"}").get("token").asString();
        String customerId = api("POST", "/api/v1/customers", token, "{\"name\":\"杭州确认测试有限公司\",\"industry\":\"制造业\"}")
                .get("id").asString();
        api("POST", "/api/v1/customers/" + customerId + "/contacts", token,
                "{\"name\":\"王伟\",\"title\":\"总经理\",\"email\":\"wang.wei@customer.test\",\"role\":\"DECISION_MAKER\"}");
        String base = "http://localhost:" + port;

        Page rep = browser.newPage("zh-CN");
        rep.navigate(base + "/login");
        rep.fill("#username", "needs.rep");
        rep.fill("#password", Fixtures.PASSWORD);
        rep.click("#login-submit");
        rep.navigate(base + "/customers/" + customerId + "/needs-analyses");
        rep.click("#write-needs");
        rep.fill("#interviewedAt", "2026-12-01T10:00");
        rep.fill("#background", "制造业，员工 800 人。");
        rep.fill("#currentState", "客户跟进靠 Excel 和微信群。");
        rep.fill("#painPoints", "客户跟进不及时\n回款逾期多");
        rep.fill("#goals", "半年内销售过程全部线上化。");
        rep.fill("#budget", "50–80 万元");
        rep.fill("#decisionProcess", "总经理拍板。");
        rep.fill("#customerWords", "我们每月因为跟进不及时流失约 5% 的客户。");
        rep.click("#needs-save");
        assertThat(rep.locator("#flash-success")).containsText("第 1 版已保存");
        assertThat(rep.locator("#needs-due-state")).hasText("待发送");

        rep.click("#send-submit");
        assertThat(rep.locator("#confirmation-qr")).isVisible();
        String link = rep.locator("#confirmation-url").inputValue();
        org.assertj.core.api.Assertions.assertThat(link).startsWith(base + "/c/");

        // the customer: a fresh browser on a phone, no account
        Page phone = browser.newPhonePage("zh-CN");
        phone.navigate(link);
        assertThat(phone.locator("h1")).hasText("请核对并确认");
        assertThat(phone.locator(".confirmation-document")).containsText("客户跟进不及时");
        assertThat(phone.locator(".confirmation-document")).containsText("我们每月因为跟进不及时流失约 5% 的客户。");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("no sideways scrolling on a 375 px screen").isLessThanOrEqualTo(375);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/needs-confirmation-phone.png"))
                .setFullPage(true));
        phone.click("#answer-CONFIRMED");
        assertThat(phone.locator("#name")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        phone.fill("#name", "王伟");
        phone.click("#answer-CONFIRMED");
        assertThat(phone.locator("#answered")).containsText("您已确认《需求分析报告（第 1 版）· 杭州确认测试有限公司》");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/needs-confirmed-phone.png"))
                .setFullPage(true));
        // the link has done its purpose
        phone.navigate(link);
        assertThat(phone.locator("#unavailable")).isVisible();

        rep.reload();
        assertThat(rep.locator("#needs-confirmation .confirmation-state")).hasText("已确认");
        assertThat(rep.locator("#needs-confirmation")).containsText("王伟");
        rep.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/needs-confirmed-rep.png"))
                .setFullPage(true));
    }
}

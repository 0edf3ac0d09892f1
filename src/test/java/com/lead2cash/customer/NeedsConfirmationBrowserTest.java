package com.lead2cash.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Browser;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestMailServer;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A rep writes the needs-analysis report after the interview and sends it; the customer's contact opens
 * the link on a phone, in a browser that has never seen the application, and confirms by typing their
 * name; the rep sees it confirmed (C6, SPEC §5 "Customer confirmations").
 */
@TestPropertySource(properties = {"l2c.lead.jobs-delay=1h"})
class NeedsConfirmationBrowserTest extends BrowserTestCase {

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

    @RegisterExtension
    static GreenMailExtension smtp = TestMailServer.start();

    // a confirmation is e-mailed only with a configured public address: here the product's own, on a port chosen now
    static final int PORT = freePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.use(smtp, registry);
        registry.add("l2c.notification.poll-interval", () -> "1h");
        registry.add("server.port", () -> PORT);
        registry.add("l2c.confirmation.base-url", () -> "http://localhost:" + PORT);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    com.lead2cash.notification.internal.DeliveryProbe deliveries;

    @Autowired
    Fixtures fixtures;

    private JsonNode api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
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
        JsonNode customer = api("POST", "/api/v1/customers", token, "{\"name\":\"杭州确认测试有限公司\",\"industry\":\"制造业\"}");
        String customerId = customer.get("id").asString();
        String code = customer.get("code").asString();
        api("POST", "/api/v1/customers/" + customerId + "/contacts", token,
                "{\"name\":\"王伟\",\"title\":\"总经理\",\"email\":\"wang.wei@customer.test\",\"role\":\"DECISION_MAKER\"}");
        String base = base();

        Page rep = signIn(browser.newPage("zh-CN"), "needs.rep");
        // open the customer from the list, log the visit with the interview
        rep.navigate(base + "/customers");
        rep.locator("#customers-table a", new Page.LocatorOptions().setHasText(code)).click();
        assertThat(rep.locator("h1")).containsText("杭州确认测试有限公司");
        rep.selectOption("#activity-type", "VISIT");
        rep.fill("#activity-occurred", "2026-12-01T10:00");
        rep.fill("#activity-summary", "拜访王总，需求访谈");
        rep.click("#save-activity");
        assertThat(rep.locator("#customer-status")).hasText("初步接洽");
        // write the needs-analysis report from the customer's page (its card is loaded by htmx)
        Browser.awaitHtmx(rep);
        rep.click("#card-write-needs");
        rep.fill("#interviewedAt", "2026-12-01T10:00");
        rep.fill("#background", "制造业，员工 800 人。");
        rep.fill("#currentState", "客户跟进靠 Excel 和微信群。");
        rep.fill("#painPoints", "客户跟进不及时\n回款逾期多");
        rep.fill("#goals", "半年内销售过程全部线上化。");
        rep.fill("#budget", "50–80 万元");
        rep.fill("#decisionProcess", "总经理拍板。");
        rep.fill("#customerWords", "我们每月因为跟进不及时流失约 5% 的客户。");
        // twice on loaded machines the form stayed unsubmitted after this click, with no error on the page
        Browser.ready(rep);
        rep.click("#needs-save");
        assertThat(rep.locator("#flash-success")).containsText("第 1 版已保存");
        assertThat(rep.locator("#needs-due-state")).hasText("待发送");

        // the send form posts through htmx: htmx must have set it up (the page's scripts ran) before the click
        rep.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        rep.waitForFunction("() => window.htmx !== undefined");
        rep.click("#send-submit");
        // the first QR code of a JVM loads the imaging classes: wait with the action timeout, not the assertion's
        rep.waitForSelector("#confirmation-sent");
        assertThat(rep.locator("#confirmation-qr")).isVisible();
        String link = rep.locator("#confirmation-url").inputValue();
        org.assertj.core.api.Assertions.assertThat(link).startsWith(base + "/c/");

        assertThat(rep.locator("#sent-emailed")).containsText("已通过邮件发送给 王伟");
        // the list of links sent above the form lists it at once, no reload (htmx swaps it out of band)
        assertThat(rep.locator("#needs-sent-list .confirmation-state")).hasCount(1);
        assertThat(rep.locator("#needs-sent-list")).not().containsText("尚未发送");
        org.assertj.core.api.Assertions.assertThat(deliveries.runOnce()).isEqualTo(1);
        jakarta.mail.internet.MimeMessage mail = smtp.getReceivedMessages()[0];
        org.assertj.core.api.Assertions.assertThat(mail.getSubject()).contains("请确认：需求分析报告（第 1 版）");
        org.assertj.core.api.Assertions.assertThat(mail.getContent().toString()).contains(link);
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
        // the link has done its purpose: opened again, it shows the answer, with no form to answer again
        phone.navigate(link);
        assertThat(phone.locator("#answered")).containsText("确认第 1 版（签名：王伟）");
        assertThat(phone.locator("#answer-CONFIRMED")).hasCount(0);

        rep.reload();
        assertThat(rep.locator("#needs-confirmation .confirmation-state")).hasText("已确认");
        assertThat(rep.locator("#needs-confirmation")).containsText("王伟");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> org.assertj.core.api.Assertions
                .assertThat(api("GET", "/api/v1/customers/" + customerId, token, null).get("status").asString())
                .isEqualTo("NEEDS_CONFIRMED"));
        // on the customer's page: the report confirmed, the customer's needs confirmed, both on the timeline
        rep.navigate(base + "/customers/" + customerId);
        assertThat(rep.locator("#needs-card .confirmation-state")).hasText("已确认");
        assertThat(rep.locator("#customer-status")).hasText("需求明确");
        assertThat(rep.locator("#timeline")).containsText("需求分析报告第 1 版：王伟 已确认");
        rep.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/needs-confirmed-rep.png"))
                .setFullPage(true));
    }
}

package com.lead2cash.aftersales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.AftersalesTestSupport;
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
 * The after-sales journey in a real browser: the rep hands the signed customer over with the checklist,
 * the after-sales owner accepts it, receives the customer's complaint, works it through the 5 Whys and
 * tells the customer the resolution; the customer's contact rates it through the link on a phone, and
 * the complaint closes with that rating; the customer's page shows who serves it and its service health.
 */
@org.junit.jupiter.api.extension.ExtendWith(com.lead2cash.testing.BrowserFailureReport.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate",
                "l2c.lead.jobs-delay=1h"})
class AftersalesBrowserTest {

    // Tuesday 14:00 in Shanghai
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

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired AftersalesTestSupport support;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.shared();
    }

    @AfterAll
    static void closeBrowser() {
        browser.closePages();
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

    private Page login(String username) {
        Page page = browser.newPage("zh-CN");
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", username);
        page.fill("#password", Fixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#login-submit")).hasCount(0);
        Browser.ready(page);
        return page;
    }

    @Test
    void handOverAcceptReceiveAComplaintWorkItThroughTheFiveWhysAndCloseItAfterTheCustomerRatesIt() throws Exception {
        UUID sales = fixtures.unit("华东（售后测试）");
        User rep = fixtures.user("as.rep", sales, LocalDate.of(2022, 3, 1), Role.SALES_REP);
        UUID service = fixtures.unit("售后服务部");
        User lead = fixtures.user("as.lead", service, LocalDate.of(2019, 3, 1), Role.AFTER_SALES);
        fixtures.appointManager(service, lead.id());
        User zhao = fixtures.user("as.zhao", service, LocalDate.of(2021, 3, 1), Role.AFTER_SALES);
        String token = api("POST", "/api/v1/auth/token", null,
                "{\"username\":\"as.rep\",\"password\":\"" + Fixtures.PASSWORD + "\"}").get("token").asString();
        String customerId = api("POST", "/api/v1/customers", token,
                "{\"name\":\"杭州售后测试有限公司\",\"industry\":\"制造业\"}").get("id").asString();
        api("POST", "/api/v1/customers/" + customerId + "/contacts", token,
                "{\"name\":\"王伟\",\"title\":\"设备部经理\",\"email\":\"wang.wei@customer.test\",\"role\":\"USER\"}");
        String handoverId = support.signed(customerId, rep, "HT-2026-000777");
        String base = "http://localhost:" + port;

        // the rep: the handover inbox, the checklist, hand over to 赵 of after-sales
        Page repPage = login("as.rep");
        repPage.navigate(base + "/handovers");
        repPage.locator("#handover-list a", new Page.LocatorOptions().setHasText("HO-2026-")).click();
        assertThat(repPage.locator("#handover-status")).hasText("待交接");
        repPage.click("#hand-over");
        assertThat(repPage.locator("#handover-problems")).containsText("此项必填");
        repPage.fill("#background", "制造业客户，首期 10 台工业网关");
        repPage.fill("#serviceNeeds", "7×24 电话支持，季度巡检");
        repPage.fill("#specialAgreements", "谈判中承诺免费延保一年");
        repPage.fill("#keyContacts", "王伟（设备部经理）");
        repPage.selectOption("#serviceOwnerId", zhao.id().toString());
        repPage.click("#hand-over");
        assertThat(repPage.locator("#flash-success")).containsText("已移交售后");
        assertThat(repPage.locator("#handover-status")).hasText("待接收");

        // after-sales: the inbox, the checklist as written, accept
        Page servicePage = login("as.zhao");
        servicePage.navigate(base + "/handovers?status=SUBMITTED");
        servicePage.locator("#handover-list a", new Page.LocatorOptions().setHasText("HO-2026-")).click();
        assertThat(servicePage.locator("#checklist-specialAgreements")).hasText("谈判中承诺免费延保一年");
        servicePage.click("#accept-handover");
        assertThat(servicePage.locator("#handover-status")).hasText("已接收");

        // a complaint by phone for the customer they serve now
        servicePage.navigate(base + "/complaints/new");
        servicePage.selectOption("#customerId", customerId);
        servicePage.selectOption("#category", "PRODUCT");
        servicePage.selectOption("#severity", "MAJOR");
        servicePage.fill("#productLine", "工业网关");
        servicePage.fill("#description", "网关在高温车间频繁掉线");
        servicePage.click("#receive-complaint");
        assertThat(servicePage.locator("#complaint-status")).hasText("已受理");
        assertThat(servicePage.locator("#complaint-sla")).hasText("正常");
        assertThat(servicePage.locator("#response-due")).containsText("2026-12-01 18:00");
        servicePage.click("#classify");
        servicePage.fill("#first-response-text", "已致电王经理，安排工程师明早到场排查");
        servicePage.click("#respond");
        assertThat(servicePage.locator("#complaint-status")).hasText("处理中");

        // the resolution is not offered before the root cause; first the 5 Whys
        assertThat(servicePage.locator("#feedback-form")).hasCount(0);
        servicePage.fill("#why0", "网关频繁掉线");
        servicePage.fill("#why1", "固件看门狗超时重启");
        servicePage.fill("#why2", "高温下 CPU 降频导致任务超时");
        servicePage.fill("#why3", "新固件未做高温测试");
        servicePage.fill("#why4", "测试规范未随产品更新");
        servicePage.fill("#rootCause", "测试规范未覆盖高温场景");
        servicePage.fill("#correctiveAction", "为客户升级修复固件");
        servicePage.selectOption("#correctiveOwnerId", zhao.id().toString());
        servicePage.fill("#correctiveDueOn", "2026-12-04");
        servicePage.fill("#preventiveAction", "测试规范增加高温场景");
        servicePage.selectOption("#preventiveOwnerId", lead.id().toString());
        servicePage.fill("#preventiveDueOn", "2026-12-31");
        servicePage.click("#save-root-cause");
        assertThat(servicePage.locator("#flash-success")).isVisible();
        assertThat(servicePage.locator("#why4")).hasValue("测试规范未随产品更新");
        servicePage.fill("#resolution-text", "已升级固件并回访确认稳定运行");
        servicePage.click("#give-feedback");
        assertThat(servicePage.locator("#complaint-status")).hasText("已反馈");
        assertThat(servicePage.locator("#five-whys")).containsText("测试规范未覆盖高温场景");

        // closing without the customer's rating or a reason is refused
        servicePage.click("#close-with-reason");
        assertThat(servicePage.locator("#complaint-problems")).containsText("需要客户的满意度评价");
        // the refused close showed the complaint's page at the close's address
        String complaintUrl = servicePage.url().replaceFirst("(/complaints/[0-9a-f-]{36}).*", "$1");
        servicePage.click("#request-rating");
        servicePage.waitForSelector("#confirmation-sent");
        // the link on a page of its own (post-redirect-get): a reload goes back to the complaint and asks nothing again
        assertThat(servicePage).hasURL(complaintUrl + "/rating-request/sent");
        String link = servicePage.locator("#confirmation-url").inputValue();
        servicePage.reload();
        assertThat(servicePage).hasURL(complaintUrl);
        assertThat(servicePage.locator("#confirmation-url")).hasCount(0);

        // the customer's contact rates it on a phone
        Page phone = browser.newPhonePage("zh-CN");
        phone.navigate(link);
        assertThat(phone.locator(".confirmation-document")).containsText("已升级固件并回访确认稳定运行");
        phone.click("label[for=rating-4]");
        phone.fill("#comment", "响应及时，问题已解决");
        phone.fill("#name", "王伟");
        phone.click("#answer-RATED");
        assertThat(phone.locator("#answered")).isVisible();

        servicePage.reload();
        assertThat(servicePage.locator("#customer-rating")).containsText("4 / 5");
        servicePage.click("#close-with-rating");
        assertThat(servicePage.locator("#complaint-status")).hasText("已关闭");
        assertThat(servicePage.locator("#complaint-rating")).containsText("响应及时，问题已解决");
        servicePage.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/complaint-closed.png"))
                .setFullPage(true));

        // the one who serves the customer opens it from the complaint, to read it: no seller's step offered
        servicePage.navigate(complaintUrl);
        servicePage.click("#complaint-customer");
        Browser.awaitHtmx(servicePage);
        assertThat(servicePage.locator("#served-by")).hasText("as.zhao Name");
        assertThat(servicePage.locator("#grade-form")).hasCount(0);
        assertThat(servicePage.locator("#activity-form")).hasCount(0);
        assertThat(servicePage.locator("#contact-form")).hasCount(0);
        // and the head of after-sales, who oversees what the unit serves
        Page leadPage = login("as.lead");
        leadPage.navigate(base + "/customers/" + customerId);
        Browser.awaitHtmx(leadPage);
        assertThat(leadPage.locator("#served-by")).hasText("as.zhao Name");

        // the complaint list and the customer's page (as the rep)
        servicePage.navigate(base + "/complaints?sla=MET");
        assertThat(servicePage.locator("#complaint-list")).containsText("CP-2026-000001");
        repPage.navigate(base + "/customers/" + customerId);
        Browser.awaitHtmx(repPage);
        assertThat(repPage.locator("#served-by")).hasText("as.zhao Name");
        assertThat(repPage.locator("#open-complaints")).hasText("0");
        assertThat(repPage.locator("#satisfaction-trend")).containsText("4");
        repPage.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/customer-service-health.png"))
                .setFullPage(true));
        org.assertj.core.api.Assertions.assertThat(api("GET", "/api/v1/handovers/" + handoverId, token, null)
                .get("status").asString()).isEqualTo("ACCEPTED");
    }
}

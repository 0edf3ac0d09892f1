package com.lead2cash.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Browser;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.TestClock;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A rep in real Chromium: registers a customer, opens it, adds a contact, logs a visit with the next
 * follow-up, and sees the visit on the timeline, the status moved on and the next follow-up due; the
 * customer shows on the rep's follow-ups due.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate",
                "l2c.lead.jobs-delay=1h"})
@Import(TestClock.class)
class CustomerJourneyBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    com.lead2cash.testing.MutableClock clock;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    private Page signIn(String username) {
        Page page = browser.newPage("zh-CN");
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", username);
        page.fill("#password", Fixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("h1")).containsText("您好");
        return page;
    }

    @Test
    void openACustomerLogAVisitSeeTheTimelineAndTheNextFollowUp() {
        clock.set(TestClock.START);
        UUID unit = fixtures.unit("华东（客户测试）");
        fixtures.user("customer.rep", unit, CustomerTestSupport.HIRED, Role.SALES_REP);
        String base = "http://localhost:" + port;

        Page page = signIn("customer.rep");
        page.navigate(base + "/customers");
        page.click("#new-customer");
        page.fill("#name", "杭州浏览器测试科技有限公司");
        page.fill("#industry", "软件和信息技术服务业");
        page.selectOption("#grade", "A");
        page.click("#save-customer");
        assertThat(page.locator("#flash-success")).containsText("已录入客户");
        assertThat(page.locator("#customer-status")).hasText("潜在");
        assertThat(page.locator("#customer-grade")).hasText("A 级");
        assertThat(page.locator("#next-follow-up")).containsText("2026-12-08 10:00");

        page.locator("#contacts summary").click();
        page.fill("#contact-name", "陈总");
        page.fill("#contact-phone", "13811112222");
        page.click("#add-contact");
        assertThat(page.locator("#flash-success")).containsText("已添加联系人");
        assertThat(page.locator("#contacts")).containsText("13811112222");

        clock.set(TestClock.START.plus(java.time.Duration.ofHours(2)));
        page.reload();
        page.selectOption("#activity-type", "VISIT");
        page.fill("#activity-occurred", "2026-12-01T11:30");
        page.locator("#activity-form input[name=contactIds]").first().check();
        page.fill("#activity-summary", "上门拜访陈总，确认数字化改造需求");
        page.fill("#activity-form textarea[name=nextStep]", "下周演示方案");
        page.fill("#activity-next", "2026-12-04T14:00");
        page.click("#save-activity");

        assertThat(page.locator("#flash-success")).containsText("已记录跟进");
        assertThat(page.locator("#customer-status")).hasText("初步接洽");
        assertThat(page.locator("#timeline .timeline-entry[data-kind=activity]").first())
                .containsText("上门拜访陈总，确认数字化改造需求");
        assertThat(page.locator("#timeline .timeline-entry[data-kind=activity]").first()).containsText("下周演示方案");
        assertThat(page.locator("#timeline")).containsText("潜在 → 初步接洽");
        assertThat(page.locator("#next-follow-up")).containsText("2026-12-08 11:30");
        assertThat(page.locator("#planned-follow-up")).hasText("2026-12-04 14:00");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/customer-visit.png")).setFullPage(true));

        page.navigate(base + "/");
        assertThat(page.locator("#follow-ups-due")).containsText("杭州浏览器测试科技有限公司");
    }
}

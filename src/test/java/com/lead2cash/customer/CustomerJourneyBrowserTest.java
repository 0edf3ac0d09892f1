package com.lead2cash.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.TestClock;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.annotation.Import;

/**
 * A rep in real Chromium: registers a customer, opens it, adds a contact, logs a visit with the next
 * follow-up, and sees the visit on the timeline, the status moved on and the next follow-up due; the
 * customer shows on the rep's follow-ups due.
 */
@TestPropertySource(properties = {"l2c.lead.jobs-delay=1h"})
@Import(TestClock.class)
class CustomerJourneyBrowserTest extends BrowserTestCase {

    @Autowired
    Fixtures fixtures;

    @Autowired
    com.lead2cash.testing.MutableClock clock;

    private Page signIn(String username) {
        return signIn(browser.newPage("zh-CN"), username);
    }

    @Test
    void openACustomerLogAVisitSeeTheTimelineAndTheNextFollowUp() {
        clock.set(TestClock.START);
        UUID unit = fixtures.unit("华东（客户测试）");
        fixtures.user("customer.rep", unit, CustomerTestSupport.HIRED, Role.SALES_REP);
        String base = base();

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
        // the page's cards load after it (htmx): a click while one arrives may land where the layout moved
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
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

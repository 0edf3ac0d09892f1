package com.lead2cash.lead;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.LeadTestSupport;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A manager and a rep in real Chromium: the manager captures a lead and sees its grade and reasons,
 * assigns it; the rep logs the first contact and converts it.
 */
@TestPropertySource(properties = {"l2c.lead.routines.enabled=false", "l2c.notification.digest.enabled=false"})
class LeadJourneyBrowserTest extends BrowserTestCase {

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadTestSupport support;

    private Page signIn(String username) {
        return signIn(browser.newPage("zh-CN"), username);
    }

    @Test
    void createSeeGradeAndReasonAssignLogFirstContactConvert() {
        UUID unit = fixtures.unit("华北（测试）");
        var manager = fixtures.user("north.manager", unit, support.today().minusYears(5), Role.REGIONAL_MANAGER);
        fixtures.appointManager(unit, manager.id());
        fixtures.user("north.rep", unit, support.today().minusYears(2), Role.SALES_REP);
        String base = base();

        Page page = signIn("north.manager");
        page.navigate(base + "/leads");
        page.click("#new-lead");
        page.fill("#companyName", "北京测试制造有限公司");
        page.selectOption("#source", "TRADE_SHOW");
        page.fill("#industry", "制造业");
        page.fill("#region", "北京");
        page.fill("#contactName", "赵总");
        page.fill("#phone", "13800138000");
        page.fill("#budget", "150000");
        page.fill("#purchaseDate", support.today().plusDays(20).toString());
        page.click("#save-lead");

        assertThat(page.locator("#flash-success")).containsText("已录入线索");
        assertThat(page.locator("#lead-grade")).hasText("A类");
        assertThat(page.locator("#grade-reasons")).containsText("行业“制造业”属于目标行业");
        assertThat(page.locator("#grade-reasons")).containsText("预算150,000.00元，达到100,000.00元");
        // a correction keeps the lead and its grade
        page.click("#edit-lead");
        page.fill("#productLine", "MES");
        page.click("#save-lead");
        assertThat(page.locator("#flash-success")).containsText("已保存线索");
        assertThat(page.locator("#lead-grade")).hasText("A类");
        // no territory covers 北京: the lead waits for the manager, who assigns it
        assertThat(page.locator("#lead-owner")).containsText("线索池");
        page.selectOption("#assign-owner", new com.microsoft.playwright.options.SelectOption().setLabel("north.rep Name"));
        page.click("#assign-lead");
        assertThat(page.locator("#lead-owner")).hasText("north.rep Name");
        assertThat(page.locator("#lead-status")).hasText("已分配");
        String leadUrl = page.url();
        String code = page.locator("h1 small").textContent().strip();

        Page rep = signIn("north.rep");
        // the home page's deadline panel names the lead and links to it (L7 first response)
        assertThat(rep.locator("a", new Page.LocatorOptions().setHasText(code))).isVisible();
        rep.locator("a", new Page.LocatorOptions().setHasText(code)).click();
        assertThat(rep).hasURL(leadUrl);
        rep.selectOption("#contact-intent", "HIGH");
        rep.fill("#contact-summary", "电话沟通，需求明确，约下周演示");
        rep.click("#log-contact");
        assertThat(rep.locator("#lead-status")).hasText("已联系");
        assertThat(rep.locator("#contact-attempts")).containsText("高意向");
        rep.click("#convert-lead");
        assertThat(rep.locator("#lead-status")).hasText("已转化");
        assertThat(rep.locator("#conversion")).containsText("已转化");
        rep.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/lead-converted.png")).setFullPage(true));
    }

    @Test
    void aDuplicateCaptureAsksThePersonToKeepBothWithAReasonOrToMerge() {
        UUID unit = fixtures.unit("市场（测试）");
        fixtures.user("dup.marketing", unit, support.today().minusYears(1), Role.MARKETING);
        String base = base();
        Page page = signIn("dup.marketing");
        java.util.function.Consumer<String> capture = phone -> {
            page.navigate(base + "/leads/new");
            page.fill("#companyName", "重复测试有限公司");
            page.selectOption("#source", "REFERRAL");
            page.fill("#phone", phone);
            page.click("#save-lead");
        };
        capture.accept("13700001111");
        assertThat(page.locator("#flash-success")).containsText("已录入线索");
        String firstCode = page.locator("h1 small").textContent().strip();

        capture.accept("13700002222");
        assertThat(page.locator("#duplicates")).containsText(firstCode);
        assertThat(page.locator("#duplicates")).containsText("相同的公司名称");
        page.click("#save-lead");
        assertThat(page.locator("#duplicateReason + .invalid-feedback")).containsText("请说明保留两条的原因");
        page.fill("#duplicateReason", "同名不同公司（不同城市）");
        page.click("#save-lead");
        assertThat(page.locator("#flash-success")).containsText("已录入线索");
        assertThat(page.locator("h1 small")).not().hasText(firstCode);

        capture.accept("13700003333");
        // the merge choice is handled by app.js: the new page's scripts must have run before the box is ticked
        var merge = page.locator("input[id^='dup-merge-']").first();
        merge.waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        merge.check();
        page.click("#save-lead");
        assertThat(page.locator("#flash-success")).containsText("已合并到线索");
    }

    @Test
    void aRefusedFormComesBackAsFilledInOnItsOwnPageOrFromTheErrorPage() {
        UUID unit = fixtures.unit("退回（测试）");
        fixtures.user("back.marketing", unit, support.today().minusYears(1), Role.MARKETING);
        fixtures.user("back.rep", unit, support.today().minusYears(1), Role.SALES_REP);
        String base = base();
        // pasted from a spreadsheet with a stray control character: the lead form says so beside the field
        Page page = signIn("back.marketing");
        page.navigate(base + "/leads/new");
        page.fill("#companyName", "退回测试\u0007有限公司");
        page.selectOption("#source", "REFERRAL");
        page.fill("#contactName", "钱经理");
        page.fill("#phone", "13700004444");
        page.click("#save-lead");
        assertThat(page.locator("main")).containsText("控制字符");
        assertThat(page.locator("#contactName")).hasValue("钱经理");
        assertThat(page.locator("#phone")).hasValue("13700004444");
        page.fill("#companyName", "退回测试有限公司");
        page.click("#save-lead");
        assertThat(page.locator("#flash-success")).containsText("已录入线索");

        // the customer form too: the refusal beside its field, everything typed kept
        Page rep = signIn("back.rep");
        rep.navigate(base + "/customers/new");
        rep.fill("#name", "退回客户\u0007有限公司");
        rep.fill("#industry", "制造业");
        rep.click("#save-customer");
        assertThat(rep.locator("main")).containsText("控制字符");
        assertThat(rep.locator("#industry")).hasValue("制造业");

        // a value no form offers (a choice altered in the page) ends on the error page, which goes back to the form as
        // filled in
        rep.navigate(base + "/customers/new");
        rep.fill("#name", "退回客户有限公司");
        rep.fill("#industry", "制造业");
        rep.evaluate("() => { const s = document.querySelector('#grade'); s.add(new Option('Z', 'Z')); s.value = 'Z'; }");
        rep.click("#save-customer");
        assertThat(rep.locator("#error-detail")).isVisible();
        rep.click("#back-to-form");
        assertThat(rep.locator("#name")).hasValue("退回客户有限公司");
        assertThat(rep.locator("#industry")).hasValue("制造业");
    }
}

package com.lead2cash.lead;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Browser;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.LeadTestSupport;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The region picker in the lead form, in real Chromium: pinyin and initials, the lists on a phone, free text. */
@TestPropertySource(properties = {"l2c.lead.routines.enabled=false", "l2c.notification.digest.enabled=false"})
class LeadRegionBrowserTest extends BrowserTestCase {

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadTestSupport support;

    /** A marketer of their own signs in and opens the capture form. */
    private Page newLead(Page page, String username) {
        fixtures.user(username, fixtures.rootUnit(), support.today().minusYears(1), Role.MARKETING);
        signIn(page, username);
        page.navigate(base() + "/leads/new");
        return page;
    }

    @Test
    void typingPinyinOrItsInitialsOffersHangzhouAndThePickedDivisionIsSaved() {
        Page page = newLead(browser.newPage("zh-CN"), "region.desk");
        page.fill("#region", "hangzhou");
        assertThat(page.locator("#region-picker-region .region-suggestion").first()).containsText("浙江省杭州市");
        page.fill("#region", "hz");
        assertThat(page.locator("#region-picker-region .region-suggestion[data-code='330100']")).containsText("浙江省杭州市");
        page.click("#region-picker-region .region-suggestion[data-code='330100']");
        assertThat(page.locator("#region-picker-region input.region-value")).hasValue("330100");
        assertThat(page.locator("#region-picker-region .region-chip")).containsText("浙江省杭州市");
        assertThat(page.locator("#region-picker-region select[name='picker.city']")).hasValue("330100");

        page.fill("#companyName", "杭州拼音测试有限公司");
        page.selectOption("#source", "TRADE_SHOW");
        page.click("#save-lead");
        assertThat(page.locator("#flash-success")).containsText("已录入线索");
        assertThat(page.locator("#lead-region")).containsText("浙江省杭州市");
        assertThat(page.locator("#region-warning")).hasCount(0);
    }

    @Test
    void whenTheSessionEndsUnderAnOpenFormThePickersNextSuggestionsTakeThePageThroughSignInAndBack() {
        Page page = newLead(browser.newPage("zh-CN"), "region.expired");
        page.context().clearCookies();
        page.fill("#region", "hangzhou");
        // the whole page signs in, not the suggestions
        assertThat(page.locator("#login-submit")).isVisible();
        assertThat(page.locator("#region-picker-region")).hasCount(0);
        page.fill("#username", "region.expired");
        page.fill("#password", com.lead2cash.testing.Fixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/leads/new(\\?continue)?$"));
        assertThat(page.locator("#region-picker-region")).isVisible();
    }

    @Test
    void suggestionsRefusedForAControlCharacterSayWhyAboveThePageAndTheFormStays() {
        Page page = newLead(browser.newPage("zh-CN"), "region.refused");
        assertThat(page.locator("#request-refused")).isHidden();
        page.fill("#region", "杭\u0007州");
        assertThat(page.locator("#request-refused")).isVisible();
        assertThat(page.locator("#request-refused-text")).containsText("控制字符");
        assertThat(page.locator("#region")).hasValue("杭\u0007州");
        page.click("#request-refused [data-dismiss-refusal]");
        assertThat(page.locator("#request-refused")).isHidden();
        page.fill("#region", "hangzhou");
        assertThat(page.locator("#region-picker-region .region-suggestion").first()).containsText("浙江省杭州市");
    }

    @Test
    void onAPhoneTheProvinceCityAndCountyListsChooseTheDivisionAndUnknownTextIsKeptAndFlagged() {
        Page page = newLead(browser.newPage("zh-CN", 390, 844), "region.phone");
        page.selectOption("#region-picker-region select[name='picker.province']", "330000");
        assertThat(page.locator("#region-picker-region input.region-value")).hasValue("330000");
        Browser.awaitHtmx(page);
        page.selectOption("#region-picker-region select[name='picker.city']", "330100");
        assertThat(page.locator("#region-picker-region input.region-value")).hasValue("330100");
        Browser.awaitHtmx(page);
        page.selectOption("#region-picker-region select[name='picker.county']", "330106");
        assertThat(page.locator("#region-picker-region input.region-value")).hasValue("330106");
        assertThat(page.locator("#region-picker-region .region-chip")).containsText("浙江省杭州市西湖区");
        assertThat(page.locator("#region-picker-region select[name='picker.county']")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/region-picker-phone.png"))
                .setFullPage(true));

        // typed text that names no division is posted as typed, and the lead says so
        page.fill("#region", "火星基地");
        assertThat(page.locator("#region-picker-region input.region-value")).hasValue("火星基地");
        page.fill("#companyName", "火星手机测试公司");
        page.selectOption("#source", "REFERRAL");
        page.click("#save-lead");
        assertThat(page.locator("#flash-success")).containsText("已录入线索");
        assertThat(page.locator("#region-warning")).containsText("火星基地");
    }
}

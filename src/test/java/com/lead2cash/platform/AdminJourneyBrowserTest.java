package com.lead2cash.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.testing.Browser;
import com.lead2cash.testing.Fixtures;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator in real Chromium: sign in, create a user, find it in the list, switch the language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate", "l2c.lead.routines.enabled=false", "l2c.notification.digest.enabled=false"})
class AdminJourneyBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void adminCreatesAUserSeesItListedAndSwitchesTheLanguage() {
        Page page = browser.newPage("zh-CN");
        String base = "http://localhost:" + port;
        page.navigate(base + "/");
        assertThat(page).hasURL(base + "/login");
        assertThat(page.locator("#login-submit")).hasText("登录");
        page.fill("#username", "admin");
        page.fill("#password", Fixtures.ADMIN_PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("h1")).containsText("您好");

        page.click("#adminMenu");
        page.click("a.dropdown-item:has-text('用户')");
        assertThat(page).hasURL(base + "/admin/users");
        page.click("#new-user");
        page.fill("#username", "zhao.lei");
        page.fill("#displayName", "赵雷");
        page.fill("#email", "zhao.lei@example.test");
        page.fill("#password", "short");
        page.locator("input[type=checkbox][value=SALES_REP]").check();
        page.selectOption("#orgUnitId", page.locator("#orgUnitId option").nth(1).getAttribute("value"));
        page.click("#save-user");
        // refused inline, beside the field, in Chinese
        assertThat(page.locator(".invalid-feedback")).containsText("密码至少8位");

        page.fill("#password", "Long-enough-1");
        page.click("#save-user");
        assertThat(page.locator("#flash-success")).containsText("zhao.lei");
        assertThat(page.locator("#users-table")).containsText("赵雷");
        assertThat(page.locator("#users-table")).containsText("销售代表");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/users-zh.png")));

        page.click("#langMenu");
        page.click("#lang-en");
        assertThat(page.locator("h1")).hasText("Users");
        assertThat(page.locator("#users-table")).containsText("Sales rep");
        page.navigate(base + "/");
        assertThat(page.locator("h1")).containsText("Hello");
    }
}

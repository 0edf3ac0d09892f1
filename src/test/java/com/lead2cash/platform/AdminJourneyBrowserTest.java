package com.lead2cash.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.testing.Browser;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.Fixtures;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** An administrator in real Chromium: sign in, create a user, find it in the list, switch the language. */
@TestPropertySource(properties = {"l2c.lead.routines.enabled=false", "l2c.notification.digest.enabled=false"})
class AdminJourneyBrowserTest extends BrowserTestCase {

    @Test
    void adminCreatesAUserSeesItListedAndSwitchesTheLanguage() {
        Page page = browser.newPage("zh-CN");
        String base = base();
        page.navigate(base + "/");
        assertThat(page).hasURL(base + "/login");
        assertThat(page.locator("#login-submit")).hasText("登录");
        page.fill("#username", "admin");
        page.fill("#password", Fixtures.ADMIN_PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("h1")).containsText("您好");
        Browser.ready(page);

        page.click("#adminMenu");
        page.click("a.dropdown-item:has-text('用户')");
        assertThat(page).hasURL(base + "/admin/users");
        page.click("#new-user");
        page.fill("#username", "zhao.lei");
        page.fill("#displayName", "赵雷");
        page.fill("#email", "zhao.lei@example.test");
        page.fill("#password", "short");
        page.locator("input[type=checkbox][value=SALES_REP]").check();
        page.fill("#hireDate", "2024-03-01"); // a sales person's seniority is counted from it (L4)
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
        Browser.ready(page);

        page.click("#langMenu");
        page.click("#lang-en");
        assertThat(page.locator("h1")).hasText("Users");
        assertThat(page.locator("#users-table")).containsText("Sales rep");
        page.navigate(base + "/");
        assertThat(page.locator("h1")).containsText("Hello");
    }

    /** The content security policy holds on every screen: no script or style is refused, htmx still loads panels. */
    @Test
    void screensWorkUnderTheContentSecurityPolicy() {
        Page page = browser.newPage("en");
        java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
                refused.add(page.url() + ": " + m.text());
            }
        });
        String base = base();
        page.navigate(base + "/login");
        page.fill("#username", "admin");
        page.fill("#password", Fixtures.ADMIN_PASSWORD);
        page.click("#login-submit");
        // the bell arrives by htmx (hx-trigger="load"), and so do the home panels
        assertThat(page.locator("#notification-bell")).isVisible();
        assertThat(page.locator("text=Loading…")).hasCount(0);
        for (String screen : java.util.List.of("/", "/admin/users", "/admin/org", "/admin/audit", "/account", "/leads",
                "/deadlines", "/compliance", "/approvals", "/notifications", "/admin/policy", "/admin/calendar",
                "/swagger-ui/index.html")) {
            page.navigate(base + screen);
            // springdoc builds the API document on its first request: ~10 s on this machine, longer under load
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(screen.startsWith("/swagger") ? 90_000 : 15_000));
        }
        assertThat(page.locator(".opblock-tag").first()).isVisible();
        page.navigate(base + "/");
        page.click("#adminMenu");
        assertThat(page.locator(".dropdown-menu.show")).isVisible();
        org.assertj.core.api.Assertions.assertThat(refused).isEmpty();
    }

    /**
     * The menu bar fits the screen in the longer language with every entry an administrator sees: the entries wrap
     * onto a second line rather than pushing the bell, the language and the user's menu (with log out) off screen.
     */
    @Test
    void theMenuBarFitsALaptopScreenInEnglishWithTheUserMenuInReach() {
        for (int width : new int[] {1280, 1920}) {
            Page page = browser.newPage("en", width, 800);
            page.navigate(base() + "/login");
            page.fill("#username", "admin");
            page.fill("#password", Fixtures.ADMIN_PASSWORD);
            page.click("#login-submit");
            assertThat(page.locator("#notification-bell")).isVisible();
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("sideways scroll at " + width)
                    .isLessThanOrEqualTo(0);
            for (String menu : new String[] {"#userMenu", "#langMenu", "#notification-bell", "#adminMenu"}) {
                var box = page.locator(menu).boundingBox();
                org.assertj.core.api.Assertions.assertThat(box.x + box.width).as(menu + " at " + width)
                        .isLessThanOrEqualTo(width);
            }
            page.click("#userMenu");
            assertThat(page.locator("#logout")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/menu-en-" + width + ".png")));
        }
    }
}

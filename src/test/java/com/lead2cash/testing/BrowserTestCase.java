package com.lead2cash.testing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test stands on: the product on a random port (no demo data, the administrator's
 * password known, immediate shutdown), the test JVM's real Chromium ({@link Browser#shared()}), and signing in
 * through the login form. A test class adds its own properties with {@code @TestPropertySource}.
 */
@org.junit.jupiter.api.extension.ExtendWith(com.lead2cash.testing.BrowserFailureReport.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate"})
public abstract class BrowserTestCase {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.shared();
    }

    @AfterAll
    static void closeBrowser() {
        browser.closePages();
    }

    /** The product's address, e.g. {@code http://localhost:41234}. */
    protected String base() {
        return "http://localhost:" + port;
    }

    /** Signs {@code username} in with the fixtures' password on {@code page} and waits until the login is done. */
    protected Page signIn(Page page, String username) {
        return signIn(page, username, Fixtures.PASSWORD);
    }

    /** Signs in through the login form and waits until the login page is left. */
    protected Page signIn(Page page, String username, String password) {
        page.navigate(base() + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        assertThat(page.locator("#login-submit")).hasCount(0);
        Browser.ready(page);
        return page;
    }
}

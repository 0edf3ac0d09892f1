package com.lead2cash.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.Mockito;

/** A failed browser test's output says which page each open browser was on and what it showed. */
class BrowserFailureReportTest {

    @Test
    void aFailurePrintsTheAddressAndTextOfEveryOpenPageAndTheRequestsNotAnswered() {
        ExtensionContext context = Mockito.mock(ExtensionContext.class);
        Mockito.when(context.getDisplayName()).thenReturn("savesTheRootCause()");
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Browser browser = new Browser();
        try (browser) {
            Page page = browser.newPage("zh-CN");
            page.setContent("<nav>首页 客户投诉</nav><main><p id='complaint-problems'>请先记录根因</p></main>");
            // a request the page still waits for when the test fails (a page that never went quiet)
            page.route("http://never.test/**", route -> { });
            page.waitForRequest("http://never.test/slow", () -> page.evaluate("() => { fetch('http://never.test/slow').catch(() => 0); }"));
            page.evaluate("1");
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            new BrowserFailureReport().testFailed(context, new AssertionError("not found"));
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Browser pages when savesTheRootCause() failed", "--- about:blank", "请先记录根因",
                        "(still waiting for GET http://never.test/slow)")
                .doesNotContain("首页");
        assertThat(Browser.OPEN).doesNotContain(browser);
    }
}

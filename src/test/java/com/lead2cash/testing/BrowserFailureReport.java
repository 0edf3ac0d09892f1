package com.lead2cash.testing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a browser test fails, prints what each open page showed — its address and the start of its text — to
 * the test's output, which CI keeps for a failed run: a locator that was "not found" then says which page the
 * browser was on and what it said instead (a refusal, an error page, the page before a navigation).
 */
public final class BrowserFailureReport implements TestWatcher {

    private static final int TEXT = 1_500;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder report = new StringBuilder("Browser pages when " + context.getDisplayName() + " failed:\n");
        for (Browser browser : Browser.OPEN) {
            browser.pending().forEach(request -> report.append("(still waiting for ").append(request).append(")\n"));
            for (Page page : browser.pages()) {
                report.append("--- ").append(page.url()).append('\n');
                try {
                    // the page's own content, past the navigation shared by every page
                    String text = page.innerText(page.locator("main").count() > 0 ? "main" : "body");
                    report.append(text, 0, Math.min(text.length(), TEXT)).append('\n');
                } catch (PlaywrightException e) {
                    report.append("(its text could not be read: ").append(e.getMessage().lines().findFirst().orElse(""))
                            .append(")\n");
                }
            }
        }
        System.out.println(report);
    }
}

package com.lead2cash.testing;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.util.List;

/**
 * Real headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright; no browser download.
 * The browser tests share one per test JVM ({@link #shared()}; starting Playwright's driver and Chromium took
 * 2–6 s a class), each class with browser profiles of its own that it closes when done ({@link #closePages()}).
 */
public final class Browser implements AutoCloseable {

    /** Every browser open in this JVM, for {@link BrowserFailureReport}. */
    static final java.util.Set<Browser> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<com.microsoft.playwright.Request, String> pending =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Browser shared;

    /** The browser of this test JVM, started by the first class that asks and closed when the JVM exits. */
    public static synchronized Browser shared() {
        if (shared == null) {
            Browser browser = new Browser();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.close();
                } catch (RuntimeException driverAlreadyGone) {
                    // the JVM is exiting: Playwright's driver may have stopped first, taking Chromium with it
                }
            }, "browser-close"));
            shared = browser;
        }
        return shared;
    }

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        // assertions wait as long as actions do (15 s): on a loaded 2-core CI machine a save, its redirect and
        // the next page can take longer than Playwright's default 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("l2c.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        OPEN.add(this);
    }

    /** Requests sent and not yet answered, in every profile of this browser. */
    List<String> pending() {
        return List.copyOf(pending.values());
    }

    /** The pages open in this browser, in the order they were opened. */
    List<Page> pages() {
        return browser.contexts().stream().flatMap(c -> c.pages().stream()).toList();
    }

    /** A fresh browser profile (no cookies) with the given Accept-Language. */
    public Page newPage(String acceptLanguage) {
        return newPage(acceptLanguage, 1280, 860);
    }

    /** The same with a screen of the given size (390 × 844: a phone). */
    public Page newPage(String acceptLanguage, int width, int height) {
        BrowserContext context = browser.newContext(new NewContextOptions().setLocale(acceptLanguage)
                .setViewportSize(width, height));
        return page(context);
    }

    /** A fresh browser profile on a phone-sized screen (375 × 812, touch), as a customer opens a link from WeChat. */
    public Page newPhonePage(String acceptLanguage) {
        BrowserContext context = browser.newContext(new NewContextOptions().setLocale(acceptLanguage)
                .setViewportSize(375, 812).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        return page(context);
    }

    /**
     * Every page is hidden from the test until its own scripts are ready: Playwright acts on an element as soon
     * as it is visible, and the page's scripts are deferred (they run after parsing, htmx wires its forms and
     * buttons on DOMContentLoaded), so on a loaded machine a click could come first and do nothing (a
     * dropdown that never opened, an htmx form that was never sent). A person cannot click that fast.
     */
    private static final String HIDDEN_UNTIL_READY = """
            (() => {
              if (document.readyState !== 'loading') return;
              const sheet = new CSSStyleSheet();
              sheet.replaceSync('html { visibility: hidden !important; }');
              document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
              document.addEventListener('DOMContentLoaded', () => setTimeout(() => {
                document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== sheet);
              }, 0));
            })();
            """;

    private Page page(BrowserContext context) {
        context.setDefaultTimeout(15_000);
        // what the browser still waits for, for a failure's report (a page that never went quiet names why)
        context.onRequest(request -> pending.put(request, request.method() + " " + request.url()));
        context.onRequestFinished(pending::remove);
        context.onRequestFailed(pending::remove);
        context.addInitScript(HIDDEN_UNTIL_READY);
        return context.newPage();
    }

    /**
     * Waits until htmx has no request in flight and has settled what it swapped in, so that the next event
     * reaches the new content's handlers (an event fired during the settle is lost).
     */
    public static void awaitHtmx(Page page) {
        page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
    }

    /**
     * Waits until a page a click navigated to has loaded and htmx has settled what it loads with the page (the
     * header's bell, the home page's panels), so the next click does not land while the header is swapped.
     * That its scripts ran is already ensured for every page ({@link #HIDDEN_UNTIL_READY}).
     */
    public static void ready(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        awaitHtmx(page);
    }

    /** Closes every browser profile opened so far (with its pages): a class leaves no page to the next. */
    public void closePages() {
        browser.contexts().forEach(BrowserContext::close);
    }

    @Override
    public void close() {
        OPEN.remove(this);
        browser.close();
        playwright.close();
    }
}

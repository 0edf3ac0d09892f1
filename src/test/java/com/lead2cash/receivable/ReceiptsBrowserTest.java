package com.lead2cash.receivable;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.testing.Browser;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.TestClock;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The receipts list (收款台账) in a real browser: finance picks a customer in the list's customer picker (the customer
 * module's search, by htmx), filters the list to that customer's receipts as GET /api/v1/receipts?customerId= does, and
 * takes the filter off again. The customers and their receipts are set up over the API.
 */
@TestPropertySource(properties = {"l2c.lead.jobs-delay=1h", "l2c.notification.poll-interval=1h",
        "l2c.lead.routines.enabled=false", "l2c.customer.routines.enabled=false", "l2c.notification.digest.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class ReceiptsBrowserTest extends BrowserTestCase {

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;

    @Test
    void financeFiltersTheReceiptsListByACustomerChosenInThePickerAndTakesTheFilterOff() {
        ContractTestSupport.Reviewers r = support.reviewers("rcb", CustomerTestSupport.HIRED.minusYears(10));
        String rep = customers.bearer(mvc, r.rep());
        String chosen = customers.customer(mvc, rep, "丽水浏览器筛选收款有限公司", null).get("id").asString();
        String other = customers.customer(mvc, rep, "丽水浏览器筛选收款二号有限公司", null).get("id").asString();
        String finance = customers.bearer(mvc, r.finance());
        String receipt = """
                {"customerId":"%s","amount":%s,"receivedOn":"2026-12-01","method":"BANK_TRANSFER","payer":"丽水筛选付款",
                 "reference":"LS-%s"}""";
        String chosenNumber = customers.postJson(mvc, finance, "/api/v1/receipts", receipt.formatted(chosen, "1000.00", "1"))
                .get("number").asString();
        String otherNumber = customers.postJson(mvc, finance, "/api/v1/receipts", receipt.formatted(other, "2000.00", "2"))
                .get("number").asString();

        Page page = signIn(browser.newPage("zh-CN"), r.finance().username());
        page.navigate(base() + "/receipts?payer=丽水筛选付款");
        Browser.ready(page);
        assertThat(page.locator("#receipts .receipt-link")).hasCount(2);

        page.fill("#f-customer", "丽水浏览器筛选收款二号");
        assertThat(page.locator(".customer-option")).hasCount(1);
        page.fill("#f-customer", "丽水浏览器筛选");
        assertThat(page.locator(".customer-option")).hasCount(2);
        page.locator(".customer-option", new Page.LocatorOptions().setHasText("丽水浏览器筛选收款有限公司")).click();
        Browser.awaitHtmx(page);
        assertThat(page.locator("#receipt-filter-customer")).hasText("丽水浏览器筛选收款有限公司");

        page.locator("#receipt-filters button[type=submit]").click();
        Browser.ready(page);
        org.assertj.core.api.Assertions.assertThat(page.url()).contains("customerId=" + chosen, "payer=");
        assertThat(page.locator("#receipts .receipt-link")).hasCount(1);
        assertThat(page.locator("#receipts .receipt-link")).hasText(chosenNumber);
        assertThat(page.locator("#receipt-filter-customer")).hasText("丽水浏览器筛选收款有限公司");

        // any customer again: both
        page.click("#receipt-filter-any-customer");
        Browser.awaitHtmx(page);
        assertThat(page.locator("#f-customer")).isVisible();
        page.locator("#receipt-filters button[type=submit]").click();
        Browser.ready(page);
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("customerId=");
        assertThat(page.locator("#receipts .receipt-link")).hasCount(2);
        assertThat(page.locator("#receipts")).containsText(otherNumber);
    }
}

package com.lead2cash.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.files.TestFiles;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Browser;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.TestClock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A contract in the browser, from the quote to the archive: the opportunity's quote accepted and its
 * negotiation minutes confirmed by the customer (set up over the API), the rep drafts the contract from
 * the opportunity's page — the quote's lines and the minutes' milestones already in it — completes the
 * buyer's data and submits; legal, finance and operations each pass their review, the sales manager and
 * the legal head approve, the rep uploads the signed scan and archives it, and the opportunity is won.
 */
@org.junit.jupiter.api.extension.ExtendWith(com.lead2cash.testing.BrowserFailureReport.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"l2c.demo=false", "L2C_ADMIN_PASSWORD=" + Fixtures.ADMIN_PASSWORD, "server.shutdown=immediate",
                "l2c.lead.jobs-delay=1h", "l2c.notification.poll-interval=1h", "l2c.lead.routines.enabled=false",
                "l2c.customer.routines.enabled=false", "l2c.notification.digest.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class ContractJourneyBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.shared();
    }

    @AfterAll
    static void closeBrowser() {
        browser.closePages();
    }

    private Page signIn(User user) {
        Page page = browser.newPage("zh-CN");
        page.navigate("http://localhost:" + port + "/login");
        page.fill("#username", user.username());
        page.fill("#password", Fixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#login-submit")).hasCount(0);
        Browser.ready(page);
        return page;
    }

    @Test
    void aContractDraftedFromTheAcceptedQuoteIsReviewedApprovedSignedWithItsScanAndArchivedAndTheOpportunityIsWon() {
        ContractTestSupport.Reviewers r = support.reviewers("jrny", CustomerTestSupport.HIRED.minusYears(10));
        ContractTestSupport.Deal deal = support.opportunityFromAcceptedQuote(mvc, r, "jrny", "无锡辛丑智能科技有限公司");
        String base = "http://localhost:" + port;

        // the rep drafts it from the opportunity's page: the quote's lines and the minutes' milestones are in it
        Page rep = signIn(r.rep());
        rep.navigate(base + "/opportunities/" + deal.opportunityId());
        // the contract card comes by htmx after the page; a loaded CI machine can take longer than an assertion's
        // 5 s to answer the draft's page, so the test waits for the navigation as a person would
        Browser.ready(rep);
        rep.click("#draft-contract");
        rep.waitForURL("**/contracts/new**");
        Browser.ready(rep);
        assertThat(rep.locator("#contract-sources")).containsText(deal.quoteNumber());
        rep.fill("#termStart", "2026-12-10");
        rep.fill("#termEnd", "2027-12-09");
        rep.click("#save-contract");
        assertThat(rep.locator("#contract-status")).hasText("草拟");
        assertThat(rep.locator("#contract-lines")).containsText("工业网关");
        assertThat(rep.locator("#contract-milestones")).containsText("3,708.00");
        assertThat(rep.locator("#clause-DELIVERY")).containsText("按技术协议附件一验收");
        String contractUrl = rep.url();

        rep.click("#terms-edit summary");
        rep.fill("#t-tax", "91440300708461136T");
        rep.fill("#t-address", "无锡市新吴区长江路 7 号");
        rep.fill("#t-rep", "王经理");
        rep.click("#save-terms");
        assertThat(rep.locator("#flash-success")).isVisible();
        rep.click("#submit-contract");
        assertThat(rep.locator("#contract-status")).hasText("评审中");
        assertThat(rep.locator("#contract-sha256")).isVisible();

        // legal, finance and operations pass, each on their own review form
        String[] departments = {"LEGAL", "FINANCE", "OPERATIONS"};
        User[] reviewers = {r.lawyer(), r.finance(), r.operations()};
        for (int i = 0; i < reviewers.length; i++) {
            Page reviewer = signIn(reviewers[i]);
            reviewer.navigate(base + "/");
            assertThat(reviewer.locator("#contracts-panel")).containsText("无锡辛丑智能科技有限公司");
            reviewer.navigate(contractUrl);
            reviewer.fill("#review-" + departments[i] + " textarea[name=comment]", "同意");
            reviewer.click("#review-" + departments[i] + " .review-pass");
            assertThat(reviewer.locator("#review-state-" + departments[i] + " .review-state")).hasText("通过");
            reviewer.close();
        }

        // the sales manager and the legal head approve (K2)
        for (User approver : new User[] {r.manager(), r.legalHead()}) {
            Page page = signIn(approver);
            page.navigate(contractUrl);
            page.click("#approve-contract");
            assertThat(page.locator("#flash-success")).isVisible();
            page.close();
        }

        // the rep uploads the signed scan and archives the contract
        rep.navigate(contractUrl);
        assertThat(rep.locator("#contract-status")).hasText("已批准");
        rep.setInputFiles("#scan", new FilePayload("签署版.pdf", "application/pdf", TestFiles.signedScan()));
        rep.fill("#signedOn", "2026-12-01");
        rep.fill("#signatories", "甲方：王经理；乙方：张伟");
        rep.click("#sign-contract");
        assertThat(rep.locator("#contract-status")).hasText("已签署");
        assertThat(rep.locator("#contract-files")).containsText("签署版.pdf");
        rep.fill("#location", "档案室 C-1");
        rep.click("#archive-contract");
        assertThat(rep.locator("#contract-status")).hasText("已归档");
        assertThat(rep.locator("#contract-archived")).containsText("档案室 C-1");

        rep.navigate(base + "/opportunities/" + deal.opportunityId());
        assertThat(rep.locator("#opportunity-stage")).hasText("赢单");
        assertThat(rep.locator("#opportunity-contract")).containsText("已归档");
    }
}

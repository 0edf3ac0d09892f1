package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The receivable screens: the finance workbench with the week's due plans, a receipt recorded on a
 * plan's page, the rep's collections-due panel; in Chinese and English with no key left untranslated.
 */
@IntegrationTest
@Import(TestClock.class)
class ReceivableScreensTest {

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    static Reviewers reviewers;

    /** One team for the class: K2 asks the longest-serving legal head, so a second head hired alike would take it over. */
    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("rcs", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    String page(Cookie session, String path, String lang) {
        var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    /** The contract's two payment plans, once planning (after the signing commits) made them. */
    private JsonNode twoPlans(Reviewers r, String contractId) {
        String rep = customers.bearer(mvc, r.rep());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                customers.getJson(mvc, rep, "/api/v1/receivables?contractId=" + contractId).get("items").size() == 2);
        return customers.getJson(mvc, rep, "/api/v1/receivables?contractId=" + contractId).get("items");
    }

    @Test
    void financeSeesTheWeeksDuePlanRecordsTheReceiptOnItsPageAndTheRepsPanelShowsWhatIsDue() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "杭州回款屏幕科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String rep = customers.bearer(mvc, r.rep());
        String contractId = contract.get("id").asString();
        String plan = twoPlans(r, contractId).get(0).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        Cookie repSession = fixtures.session(mvc, r.rep().username(), Fixtures.PASSWORD);

        for (String lang : new String[] {"zh-CN", "en"}) {
            String workbench = page(finance, "/receivables", lang);
            assertThat(workbench).as("due this week").contains(contract.get("number").asString(), "180,000.00");
            page(finance, "/receivables/" + plan, lang);
            assertThat(page(repSession, "/receivables/panel", lang)).contains(contract.get("number").asString());
            page(repSession, "/receivables", lang);
        }
        assertThat(page(repSession, "/receivables/" + plan, "en")).as("a rep records no receipts").doesNotContain("record-receipt");

        assertThat(page(finance, "/receivables/" + plan, "en")).as("the picker offers the days the service accepts")
                .contains("min=\"2026-12-01\"", "max=\"2026-12-15\"");
        var implausible = mvc.post().uri("/receivables/" + plan + "/receipts").with(csrf()).cookie(finance)
                .param("amount", "200000.00").param("receivedOn", "1900-01-01").param("method", "BANK_TRANSFER").exchange();
        assertThat(implausible).hasStatus3xxRedirection();
        assertThat(implausible.getMvcResult().getFlashMap().get("flashError")).isEqualTo("receipt.receivedOn.beforeContract");
        assertThat(page(finance, implausible.getResponse().getRedirectedUrl(), "en")).as("the refusal, shown once")
                .contains("The money cannot have arrived before");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("state").asString())
                .as("a receipt of 1900 is refused on the page as in the API").isEqualTo("PLANNED");

        var posted = mvc.post().uri("/receivables/" + plan + "/receipts").with(csrf()).cookie(finance)
                .param("amount", "200000.00").param("receivedOn", "2026-12-15").param("method", "BANK_TRANSFER")
                .param("payer", "杭州回款屏幕科技有限公司").param("reference", "CCB-77").exchange();
        assertThat(posted).hasStatus3xxRedirection();
        assertThat(page(finance, posted.getResponse().getRedirectedUrl(), "en")).as("the flash names the amount as the screens show it")
                .containsPattern("Receipt SK-\\S+ of 200,000\\.00 is recorded\\.");

        JsonNode paid = customers.getJson(mvc, rep, "/api/v1/receivables/" + plan);
        assertThat(paid.get("state").asString()).isEqualTo("PAID");
        String workbench = page(finance, "/receivables", "en");
        assertThat(workbench).as("the 20 000.00 over the plan waits to be allocated").contains("20,000.00 to allocate");
        assertThat(workbench).as("offered to the customer's plan still open").contains(contract.get("number").asString() + " #2 ");
        assertThat(page(repSession, "/receivables/panel", "en")).doesNotContain(contract.get("number").asString());
        assertThat(page(repSession, "/receivables/contracts/" + contractId + "/figures", "en"))
                .contains("Collected 180,000.00 (30 %)", "invoiced 0.00 (0 %)", "1/2 plans paid");
        assertThat(page(finance, "/receivables/contracts/" + contractId + "/figures", "zh-CN")).contains("已回款 1/2 期");
    }

    @Test
    void aRefusedReceiptSaysWhyWithItsLimitAndTheFormKeepsWhatFinanceTyped() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "湖州收款表单科技有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":90000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":210000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String rep = customers.bearer(mvc, r.rep());
        String contractId = contract.get("id").asString();
        String plan = twoPlans(r, contractId).get(0).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);

        String fresh = page(finance, "/receivables/" + plan, "en");
        assertThat(FormHtml.inputValue(fresh, "receipt-amount")).as("at first the plan's outstanding amount").isEqualTo("90000.00");
        assertThat(FormHtml.inputValue(fresh, "receipt-receivedOn")).isEqualTo("2026-12-15");

        for (String[] lang : new String[][] {{"en", "The amount has more than 16 digits before the decimal point."},
                {"zh-CN", "金额整数部分超过 16 位。"}}) {
            var refused = mvc.post().uri("/receivables/" + plan + "/receipts").with(csrf()).cookie(finance)
                    .param("amount", "99999999999999999999").param("receivedOn", "2026-12-14").param("method", "CASH")
                    .param("payer", "湖州收款表单科技有限公司财务部").param("reference", "ICBC-2026-0042").exchange();
            assertThat(refused).hasStatus3xxRedirection();
            String again = page(finance, "/receivables/" + plan, lang[0]);
            assertThat(again).as("the limit named, " + lang[0]).contains(lang[1]).doesNotContain("{0}");
            assertThat(FormHtml.inputValue(again, "receipt-amount")).as("the amount typed, " + lang[0]).isEqualTo("99999999999999999999");
            assertThat(FormHtml.inputValue(again, "receipt-receivedOn")).isEqualTo("2026-12-14");
            assertThat(FormHtml.inputValue(again, "receipt-payer")).isEqualTo("湖州收款表单科技有限公司财务部");
            assertThat(FormHtml.inputValue(again, "receipt-reference")).isEqualTo("ICBC-2026-0042");
            assertThat(FormHtml.selected(again, "receipt-method")).as("the method chosen").isEqualTo("CASH");
        }
        assertThat(FormHtml.inputValue(page(finance, "/receivables/" + plan, "en"), "receipt-payer")).as("given back once").isEmpty();
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("state").asString()).isEqualTo("PLANNED");
    }

    @Test
    void theContractsPageLinksItsPlansAndFinanceFindsAContractsOpenPlansOnTheWorkbench() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "绍兴远期回款纺织有限公司", "500000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"},
                {"type":"INSTALLMENT","amount":400000.00,"dueDate":"2027-06-30"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        String number = contract.get("number").asString();
        var plans = twoPlans(r, contractId);
        String prepayment = plans.get(0).get("id").asString();
        String nextYear = plans.get(1).get("id").asString();
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        Cookie repSession = fixtures.session(mvc, r.rep().username(), Fixtures.PASSWORD);

        assertThat(page(repSession, "/contracts/" + contractId, "en")).as("the contract's page loads the plans card")
                .contains("/receivables/contracts/" + contractId + "/panel");
        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(finance, "/receivables/contracts/" + contractId + "/panel", lang))
                    .contains("/receivables/" + prepayment, "/receivables/" + nextYear, "2027-06-30", "400,000.00");
        }
        assertThat(page(repSession, "/receivables/contracts/" + contractId + "/panel", "en")).contains("/receivables/" + nextYear);
        Cookie otherRep = fixtures.session(mvc, r.otherRep().username(), Fixtures.PASSWORD);
        assertThat(page(otherRep, "/receivables/contracts/" + contractId + "/panel", "en"))
                .as("out of the receivables' scope: no plan, no link").doesNotContain("/receivables/" + prepayment);

        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(finance, "/receivables?q=" + number, lang)).as("by contract number, the plan due next year too")
                    .contains("/receivables/" + prepayment, "/receivables/" + nextYear);
        }
        assertThat(page(finance, "/receivables?q=远期回款", "en")).as("by the customer's name")
                .contains("/receivables/" + nextYear, "绍兴远期回款纺织有限公司");
        assertThat(page(finance, "/receivables?q=HT-0000-999999", "en")).contains("No open plan matches.")
                .doesNotContain("/receivables/" + nextYear);
        assertThat(page(otherRep, "/receivables?q=" + number, "en")).as("a search stays in the reader's scope")
                .doesNotContain("/receivables/" + nextYear);
    }
}

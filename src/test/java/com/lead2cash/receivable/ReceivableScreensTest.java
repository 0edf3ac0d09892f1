package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.receivable.internal.CollectionRoutine;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.ExportedWorkbook;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
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
    @Autowired CollectionRoutine routine;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    private void notFound(Cookie session, String path, String... params) {
        var request = mvc.post().uri(path).with(csrf()).cookie(session);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        var result = request.exchange();
        assertThat(result).as(path).hasStatus(404);
        assertThat(result).as(path + ": no message for the page").flash().isEmpty();
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
        assertThat(FormHtml.inputValue(fresh, "receipt-amount")).as("at first the plan's outstanding amount, as amounts read").isEqualTo("90,000.00");
        assertThat(FormHtml.inputValue(fresh, "receipt-receivedOn")).isEqualTo("2026-12-15");

        for (String[] lang : new String[][] {{"en", "The number has more than 16 digits before the decimal point."},
                {"zh-CN", "数值整数部分超过 16 位。"}}) {
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
    void aRefusedDueDateOrAStaleVersionComesBackOnThePlansPageWithWhatWasTyped() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "嘉兴核销表单科技有限公司", "200000.00", """
                {"type":"PREPAYMENT","amount":60000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":140000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String plan = twoPlans(r, contract.get("id").asString()).get(0).get("id").asString();
        clock.set(LocalDateTime.parse("2027-02-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        routine.run(); // the prepayment, due 20 December, is overdue: finance may write it off
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String rep = customers.bearer(mvc, r.rep());
        long version = customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("version").asLong();

        // a plan of another team's rep, or none, a receipt that is none: the 404 page, as a GET of it, and nothing changes
        Cookie otherRep = fixtures.session(mvc, r.otherRep().username(), Fixtures.PASSWORD);
        String unknown = "/receivables/" + java.util.UUID.randomUUID();
        for (Object[] asked : new Object[][] {{otherRep, "/receivables/" + plan}, {otherRep, unknown}, {finance, unknown}}) {
            Cookie who = (Cookie) asked[0];
            String path = (String) asked[1];
            notFound(who, path + "/due-date", "dueDate", "2027-03-01", "version", String.valueOf(version));
            notFound(who, path + "/customer-reminded");
            notFound(who, path + "/write-off", "reason", "无法收回", "version", String.valueOf(version));
            notFound(who, path + "/receipts", "amount", "1000.00", "receivedOn", "2027-02-15", "method", "CASH");
        }
        String noReceipt = "/receipts/" + java.util.UUID.randomUUID();
        notFound(finance, noReceipt + "/allocations", "receivableId", plan, "amount", "1000.00", "version", "0");
        notFound(finance, noReceipt + "/reversal", "reason", "付款方账户错误", "version", "0");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("version").asLong()).isEqualTo(version);

        String fresh = page(finance, "/receivables/" + plan, "en");
        assertThat(FormHtml.inputValue(fresh, "due-date")).as("at first the plan's due date").isEqualTo("2026-12-20");
        assertThat(FormHtml.inputValue(fresh, "write-off-reason")).isEmpty();

        var dueDate = mvc.post().uri("/receivables/" + plan + "/due-date").with(csrf()).cookie(finance)
                .param("dueDate", "2026-11-20").param("reason", "客户申请").param("version", String.valueOf(version)).exchange();
        assertThat(dueDate).as("a day before the signing").hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "receivable.dueDate.beforeSigning");
        assertThat(FormHtml.inputValue(page(finance, "/receivables/" + plan, "zh-CN"), "due-date"))
                .as("the day typed, not the plan's").isEqualTo("2026-11-20");
        assertThat(FormHtml.inputValue(page(finance, "/receivables/" + plan, "en"), "due-date")).as("given back once")
                .isEqualTo("2026-12-20");
        // a day past the years a record can have (the picker bypassed): the same, on the page, not the error page
        assertThat(fresh).as("the browser is told the years a record can have").containsPattern(
                "<input(?=[^>]*id=\"due-date\")(?=[^>]*min=\"1900-01-01\")(?=[^>]*max=\"2199-12-31\")[^>]*>");
        assertThat(page(finance, "/receipts", "en")).as("the list's filters alike")
                .containsPattern("<input(?=[^>]*id=\"f-from\")(?=[^>]*min=\"1900-01-01\")(?=[^>]*max=\"2199-12-31\")[^>]*>")
                .containsPattern("<input(?=[^>]*id=\"f-to\")(?=[^>]*min=\"1900-01-01\")(?=[^>]*max=\"2199-12-31\")[^>]*>");
        assertThat(mvc.post().uri("/receivables/" + plan + "/due-date").with(csrf()).cookie(finance)
                .param("dueDate", "9999-01-01").param("reason", "客户申请").param("version", String.valueOf(version)).exchange())
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "error.input.dateOutOfRange");
        String farAhead = page(finance, "/receivables/" + plan, "en");
        assertThat(farAhead).contains("The date must lie between 1900-01-01 and 2199-12-31.");
        assertThat(FormHtml.inputValue(farAhead, "due-date")).isEqualTo("9999-01-01");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("version").asLong())
                .as("nothing saved").isEqualTo(version);

        // a write-off on a version changed meanwhile comes back on the plan's page with the message and the reason typed
        String reason = "客户已进入破产清算程序，法院裁定受理（2027）浙04破1号，预计无可分配财产。";
        var stale = mvc.post().uri("/receivables/" + plan + "/write-off").with(csrf()).cookie(finance)
                .param("reason", reason).param("version", String.valueOf(version + 1)).exchange();
        assertThat(stale).as("a stale version").hasStatus3xxRedirection().hasRedirectedUrl("/receivables/" + plan)
                .flash().containsEntry("flashError", "error.staleVersion");
        String back = page(finance, "/receivables/" + plan, "zh-CN");
        assertThat(back).as("the message on the plan's page").contains("该记录已被他人修改");
        assertThat(FormHtml.inputValue(back, "write-off-reason")).as("the reason typed").isEqualTo(reason);
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("state").asString()).isEqualTo("OVERDUE");

        // so does a due date on a stale version, with the day typed
        var staleDay = mvc.post().uri("/receivables/" + plan + "/due-date").with(csrf()).cookie(finance)
                .param("dueDate", "2027-03-01").param("reason", "客户申请").param("version", String.valueOf(version + 1)).exchange();
        assertThat(staleDay).hasStatus3xxRedirection().hasRedirectedUrl("/receivables/" + plan)
                .flash().containsEntry("flashError", "error.staleVersion");
        back = page(finance, "/receivables/" + plan, "en");
        assertThat(back).contains("Someone else changed this record meanwhile");
        assertThat(FormHtml.inputValue(back, "due-date")).as("the day typed").isEqualTo("2027-03-01");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void aDueDateTheContractSetIsMovedOnThePlansPageByFinanceAloneWithAReasonShownInItsHistory() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "湖州改期表单科技有限公司", "200000.00", """
                {"type":"PREPAYMENT","amount":60000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":140000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        JsonNode both = twoPlans(r, contract.get("id").asString());
        String plan = both.get(0).get("id").asString();
        String onAcceptance = both.get(1).get("id").asString();
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        Cookie repSession = fixtures.session(mvc, r.rep().username(), Fixtures.PASSWORD);
        String rep = customers.bearer(mvc, r.rep());
        long version = customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("version").asLong();

        assertThat(page(repSession, "/receivables/" + plan, "en")).as("the rep is offered no date to move")
                .doesNotContain("id=\"due-date\"");
        assertThat(page(repSession, "/receivables/" + onAcceptance, "en")).as("but fixes one the condition never set")
                .contains("id=\"due-date\"").doesNotContain("id=\"due-date-reason\"");
        var refused = mvc.post().uri("/receivables/" + plan + "/due-date").with(csrf()).cookie(repSession)
                .param("dueDate", "2030-01-01").param("reason", "客户要求").param("version", String.valueOf(version)).exchange();
        assertThat(refused).as("the form bypassed").hasStatus(403);

        assertThat(page(finance, "/receivables/" + plan, "zh-CN")).as("finance says why").contains("id=\"due-date-reason\"");
        var noReason = mvc.post().uri("/receivables/" + plan + "/due-date").with(csrf()).cookie(finance)
                .param("dueDate", "2027-01-20").param("reason", " ").param("version", String.valueOf(version)).exchange();
        assertThat(noReason).hasStatus3xxRedirection().flash().containsEntry("flashError", "receivable.dueDate.reasonRequired");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("dueDate").asString()).isEqualTo("2026-12-20");

        var moved = mvc.post().uri("/receivables/" + plan + "/due-date").with(csrf()).cookie(finance)
                .param("dueDate", "2027-01-20").param("reason", "客户申请延期，已书面确认").param("version", String.valueOf(version))
                .exchange();
        assertThat(moved).hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "receivable.dueDate.saved");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + plan).get("dueDate").asString()).isEqualTo("2027-01-20");
        for (String lang : new String[] {"zh-CN", "en"}) {
            String seen = page(repSession, "/receivables/" + plan, lang);
            assertThat(seen).as("the history on the rep's page too").contains("plan-due-date-history", "2026-12-20 → 2027-01-20",
                    "客户申请延期，已书面确认", r.finance().displayName());
        }
    }

    @Test
    void aRefusedAllocationOnTheWorkbenchKeepsThePlanChosenAndTheAmountTyped() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "台州分配表单科技有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"},
                {"type":"ON_DELIVERY","amount":50000.00,"dueDate":"2027-01-20"},
                {"type":"ACCEPTANCE","amount":150000.00,"dueDate":"2027-03-20"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        String rep = customers.bearer(mvc, r.rep());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                customers.getJson(mvc, rep, "/api/v1/receivables?contractId=" + contractId).get("items").size() == 3);
        JsonNode plans = customers.getJson(mvc, rep, "/api/v1/receivables?contractId=" + contractId).get("items");
        String acceptance = plans.get(2).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        var recorded = customers.post(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receipts", """
                {"customerId":"%s","amount":120000.00,"receivedOn":"2026-12-15","method":"BANK_TRANSFER",
                 "allocations":[{"receivableId":"%s","amount":100000.00}]}""".formatted(
                plans.get(0).get("customerId").asString(), plans.get(0).get("id").asString()));
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        JsonNode receipt = customers.json(recorded);
        String receiptId = receipt.get("id").asString();
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);

        String fresh = page(finance, "/receivables", "en");
        assertThat(FormHtml.options(fresh, "allocate-plan-" + receiptId)).as("the customer's open plans")
                .containsExactly(plans.get(1).get("id").asString(), acceptance);
        assertThat(FormHtml.selected(fresh, "allocate-plan-" + receiptId)).isEqualTo(plans.get(1).get("id").asString());
        assertThat(FormHtml.inputValue(fresh, "allocate-amount-" + receiptId)).as("what is left, as amounts read").isEqualTo("20,000.00");

        var refused = mvc.post().uri("/receipts/" + receiptId + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "25000.00")
                .param("version", receipt.get("version").asString()).exchange();
        assertThat(refused).as("more than the receipt has left").hasStatus3xxRedirection()
                .flash().containsEntry("flashError", "receipt.allocation.exceedsReceipt");
        String again = page(finance, "/receivables", "zh-CN");
        assertThat(FormHtml.selected(again, "allocate-plan-" + receiptId)).as("the plan chosen").isEqualTo(acceptance);
        assertThat(FormHtml.inputValue(again, "allocate-amount-" + receiptId)).as("the amount typed").isEqualTo("25000.00");
        String later = page(finance, "/receivables", "en");
        assertThat(FormHtml.inputValue(later, "allocate-amount-" + receiptId)).as("given back once").isEqualTo("20,000.00");
        assertThat(FormHtml.selected(later, "allocate-plan-" + receiptId)).isEqualTo(plans.get(1).get("id").asString());
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
        // a contract the reader may not open: its cards are not found, as its page is (walk 55b: "no payment plans yet")
        for (String card : new String[] {"/panel", "/figures"}) {
            var outside = mvc.get().uri("/receivables/contracts/" + contractId + card + "?lang=en").cookie(otherRep).exchange();
            assertThat(outside).as(card).hasStatus(404);
            assertThat(new String(outside.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                    .doesNotContain("/receivables/" + prepayment, number, "No payment plans");
        }

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

    /** The contract's {@code count} plans sorted by position, once planning (after the signing commits) made them. */
    private java.util.List<JsonNode> plansOf(Reviewers r, String contractId, int count) {
        String rep = customers.bearer(mvc, r.rep());
        String uri = "/api/v1/receivables?contractId=" + contractId;
        await().atMost(Duration.ofSeconds(20)).until(() -> customers.getJson(mvc, rep, uri).get("items").size() == count);
        return java.util.stream.StreamSupport.stream(customers.getJson(mvc, rep, uri).get("items").spliterator(), false)
                .sorted(java.util.Comparator.comparingInt(p -> p.get("position").asInt())).toList();
    }

    private JsonNode plan(String token, String id) {
        return customers.getJson(mvc, token, "/api/v1/receivables/" + id);
    }

    /** The receipts of that payer (unique per test) over the API, as finance reads them. */
    private JsonNode receiptsOf(String financeToken, String payer) {
        return customers.getJson(mvc, financeToken, "/api/v1/receipts?payer=" + payer).get("items");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult postReceipt(Cookie session, String... namesAndValues) {
        var post = mvc.post().uri("/receipts").with(csrf()).cookie(session);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            post = post.param(namesAndValues[i], namesAndValues[i + 1]);
        }
        return post.exchange();
    }

    /**
     * The page a form redirected to, as the browser follows it: the flash waits in the session the cookie names, for
     * the one request that follows.
     */
    private String followed(Cookie session, org.springframework.test.web.servlet.assertj.MvcTestResult refused, String lang) {
        assertThat(refused).hasStatus3xxRedirection();
        String location = refused.getResponse().getRedirectedUrl();
        var result = mvc.get().uri(location + (location.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(location).hasStatusOk();
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key on " + location).doesNotContain("??");
        return html;
    }

    private static String inputTag(String html, String id) {
        var tag = java.util.regex.Pattern.compile("<input\\b[^>]*\\bid=\"" + java.util.regex.Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(tag.find()).as("input #" + id).isTrue();
        return tag.group();
    }

    @Test
    void financeRecordsAReceiptFromTheReceiptsListSplitOverTwoOfTheCustomersPlans() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "嘉兴分摊收款电子有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String customerId = contract.get("customerId").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String financeToken = customers.bearer(mvc, r.finance());

        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(finance, "/receipts", lang)).as("the list offers the form").contains("href=\"/receipts/new\"");
            String form = page(finance, "/receipts/new", lang);
            assertThat(form).contains("id=\"customer-search\"", "id=\"receipt-amount\"", "id=\"receipt-customer-missing\"")
                    .doesNotContain("hx-swap-oob");
        }
        assertThat(page(finance, "/receipts/new/customers?q=分摊收款", "en")).as("the customer module's search")
                .contains("嘉兴分摊收款电子有限公司", "/receipts/new/details?chosen=" + customerId);
        for (String lang : new String[] {"zh-CN", "en"}) {
            String details = page(finance, "/receipts/new/details?chosen=" + customerId + "&amount=300000&payer=嘉兴分摊", lang);
            assertThat(details).as("the customer's open plans, each with its field")
                    .contains("alloc-" + prepayment, "alloc-" + acceptance, "180,000.00", "420,000.00", "2026-12-20")
                    .contains("name=\"customerId\" value=\"" + customerId + "\"")
                    .as("the picker bounded as the service is").contains("min=\"2026-12-01\"", "max=\"2026-12-15\"");
            assertThat(details).as("the picker's matches close").contains("id=\"customer-options\" class=\"list-group mt-1\" hx-swap-oob=\"true\"");
            assertThat(FormHtml.inputValue(details, "receipt-amount")).as("typed before choosing, kept").isEqualTo("300000");
            assertThat(FormHtml.inputValue(details, "receipt-payer")).isEqualTo("嘉兴分摊");
        }

        var posted = postReceipt(finance, "customerId", customerId, "amount", "300,000.00", "receivedOn", "2026-12-15",
                "method", "BANK_TRANSFER", "payer", "嘉兴分摊收款电子有限公司", "reference", "CCB-2026-1215",
                "alloc-" + prepayment, "180000.00", "alloc-" + acceptance, "100,000.00");
        assertThat(posted).hasStatus3xxRedirection().hasRedirectedUrl("/receipts");
        var flash = posted.getMvcResult().getFlashMap();
        assertThat(flash.get("flashSuccess")).isEqualTo("receipt.new.recorded");

        assertThat(plan(financeToken, prepayment).get("state").asString()).isEqualTo("PAID");
        assertThat(plan(financeToken, prepayment).get("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(plan(financeToken, acceptance).get("state").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(plan(financeToken, acceptance).get("outstanding").decimalValue()).isEqualByComparingTo("320000.00");
        JsonNode listed = receiptsOf(financeToken, "嘉兴分摊收款电子有限公司");
        assertThat(listed.size()).isEqualTo(1);
        JsonNode receipt = customers.getJson(mvc, financeToken, "/api/v1/receipts/" + listed.get(0).get("id").asString());
        assertThat(receipt.get("customerId").asString()).isEqualTo(customerId);
        assertThat(receipt.get("allocations")).extracting(a -> a.get("receivableId").asString() + " "
                        + a.get("amount").decimalValue().setScale(2).toPlainString())
                .containsExactlyInAnyOrder(prepayment + " 180000.00", acceptance + " 100000.00");
        assertThat(receipt.get("unallocated").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(((Object[]) flash.get("flashArgs"))[0]).as("the flash names the receipt").isEqualTo(receipt.get("number").asString());

        String number = receipt.get("number").asString();
        assertThat(followed(finance, posted, "zh-CN")).as("the list, with the receipt and what became of it")
                .contains("收款 " + number + "（300,000.00）已登记：已分配 280,000.00，待分配 20,000.00。", "CCB-2026-1215");
    }

    @Test
    void anAdvancePaymentOfACustomerWithoutOpenPlansIsRecordedWithNothingAllocated() {
        Reviewers r = reviewers();
        String customerId = customers.customer(mvc, customers.bearer(mvc, r.rep()), "舟山预收款海运有限公司", null)
                .get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String financeToken = customers.bearer(mvc, r.finance());

        for (String lang : new String[] {"zh-CN", "en"}) {
            String form = page(finance, "/receipts/new?customerId=" + customerId, lang);
            assertThat(form).as("no plan to split over: said so").contains("id=\"receipt-no-open-plans\"")
                    .doesNotContain("alloc-").as("no contract: as far back as vouchers are kept")
                    .contains("min=\"1996-12-15\"", "max=\"2026-12-15\"");
            assertThat(page(finance, "/receipts/new/details?chosen=" + customerId, lang)).contains("id=\"receipt-no-open-plans\"");
        }

        var posted = postReceipt(finance, "customerId", customerId, "amount", "50000", "receivedOn", "2026-12-14",
                "method", "ACCEPTANCE_BILL", "payer", "舟山预收款海运有限公司", "reference", "");
        assertThat(posted).hasStatus3xxRedirection().hasRedirectedUrl("/receipts");
        JsonNode listed = receiptsOf(financeToken, "舟山预收款海运有限公司");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("amount").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(listed.get(0).get("unallocated").decimalValue()).as("all of it waits").isEqualByComparingTo("50000.00");
        assertThat(listed.get(0).get("method").asString()).isEqualTo("ACCEPTANCE_BILL");
        assertThat(followed(finance, posted, "en")).contains("Receipt " + listed.get(0).get("number").asString()
                + " of 50,000.00 is recorded: 0.00 allocated, 50,000.00 left unallocated.");
        assertThat(page(finance, "/receivables", "en")).as("waiting on the workbench, whose it is said")
                .contains(listed.get(0).get("number").asString(), "<span class=\"receipt-customer\">舟山预收款海运有限公司</span>");
    }

    /** The receipts list filters by a customer as GET /api/v1/receipts?customerId= does, chosen in a customer picker. */
    @Test
    void theReceiptsListFiltersByTheCustomerChosenInItsPickerAndKeepsTheFilterOnItsNextPage() throws Exception {
        Reviewers r = reviewers();
        String rep = customers.bearer(mvc, r.rep());
        String customerId = customers.customer(mvc, rep, "衢州按客户筛选收款有限公司", null).get("id").asString();
        String otherId = customers.customer(mvc, rep, "衢州按客户筛选收款二号有限公司", null).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        postReceipt(finance, "customerId", customerId, "amount", "1000", "receivedOn", "2026-12-14",
                "method", "BANK_TRANSFER", "payer", "衢州筛选付款", "reference", "QZ-CF-1");
        postReceipt(finance, "customerId", otherId, "amount", "2000", "receivedOn", "2026-12-14",
                "method", "BANK_TRANSFER", "payer", "衢州筛选付款", "reference", "QZ-CF-2");
        JsonNode both = receiptsOf(customers.bearer(mvc, r.finance()), "衢州筛选付款");
        assertThat(both.size()).isEqualTo(2);
        String mine = both.valueStream().filter(x -> x.get("customerId").asString().equals(customerId)).findFirst()
                .orElseThrow().get("id").asString();
        String others = both.valueStream().filter(x -> x.get("customerId").asString().equals(otherId)).findFirst()
                .orElseThrow().get("id").asString();

        // the picker: the customer module's search offers both, and the one chosen becomes the form's filter
        assertThat(page(finance, "/receipts/customer-filter/options?customerSearch=衢州按客户筛选", "en"))
                .contains("/receipts/customer-filter?customerId=" + customerId, "/receipts/customer-filter?customerId=" + otherId);
        String chosen = page(finance, "/receipts/customer-filter?customerId=" + customerId, "en");
        assertThat(FormHtml.inputValue(chosen, "receipt-filter-customer-id")).isEqualTo(customerId);
        assertThat(inputTag(chosen, "receipt-filter-customer-id")).as("sent with the filters").contains("form=\"receipt-filters\"");
        assertThat(chosen).contains("衢州按客户筛选收款有限公司");
        assertThat(page(finance, "/receipts/customer-filter", "en")).as("any customer again").contains("id=\"f-customer\"")
                .doesNotContain("name=\"customerId\"");

        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(receiptsShown(page(finance, "/receipts?payer=衢州筛选付款", lang))).as("unfiltered")
                    .containsExactlyInAnyOrder(mine, others);
            String filtered = page(finance, "/receipts?payer=衢州筛选付款&customerId=" + customerId, lang);
            assertThat(receiptsShown(filtered)).as("the customer's only").containsExactly(mine);
            assertThat(filtered).as("the filter shown chosen").contains("id=\"receipt-filter-customer\"", "衢州按客户筛选收款有限公司")
                    .contains("customerId=" + customerId + "\"");
        }
        assertThat(receiptsShown(page(finance, "/receipts?customerId=" + java.util.UUID.randomUUID(), "en")))
                .as("a customer no receipt names: none, as the API answers").isEmpty();
        assertThat(mvc.get().uri("/receipts?customerId=abc").cookie(finance)).hasStatus(400);

        // the export takes the filter too, and its audit names the customer
        Cookie director = fixtures.session(mvc, r.director().username(), Fixtures.PASSWORD);
        var exported = com.lead2cash.testing.SpreadsheetCells.rows(ExportedWorkbook.file(mvc, director,
                "/receipts/export.xlsx?payer=衢州筛选付款&customerId=" + customerId + "&lang=en"));
        assertThat(exported).as("the headers and the customer's receipt alone").hasSize(2);
        assertThat(exported.get(1).getCellText(2)).isEqualTo("衢州按客户筛选收款有限公司");
        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Receipt'
                and actor_name = :u and detail like 'receipt.audit.exportedOfCustomer%'""")
                .param("u", r.director().username()).query(String.class).single())
                .isEqualTo(String.join("\n", "receipt.audit.exportedOfCustomer", "1", "receipt.filter.any",
                        "receipt.filter.any", "receipt.filter.any", "receipt.filter.any", "衢州筛选付款", "衢州按客户筛选收款有限公司"));

        // more of the customer's receipts than a page holds, on an old day so they sort after everyone else's
        jdbc.sql("""
                insert into receivable_receipt (id, number, customer_id, amount, allocated_amount, currency, received_on,
                    method, payer, reference, state, recorded_by, recorded_at, version, reference_duplicate)
                select gen_random_uuid(), number || '-CF' || g, customer_id, amount, amount, currency, date '2026-07-01',
                    method, payer, reference || '-' || g, state, recorded_by, recorded_at + g * interval '1 second', 0, false
                from receivable_receipt, generate_series(1, 60) g where id = :id::uuid""")
                .param("id", mine).update();
        String list = page(finance, "/receipts?customerId=" + customerId, "en");
        List<String> firstPage = receiptsShown(list);
        assertThat(firstPage).hasSize(50).startsWith(mine);
        String more = list.substring(list.indexOf("class=\"load-more\""));
        String url = more.substring(more.indexOf("hx-get=\"") + 8, more.indexOf('"', more.indexOf("hx-get=\"") + 8))
                .replace("&amp;", "&");
        assertThat(url).as("the next page asked for with the filter").contains("customerId=" + customerId);
        var next = mvc.get().uri(url).header("HX-Request", "true").cookie(finance).exchange();
        assertThat(next).hasStatusOk();
        String rows = new String(next.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> secondPage = receiptsShown(rows);
        assertThat(secondPage).as("the rest of the customer's, after the first page").hasSize(11)
                .doesNotContainAnyElementsOf(firstPage);
        assertThat(jdbc.sql("select count(*) from receivable_receipt where customer_id = :c and id::text in (:ids)")
                .param("c", java.util.UUID.fromString(customerId)).param("ids", secondPage).query(Integer.class).single())
                .as("all of them the customer's").isEqualTo(11);
    }

    /** The receipts the list's rows show, in order. */
    private static List<String> receiptsShown(String html) {
        return java.util.regex.Pattern.compile("class=\"receipt-link\" href=\"/receipts/([0-9a-f-]{36})\"").matcher(html)
                .results().map(m -> m.group(1)).toList();
    }

    @Test
    void theReceiptsLedgerExportsAsFilteredForItsReadersOnlyWithFormulasNeutralised() throws Exception {
        Reviewers r = reviewers();
        String customerId = customers.customer(mvc, customers.bearer(mvc, r.rep()), "温州导出收款有限公司", null)
                .get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String formula = "=HYPERLINK(\"http://evil.example/\",\"温州导出付款\")";
        postReceipt(finance, "customerId", customerId, "amount", "50000.50", "receivedOn", "2026-12-14",
                "method", "BANK_TRANSFER", "payer", formula, "reference", "@SUM(1+1)");
        postReceipt(finance, "customerId", customerId, "amount", "1200", "receivedOn", "2026-12-13",
                "method", "CASH", "payer", "温州导出付款现金");
        postReceipt(finance, "customerId", customerId, "amount", "800", "receivedOn", "2026-12-01",
                "method", "BANK_TRANSFER", "payer", "温州导出付款月初");
        assertThat(receiptsOf(customers.bearer(mvc, r.finance()), "温州导出付款").size()).isEqualTo(3);
        assertThat(page(finance, "/receipts?payer=温州导出付款&method=BANK_TRANSFER", "en")).as("the button takes the filters")
                .contains("id=\"export-receipts\"", "/receipts/export.xlsx?", "method=BANK_TRANSFER", "payer=%E6%B8%A9");

        byte[] allFile = ExportedWorkbook.file(mvc, finance, "/receipts/export.xlsx?payer=温州导出付款&method=BANK_TRANSFER&from=2026-12-10&lang=zh-CN");
        var all = com.lead2cash.testing.SpreadsheetCells.rows(allFile);
        assertThat(all.get(0).getCellText(0)).as("headers in the reader's language").isEqualTo("收款编号");
        assertThat(all.get(0).getCellText(4)).isEqualTo("付款方");
        assertThat(all).as("the bank transfer since the 10th only: not the cash, not the one of the 1st").hasSize(2);
        var row = all.get(1);
        assertThat(row.getCellText(2)).isEqualTo("温州导出收款有限公司");
        assertThat(row.getCellText(3)).isEqualTo("银行转账");
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(allFile, row.getCell(4), formula); // a payer typed as a formula stays text
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(allFile, row.getCell(5), "@SUM(1+1)");
        assertThat(row.getCellAsDate(1)).hasValue(LocalDateTime.parse("2026-12-14T00:00"));
        assertThat(row.getCellAsNumber(6)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("50000.50"));
        assertThat(row.getCellAsNumber(7)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("0"));
        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Receipt'
                and actor_name = :u""").param("u", r.finance().username()).query(String.class).single())
                .as("a message key and its arguments, said in the reader's language on the audit screen")
                .isEqualTo(String.join("\n", "receipt.audit.exported", "1", "2026-12-10", "receipt.filter.any",
                        "receipt.method.BANK_TRANSFER", "receipt.filter.any", "温州导出付款"));

        // a filter the list refuses (a payer of 101 characters) is refused as on the list, not a 500 for a started file
        var refused = mvc.get().uri("/receipts/export.xlsx?lang=en&payer=" + "付".repeat(101)).cookie(finance).exchange();
        assertThat(refused).hasStatus(422);
        assertThat(refused.getResponse().getContentType()).startsWith("text/html");
        assertThat(refused.getResponse().getHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(new String(refused.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).contains("error-detail");

        for (var who : new com.lead2cash.platform.internal.identity.User[] {r.rep(), r.manager()}) {
            assertThat(mvc.get().uri("/receipts/export.xlsx").cookie(fixtures.session(mvc, who.username(), Fixtures.PASSWORD)))
                    .as("receipts are read by finance and those who see all receivables: so exported").hasStatus(403);
        }
    }

    @Test
    void thePaymentPlansExportAsTheWorkbenchFindsThemInTheReadersScopeWithFormulasNeutralised() throws Exception {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "=丽水导出回款科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        JsonNode other = contracts.sign(mvc, r, "衢州导出对照回款有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":300000.00,"dueDate":"2026-12-25"}""", "2026-12-01");
        String number = contract.get("number").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        plansOf(r, other.get("id").asString(), 1);
        // the class signs with one team: the acceptance plan goes to the other team's rep, as a transfer would move it
        jdbc.sql("update receivable_plan set owner_id = :owner where id = cast(:id as uuid)")
                .param("owner", r.otherRep().id()).param("id", plans.get(1).get("id").asString()).update();
        Cookie rep = fixtures.session(mvc, r.rep().username(), Fixtures.PASSWORD);
        assertThat(page(rep, "/receivables?q=丽水导出回款", "en")).as("the button takes the search")
                .contains("id=\"export-plans\"", "/receivables/export.xlsx?q=%E4%B8%BD");

        byte[] foundFile = ExportedWorkbook.file(mvc, rep, "/receivables/export.xlsx?q=丽水导出回款&lang=zh-CN");
        var found = com.lead2cash.testing.SpreadsheetCells.rows(foundFile);
        assertThat(found.get(0).getCellText(0)).as("headers in the reader's language").isEqualTo("合同");
        assertThat(found.get(0).getCellText(4)).isEqualTo("金额");
        assertThat(found).as("the contract's plan the rep may see; not the other customer's").hasSize(2);
        var row = found.get(1);
        assertThat(row.getCellText(0)).isEqualTo(number);
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(foundFile, row.getCell(1), "=丽水导出回款科技有限公司"); // a customer named as a formula stays text
        assertThat(row.getCellText(2)).isEqualTo("预付款");
        assertThat(row.getCellAsNumber(4)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("180000.00"));
        assertThat(row.getCellAsNumber(6)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("180000.00"));
        assertThat(row.getCellAsDate(7)).hasValue(LocalDateTime.parse("2026-12-20T00:00"));

        var all = ExportedWorkbook.rows(mvc, rep, "/receivables/export.xlsx?lang=en");
        assertThat(all.stream().map(p -> p.getCellText(0)).toList()).as("every plan of the rep, another team's none")
                .contains(number, other.get("number").asString()).containsOnlyOnce(number);
        var west = ExportedWorkbook.rows(mvc, fixtures.session(mvc, r.otherRep().username(), Fixtures.PASSWORD), "/receivables/export.xlsx?lang=en");
        assertThat(west).as("the other team's rep: the plan moved to them, nothing of the east's").hasSize(2);
        assertThat(west.get(1).getCellText(0)).isEqualTo(number);
        assertThat(west.get(1).getCellText(8)).isEqualTo("验收合格后 30 日内");

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Receivable'
                and actor_name = :u order by id""").param("u", r.rep().username()).query(String.class).list())
                .as("a message key and its arguments, said in the reader's language on the audit screen")
                .containsExactly(String.join("\n", "receivable.audit.plansExported", "1", "丽水导出回款"),
                        String.join("\n", "receivable.audit.plansExported", String.valueOf(all.size() - 1),
                                "audit.detail.noSearch"));
    }

    @Test
    void aRefusedReceiptComesBackOnTheFormWithEverythingTypedAndNothingIsRecorded() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "台州拒收表单机械有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":90000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":210000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String customerId = contract.get("customerId").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        JsonNode other = contracts.sign(mvc, r, "台州别家客户机械有限公司", "100000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String othersPlan = plansOf(r, other.get("id").asString(), 1).get(0).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String financeToken = customers.bearer(mvc, r.finance());
        String payer = "台州拒收表单机械有限公司财务部";

        // {what is wrong, the refusal, the field marked, amount, day, first plan's part, second plan's part}
        String[][] refusals = {
                {"allocations above the receipt", "receipt.allocation.exceedsReceipt", null, "100000.00", "2026-12-14", "90000.00", "20000.00"},
                {"above what a plan owes", "receivable.allocation.exceedsPlan", null, "200000.00", "2026-12-14", "90000.01", ""},
                {"before the contract was drafted", "receipt.receivedOn.beforeContract", "receivedOn", "1000.00", "2026-11-30", "1000.00", ""},
                {"in the future", "receipt.receivedOn.future", "receivedOn", "1000.00", "2026-12-16", "1000.00", ""},
                {"no amount", "receipt.amount.positive", "amount", "一千", "2026-12-14", "", "1000.00"},
                {"a negative part", "receipt.allocation.amount", "alloc-" + acceptance, "1000.00", "2026-12-14", "", "-5"},
        };
        for (int i = 0; i < refusals.length; i++) {
            String[] refusal = refusals[i];
            var refused = postReceipt(finance, "customerId", customerId, "amount", refusal[3], "receivedOn", refusal[4],
                    "method", "CASH", "payer", payer, "reference", "ICBC-2026-0042",
                    "alloc-" + prepayment, refusal[5], "alloc-" + acceptance, refusal[6]);
            assertThat(refused).as(refusal[0]).hasStatus3xxRedirection()
                    .hasRedirectedUrl("/receipts/new?customerId=" + customerId);
            assertThat(refused.getMvcResult().getFlashMap().get("flashError")).as(refusal[0]).isEqualTo(refusal[1]);
            String lang = i % 2 == 0 ? "en" : "zh-CN"; // the flash is for the one request that follows: one language
            String again = followed(finance, refused, lang);
            assertThat(again).as(refusal[0] + ": the refusal shown, " + lang).contains("id=\"flash-error\"").doesNotContain("{0}");
            assertThat(FormHtml.inputValue(again, "receipt-amount")).as(refusal[0]).isEqualTo(refusal[3]);
            assertThat(FormHtml.inputValue(again, "receipt-receivedOn")).isEqualTo(refusal[4]);
            assertThat(FormHtml.selected(again, "receipt-method")).isEqualTo("CASH");
            assertThat(FormHtml.inputValue(again, "receipt-payer")).isEqualTo(payer);
            assertThat(FormHtml.inputValue(again, "receipt-reference")).isEqualTo("ICBC-2026-0042");
            assertThat(FormHtml.inputValue(again, "alloc-" + prepayment)).isEqualTo(refusal[5]);
            assertThat(FormHtml.inputValue(again, "alloc-" + acceptance)).isEqualTo(refusal[6]);
            assertThat(again).as("the customer still chosen").contains("name=\"customerId\" value=\"" + customerId + "\"");
            if (refusal[2] != null) {
                String input = refusal[2].startsWith("alloc-") ? refusal[2] : "receipt-" + refusal[2];
                assertThat(inputTag(again, input)).as(refusal[0] + ": the field marked").contains("is-invalid");
            }
        }
        assertThat(followed(finance, postReceipt(finance, "customerId", customerId, "amount", "100000.00", "receivedOn",
                "2026-12-14", "method", "CASH", "payer", payer, "alloc-" + prepayment, "90000.00", "alloc-" + acceptance,
                "20000.00"), "en")).as("the limit named").contains("Only 100,000.00 of the receipt is left to allocate.");

        var othersPlanRefused = postReceipt(finance, "customerId", customerId, "amount", "1000.00", "receivedOn", "2026-12-14",
                "method", "CASH", "payer", payer, "alloc-" + othersPlan, "1000.00");
        assertThat(othersPlanRefused.getMvcResult().getFlashMap().get("flashError")).as("a plan of another customer")
                .isEqualTo("receipt.allocation.otherCustomer");
        assertThat(followed(finance, othersPlanRefused, "zh-CN")).contains("合同 " + other.get("number").asString() + " 的回款计划属于其他客户。");
        var noCustomer = postReceipt(finance, "amount", "1000.00", "receivedOn", "2026-12-14", "method", "CASH", "payer", payer);
        assertThat(noCustomer).hasRedirectedUrl("/receipts/new");
        assertThat(noCustomer.getMvcResult().getFlashMap().get("flashError")).isEqualTo("receipt.customer.required");
        assertThat(FormHtml.inputValue(followed(finance, noCustomer, "en"), "receipt-payer")).isEqualTo(payer);

        assertThat(postReceipt(finance, "customerId", java.util.UUID.randomUUID().toString(), "amount", "1000.00",
                "receivedOn", "2026-12-14", "method", "CASH")).as("no such customer").hasStatus(404);
        assertThat(postReceipt(finance, "customerId", "not-an-id", "amount", "1000.00")).hasStatus(404);
        assertThat(postReceipt(finance, "customerId", customerId, "amount", "1000.00", "receivedOn", "2026-12-14",
                "method", "CASH", "alloc-" + java.util.UUID.randomUUID(), "1000.00")).as("no such plan").hasStatus(404);
        assertThat(mvc.get().uri("/receipts/new?customerId=" + java.util.UUID.randomUUID()).cookie(finance)).hasStatus(404);
        assertThat(mvc.get().uri("/receipts/new/details?chosen=" + java.util.UUID.randomUUID()).cookie(finance)).hasStatus(404);

        // a method that is none of those offered was not chosen by a person: the request cannot be read (400, decision
        // 0014), on the receipts list's form as on a plan's; none chosen is asked for on the form
        assertThat(postReceipt(finance, "customerId", customerId, "amount", "1000.00", "receivedOn", "2026-12-14",
                "method", "BITCOIN", "payer", payer, "alloc-" + prepayment, "1000.00")).as("a method not offered").hasStatus(400);
        assertThat(mvc.post().uri("/receivables/" + prepayment + "/receipts").with(csrf()).cookie(finance)
                .param("amount", "1000.00").param("receivedOn", "2026-12-14").param("method", "BITCOIN")
                .param("payer", payer).exchange()).as("a method not offered, on the plan's page").hasStatus(400);
        var noMethod = postReceipt(finance, "customerId", customerId, "amount", "1000.00", "receivedOn", "2026-12-14",
                "method", "", "payer", payer);
        assertThat(noMethod).hasRedirectedUrl("/receipts/new?customerId=" + customerId);
        assertThat(noMethod.getMvcResult().getFlashMap().get("flashError")).isEqualTo("receipt.method.required");

        assertThat(receiptsOf(financeToken, payer).size()).as("nothing recorded").isZero();
        assertThat(plan(financeToken, prepayment).get("state").asString()).isEqualTo("PLANNED");
        assertThat(plan(financeToken, acceptance).get("paidAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(plan(financeToken, othersPlan).get("paidAmount").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aBankReferenceOnAStandingReceiptOfTheCustomerIsRefusedBesideTheFieldNamingThatReceipt() {
        Reviewers r = reviewers();
        String customerId = customers.customer(mvc, customers.bearer(mvc, r.rep()), "温州流水号重复贸易有限公司", null)
                .get("id").asString();
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String financeToken = customers.bearer(mvc, r.finance());
        String payer = "温州流水号重复贸易有限公司财务部";
        assertThat(postReceipt(finance, "customerId", customerId, "amount", "5000.00", "receivedOn", "2026-12-01",
                "method", "BANK_TRANSFER", "payer", payer, "reference", "BOC-2026-1201-9")).hasRedirectedUrl("/receipts");
        String first = receiptsOf(financeToken, payer).get(0).get("number").asString();

        for (String[] lang : new String[][] {{"en", "Receipt " + first + " of this customer already has this bank reference"},
                {"zh-CN", "该客户的收款 " + first + " 已使用此银行流水号"}}) {
            // the same transfer typed again, in other letters and with spaces around it: amount and day alike
            var twice = postReceipt(finance, "customerId", customerId, "amount", "5000.00", "receivedOn", "2026-12-01",
                    "method", "BANK_TRANSFER", "payer", payer, "reference", " boc-2026-1201-9 ");
            assertThat(twice).as(lang[0]).hasRedirectedUrl("/receipts/new?customerId=" + customerId);
            assertThat(twice.getMvcResult().getFlashMap().get("flashError")).isEqualTo("receipt.reference.taken");
            String again = followed(finance, twice, lang[0]);
            var beside = java.util.regex.Pattern.compile("id=\"receipt-reference-problem\"[^>]*>([^<]*)<").matcher(again);
            assertThat(beside.find()).as("the refusal beside the reference, " + lang[0]).isTrue();
            assertThat(beside.group(1)).startsWith(lang[1]);
            assertThat(inputTag(again, "receipt-reference")).contains("is-invalid");
            assertThat(FormHtml.inputValue(again, "receipt-reference")).isEqualTo(" boc-2026-1201-9 ");
            assertThat(again.split(java.util.regex.Pattern.quote(lang[1]), -1)).as("said once, beside the field, " + lang[0])
                    .hasSize(2);
            assertThat(again).doesNotContain("id=\"flash-error\"");
        }
        assertThat(receiptsOf(financeToken, payer).size()).as("the transfer recorded once").isEqualTo(1);
        // walk finding: every row of the list said "冲销 冲销" (the reversal's opener and its submit alike)
        String list = page(finance, "/receipts?customerId=" + customerId, "zh-CN");
        String row = list.substring(list.indexOf(first));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row.split(">冲销<", -1)).as("the reversal labelled once on the row").hasSize(2);
        assertThat(row).contains("确认冲销");
    }

    @Test
    void onlyFinanceRecordsAReceiptFromTheReceiptsList() {
        Reviewers r = reviewers();
        String customerId = customers.customer(mvc, customers.bearer(mvc, r.rep()), "衢州只限财务收款有限公司", null)
                .get("id").asString();
        Cookie rep = fixtures.session(mvc, r.rep().username(), Fixtures.PASSWORD);
        Cookie director = fixtures.session(mvc, r.director().username(), Fixtures.PASSWORD);

        assertThat(page(director, "/receipts", "en")).as("the director reads receipts, records none")
                .doesNotContain("/receipts/new");
        for (Cookie who : new Cookie[] {rep, director}) {
            assertThat(mvc.get().uri("/receipts/new").cookie(who)).hasStatus(403);
            assertThat(mvc.get().uri("/receipts/new?customerId=" + customerId).cookie(who)).hasStatus(403);
            assertThat(mvc.get().uri("/receipts/new/customers?q=只限财务").cookie(who)).hasStatus(403);
            assertThat(mvc.get().uri("/receipts/new/details?chosen=" + customerId).cookie(who)).hasStatus(403);
            assertThat(postReceipt(who, "customerId", customerId, "amount", "1000.00", "receivedOn", "2026-12-01",
                    "method", "CASH", "payer", "衢州只限财务收款有限公司")).hasStatus(403);
        }
        assertThat(receiptsOf(customers.bearer(mvc, r.finance()), "衢州只限财务收款有限公司").size()).as("nothing recorded").isZero();
    }

    @Test
    void aPlanGivenTwiceInAnotherLetterCaseIsRefusedOnTheReceiptFormAndTheReceiptsPage() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "湖州重复分配电子有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String customerId = contract.get("customerId").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String financeToken = customers.bearer(mvc, r.finance());

        // the same plan by its id in lower and in upper case: one plan given twice, not two plans, nor one value dropped
        var posted = postReceipt(finance, "customerId", customerId, "amount", "300,000.00", "receivedOn", "2026-12-15",
                "method", "BANK_TRANSFER", "payer", "湖州重复分配电子有限公司", "alloc-" + prepayment, "180000.00",
                "alloc-" + prepayment.toUpperCase(java.util.Locale.ROOT), "100,000.00");
        assertThat(posted).hasStatus3xxRedirection().hasRedirectedUrl("/receipts/new?customerId=" + customerId)
                .flash().containsEntry("flashError", "receipt.allocation.twice");
        String number = plans.get(0).get("contractNumber").asString();
        String back = followed(finance, posted, "en");
        assertThat(back).contains("Contract " + number + ", plan 1 was given more than once");
        assertThat(inputTag(back, "alloc-" + prepayment)).as("the plan's field marked").contains("is-invalid");
        assertThat(FormHtml.inputValue(back, "alloc-" + prepayment)).as("what was typed for it").isIn("180000.00", "100,000.00");
        assertThat(receiptsOf(financeToken, "湖州重复分配电子有限公司").size()).as("nothing recorded").isZero();

        // the API asks the same service: the plan twice is refused there too, naming it, and nothing is recorded
        var overApi = customers.post(mvc, financeToken, "/api/v1/receipts", """
                {"customerId":"%s","amount":300.00,"receivedOn":"2026-12-15","method":"CASH","payer":"湖州重复分配电子有限公司",
                 "allocations":[{"receivableId":"%s","amount":100},{"receivableId":"%s","amount":200}]}"""
                .formatted(customerId, prepayment, prepayment.toUpperCase(java.util.Locale.ROOT)));
        assertThat(overApi).as(ContractTestSupport.text(overApi)).hasStatus(422);
        assertThat(ContractTestSupport.text(overApi)).contains("allocations[1].receivableId").contains(number);
        assertThat(receiptsOf(financeToken, "湖州重复分配电子有限公司").size()).as("nothing recorded").isZero();

        // a receipt's page allocates to one plan: the same plan sent twice is refused alike
        var recorded = customers.post(mvc, financeToken, "/api/v1/receipts", """
                {"customerId":"%s","amount":50000.00,"receivedOn":"2026-12-15","method":"CASH","payer":"湖州重复分配"}"""
                .formatted(customerId));
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        JsonNode receipt = customers.json(recorded);
        String receiptId = receipt.get("id").asString();
        var twice = mvc.post().uri("/receipts/" + receiptId + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance, acceptance.toUpperCase(java.util.Locale.ROOT)).param("amount", "1000")
                .param("version", receipt.get("version").asString()).param("from", "receipt").exchange();
        assertThat(twice).hasStatus3xxRedirection().hasRedirectedUrl("/receipts/" + receiptId)
                .flash().containsEntry("flashError", "receipt.allocation.twice");
        assertThat(page(finance, "/receipts/" + receiptId, "zh-CN")).contains("合同 " + number + " 第 2 期回款填写了不止一次");
        assertThat(customers.getJson(mvc, financeToken, "/api/v1/receipts/" + receiptId).get("allocatedAmount")
                .decimalValue()).as("nothing allocated").isEqualByComparingTo("0");
    }

    @Test
    void aPlansRefusalNamesTheActionAndTheStateInTheReadersLanguage() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "嘉兴核销提示电子有限公司", "100000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String id = plansOf(r, contract.get("id").asString(), 1).get(0).get("id").asString();
        String version = customers.getJson(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receivables/" + id)
                .get("version").asString();
        clock.set(LocalDateTime.parse("2026-12-10T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        String[][] languages = {{"en", "Writing off is not possible for a plan in state \u201cPlanned\u201d."},
                {"zh-CN", "状态为\u201c计划中\u201d的回款计划不能核销。"}};
        for (String[] language : languages) {
            // a plan not yet due cannot be written off: the page says so in words, not WRITE_OFF and PLANNED
            var refused = mvc.post().uri("/receivables/" + id + "/write-off").with(csrf()).cookie(finance)
                    .param("reason", "客户失联").param("version", version).exchange();
            assertThat(refused).hasStatus3xxRedirection().flash().containsEntry("flashError", "receivable.action.notAllowed");
            String back = followed(finance, refused, language[0]);
            assertThat(back).contains(language[1]).doesNotContain("WRITE_OFF").doesNotContain("PLANNED");
        }
    }

    @Test
    void aMergedCustomersPlansAndReceiptsMoveToTheSurvivor() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "湖州合并回款纺织（重复）有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":200000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String merged = contract.get("customerId").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        String rep = customers.bearer(mvc, r.rep());
        String survivor = customers.customer(mvc, rep, "湖州合并回款纺织有限公司", null).get("id").asString();
        clock.set(LocalDateTime.parse("2026-12-15T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        String financeToken = customers.bearer(mvc, r.finance());
        var advance = customers.post(mvc, financeToken, "/api/v1/receipts", """
                {"customerId":"%s","amount":30000.00,"receivedOn":"2026-12-15","method":"BANK_TRANSFER","payer":"湖州合并预收"}"""
                .formatted(merged));
        assertThat(advance).as(ContractTestSupport.text(advance)).hasStatus(201);
        String advanceId = customers.json(advance).get("id").asString();

        var merge = customers.post(mvc, customers.bearer(mvc, r.manager()), "/api/v1/customers/" + survivor + "/merge",
                "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}");
        assertThat(merge).as(ContractTestSupport.text(merge)).hasStatusOk();
        assertThat(customers.json(merge).get("moved").get("paymentPlansAndReceipts").asInt()).isEqualTo(3);

        assertThat(plan(financeToken, prepayment).get("customerId").asString()).isEqualTo(survivor);
        assertThat(plan(financeToken, acceptance).get("customerId").asString()).isEqualTo(survivor);
        assertThat(customers.getJson(mvc, financeToken, "/api/v1/receipts/" + advanceId).get("customerId").asString())
                .isEqualTo(survivor);
        Cookie finance = fixtures.session(mvc, r.finance().username(), Fixtures.PASSWORD);
        assertThat(page(finance, "/receipts/new?customerId=" + survivor, "en")).as("the survivor's form offers the plans")
                .contains("alloc-" + prepayment, "alloc-" + acceptance);

        // the merged customer takes no receipt: its form says where its business went and records nothing
        String survivorCode = customers.getJson(mvc, rep, "/api/v1/customers/" + survivor).get("code").asString();
        for (String[] lang : new String[][] {{"en", "was merged into " + survivorCode + " 湖州合并回款纺织有限公司",
                "Record the receipt on 湖州合并回款纺织有限公司"}, {"zh-CN", "已合并到 " + survivorCode + " 湖州合并回款纺织有限公司",
                "在 湖州合并回款纺织有限公司 名下登记收款"}}) {
            for (String path : new String[] {"/receipts/new?customerId=" + merged, "/receipts/new/details?chosen=" + merged}) {
                String form = page(finance, path, lang[0]);
                assertThat(form).as(path + " " + lang[0]).contains("id=\"receipt-customer-merged\"", lang[1], lang[2],
                                "href=\"/receipts/new?customerId=" + survivor + "\"")
                        .as("no form for it").doesNotContain("id=\"record-new-receipt\"", "name=\"customerId\"");
            }
        }
        var onMerged = postReceipt(finance, "customerId", merged, "amount", "5000.00", "receivedOn", "2026-12-15",
                "method", "BANK_TRANSFER", "payer", "湖州合并预收");
        assertThat(onMerged).hasRedirectedUrl("/receipts/new?customerId=" + merged);
        assertThat(onMerged.getMvcResult().getFlashMap().get("flashError")).isEqualTo("receipt.customer.merged");
        assertThat(followed(finance, onMerged, "en")).contains("This customer was merged into " + survivorCode,
                "id=\"receipt-customer-merged\"");
        assertThat(jdbc.sql("select count(*) from receivable_receipt where customer_id = :c")
                .param("c", java.util.UUID.fromString(merged)).query(Integer.class).single()).as("nothing recorded on it").isZero();

        // the survivor's money goes to the plans it took over
        var paid = customers.post(mvc, financeToken, "/api/v1/receipts", """
                {"customerId":"%s","amount":100000.00,"receivedOn":"2026-12-15","method":"BANK_TRANSFER",
                 "allocations":[{"receivableId":"%s","amount":100000.00}]}""".formatted(survivor, prepayment));
        assertThat(paid).as(ContractTestSupport.text(paid)).hasStatus(201);
        assertThat(plan(financeToken, prepayment).get("state").asString()).isEqualTo("PAID");
    }
}

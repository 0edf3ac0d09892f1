package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.internal.identity.User;
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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A receipt's page (/receipts/{id}) and the receipts a payment plan's page lists: what came and where it went, read by
 * exactly those who read the receipt over the API; finance allocates the rest and reverses it there.
 */
@IntegrationTest
@Import(TestClock.class)
class ReceiptPageTest {

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;

    static Reviewers reviewers;

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("rpg", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    private String page(Cookie session, String path, String lang) {
        var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    private Cookie session(User user) {
        return fixtures.session(mvc, user.username(), Fixtures.PASSWORD);
    }

    /** The contract's {@code count} plans by position, once planning (after the signing commits) made them. */
    private List<JsonNode> plansOf(Reviewers r, String contractId, int count) {
        String rep = customers.bearer(mvc, r.rep());
        String uri = "/api/v1/receivables?contractId=" + contractId;
        await().atMost(Duration.ofSeconds(20)).until(() -> customers.getJson(mvc, rep, uri).get("items").size() == count);
        return StreamSupport.stream(customers.getJson(mvc, rep, uri).get("items").spliterator(), false)
                .sorted(Comparator.comparingInt(p -> p.get("position").asInt())).toList();
    }

    private JsonNode record(Reviewers r, String body) {
        var recorded = customers.post(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receipts", body);
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        return customers.json(recorded);
    }

    private JsonNode receipt(Reviewers r, String id) {
        return customers.getJson(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receipts/" + id);
    }

    private static void at(MutableClock clock, String localTime) {
        clock.set(LocalDateTime.parse(localTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void financeSeesWhatAReceiptPaidAndWhatIsLeftAllocatesTheRestAndReversesItOnItsPage() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "宁波收款详情电子有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String number = contract.get("number").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        at(clock, "2026-12-15T10:00");
        JsonNode recorded = record(r, """
                {"customerId":"%s","amount":300000.00,"receivedOn":"2026-12-14","method":"BANK_TRANSFER",
                 "payer":"宁波收款详情电子有限公司财务部","reference":"CCB-2026-1214-07",
                 "allocations":[{"receivableId":"%s","amount":180000.00},{"receivableId":"%s","amount":100000.00}]}"""
                .formatted(contract.get("customerId").asString(), prepayment, acceptance));
        String id = recorded.get("id").asString();
        String receiptNumber = recorded.get("number").asString();
        Cookie finance = session(r.finance());

        for (String[] lang : new String[][] {{"en", "Bank transfer", "Contract " + number + ", plan 1", "Where the money went"},
                {"zh-CN", "银行转账", "合同 " + number + " 第 1 期", "收款去向"}}) {
            String html = page(finance, "/receipts/" + id, lang[0]);
            assertThat(html).as("what came, when, how, from whom, " + lang[0])
                    .contains(receiptNumber, "2026-12-14", "300,000.00", lang[1], "宁波收款详情电子有限公司财务部",
                            "CCB-2026-1214-07", lang[3])
                    .as("whose money it is").contains("id=\"receipt-customer\">宁波收款详情电子有限公司<")
                    .as("each plan it paid, by its contract, linking to the plan")
                    .contains(lang[2], "href=\"/receivables/" + prepayment + "\"", "href=\"/receivables/" + acceptance + "\"",
                            "180,000.00", "100,000.00")
                    .as("what is left").contains("id=\"receipt-unallocated\">20,000.00<")
                    .as("finance's steps, as the receipt answers them").contains("id=\"allocate-receipt\"", "id=\"reverse-receipt\"")
                    .doesNotContain("id=\"receipt-reversal\"");
            assertThat(FormHtml.options(html, "allocate-plan")).as("the customer's open plans").containsExactly(acceptance);
            assertThat(FormHtml.inputValue(html, "allocate-amount")).as("what is left, grouped as the amounts shown")
                    .isEqualTo("20,000.00");
        }
        assertThat(page(finance, "/receipts", "en")).as("the receipts list links the receipt").contains("href=\"/receipts/" + id + "\"");
        assertThat(page(finance, "/receivables", "en")).as("the workbench's receipts to allocate and latest receipts link it")
                .contains("href=\"/receipts/" + id + "\"");
        assertThat(page(session(r.director()), "/receivables", "en")).as("the director's latest receipts")
                .contains("href=\"/receipts/" + id + "\"");
        assertThat(page(session(r.director()), "/receipts/" + id, "zh-CN")).as("the director reads it, allocates and reverses nothing")
                .contains(receiptNumber, "id=\"receipt-unallocated\">20,000.00<")
                .doesNotContain("id=\"allocate-receipt\"", "id=\"reverse-receipt\"");

        long version = receipt(r, id).get("version").asLong();
        var tooMuch = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "20000.01").param("version", String.valueOf(version))
                .param("from", "receipt").exchange();
        assertThat(tooMuch).as("back to the receipt's page").hasStatus3xxRedirection().hasRedirectedUrl("/receipts/" + id)
                .flash().containsEntry("flashError", "receipt.allocation.exceedsReceipt");
        assertThat(FormHtml.inputValue(page(finance, "/receipts/" + id, "en"), "allocate-amount")).as("the amount typed")
                .isEqualTo("20000.01");
        var allocated = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "20,000.00").param("version", String.valueOf(version))
                .param("from", "receipt").exchange();
        assertThat(allocated).hasStatus3xxRedirection().hasRedirectedUrl("/receipts/" + id)
                .flash().containsEntry("flashSuccess", "receipt.allocated");
        String whole = page(finance, "/receipts/" + id, "en");
        assertThat(whole.substring(whole.indexOf("id=\"receipt-allocations\""))).as("each allocation, the later one too")
                .containsSubsequence("180,000.00", "100,000.00", "20,000.00");
        assertThat(whole).contains("id=\"receipt-unallocated\">0.00<").as("nothing left to allocate")
                .doesNotContain("id=\"allocate-receipt\"").contains("id=\"reverse-receipt\"");

        var noReason = mvc.post().uri("/receipts/" + id + "/reversal").with(csrf()).cookie(finance)
                .param("reason", " ").param("version", String.valueOf(receipt(r, id).get("version").asLong()))
                .param("from", "receipt").exchange();
        assertThat(noReason).as("no reason: back to the receipt's page with the refusal").hasStatus3xxRedirection()
                .hasRedirectedUrl("/receipts/" + id).flash().containsKey("flashError");
        assertThat(receipt(r, id).get("state").asString()).isEqualTo("RECORDED");
        var reversed = mvc.post().uri("/receipts/" + id + "/reversal").with(csrf()).cookie(finance)
                .param("reason", "付款方账户错误，银行退回").param("version", String.valueOf(receipt(r, id).get("version").asLong()))
                .param("from", "receipt").exchange();
        assertThat(reversed).hasStatus3xxRedirection().hasRedirectedUrl("/receipts/" + id)
                .flash().containsEntry("flashSuccess", "receipt.reversedDone");
        assertThat(receipt(r, id).get("state").asString()).isEqualTo("REVERSED");
        var onReversed = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "1.00")
                .param("version", String.valueOf(receipt(r, id).get("version").asLong())).param("from", "receipt")
                .exchange();
        assertThat(onReversed).as("a reversed receipt is said to be reversed, not to have 0.00 left")
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "receipt.reversed");
        for (String[] lang : new String[][] {{"en", "Reversed"}, {"zh-CN", "已冲销"}}) {
            assertThat(page(finance, "/receipts/" + id, lang[0])).as("its reversal, " + lang[0])
                    .contains("id=\"receipt-reversal\"", lang[1], "id=\"receipt-reversal-reason\">付款方账户错误，银行退回<")
                    .as("a reversed receipt takes nothing more").doesNotContain("id=\"allocate-receipt\"", "id=\"reverse-receipt\"");
        }
    }

    @Test
    void aReversedAdvanceThatPaidNoPlanLeavesNothingToAllocateAndSaysNoPlanChanged() {
        Reviewers r = reviewers();
        at(clock, "2026-12-15T10:00");
        String customer = customers.customer(mvc, customers.bearer(mvc, r.rep()), "绍兴冲销预收款有限公司", null)
                .get("id").asString();
        String id = record(r, """
                {"customerId":"%s","amount":10000.00,"receivedOn":"2026-12-14","method":"BANK_TRANSFER"}"""
                .formatted(customer)).get("id").asString();
        assertThat(customers.post(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receipts/" + id + "/reversal",
                "{\"reason\":\"重复登记\",\"version\":%d}".formatted(receipt(r, id).get("version").asLong())))
                .hasStatusOk();

        JsonNode reversed = receipt(r, id);
        assertThat(reversed.get("state").asString()).isEqualTo("REVERSED");
        assertThat(reversed.get("unallocated").decimalValue()).as("no advance left to use").isZero();
        String page = page(session(r.finance()), "/receipts/" + id, "en");
        assertThat(page).contains("its reversal changed no plan", "The receipt had paid no plan").doesNotContain("owe again", "owe that money");
    }

    @Test
    void aStaleFormOnAReceiptsPageComesBackToItWithWhatWasTypedAndAmountsReadAsEveryFormReadsThem() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "绍兴收款过期表单机械有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        at(clock, "2026-12-15T10:00");
        // no payer, no reference
        String id = record(r, """
                {"customerId":"%s","amount":1319167.50,"receivedOn":"2026-12-14","method":"BANK_TRANSFER",
                 "allocations":[{"receivableId":"%s","amount":180000.00}]}""".formatted(contract.get("customerId").asString(),
                prepayment)).get("id").asString();
        Cookie finance = session(r.finance());
        String fresh = page(finance, "/receipts/" + id, "en");
        assertThat(FormHtml.inputValue(fresh, "allocate-amount")).as("what is left, grouped").isEqualTo("1,139,167.50");
        assertThat(fresh).as("nothing given shows as a dash").contains("id=\"receipt-payer\">—<", "id=\"receipt-reference\">—<")
                .as("the allocations' time column is named apart from the amount").contains(">Allocated at<");
        long version = receipt(r, id).get("version").asLong();

        var staleAllocation = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "12,345.00").param("version", String.valueOf(version + 1))
                .param("from", "receipt").exchange();
        assertThat(staleAllocation).as("a stale allocation: back to the receipt's page").hasStatus3xxRedirection()
                .hasRedirectedUrl("/receipts/" + id).flash().containsEntry("flashError", "error.staleVersion");
        String again = page(finance, "/receipts/" + id, "zh-CN");
        assertThat(FormHtml.inputValue(again, "allocate-amount")).as("the amount typed").isEqualTo("12,345.00");
        assertThat(FormHtml.selected(again, "allocate-plan")).as("the plan chosen").isEqualTo(acceptance);
        assertThat(receipt(r, id).get("allocatedAmount").decimalValue()).as("nothing allocated").isEqualByComparingTo("180000");
        var staleOnWorkbench = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "1000").param("version", String.valueOf(version + 1)).exchange();
        assertThat(staleOnWorkbench).as("from the workbench: back to it").hasStatus3xxRedirection()
                .hasRedirectedUrl("/receivables").flash().containsEntry("flashError", "error.staleVersion");
        page(finance, "/receivables", "en"); // the redirect followed, as a browser does: its flash read

        var exponent = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                .param("receivableId", acceptance).param("amount", "1e3").param("version", String.valueOf(version))
                .param("from", "receipt").exchange();
        assertThat(exponent).as("an exponent is no amount a person types").hasStatus3xxRedirection()
                .hasRedirectedUrl("/receipts/" + id).flash().containsEntry("flashError", "receipt.amount.positive");
        assertThat(FormHtml.inputValue(page(finance, "/receipts/" + id, "en"), "allocate-amount")).isEqualTo("1e3");
        assertThat(receipt(r, id).get("allocatedAmount").decimalValue()).isEqualByComparingTo("180000");
        for (String[] typed : new String[][] {{"１０，０００", "190000"}, {"5,000.50", "195000.50"}}) {
            var allocated = mvc.post().uri("/receipts/" + id + "/allocations").with(csrf()).cookie(finance)
                    .param("receivableId", acceptance).param("amount", typed[0])
                    .param("version", receipt(r, id).get("version").asString()).param("from", "receipt").exchange();
            assertThat(allocated).as(typed[0]).hasStatus3xxRedirection().hasRedirectedUrl("/receipts/" + id)
                    .flash().containsEntry("flashSuccess", "receipt.allocated");
            page(finance, "/receipts/" + id, "en");
            assertThat(receipt(r, id).get("allocatedAmount").decimalValue()).as(typed[0]).isEqualByComparingTo(typed[1]);
        }

        // the reversal form of a tab opened before those allocations
        var staleReversal = mvc.post().uri("/receipts/" + id + "/reversal").with(csrf()).cookie(finance)
                .param("reason", "付款方账户错误，银行退回").param("version", String.valueOf(version)).param("from", "receipt").exchange();
        assertThat(staleReversal).as("a stale reversal: back to the receipt's page").hasStatus3xxRedirection()
                .hasRedirectedUrl("/receipts/" + id).flash().containsEntry("flashError", "error.staleVersion");
        assertThat(FormHtml.inputValue(page(finance, "/receipts/" + id, "en"), "reversal-reason")).as("the reason typed")
                .isEqualTo("付款方账户错误，银行退回");
        assertThat(FormHtml.inputValue(page(finance, "/receipts/" + id, "en"), "reversal-reason")).as("given back once").isEmpty();
        assertThat(receipt(r, id).get("state").asString()).isEqualTo("RECORDED");

        var reversed = mvc.post().uri("/receipts/" + id + "/reversal").with(csrf()).cookie(finance)
                .param("reason", "付款方账户错误，银行退回").param("version", receipt(r, id).get("version").asString())
                .param("from", "receipt").exchange();
        assertThat(reversed).hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "receipt.reversedDone");
        for (String[] lang : new String[][] {{"en", "Undone by the reversal: the 195,000.50 it had allocated"},
                {"zh-CN", "已随冲销撤销：原已分配的 195,000.50"}}) {
            assertThat(page(finance, "/receipts/" + id, lang[0])).as("its allocations undone, " + lang[0])
                    .contains("id=\"receipt-allocations-undone\"", lang[1])
                    .as("no figure left to allocate").doesNotContain("id=\"receipt-unallocated\"", "id=\"receipt-allocated\"");
        }

        // a plan's "record a receipt" reads the amount alike
        String rep = customers.bearer(mvc, r.rep());
        var planExponent = mvc.post().uri("/receivables/" + acceptance + "/receipts").with(csrf()).cookie(finance)
                .param("amount", "1e3").param("receivedOn", "2026-12-15").param("method", "CASH").exchange();
        assertThat(planExponent).hasStatus3xxRedirection().flash().containsEntry("flashError", "receipt.amount.positive");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + acceptance).get("outstanding").decimalValue())
                .as("nothing recorded").isEqualByComparingTo("420000");
        var planFullWidth = mvc.post().uri("/receivables/" + acceptance + "/receipts").with(csrf()).cookie(finance)
                .param("amount", "１，０００").param("receivedOn", "2026-12-15").param("method", "CASH").exchange();
        assertThat(planFullWidth).hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "receipt.recorded");
        assertThat(customers.getJson(mvc, rep, "/api/v1/receivables/" + acceptance).get("outstanding").decimalValue())
                .isEqualByComparingTo("419000");
    }

    @Test
    void aReceiptsPageIsReadByWhoReadsItOverTheApiAndNoIdTellsAnyoneElseAnything() {
        Reviewers r = reviewers();
        String customerId = customers.customer(mvc, customers.bearer(mvc, r.rep()), "温州收款权限五金有限公司", null)
                .get("id").asString();
        at(clock, "2026-12-15T10:00");
        String id = record(r, """
                {"customerId":"%s","amount":5000.00,"receivedOn":"2026-12-15","method":"CASH"}""".formatted(customerId))
                .get("id").asString();
        String unknown = UUID.randomUUID().toString();

        for (User reader : new User[] {r.finance(), r.director()}) {
            Cookie session = session(reader);
            assertThat(page(session, "/receipts/" + id, "en")).as(reader.username()).contains("温州收款权限五金有限公司");
            assertThat(mvc.get().uri("/receipts/" + unknown).cookie(session)).as("unknown id, " + reader.username()).hasStatus(404);
            assertThat(mvc.get().uri("/receipts/not-a-receipt").cookie(session)).as("unreadable id, " + reader.username()).hasStatus(404);
            assertThat(mvc.get().uri("/receipts/" + id.toUpperCase()).cookie(session)).as("its id in capitals").hasStatusOk();
        }
        // reps and managers read plans, not receipts: the API refuses them before any lookup, whatever the id
        User foreignManager = r.team().company().westManager();
        for (User other : new User[] {r.otherRep(), foreignManager, r.rep(), r.manager()}) {
            String token = customers.bearer(mvc, other);
            Cookie session = session(other);
            int api = customers.get(mvc, token, "/api/v1/receipts/" + id).getResponse().getStatus();
            assertThat(api).as("the API, " + other.username()).isEqualTo(403);
            for (String asked : new String[] {id, unknown, "not-a-receipt"}) {
                var answered = mvc.get().uri("/receipts/" + asked).cookie(session).exchange();
                assertThat(answered.getResponse().getStatus()).as(other.username() + " asks " + asked).isEqualTo(api);
                assertThat(new String(answered.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).doesNotContain("温州收款权限五金");
            }
        }
    }

    @Test
    void aReceiptOfACustomerMergedSinceIsNamedByTheSurvivor() {
        Reviewers r = reviewers();
        String rep = customers.bearer(mvc, r.rep());
        String survivor = customers.customer(mvc, rep, "丽水合并收款机械有限公司", null).get("id").asString();
        String merged = customers.customer(mvc, rep, "丽水合并收款机械（重复）", null).get("id").asString();
        at(clock, "2026-12-15T10:00");
        String id = record(r, """
                {"customerId":"%s","amount":8000.00,"receivedOn":"2026-12-15","method":"OTHER"}""".formatted(merged))
                .get("id").asString();
        assertThat(customers.post(mvc, customers.bearer(mvc, r.manager()), "/api/v1/customers/" + survivor + "/merge",
                "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}")).hasStatusOk();

        assertThat(page(session(r.finance()), "/receipts/" + id, "en"))
                .contains("id=\"receipt-customer\">丽水合并收款机械有限公司<").doesNotContain("（重复）");
    }

    @Test
    void oneTransferEnteredUnderTwoCustomersMergedSinceIsKeptUnderTheSurvivorAndItsReferenceStaysTaken() {
        Reviewers r = reviewers();
        String rep = customers.bearer(mvc, r.rep());
        String survivor = customers.customer(mvc, rep, "衢州合并流水机械有限公司", null).get("id").asString();
        String merged = customers.customer(mvc, rep, "衢州合并流水机械（重复）", null).get("id").asString();
        at(clock, "2026-12-15T10:00");
        String body = """
                {"customerId":"%s","amount":8000.00,"receivedOn":"2026-12-15","method":"BANK_TRANSFER","reference":"%s"}""";
        JsonNode first = record(r, body.formatted(survivor, "ABC-2026-1215"));
        JsonNode twin = record(r, body.formatted(merged, "abc-2026-1215"));

        // each customer's receipt was allowed; under one customer they are the same transfer twice, which the
        // merge keeps (finance reverses the one not meant) rather than failing on
        assertThat(customers.post(mvc, customers.bearer(mvc, r.manager()), "/api/v1/customers/" + survivor + "/merge",
                "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}")).hasStatusOk();
        assertThat(receipt(r, twin.get("id").asString()).get("customerId").asString()).isEqualTo(survivor);
        assertThat(receipt(r, twin.get("id").asString()).get("state").asString()).isEqualTo("RECORDED");

        var third = customers.post(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receipts",
                body.formatted(survivor, "ABC-2026-1215"));
        assertThat(third).hasStatus(422);
        assertThat(customers.json(third).get("errors").get(0).get("message").asString())
                .contains(first.get("number").asString());
    }

    @Test
    void aPlansPageListsTheReceiptsAllocatedToItEachLinkingToItsPage() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "金华计划收款仪表有限公司", "500000.00", """
                {"type":"PREPAYMENT","amount":200000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":300000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String customerId = contract.get("customerId").asString();
        var plans = plansOf(r, contract.get("id").asString(), 2);
        String prepayment = plans.get(0).get("id").asString();
        String acceptance = plans.get(1).get("id").asString();
        at(clock, "2026-12-15T10:00");
        JsonNode first = record(r, """
                {"customerId":"%s","amount":150000.00,"receivedOn":"2026-12-10","method":"BANK_TRANSFER",
                 "allocations":[{"receivableId":"%s","amount":120000.00},{"receivableId":"%s","amount":30000.00}]}"""
                .formatted(customerId, prepayment, acceptance));
        JsonNode second = record(r, """
                {"customerId":"%s","amount":80000.00,"receivedOn":"2026-12-14","method":"ACCEPTANCE_BILL",
                 "allocations":[{"receivableId":"%s","amount":80000.00}]}""".formatted(customerId, prepayment));
        Cookie finance = session(r.finance());

        for (String[] lang : new String[][] {{"en", "Receipts allocated to this plan"}, {"zh-CN", "分配到本期的收款"}}) {
            String html = page(finance, "/receivables/" + prepayment, lang[0]);
            assertThat(html).as("both receipts, each linking to its page, " + lang[0]).contains(lang[1],
                    "href=\"/receipts/" + first.get("id").asString() + "\">" + first.get("number").asString() + "<",
                    "href=\"/receipts/" + second.get("id").asString() + "\">" + second.get("number").asString() + "<",
                    "2026-12-10", "2026-12-14");
            String table = html.substring(html.indexOf("id=\"plan-receipts\""));
            assertThat(table).as("the part allocated to this plan, not the receipt's amount").contains("120,000.00", "80,000.00")
                    .doesNotContain("150,000.00");
            assertThat(table.indexOf(first.get("number").asString())).as("the day the money arrived first")
                    .isLessThan(table.indexOf(second.get("number").asString()));
        }
        String other = page(finance, "/receivables/" + acceptance, "en");
        assertThat(other.substring(other.indexOf("id=\"plan-receipts\""))).contains(first.get("number").asString(), "30,000.00")
                .doesNotContain(second.get("number").asString());
        assertThat(page(session(r.director()), "/receivables/" + prepayment, "en")).contains("href=\"/receipts/" + second.get("id").asString() + "\"");
        assertThat(page(session(r.rep()), "/receivables/" + prepayment, "en"))
                .as("the rep reads the plan, not receipts (the API refuses them): no list, no link")
                .doesNotContain("id=\"plan-receipts\"", "/receipts/" + first.get("id").asString());
    }
}

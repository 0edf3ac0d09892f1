package com.lead2cash.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.files.TestFiles;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The money of a contract seen from everywhere: the contract list and page show collected and invoiced
 * amounts with their percentages and the paid plans; the collection rate (回款率) per rep, team and
 * company over a period, each reader seeing their scope; the receipts list for finance; and amendments
 * (补充协议) that re-plan the unpaid part — or are refused when they would go below what was collected.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractMoneyTest {

    static final String TAX_ID = "91350100M000100Y43";
    /** One set of reviewers for the class: K2 asks the longest-serving legal head. */
    static Reviewers reviewers;

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired com.lead2cash.receivable.internal.CollectionRoutine routine;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    @Test
    void financeListsOneCustomersReceiptsAndNoneForACustomerIdNoReceiptNames() {
        String customer = sales.customerWithContact(reviewers().rep(), "杭州按客户收款科技有限公司", "周会计", "zhou@receipts.test");
        String other = sales.customerWithContact(reviewers().rep(), "杭州按客户收款二号科技有限公司", "吴会计", "wu@receipts.test");
        JsonNode first = receipt(customer, null, "1100.00", "2026-11-21", "BANK_TRANSFER", "按客户收款付款");
        JsonNode second = receipt(customer, null, "1200.00", "2026-11-22", "CASH", "按客户收款付款");
        JsonNode others = receipt(other, null, "1300.00", "2026-11-23", "BANK_TRANSFER", "按客户收款付款");
        String list = "/api/v1/receipts?payer={payer}";
        assertThat(numbers(customers.getJson(mvc, token(reviewers().finance()), list, "按客户收款付款")))
                .as("unfiltered").hasSize(3);

        for (User reader : List.of(reviewers().finance(), reviewers().director())) {
            assertThat(numbers(customers.getJson(mvc, token(reader), list + "&customerId={c}", "按客户收款付款", customer)))
                    .as(reader.username()).containsExactly(second.get("number").asString(), first.get("number").asString());
            assertThat(numbers(customers.getJson(mvc, token(reader), "/api/v1/receipts?customerId={c}", other)))
                    .as(reader.username()).containsExactly(others.get("number").asString());
        }
        assertThat(numbers(customers.getJson(mvc, token(reviewers().finance()), "/api/v1/receipts?customerId={c}",
                java.util.UUID.randomUUID()))).as("a customer id no receipt names, as the other lists' filters").isEmpty();
        assertThat(customers.get(mvc, token(reviewers().finance()), "/api/v1/receipts?customerId=abc")).hasStatus(400);
        assertThat(customers.get(mvc, token(reviewers().rep()), "/api/v1/receipts?customerId=" + customer))
                .as("a rep reads no receipts, their own customer's neither").hasStatus(403);
    }

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("cmt", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    /** The same company's west team as the contract's side: its rep drafts, its manager approves. */
    Reviewers west() {
        return reviewers().west();
    }

    /** A contract of 600 000.00: 180 000.00 prepayment due 20 December, 420 000.00 on acceptance. */
    JsonNode signed(String customer) {
        return contracts.sign(mvc, reviewers(), customer, "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
    }

    String token(User user) {
        return customers.bearer(mvc, user);
    }

    List<JsonNode> plans(String contractId) {
        String finance = token(reviewers().finance());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                customers.getJson(mvc, finance, "/api/v1/receivables?contractId=" + contractId).get("items").size() > 0);
        JsonNode page = customers.getJson(mvc, finance, "/api/v1/receivables?contractId=" + contractId);
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .sorted(java.util.Comparator.comparingInt(p -> p.get("position").asInt())).toList();
    }

    /** Finance records a receipt of {@code amount} from the customer, all of it allocated to the plan. */
    JsonNode receipt(String customerId, String planId, String amount, String receivedOn, String method, String payer) {
        MvcTestResult recorded = customers.post(mvc, token(reviewers().finance()), "/api/v1/receipts", """
                {"customerId":"%s","amount":%s,"receivedOn":"%s","method":"%s","payer":"%s","reference":"REF-%s-%s",
                 "allocations":%s}""".formatted(customerId, amount, receivedOn, method, payer, receivedOn, amount,
                planId == null ? "[]" : "[{\"receivableId\":\"%s\",\"amount\":%s}]".formatted(planId, amount)));
        assertThat(recorded).as(ContractTestSupport.text(recorded)).hasStatus(201);
        return customers.json(recorded);
    }

    String page(Cookie session, String path, String lang) {
        var result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    /** The table row of the list that links to the contract. */
    static String rowOf(String html, String contractId) {
        int link = html.indexOf("/contracts/" + contractId + "\"");
        assertThat(link).as("the contract is listed").isPositive();
        return html.substring(html.lastIndexOf("<tr", link), html.indexOf("</tr>", link));
    }

    /** Each amendment on its own paper: the same scan twice is the same amendment, another contract's is refused (K3). */
    MvcTestResult amend(String contractId, String amountChange) {
        return amend(contractId, amountChange, TestFiles.signedScan());
    }

    MvcTestResult amend(String contractId, String amountChange, byte[] scan) {
        return mvc.post().uri("/api/v1/contracts/" + contractId + "/amendments").multipart()
                .file(new MockMultipartFile("scan", "amendment.pdf", "application/pdf", scan))
                .param("title", "补充协议").param("summary", "调整采购数量").param("amountChange", amountChange)
                .param("signedOn", "2026-12-01")
                .header(HttpHeaders.AUTHORIZATION, token(reviewers().rep())).exchange();
    }

    static List<String> amountsOf(List<JsonNode> plans) {
        return plans.stream().map(p -> p.get("position").asInt() + " " + p.get("type").asString() + " "
                + p.get("amount").decimalValue().setScale(2).toPlainString() + " "
                + p.get("paidAmount").decimalValue().setScale(2).toPlainString() + " " + p.get("state").asString()).toList();
    }

    @Test
    void theContractListAndPageShowCollectedAndInvoicedAmountsWithPercentagesAndThePaidPlans() throws Exception {
        JsonNode contract = signed("杭州合同回款列表科技有限公司");
        String id = contract.get("id").asString();
        List<JsonNode> plans = plans(id);
        receipt(contract.get("customerId").asString(), plans.get(0).get("id").asString(), "180000.00", "2026-12-01",
                "BANK_TRANSFER", "杭州合同回款列表科技有限公司");
        String finance = token(reviewers().finance());
        JsonNode invoice = customers.postJson(mvc, token(reviewers().rep()), "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州合同回款列表科技有限公司","buyerTaxId":"%s",
                 "buyerAddressPhone":"杭州市西湖区文三路 1 号 0571-88888888","buyerBankAccount":"工商银行西湖支行 1202000000000000001",
                 "amount":150000.00,"lines":[{"description":"工业网关 GW-100","amount":150000.00,"taxRate":13}]}"""
                .formatted(id, TAX_ID));
        assertThat(customers.post(mvc, finance, "/api/v1/approvals/" + invoice.get("approvalId").asString() + "/decision",
                "{\"decision\":\"APPROVE\"}")).hasStatusOk();
        String invoiceId = invoice.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "APPROVED".equals(customers.getJson(mvc, finance, "/api/v1/invoices/" + invoiceId).get("status").asString()));
        long version = customers.getJson(mvc, finance, "/api/v1/invoices/" + invoiceId).get("version").asLong();
        assertThat(customers.post(mvc, finance, "/api/v1/invoices/" + invoiceId + "/issue",
                "{\"invoiceNumber\":\"33005678\",\"invoiceCode\":\"3300261130\",\"invoicedOn\":\"2026-12-01\",\"version\":%d}".formatted(version)))
                .hasStatusOk();

        Cookie rep = customers.session(mvc, reviewers().rep());
        String row = rowOf(page(rep, "/contracts", "en"), id);
        assertThat(row).contains("180,000.00", "30.00 %", "150,000.00", "25.00 %", "1/2");
        assertThat(page(rep, "/contracts", "zh-CN")).contains("已回款", "已开票", "已回款期数");
        String detail = page(rep, "/contracts/" + id, "en");
        assertThat(detail).contains("id=\"contract-planned\">600,000.00<", "id=\"contract-collected\">180,000.00 (30.00 %)<",
                "id=\"contract-invoiced\">150,000.00 (25.00 %)<", "id=\"contract-plans-paid\">1/2<");
        page(rep, "/contracts/" + id, "zh-CN");

        // the export holds the percentages beside the amounts, as the list shows them: numbers formatted as percentages
        JsonNode figures = customers.getJson(mvc, token(reviewers().rep()),
                "/api/v1/receivables/contract-figures?contractId=" + id).get("items").get(0);
        var exported = com.lead2cash.testing.SpreadsheetCells.formattedRows(com.lead2cash.testing.ExportedWorkbook.file(mvc,
                rep, "/contracts/export.xlsx?q=" + contract.get("number").asString() + "&lang=en"), 0);
        assertThat(exported).hasSize(2);
        assertThat(exported.get(0).getCellText(7)).isEqualTo("Collected");
        assertThat(exported.get(0).getCellText(8)).isEqualTo("Collected %");
        assertThat(exported.get(0).getCellText(9)).isEqualTo("Invoiced");
        assertThat(exported.get(0).getCellText(10)).isEqualTo("Invoiced %");
        var line = exported.get(1);
        assertThat(line.getCellAsNumber(7)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("180000.00"));
        assertThat(line.getCellAsNumber(8)).as("30.00 % as the fraction a percentage cell holds")
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(
                        figures.get("collectedPercent").decimalValue().movePointLeft(2)).isEqualByComparingTo("0.30"));
        assertThat(line.getCell(8).getDataFormatString()).isEqualTo("0.00%");
        assertThat(line.getCellAsNumber(9)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("150000.00"));
        assertThat(line.getCellAsNumber(10)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo(
                figures.get("invoicedPercent").decimalValue().movePointLeft(2)).isEqualByComparingTo("0.25"));
        assertThat(line.getCell(10).getDataFormatString()).isEqualTo("0.00%");
        assertThat(line.getCell(9).getDataFormatString()).as("an amount as money").isEqualTo("#,##0.00");
        assertThat(line.getCellText(11)).isEqualTo("1/2");

        receipt(contract.get("customerId").asString(), plans.get(1).get("id").asString(), "420000.00", "2026-12-01",
                "ACCEPTANCE_BILL", "杭州合同回款列表科技有限公司");
        assertThat(rowOf(page(rep, "/contracts", "en"), id)).contains("600,000.00", "100.00 %", "2/2");
    }

    @Test
    void theCollectionRateIsCollectedOverWhatFellDueInThePeriodPerRepTeamAndCompanyInTheReadersScope() {
        Reviewers east = reviewers();
        Reviewers west = west();
        JsonNode a = contracts.sign(mvc, east, "杭州回款率东区科技有限公司", "100000.00", """
                {"type":"PREPAYMENT","amount":40000.00,"dueDate":"2027-02-10"},
                {"type":"INSTALLMENT","amount":60000.00,"dueDate":"2027-02-20"}""", "2026-12-01");
        JsonNode b = contracts.sign(mvc, west, "杭州回款率西区科技有限公司", "50000.00", """
                {"type":"PREPAYMENT","amount":50000.00,"dueDate":"2027-02-15"}""", "2026-12-01");
        List<JsonNode> planA = plans(a.get("id").asString());
        List<JsonNode> planB = plans(b.get("id").asString());
        String customerA = a.get("customerId").asString();
        receipt(customerA, planA.get(0).get("id").asString(), "40000.00", "2026-12-01", "BANK_TRANSFER", "东区");
        receipt(customerA, planA.get(1).get("id").asString(), "15000.00", "2026-12-01", "BANK_TRANSFER", "东区");
        receipt(b.get("customerId").asString(), planB.get(0).get("id").asString(), "20000.00", "2026-12-01", "CASH", "西区");
        String period = "/api/v1/receivables/collection-rates?from=2027-02-01&to=2027-02-28";

        clock.set(LocalDateTime.parse("2027-03-01T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        JsonNode all = customers.getJson(mvc, token(east.finance()), period);
        assertThat(rates(all.get("reps"))).containsExactlyInAnyOrder(
                east.rep().displayName() + " 100000.00 55000.00 55.00", west.rep().displayName() + " 50000.00 20000.00 40.00");
        assertThat(rates(all.get("teams"))).containsExactlyInAnyOrder(
                east.manager().displayName() + " 100000.00 55000.00 55.00", west.manager().displayName() + " 50000.00 20000.00 40.00");
        assertThat(rate(all.get("company"))).isEqualTo("null 150000.00 75000.00 50.00");

        JsonNode mine = customers.getJson(mvc, token(east.rep()), period);
        assertThat(rates(mine.get("reps"))).as("a rep sees their own").containsExactly(east.rep().displayName() + " 100000.00 55000.00 55.00");
        assertThat(mine.get("company").isNull()).isTrue();
        JsonNode team = customers.getJson(mvc, token(west.manager()), period);
        assertThat(rates(team.get("teams"))).as("a manager sees their team")
                .containsExactly(west.manager().displayName() + " 50000.00 20000.00 40.00");
        assertThat(customers.get(mvc, token(east.finance()), "/api/v1/receivables/collection-rates?from=2027-03-02"))
                .as("a period starting after today").hasStatus(422);

        clock.set(LocalDateTime.parse("2027-02-16T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        JsonNode midMonth = customers.getJson(mvc, token(east.finance()), period);
        assertThat(midMonth.get("to").asString()).as("only what fell due by today").isEqualTo("2027-02-16");
        assertThat(rates(midMonth.get("reps"))).containsExactlyInAnyOrder(
                east.rep().displayName() + " 40000.00 40000.00 100.00", west.rep().displayName() + " 50000.00 20000.00 40.00");

        clock.set(LocalDateTime.parse("2027-03-01T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        routine.run(); // the plans past their due date become OVERDUE
        JsonNode overdue = customers.getJson(mvc, token(east.finance()), "/api/v1/receivables/" + planB.get(0).get("id").asString());
        assertThat(customers.post(mvc, token(east.finance()), "/api/v1/receivables/" + overdue.get("id").asString() + "/write-off",
                "{\"reason\":\"客户破产清算\",\"version\":%d}".formatted(overdue.get("version").asLong()))).hasStatusOk();
        assertThat(rate(customers.getJson(mvc, token(east.finance()), period).get("company")))
                .as("a written-off plan stays due and uncollected").isEqualTo("null 150000.00 75000.00 50.00");

        Cookie finance = customers.session(mvc, east.finance());
        String workbench = page(finance, "/receivables?ratesFrom=2027-02-01&ratesTo=2027-02-28", "en");
        assertThat(workbench).contains("Team of " + east.manager().displayName(), "id=\"company-rate\">50.00 %<");
        page(finance, "/receivables?ratesFrom=2027-02-01&ratesTo=2027-02-28", "zh-CN");
        assertThat(page(customers.session(mvc, east.rep()), "/receivables", "en")).as("no company figure for a rep")
                .doesNotContain("company-rate");
    }

    static List<String> rates(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(ContractMoneyTest::rate).toList();
    }

    static String rate(JsonNode r) {
        return (r.get("name").isNull() ? "null" : r.get("name").asString()) + " "
                + r.get("due").decimalValue().setScale(2).toPlainString() + " "
                + r.get("collected").decimalValue().setScale(2).toPlainString() + " "
                + r.get("percent").decimalValue().setScale(2).toPlainString();
    }

    @Test
    void financeListsReceiptsFilteredByDayMethodStateAndPayerPageByPage() {
        String customer = sales.customerWithContact(reviewers().rep(), "杭州收款台账科技有限公司", "李会计", "li@receipts.test");
        JsonNode first = receipt(customer, null, "1000.00", "2026-11-20", "BANK_TRANSFER", "杭州收款台账科技有限公司");
        JsonNode second = receipt(customer, null, "2000.00", "2026-11-25", "CASH", "收款台账分公司");
        JsonNode third = receipt(customer, null, "3000.00", "2026-12-01", "ACCEPTANCE_BILL", "杭州收款台账科技有限公司");
        String finance = token(reviewers().finance());
        assertThat(customers.post(mvc, finance, "/api/v1/receipts/" + first.get("id").asString() + "/reversal",
                "{\"reason\":\"重复登记\",\"version\":%d}".formatted(first.get("version").asLong()))).hasStatusOk();
        String list = "/api/v1/receipts?payer={payer}";

        JsonNode page1 = customers.getJson(mvc, finance, list + "&size=2", "收款台账");
        assertThat(numbers(page1)).as("newest first").containsExactly(third.get("number").asString(), second.get("number").asString());
        JsonNode page2 = customers.getJson(mvc, finance, list + "&size=2&cursor={cursor}", "收款台账",
                page1.get("nextCursor").asString());
        assertThat(numbers(page2)).containsExactly(first.get("number").asString());
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        assertThat(page2.at("/items/0/state").asString()).isEqualTo("REVERSED");
        assertThat(page2.at("/items/0/unallocated").decimalValue()).as("a reversed receipt waits for nothing").isZero();

        assertThat(numbers(customers.getJson(mvc, finance, list + "&method=CASH", "收款台账")))
                .containsExactly(second.get("number").asString());
        assertThat(numbers(customers.getJson(mvc, finance, list + "&state=REVERSED", "收款台账")))
                .containsExactly(first.get("number").asString());
        assertThat(numbers(customers.getJson(mvc, finance, list + "&from=2026-11-21&to=2026-11-30", "收款台账")))
                .containsExactly(second.get("number").asString());
        assertThat(numbers(customers.getJson(mvc, finance, list, "台账分公司"))).containsExactly(second.get("number").asString());
        assertThat(numbers(customers.getJson(mvc, finance, list, "收款%台账"))).as("% is text, not a wildcard").isEmpty();
        assertThat(numbers(customers.getJson(mvc, token(reviewers().director()), list, "收款台账"))).hasSize(3);

        assertThat(customers.get(mvc, token(reviewers().rep()), "/api/v1/receipts")).as("a rep").hasStatus(403);
        assertThat(customers.get(mvc, token(reviewers().manager()), "/api/v1/receipts")).as("a manager").hasStatus(403);
        // one receipt as the list: reps and managers read their plans, not receipts; 403 before any lookup, so a
        // receipt of their own customer and an id that is none answer alike
        String own = "/api/v1/receipts/" + second.get("id").asString();
        String none = "/api/v1/receipts/" + java.util.UUID.randomUUID();
        for (var who : List.of(reviewers().rep(), reviewers().manager())) {
            assertThat(customers.get(mvc, token(who), own)).as(who.username() + ", their customer's").hasStatus(403);
            assertThat(customers.get(mvc, token(who), none)).as(who.username() + ", none").hasStatus(403);
        }
        assertThat(customers.get(mvc, token(west().rep()), own)).as("another team's rep").hasStatus(403);
        assertThat(customers.getJson(mvc, token(reviewers().director()), own).get("number").asString())
                .isEqualTo(second.get("number").asString());
        assertThat(customers.get(mvc, finance, none)).hasStatus(404);
        assertThat(customers.get(mvc, finance, "/api/v1/receipts?from=2026-12-01&to=2026-11-30")).hasStatus(422);

        Cookie financeSession = customers.session(mvc, reviewers().finance());
        String workbench = page(financeSession, "/receivables", "en");
        assertThat(workbench).contains("id=\"receipts\"", third.get("number").asString(), "Acceptance bill", "Reversed");
        page(financeSession, "/receivables", "zh-CN");
        Cookie repSession = customers.session(mvc, reviewers().rep());
        assertThat(page(repSession, "/receivables", "en")).doesNotContain("id=\"receipts\"");

        String cash = page(financeSession, "/receipts?payer=收款台账&method=CASH", "en");
        assertThat(cash).contains(second.get("number").asString(), "Reverse").doesNotContain(third.get("number").asString());
        assertThat(cash).as("whose money it is: the customer, beside a payer of another name")
                .contains("<td class=\"receipt-customer\">杭州收款台账科技有限公司</td>", "<td>收款台账分公司</td>");
        assertThat(page(financeSession, "/receipts?payer=收款台账&state=REVERSED", "zh-CN"))
                .contains(first.get("number").asString(), "已冲销").doesNotContain(second.get("number").asString());
        assertThat(page(financeSession, "/receipts?from=2026-12-01&to=2026-11-30", "en"))
                .contains("The first day must not be after the last.");
        assertThat(mvc.get().uri("/receipts").cookie(repSession).exchange()).as("a rep").hasStatus(403);
        var reversed = mvc.post().uri("/receipts/" + third.get("id").asString() + "/reversal")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .cookie(financeSession).param("reason", "银行退票").param("version", third.get("version").asString()).exchange();
        assertThat(reversed).hasRedirectedUrl("/receipts");
        assertThat(customers.getJson(mvc, finance, "/api/v1/receipts/" + third.get("id").asString()).get("reversalReason").asString())
                .isEqualTo("银行退票");
    }

    static List<String> numbers(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(i -> i.get("number").asString()).toList();
    }

    @Test
    void anAmendmentReplansTheUnpaidPartSoThePlansAddUpAndOneBelowWhatWasCollectedIsRefused() {
        JsonNode contract = signed("杭州补充协议回款科技有限公司");
        String id = contract.get("id").asString();
        List<JsonNode> plans = plans(id);
        receipt(contract.get("customerId").asString(), plans.get(0).get("id").asString(), "100000.00", "2026-12-01",
                "BANK_TRANSFER", "杭州补充协议回款科技有限公司");

        MvcTestResult more = amend(id, "50000.00");
        assertThat(more).as(ContractTestSupport.text(more)).hasStatus(201);
        String number = customers.json(more).get("number").asString();
        List<JsonNode> increased = plans(id);
        assertThat(amountsOf(increased)).containsExactly("1 PREPAYMENT 180000.00 100000.00 PARTIALLY_PAID",
                "2 ACCEPTANCE 420000.00 0.00 PLANNED", "3 INSTALLMENT 50000.00 0.00 PLANNED");
        assertThat(increased.get(2).get("dueCondition").asString()).isEqualTo("补充协议 " + number);

        MvcTestResult belowCollected = amend(id, "-560000.00");
        assertThat(belowCollected).as("650 000.00 − 560 000.00 is below the 100 000.00 collected").hasStatus(422);
        assertThat(ContractTestSupport.text(belowCollected)).contains("The amended amount 90,000.00 is below the 100,000.00");
        assertThat(amountsOf(plans(id))).as("nothing changed").isEqualTo(amountsOf(increased));
        assertThat(customers.getJson(mvc, token(reviewers().rep()), "/api/v1/contracts/" + id + "/amendments").size())
                .as("the refused amendment is not kept").isEqualTo(1);

        MvcTestResult less = amend(id, "-300000.00");
        assertThat(less).as(ContractTestSupport.text(less)).hasStatus(201);
        assertThat(amountsOf(plans(id))).as("the last plans give first; what was collected stays")
                .containsExactly("1 PREPAYMENT 180000.00 100000.00 PARTIALLY_PAID", "2 ACCEPTANCE 170000.00 0.00 PLANNED");
        JsonNode figures = customers.getJson(mvc, token(reviewers().rep()), "/api/v1/receivables/contract-figures?contractId=" + id)
                .get("items").get(0);
        assertThat(figures.get("planned").decimalValue()).isEqualByComparingTo("350000.00");
        assertThat(figures.get("collectedPercent").decimalValue()).isEqualByComparingTo("28.57");
    }

    /**
     * Finance walk: an opportunity won by its contract's signing counted in the win/loss figures at its own amount (the
     * quote's 100 000), not the 888 888.88 signed (below K5). Won by the signing, its amount is the signed contract's (decision
     * 0087), said in its stage history and the audit trail, and a signed amendment moves it on.
     */
    @Test
    void anOpportunityWonBySigningCountsTheSignedContractsAmountAndItsAmendmentsInTheWinLossFigures() {
        String rep = token(reviewers().rep());
        String winLoss = "/api/v1/opportunities/win-loss?from=2026-11-01&to=2027-01-31";
        java.math.BigDecimal wonBefore = customers.getJson(mvc, rep, winLoss).at("/total/wonAmount").decimalValue();
        String opportunity = support.opportunityAtContractStage(mvc, reviewers(), "杭州按合同金额赢单科技有限公司", "100000.00");
        JsonNode draft = support.draft(mvc, rep, opportunity, "888888.88", "LOW");
        JsonNode contract = contracts.signDraft(mvc, reviewers(), draft.get("id").asString(), "2026-12-01");
        String number = contract.get("number").asString();

        JsonNode won = customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity);
        assertThat(won.get("stage").asString()).isEqualTo("WON");
        assertThat(won.get("amount").decimalValue()).as("the deal as closed").isEqualByComparingTo("888888.88");
        assertThat(customers.getJson(mvc, rep, winLoss).at("/total/wonAmount").decimalValue().subtract(wonBefore))
                .as("counted at the signed contract's amount, not the quote's").isEqualByComparingTo("888888.88");
        JsonNode history = customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity + "/history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("stage").asString()).isEqualTo("WON");
        assertThat(last.get("amount").decimalValue()).isEqualByComparingTo("888888.88");
        assertThat(last.get("note").asString()).isEqualTo("contract:" + number);
        assertThat(jdbc.sql("select detail from platform_audit_event where entity_type = 'Opportunity' and entity_id = :o"
                        + " and action = 'opportunity.amountFromContract'").param("o", opportunity).query(String.class).list())
                .as("why the amount changed, beside the change itself")
                .containsExactly("opportunity.audit.wonAtContractAmount\n100000.00\n888888.88\n" + number);
        assertThat(jdbc.sql("select old_value || ' -> ' || new_value from platform_audit_event where entity_type = 'Opportunity'"
                        + " and entity_id = :o and action = 'UPDATE' and field = 'amount'").param("o", opportunity)
                .query(String.class).list()).containsExactly("100000.00 -> 888888.88");
        Cookie session = customers.session(mvc, reviewers().rep());
        assertThat(page(session, "/opportunities/" + opportunity, "en"))
                .contains("· contract " + number + " signed, won at its amount 888,888.88");
        assertThat(page(session, "/opportunities/" + opportunity, "zh-CN"))
                .contains("· 合同 " + number + " 签订，按合同金额 888,888.88 赢单");

        MvcTestResult amended = amend(contract.get("id").asString(), "50000.00");
        assertThat(amended).as(ContractTestSupport.text(amended)).hasStatus(201);
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("amount").decimalValue())
                .as("the amended deal").isEqualByComparingTo("938888.88");
        assertThat(customers.getJson(mvc, rep, winLoss).at("/total/wonAmount").decimalValue().subtract(wonBefore))
                .isEqualByComparingTo("938888.88");
    }

    /**
     * Walk finding: an amendment whose scan was the contract's own signed scan was recorded. The same paper is not
     * recorded twice, whichever record holds it: refused naming the contract, nothing recorded.
     */
    @Test
    void anAmendmentScanThatIsTheContractsOwnSignedScanIsRefused() {
        JsonNode contract = signed("杭州补充协议原件科技有限公司");
        String id = contract.get("id").asString();

        // the signed scan the contract was signed with, as its files serve it
        String rep0 = token(reviewers().rep());
        String scanId = customers.getJson(mvc, rep0, "/api/v1/contracts/" + id + "/files").valueStream()
                .filter(f -> f.get("kind").asString().equals("SIGNED_SCAN")).findFirst().orElseThrow().get("id").asString();
        byte[] scan = customers.get(mvc, rep0, "/api/v1/contracts/" + id + "/files/" + scanId).getResponse()
                .getContentAsByteArray();
        MvcTestResult same = amend(id, "10.00", scan);
        assertThat(same).as(ContractTestSupport.text(same)).hasStatus(422);
        assertThat(customers.json(same).at("/errors/0/field").asString()).isEqualTo("scan");
        assertThat(customers.json(same).at("/errors/0/code").asString()).isEqualTo("contract.amendment.sameAsContractScan");
        assertThat(ContractTestSupport.text(same)).contains(contract.get("number").asString());
        String rep = token(reviewers().rep());
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id + "/amendments").size()).isZero();
        assertThat(amend(id, "10.00")).as("its own paper is an amendment").hasStatus(201);
    }

    @Test
    void theSameAmendmentScanPostedTwiceIsRefusedNamingTheAmendmentThatHoldsItAndTheAmountRisesOnce() {
        JsonNode contract = signed("杭州补充协议重复科技有限公司");
        String id = contract.get("id").asString();
        byte[] scan = TestFiles.signedScan();
        MvcTestResult first = amend(id, "10.00", scan);
        assertThat(first).as(ContractTestSupport.text(first)).hasStatus(201);
        String number = customers.json(first).get("number").asString();

        MvcTestResult again = amend(id, "10.00", scan);
        assertThat(again).as("the same paper again (a second click, a retried upload)").hasStatus(422);
        assertThat(customers.json(again).at("/errors/0/field").asString()).isEqualTo("scan");
        assertThat(customers.json(again).at("/errors/0/code").asString()).isEqualTo("contract.amendment.sameScan");
        assertThat(ContractTestSupport.text(again)).contains(number);
        String rep = token(reviewers().rep());
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id + "/amendments").size()).isEqualTo(1);
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id).get("currentAmount").decimalValue())
                .as("raised once").isEqualByComparingTo("600010.00");
        assertThat(amend(id, "10.00")).as("another paper is another amendment").hasStatus(201);
    }

    @Test
    void anAmendedContractShowsItsCurrentAmountInTheApiTheListAndTheExportAsItsPlansAndInvoicesCountIt() throws Exception {
        JsonNode contract = signed("杭州补充协议金额科技有限公司");
        String id = contract.get("id").asString();
        List<JsonNode> plans = plans(id);
        receipt(contract.get("customerId").asString(), plans.get(0).get("id").asString(), "180000.00", "2026-12-01",
                "BANK_TRANSFER", "杭州补充协议金额科技有限公司");
        MvcTestResult more = amend(id, "10000.00");
        assertThat(more).as(ContractTestSupport.text(more)).hasStatus(201);
        String rep = token(reviewers().rep());

        JsonNode view = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(view.get("amount").decimalValue()).as("the amount signed stays").isEqualByComparingTo("600000.00");
        assertThat(view.get("currentAmount").decimalValue()).as("with the amendment").isEqualByComparingTo("610000.00");
        JsonNode row = customers.getJson(mvc, rep, "/api/v1/contracts?q=" + contract.get("number").asString()).get("items").get(0);
        assertThat(row.get("amount").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(row.get("currentAmount").decimalValue()).isEqualByComparingTo("610000.00");
        JsonNode figures = customers.getJson(mvc, rep, "/api/v1/receivables/contract-figures?contractId=" + id)
                .get("items").get(0);
        assertThat(figures.get("planned").decimalValue()).as("the plans add up to the same amount")
                .isEqualByComparingTo(view.get("currentAmount").decimalValue());
        MvcTestResult whole = customers.post(mvc, rep, "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州补充协议金额科技有限公司","buyerTaxId":"%s",
                 "buyerAddressPhone":"杭州市西湖区文三路 1 号 0571-88888888","buyerBankAccount":"工商银行西湖支行 1202000000000000001",
                 "amount":610000.00,"lines":[{"description":"工业网关 GW-100","amount":610000.00,"taxRate":13}]}"""
                .formatted(id, TAX_ID));
        assertThat(whole).as("invoices may reach the same amount: " + ContractTestSupport.text(whole)).hasStatus(201);

        Cookie session = customers.session(mvc, reviewers().rep());
        String listed = rowOf(page(session, "/contracts", "en"), id);
        assertThat(listed).as("the amount, collected and its percentage on the same total")
                .contains(">610,000.00<", "180,000.00", "29.51 %").doesNotContain(">600,000.00<");
        assertThat(page(session, "/contracts", "zh-CN")).contains("金额（含补充协议，元）");
        assertThat(page(session, "/contracts/" + id, "en")).as("the page says the amount signed and the one now")
                .contains("600,000.00 CNY", "id=\"contract-current-amount\">610,000.00 CNY<", "id=\"contract-planned\">610,000.00<")
                .as("the currency said once: by the value, not its label too")
                .contains(">Amount</dt>", ">Amount with amendments</dt>").doesNotContain("(CNY)</dt>");
        assertThat(page(session, "/contracts/" + id, "zh-CN")).contains(">金额</dt>", ">金额（含补充协议）</dt>")
                .doesNotContain("元）</dt>");
        var exported = com.lead2cash.testing.ExportedWorkbook.rows(mvc, session,
                "/contracts/export.xlsx?q=" + contract.get("number").asString());
        assertThat(exported).hasSize(2);
        assertThat(exported.get(1).getCellAsNumber(6)).as("the export's amount with the amendment")
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("610000.00"));
        assertThat(exported.get(1).getCellAsNumber(7))
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("180000.00"));
    }

    @Test
    void anAmendmentThatWouldTakeTheContractToTheLargestAmountOrBeyondIsRefusedAndKeepsNothing() {
        JsonNode contract = signed("杭州补充协议上限科技有限公司");
        String id = contract.get("id").asString();
        String rep = token(reviewers().rep());
        int files = customers.getJson(mvc, rep, "/api/v1/contracts/" + id + "/files").size();

        for (String change : List.of("9999999999999.99", "1e15")) {
            MvcTestResult refused = amend(id, change);
            assertThat(refused).as(change).hasStatus(422);
            assertThat(customers.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("amountChange");
        }
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id + "/amendments").size()).isZero();
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + id + "/files").size()).as("no scan kept").isEqualTo(files);
        assertThat(amountsOf(plans(id))).as("the plans unchanged")
                .containsExactly("1 PREPAYMENT 180000.00 0.00 PLANNED", "2 ACCEPTANCE 420000.00 0.00 PLANNED");
    }

    @Test
    void aTerminationTakesEffectBetweenTheSigningAndTenYearsAheadAndTheContractShowsItsDayAndReason() {
        JsonNode contract = signed("杭州终止生效科技有限公司");
        String id = contract.get("id").asString();
        String manager = token(reviewers().manager());
        String terminate = """
                {"reason":"客户经营困难，双方协商终止","effectiveOn":"%s","version":%d}""";
        long version = contract.get("version").asLong();

        for (String day : List.of("2199-12-05", "2036-12-02", "2026-11-30")) {
            MvcTestResult refused = customers.post(mvc, manager, "/api/v1/contracts/" + id + "/termination",
                    terminate.formatted(day, version));
            assertThat(refused).as(day).hasStatus(422);
            assertThat(customers.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("effectiveOn");
        }
        JsonNode unchanged = customers.getJson(mvc, manager, "/api/v1/contracts/" + id);
        assertThat(unchanged.get("status").asString()).isEqualTo("SIGNED");
        assertThat(unchanged.get("retainUntil").asString()).isEqualTo(contract.get("retainUntil").asString());
        assertThat(unchanged.get("termination").isNull()).isTrue();

        MvcTestResult terminated = customers.post(mvc, manager, "/api/v1/contracts/" + id + "/termination",
                terminate.formatted("2027-03-31", version));
        assertThat(terminated).as(ContractTestSupport.text(terminated)).hasStatusOk();
        JsonNode view = customers.json(terminated);
        assertThat(view.get("status").asString()).isEqualTo("TERMINATED");
        assertThat(view.at("/termination/effectiveOn").asString()).isEqualTo("2027-03-31");
        assertThat(view.at("/termination/reason").asString()).isEqualTo("客户经营困难，双方协商终止");
        assertThat(view.get("retainUntil").asString()).as("R1 from the day it takes effect").isEqualTo("2037-03-31");

        Cookie session = customers.session(mvc, reviewers().rep());
        assertThat(page(session, "/contracts/" + id, "en")).contains("Effective 2027-03-31 · 客户经营困难，双方协商终止");
        assertThat(page(session, "/contracts/" + id, "zh-CN")).contains("2027-03-31 起生效 · 客户经营困难，双方协商终止");
    }
}

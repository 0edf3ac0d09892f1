package com.lead2cash.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lead2cash.files.TestFiles;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.DocumentNumbers;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Invoices through the API (SPEC §5 "Invoices"): requests up to what the contract has not yet invoiced,
 * the taxpayer id checked as a unified social credit code, finance's approval through the approval
 * mechanism, the invoice number and date, and the red-letter reversal that frees the amount again.
 */
@IntegrationTest
@Import(TestClock.class)
class InvoiceApiTest {

    static final String VALID_TAX_ID = "91350100M000100Y43";
    /** 发票代码 of the paper invoices the tests issue (their numbers have 8 digits). */
    static final String PAPER_CODE = "3300261130";
    static Reviewers reviewers;

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired ContractInvoicing invoicing;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired com.lead2cash.testing.MutableClock clock;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("inv", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    JsonNode signed(String customer) {
        return contracts.sign(mvc, reviewers(), customer, "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
    }

    MvcTestResult request(String contractId, String taxId, String amount) {
        return customers.post(mvc, customers.bearer(mvc, reviewers().rep()), "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s",
                 "buyerAddressPhone":"杭州市西湖区文三路 1 号 0571-88888888","buyerBankAccount":"工商银行西湖支行 1202000000000000001",
                 "amount":%s,"lines":[{"description":"工业网关 GW-100","amount":%s,"taxRate":13}]}"""
                .formatted(contractId, taxId, amount, amount));
    }

    /** Finance approves the request; the invoice's id once it is APPROVED. */
    String approved(MvcTestResult requested) {
        assertThat(requested).as(ContractTestSupport.text(requested)).hasStatus(201);
        JsonNode invoice = customers.json(requested);
        String id = invoice.get("id").asString();
        String finance = customers.bearer(mvc, reviewers().finance());
        ok(customers.post(mvc, finance, "/api/v1/approvals/" + invoice.get("approvalId").asString() + "/decision",
                "{\"decision\":\"APPROVE\"}"));
        // at once, finance's decision being taken in finance's own transaction: issuing right after is not refused
        assertThat(customers.getJson(mvc, finance, "/api/v1/invoices/" + id).get("status").asString()).isEqualTo("APPROVED");
        return id;
    }

    /** Issues a paper invoice of {@link #PAPER_CODE}. */
    MvcTestResult issue(String id, String invoiceNumber) {
        return issue(id, invoiceNumber, PAPER_CODE);
    }

    /** Issues with this number and code (null: none sent), dated 2026-12-01. */
    MvcTestResult issue(String id, String invoiceNumber, String invoiceCode) {
        return issue(id, invoiceNumber, invoiceCode, "2026-12-01");
    }

    /** Issues with this number, code (null: none sent) and invoice date. */
    MvcTestResult issue(String id, String invoiceNumber, String invoiceCode, String invoicedOn) {
        String finance = customers.bearer(mvc, reviewers().finance());
        long version = customers.getJson(mvc, finance, "/api/v1/invoices/" + id).get("version").asLong();
        return customers.post(mvc, finance, "/api/v1/invoices/" + id + "/issue",
                "{\"invoiceNumber\":\"%s\",%s\"invoicedOn\":\"%s\",\"version\":%d}".formatted(invoiceNumber,
                        invoiceCode == null ? "" : "\"invoiceCode\":\"%s\",".formatted(invoiceCode), invoicedOn, version));
    }

    JsonNode redReverse(String id) {
        String finance = customers.bearer(mvc, reviewers().finance());
        long version = customers.getJson(mvc, finance, "/api/v1/invoices/" + id).get("version").asLong();
        return ok(customers.post(mvc, finance, "/api/v1/invoices/" + id + "/red-reversal",
                "{\"reason\":\"购买方名称有误\",\"version\":%d}".formatted(version)));
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
                .header(HttpHeaders.AUTHORIZATION, customers.bearer(mvc, reviewers().rep())).exchange();
    }

    JsonNode ok(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    @Test
    void invoiceRequestsCannotExceedTheUninvoicedAmountAndRefuseAnInvalidTaxpayerId() {
        String contract = signed("杭州发票一号科技有限公司").get("id").asString();

        MvcTestResult first = request(contract, VALID_TAX_ID, "400000.00");
        assertThat(first).as(ContractTestSupport.text(first)).hasStatus(201);
        JsonNode invoice = customers.json(first);
        assertThat(invoice.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(invoice.get("approvalId").isNull()).isFalse();

        assertThat(request(contract, VALID_TAX_ID, "200000.01")).as("above the 200 000.00 left").hasStatus(422);
        MvcTestResult badTaxId = request(contract, "91350100M000100Y44", "100.00");
        assertThat(badTaxId).hasStatus(422);
        assertThat(customers.json(badTaxId).at("/errors/0/field").asString()).isEqualTo("buyerTaxId");
        assertThat(customers.json(badTaxId).at("/errors/0/code").asString()).isEqualTo("uscc.invalid.checkDigit");
        // walk finding: a taxpayer id of the wrong length was told its check digit did not match (校验位不符)
        for (String[] wrong : new String[][] {{"9133", "4"}, {"91350100M000100Y4", "17"}}) {
            MvcTestResult shortId = mvc.post().uri("/api/v1/invoices")
                    .header(org.springframework.http.HttpHeaders.AUTHORIZATION, customers.bearer(mvc, reviewers().rep()))
                    .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                            {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s",
                             "buyerAddressPhone":"杭州市西湖区文三路 1 号 0571-88888888","buyerBankAccount":"工商银行西湖支行 1202000000000000001",
                             "amount":100.00,"lines":[{"description":"工业网关 GW-100","amount":100.00,"taxRate":13}]}"""
                            .formatted(contract, wrong[0])).exchange();
            assertThat(shortId).as(wrong[0]).hasStatus(422);
            JsonNode error = customers.json(shortId).at("/errors/0");
            assertThat(error.get("field").asString()).isEqualTo("buyerTaxId");
            assertThat(error.get("code").asString()).as(wrong[0]).isEqualTo("uscc.invalid.length");
            assertThat(error.get("message").asString()).as(wrong[0]).isEqualTo("统一社会信用代码为18位，此处为" + wrong[1] + "位。");
        }
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().rep()), "/api/v1/invoices?contractId=" + contract)
                .get("items").size()).as("the refusals left nothing behind").isEqualTo(1);
        assertThat(request(contract, VALID_TAX_ID, "200000.00")).as("exactly what is left").hasStatus(201);

        String rep = customers.bearer(mvc, reviewers().rep());
        List<String> pending = new java.util.ArrayList<>();
        customers.getJson(mvc, rep, "/api/v1/invoices?status=PENDING_APPROVAL&size=200").get("items").forEach(i -> {
            assertThat(i.get("status").asString()).isEqualTo("PENDING_APPROVAL");
            if (contract.equals(i.get("contractId").asString())) {
                pending.add(i.get("id").asString());
            }
        });
        assertThat(pending).as("both requests on this contract, without naming it").hasSize(2);
        JsonNode mine = customers.getJson(mvc, rep, "/api/v1/invoices?status=PENDING_APPROVAL&size=1");
        assertThat(mine.get("items")).hasSize(1);
        JsonNode next = customers.getJson(mvc, rep, "/api/v1/invoices?status=PENDING_APPROVAL&size=1&cursor="
                + mine.get("nextCursor").asString());
        assertThat(next.get("items")).as("the next request, on the next page").hasSize(1);
        assertThat(next.get("items").get(0).get("id").asString()).isNotEqualTo(mine.get("items").get(0).get("id").asString());
        // other tests of the class issue invoices on their contracts
        customers.getJson(mvc, rep, "/api/v1/invoices?status=ISSUED&size=200").get("items").forEach(i -> {
            assertThat(i.get("status").asString()).isEqualTo("ISSUED");
            assertThat(i.get("contractId").asString()).as("none of this contract's").isNotEqualTo(contract);
        });
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().otherRep()), "/api/v1/invoices").get("items"))
                .as("another team's rep").isEmpty();
    }

    @Test
    void aRequestWithoutLinesIsOneLineAtTheRateItsProductsShareRefusedAtSeveralAndAMissingTaxIdIsToldWithTheOtherProblems() {
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "invnolines", "杭州发票无明细科技有限公司",
                "2026-12-01");
        String rep = customers.bearer(mvc, reviewers().rep());
        String body = """
                {"contractId":"%s","type":"VAT_ORDINARY","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s","amount":1000.00}"""
                .formatted(contract.get("id").asString(), VALID_TAX_ID);
        // products at two rates, part of the contract: which part at which rate is the person's to say
        MvcTestResult part = customers.post(mvc, rep, "/api/v1/invoices", body);
        assertThat(part).hasStatus(422);
        assertThat(customers.json(part).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("lines invoice.lines.severalRates");
        // SPEC: lines[] optional — at one rate, the whole amount on one line, as the request form starts
        jdbc.sql("update catalog_product set tax_rate = 13 where code = 'SV-invnolines'").update();
        MvcTestResult noLines = customers.post(mvc, rep, "/api/v1/invoices", body);
        assertThat(noLines).as(ContractTestSupport.text(noLines)).hasStatus(201);
        JsonNode lines = customers.getJson(mvc, rep, "/api/v1/invoices/" + customers.json(noLines).get("id").asString())
                .get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("description").asString()).isEqualTo(contract.get("title").asString());
        assertThat(lines.get(0).get("amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(lines.get(0).get("taxRate").decimalValue()).isEqualByComparingTo("13");

        // no taxpayer id and no buyer: both told at once, the id as missing, not as a wrong check digit
        MvcTestResult missing = customers.post(mvc, rep, "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_ORDINARY","amount":100.00}""".formatted(contract.get("id").asString()));
        assertThat(missing).hasStatus(422);
        assertThat(customers.json(missing).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .contains("buyerTaxId invoice.buyerTaxId.required", "buyerName invoice.buyerName.required");
    }

    @Test
    void aRequestWithoutLinesForTheWholeContractAtSeveralRatesIsSplitAsTheRequestFormStarts() {
        // lines 工业网关 at 13 % and 安装调试服务 at 6 % in the catalog
        JsonNode contract = contracts.signFromAcceptedQuote(mvc, reviewers(), "invsplit", "杭州发票拆分科技有限公司",
                "2026-12-01");
        String rep = customers.bearer(mvc, reviewers().rep());
        String body = """
                {"contractId":"%s","type":"VAT_ORDINARY","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s",
                 "amount":%%s,"lines":[]}""".formatted(contract.get("id").asString(), VALID_TAX_ID);
        MvcTestResult less = customers.post(mvc, rep, "/api/v1/invoices", body.formatted("12359.99"));
        assertThat(less).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lines");
        assertThat(customers.json(less).get("errors").get(0).get("code").asString()).isEqualTo("invoice.lines.severalRates");

        MvcTestResult whole = customers.post(mvc, rep, "/api/v1/invoices", body.formatted("12360.00"));
        assertThat(whole).as(ContractTestSupport.text(whole)).hasStatus(201);
        // a line per rate with its tax, as the form starts: 10 × 1 000 × 1.13 and 2 × 500 × 1.06
        assertThat(customers.json(whole).get("lines").valueStream().map(l -> l.get("description").asString() + " "
                + l.get("amount").decimalValue().setScale(2).toPlainString() + " " + l.get("taxRate").decimalValue().stripTrailingZeros()
                .toPlainString()))
                .containsExactly("工业网关 11300.00 13", "安装调试服务 1060.00 6");
    }

    /**
     * Walk finding: the rest of a contract at several rates, asked whole without lines after part of it was invoiced,
     * was refused saying lines are derived "when you request everything not yet invoiced" — which it was. The refusal
     * says why they cannot be derived: part already invoiced or requested, or an amendment changed the amount.
     */
    @Test
    void aRequestWithoutLinesAtSeveralRatesNotSplitSaysWhyAfterAPartInvoicedOrAnAmendment() {
        String rep = customers.bearer(mvc, reviewers().rep());
        JsonNode partly = contracts.signFromAcceptedQuote(mvc, reviewers(), "invrest", "杭州发票剩余拆分科技有限公司",
                "2026-12-01");
        String partlyId = partly.get("id").asString();
        assertThat(customers.post(mvc, rep, "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_ORDINARY","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s",
                 "amount":1130.00,"lines":[{"description":"工业网关","amount":1130.00,"taxRate":13}]}"""
                .formatted(partlyId, VALID_TAX_ID))).hasStatus(201);
        String rest = """
                {"contractId":"%s","type":"VAT_ORDINARY","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s","amount":%s}""";
        MvcTestResult theRest = customers.post(mvc, rep, "/api/v1/invoices", rest.formatted(partlyId, VALID_TAX_ID, "11230.00"));
        assertThat(theRest).as(ContractTestSupport.text(theRest)).hasStatus(422);
        assertThat(customers.json(theRest).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("lines invoice.lines.severalRatesPartlyInvoiced");
        assertThat(ContractTestSupport.text(theRest)).contains("already invoiced or requested")
                .doesNotContain("whole contract is requested at once");

        JsonNode amended = contracts.signFromAcceptedQuote(mvc, reviewers(), "invamend", "杭州发票调增拆分科技有限公司",
                "2026-12-01");
        String amendedId = amended.get("id").asString();
        assertThat(amend(amendedId, "100.00")).hasStatus(201);
        MvcTestResult whole = customers.post(mvc, rep, "/api/v1/invoices", rest.formatted(amendedId, VALID_TAX_ID, "12460.00"));
        assertThat(whole).as(ContractTestSupport.text(whole)).hasStatus(422);
        assertThat(customers.json(whole).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("lines invoice.lines.severalRatesAmended");
        assertThat(ContractTestSupport.text(whole)).contains("an amendment changed its amount");
    }

    @Test
    void refusedRequestsTakeNoInvoiceNumberTheNextRequestGetsTheOneAfterTheLast() {
        String contract = signed("杭州发票编号科技有限公司").get("id").asString();
        String last = customers.json(request(contract, VALID_TAX_ID, "100000.00")).get("number").asString();

        // refused by the invoice itself, after the request took its number: the number is given back
        assertThat(request(contract, VALID_TAX_ID, "500000.01")).as("above the 500 000.00 left").hasStatus(422);
        assertThat(customers.post(mvc, customers.bearer(mvc, reviewers().rep()), "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s",
                 "amount":100.00,"lines":[{"description":"工业网关 GW-100","amount":100.00,"taxRate":250}]}"""
                .formatted(contract, VALID_TAX_ID))).as("a tax rate of 250 %").hasStatus(422);
        assertThat(customers.post(mvc, customers.bearer(mvc, reviewers().rep()), "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州发票科技有限公司","buyerTaxId":"%s",
                 "amount":100.00,"lines":[{"description":"工业网关 GW-100","amount":100.00,"taxRate":1.3}]}"""
                .formatted(contract, VALID_TAX_ID))).as("1.3 %, no VAT rate").hasStatus(422);
        assertThat(request(contract, "91350100M000100Y44", "100.00")).as("a bad taxpayer id").hasStatus(422);

        MvcTestResult next = request(contract, VALID_TAX_ID, "100.00");
        assertThat(next).as(ContractTestSupport.text(next)).hasStatus(201);
        assertThat(customers.json(next).get("number").asString()).isEqualTo(DocumentNumbers.following(last));
    }

    @Test
    void aRequestOfAContractTerminatedAfterItWasMadeIsNeitherApprovedNorIssuedAndItsPageSaysWhy() throws Exception {
        JsonNode contract = signed("杭州发票合同终止科技有限公司");
        String contractId = contract.get("id").asString();
        MvcTestResult requested = request(contractId, VALID_TAX_ID, "100000.00");
        assertThat(requested).hasStatus(201);
        JsonNode pending = customers.json(requested);
        String pendingId = pending.get("id").asString();
        String approvedId = approved(request(contractId, VALID_TAX_ID, "100000.00"));

        String rep = customers.bearer(mvc, reviewers().rep());
        ok(customers.post(mvc, customers.bearer(mvc, reviewers().manager()), "/api/v1/contracts/" + contractId
                + "/termination", "{\"reason\":\"客户取消\",\"effectiveOn\":\"2026-12-01\",\"version\":%d}"
                .formatted(customers.getJson(mvc, rep, "/api/v1/contracts/" + contractId).get("version").asLong())));

        // the request still waiting for finance is cancelled by the termination (0088), its approval withdrawn
        String finance = customers.bearer(mvc, reviewers().finance());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(customers.getJson(mvc, finance,
                "/api/v1/invoices/" + pendingId).get("status").asString()).isEqualTo("CANCELLED"));
        JsonNode cancelledOnTermination = customers.getJson(mvc, finance, "/api/v1/invoices/" + pendingId);
        assertThat(cancelledOnTermination.get("cancelledOnTermination").asBoolean()).isTrue();
        assertThat(cancelledOnTermination.get("cancelledOnWithdrawal").asBoolean()).isFalse();
        assertThat(cancelledOnTermination.get("cancelReason").isNull()).isTrue();
        assertThat(cancelledOnTermination.get("actions")).isEmpty();
        MvcTestResult approve = customers.post(mvc, finance, "/api/v1/approvals/" + pending.get("approvalId").asString()
                + "/decision", "{\"decision\":\"APPROVE\"}");
        assertThat(approve).as("no task left for finance").hasStatus(422);
        assertThat(customers.json(approve).get("code").asString()).isEqualTo("approval.finished");

        MvcTestResult issued = issue(approvedId, "33009901");
        assertThat(issued).hasStatus(422);
        assertThat(customers.json(issued).get("code").asString()).isEqualTo("invoice.contract.terminated");
        assertThat(customers.json(issued).get("detail").asString()).contains(contract.get("number").asString());
        JsonNode still = customers.getJson(mvc, finance, "/api/v1/invoices/" + approvedId);
        assertThat(still.get("status").asString()).as("approved by finance: finance's to close").isEqualTo("APPROVED");
        assertThat(still.get("invoiceNumber").isNull()).isTrue();

        var session = customers.session(mvc, reviewers().finance());
        for (String[] lang : new String[][] {{"zh-CN", "已终止：与新的开票申请一样，此申请不能再批准或开具"},
                {"en", "was terminated: this request can no longer be approved or issued"}}) {
            String page = mvc.get().uri("/invoices/" + approvedId + "?lang=" + lang[0]).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(lang[0]).contains("id=\"invoice-contract-terminated\"", lang[1])
                    .doesNotContain("/invoices/" + approvedId + "/issue");
        }
        // the cancelled request's page says the termination cancelled it
        for (String[] lang : new String[][] {{"zh-CN", "申请待审批期间合同 " + contract.get("number").asString() + " 已终止"},
                {"en", "Contract " + contract.get("number").asString() + " was terminated while the request waited"}}) {
            String page = mvc.get().uri("/invoices/" + pendingId + "?lang=" + lang[0]).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(lang[0]).contains("id=\"cancel-reason\"", lang[1]).doesNotContain("cancel-form");
        }
        // the list marks the approved request that can never be issued
        String number = still.get("number").asString();
        for (String[] lang : new String[][] {{"zh-CN", "合同已终止"}, {"en", "Contract terminated"}}) {
            String list = mvc.get().uri("/invoices?status=APPROVED&lang=" + lang[0]).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(list).as(lang[0]).contains(">" + number + "<");
            String row = list.substring(list.indexOf(">" + number + "<"));
            assertThat(row.substring(0, row.indexOf("</tr>"))).as(lang[0])
                    .contains("invoice-contract-terminated", lang[1]);
        }

        // the approved request that can never be issued: finance closes it, and it no longer holds the contract
        assertThat(still.get("actions").valueStream().map(JsonNode::asString)).as("cancelled, not issued")
                .containsExactly("CANCEL");
        JsonNode closed = ok(customers.post(mvc, finance, "/api/v1/invoices/" + approvedId + "/cancellation",
                "{\"reason\":\"合同已终止\",\"version\":%d}".formatted(still.get("version").asLong())));
        assertThat(closed.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from invoice_invoice where contract_id = cast(:c as uuid) "
                + "and status in ('PENDING_APPROVAL', 'APPROVED', 'ISSUED')").param("c", contractId)
                .query(BigDecimal.class).single()).as("nothing held any more").isEqualByComparingTo("0");
        String closedPage = mvc.get().uri("/invoices/" + approvedId + "?lang=en").cookie(session).exchange()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(closedPage).as("no longer waiting to be issued").contains(">Cancelled<", "合同已终止")
                .doesNotContain("id=\"invoice-contract-terminated\"", "cancel-form");
    }

    /**
     * Walk finding: a request waiting for finance survived its contract's termination on finance's workbench, and
     * approving it was refused. The termination cancels it (0088): finance's task closes, the requester is told.
     */
    @Test
    void aRequestWaitingForFinanceIsCancelledWhenItsContractIsTerminatedItsTaskClosedAndItsRequesterTold() {
        JsonNode contract = signed("杭州发票终止撤销科技有限公司");
        String contractId = contract.get("id").asString();
        JsonNode pending = customers.json(request(contractId, VALID_TAX_ID, "100000.00"));
        String id = pending.get("id").asString();
        String approvalId = pending.get("approvalId").asString();
        assertThat(invoicing.waiting(500)).extracting(ContractInvoicing.Waiting::id).as("on finance's workbench")
                .contains(UUID.fromString(id));

        String rep = customers.bearer(mvc, reviewers().rep());
        ok(customers.post(mvc, customers.bearer(mvc, reviewers().manager()), "/api/v1/contracts/" + contractId
                + "/termination", "{\"reason\":\"客户取消\",\"effectiveOn\":\"2026-12-01\",\"version\":%d}"
                .formatted(customers.getJson(mvc, rep, "/api/v1/contracts/" + contractId).get("version").asLong())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(customers.getJson(mvc, rep,
                "/api/v1/invoices/" + id).get("status").asString()).isEqualTo("CANCELLED"));
        assertThat(invoicing.waiting(500)).extracting(ContractInvoicing.Waiting::id).as("off finance's workbench")
                .doesNotContain(UUID.fromString(id));
        assertThat(customers.getJson(mvc, rep, "/api/v1/approvals/" + approvalId).get("state").asString())
                .as("finance's task closed with it").isEqualTo("WITHDRAWN");
        assertThat(jdbc.sql("select count(*) from notification_message where recipient_id = :rep "
                        + "and title_key = 'invoice.notify.cancelledOnTermination' and link = :link")
                .param("rep", reviewers().rep().id()).param("link", "/invoices/" + id).query(Long.class).single())
                .as("its requester is told").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'INVOICE_CANCELLED' and entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRequestSentBackIsRejectedWithItSoItsApprovalOffersNoResubmissionAndRefusesOneChangingNothing() throws Exception {
        JsonNode contract = signed("杭州发票退回科技有限公司");
        MvcTestResult requested = request(contract.get("id").asString(), VALID_TAX_ID, "100000.00");
        assertThat(requested).hasStatus(201);
        JsonNode invoice = customers.json(requested);
        String approvalId = invoice.get("approvalId").asString();
        String finance = customers.bearer(mvc, reviewers().finance());
        ok(customers.post(mvc, finance, "/api/v1/approvals/" + approvalId + "/decision",
                "{\"decision\":\"SEND_BACK\",\"comment\":\"税号有误\"}"));
        assertThat(customers.getJson(mvc, finance, "/api/v1/invoices/" + invoice.get("id").asString())
                .get("status").asString()).as("a new request is made instead").isEqualTo("REJECTED");

        String rep = customers.bearer(mvc, reviewers().rep());
        JsonNode sentBack = customers.getJson(mvc, rep, "/api/v1/approvals/" + approvalId);
        assertThat(sentBack.get("state").asString()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("availableActions").valueStream().map(JsonNode::asString))
                .as("the request ended with the send-back: nothing to resubmit, nothing to take back").isEmpty();

        var session = customers.session(mvc, reviewers().rep());
        for (String[] lang : new String[][] {{"zh-CN", "其业务记录已不再等待此审批"}, {"en", "its record no longer waits on it"}}) {
            String page = mvc.get().uri("/approvals/" + approvalId + "?lang=" + lang[0]).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(lang[0]).contains("id=\"not-resubmittable\"", lang[1])
                    .doesNotContain("id=\"resubmit\"", "/approvals/" + approvalId + "/resubmit", "id=\"withdraw\"",
                            "/approvals/" + approvalId + "/withdraw");
        }
        for (String[] lang : new String[][] {{"zh-CN", "此审批不能再撤回"}, {"en", "This approval can no longer be withdrawn"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/approvals/" + approvalId + "/withdraw")
                    .header(org.springframework.http.HttpHeaders.AUTHORIZATION, rep)
                    .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, lang[0]).exchange();
            assertThat(refused).as(lang[0]).hasStatus(422);
            assertThat(customers.json(refused).get("code").asString()).isEqualTo("approval.withdraw.recordMovedOn");
            assertThat(customers.json(refused).get("detail").asString()).as(lang[0]).contains(lang[1]);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from notification_message
                where subject_id = cast(:a as uuid) and kind = 'approval.sentBack' and settled_at is null""")
                .param("a", approvalId).query(Integer.class).single()).as("the requester is still told why").isOne());

        for (String[] lang : new String[][] {{"zh-CN", "此审批不能再重新提交"}, {"en", "This approval can no longer be resubmitted"}}) {
            MvcTestResult refused = mvc.post().uri("/api/v1/approvals/" + approvalId + "/resubmit")
                    .header(org.springframework.http.HttpHeaders.AUTHORIZATION, rep)
                    .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, lang[0]).exchange();
            assertThat(refused).as(lang[0]).hasStatus(422);
            assertThat(customers.json(refused).get("code").asString()).isEqualTo("approval.resubmit.recordMovedOn");
            assertThat(customers.json(refused).get("detail").asString()).as(lang[0]).contains(lang[1]);
        }
        assertThat(mvc.post().uri("/approvals/" + approvalId + "/resubmit").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatus(302).hasRedirectedUrl("/approvals/" + approvalId)
                .flash().containsEntry("flashError", "approval.resubmit.recordMovedOn");
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/approvals/" + approvalId);
        assertThat(after.get("state").asString()).as("nothing changed").isEqualTo("SENT_BACK");
        assertThat(after.get("round").asInt()).isEqualTo(1);
        assertThat(after.get("version").asLong()).isEqualTo(sentBack.get("version").asLong());
        assertThat(customers.getJson(mvc, finance, "/api/v1/invoices/" + invoice.get("id").asString())
                .get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void financeApprovesIssuesAndReversesByRedLetterWhichFreesTheAmount() {
        String contract = signed("杭州发票二号科技有限公司").get("id").asString();
        JsonNode invoice = customers.json(request(contract, VALID_TAX_ID, "600000.00"));
        String id = invoice.get("id").asString();
        String finance = customers.bearer(mvc, reviewers().finance());
        String rep = customers.bearer(mvc, reviewers().rep());

        ok(customers.post(mvc, finance, "/api/v1/approvals/" + invoice.get("approvalId").asString() + "/decision",
                "{\"decision\":\"APPROVE\"}"));
        assertThat(customers.getJson(mvc, rep, "/api/v1/invoices/" + id).get("status").asString()).isEqualTo("APPROVED");
        // the rep is told with the amount as the screens show it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(customers.getJson(mvc, rep,
                "/api/v1/notifications").get("items").findValuesAsString("title"))
                .anySatisfy(title -> assertThat(title).contains(invoice.get("number").asString(), "600,000.00")));
        JsonNode approved = customers.getJson(mvc, finance, "/api/v1/invoices/" + id);
        assertThat(customers.post(mvc, rep, "/api/v1/invoices/" + id + "/issue",
                "{\"invoiceNumber\":\"33001234\",\"invoiceCode\":\"3300261130\",\"invoicedOn\":\"2026-12-01\",\"version\":%d}".formatted(approved.get("version").asLong())))
                .as("finance issues").hasStatus(403);

        JsonNode issued = ok(customers.post(mvc, finance, "/api/v1/invoices/" + id + "/issue",
                "{\"invoiceNumber\":\"33001234\",\"invoiceCode\":\"3300261130\",\"invoicedOn\":\"2026-12-01\",\"version\":%d}".formatted(approved.get("version").asLong())));
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");
        assertThat(invoicing.invoiced(List.of(UUID.fromString(contract))))
                .containsExactly(Map.entry(UUID.fromString(contract), new BigDecimal("600000.00")));
        assertThat(request(contract, VALID_TAX_ID, "0.01")).as("all invoiced").hasStatus(422);

        JsonNode red = ok(customers.post(mvc, finance, "/api/v1/invoices/" + id + "/red-reversal",
                "{\"reason\":\"购买方名称有误\",\"version\":%d}".formatted(issued.get("version").asLong())));
        assertThat(red.get("status").asString()).isEqualTo("RED_REVERSED");
        assertThat(red.get("redReason").asString()).isEqualTo("购买方名称有误");
        assertThat(invoicing.invoiced(List.of(UUID.fromString(contract)))).isEmpty();
        assertThat(request(contract, VALID_TAX_ID, "600000.00")).as("the amount is free again").hasStatus(201);
    }

    MvcTestResult cancel(String token, String id, String reason, long version) {
        return customers.post(mvc, token, "/api/v1/invoices/" + id + "/cancellation",
                "{\"reason\":\"%s\",\"version\":%d}".formatted(reason, version));
    }

    @Test
    void theRequesterOrFinanceCancelsARequestNotYetIssuedWithAReasonWhichFreesTheAmountAndWithdrawsItsApproval() {
        String contract = signed("杭州发票撤销科技有限公司").get("id").asString();
        String rep = customers.bearer(mvc, reviewers().rep());
        String finance = customers.bearer(mvc, reviewers().finance());
        String manager = customers.bearer(mvc, reviewers().manager());
        JsonNode pending = customers.json(request(contract, VALID_TAX_ID, "400000.00"));
        String pendingId = pending.get("id").asString();
        String approvalId = pending.get("approvalId").asString();
        String approvedId = approved(request(contract, VALID_TAX_ID, "200000.00"));
        assertThat(request(contract, VALID_TAX_ID, "0.01")).as("all requested").hasStatus(422);

        JsonNode seen = customers.getJson(mvc, rep, "/api/v1/invoices/" + pendingId);
        long version = seen.get("version").asLong();
        assertThat(seen.get("actions").valueStream().map(JsonNode::asString)).as("offered to the requester")
                .containsExactly("CANCEL");
        assertThat(customers.getJson(mvc, manager, "/api/v1/invoices/" + pendingId).get("actions"))
                .as("not to the requester's manager, who reads it").isEmpty();
        assertThat(cancel(manager, pendingId, "不需要了", version)).as("nor done by them").hasStatus(403);
        assertThat(cancel(customers.bearer(mvc, reviewers().otherRep()), pendingId, "不需要了", version))
                .as("another team's rep: no hint that it exists").hasStatus(404);
        MvcTestResult noReason = cancel(rep, pendingId, " ", version);
        assertThat(noReason).hasStatus(422);
        assertThat(customers.json(noReason).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()))
                .containsExactly("reason invoice.cancel.reason");
        assertThat(cancel(rep, pendingId, "不需要了", version - 1)).as("a stale version").hasStatus(409);
        assertThat(customers.getJson(mvc, rep, "/api/v1/invoices/" + pendingId).get("status").asString())
                .as("the refusals changed nothing").isEqualTo("PENDING_APPROVAL");
        assertThat(customers.getJson(mvc, rep, "/api/v1/approvals/" + approvalId).get("state").asString())
                .as("finance still has it to decide").isEqualTo("IN_PROGRESS");

        // the requester withdraws a request still with finance: its approval is withdrawn with it
        JsonNode withdrawn = ok(cancel(rep, pendingId, "客户改为下月开票", version));
        assertThat(withdrawn.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(withdrawn.get("cancelReason").asString()).isEqualTo("客户改为下月开票");
        assertThat(withdrawn.get("cancelledBy").asString()).isEqualTo(reviewers().rep().id().toString());
        assertThat(withdrawn.get("cancelledAt").isNull()).isFalse();
        assertThat(withdrawn.get("actions")).isEmpty();
        assertThat(customers.getJson(mvc, rep, "/api/v1/approvals/" + approvalId).get("state").asString())
                .as("finance has nothing left to decide").isEqualTo("WITHDRAWN");
        assertThat(customers.post(mvc, finance, "/api/v1/approvals/" + approvalId + "/decision",
                "{\"decision\":\"APPROVE\"}").getResponse().getStatus()).isNotEqualTo(200);
        assertThat(customers.getJson(mvc, rep, "/api/v1/invoices/" + pendingId).get("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(request(contract, VALID_TAX_ID, "400000.01")).as("only the cancelled 400 000.00 is free").hasStatus(422);

        // finance cancels an approved request; the requester is told
        long approvedVersion = customers.getJson(mvc, finance, "/api/v1/invoices/" + approvedId).get("version").asLong();
        JsonNode closed = ok(cancel(finance, approvedId, "购买方改为分公司开票", approvedVersion));
        assertThat(closed.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(closed.get("cancelledBy").asString()).isEqualTo(reviewers().finance().id().toString());
        assertThat(cancel(finance, approvedId, "再撤销一次", closed.get("version").asLong())).as("once").hasStatus(422);
        String number = closed.get("number").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(customers.getJson(mvc, rep,
                "/api/v1/notifications").get("items").findValuesAsString("title"))
                .anySatisfy(title -> assertThat(title).contains(number, "购买方改为分公司开票")));
        List<String> cancelled = new java.util.ArrayList<>();
        customers.getJson(mvc, rep, "/api/v1/invoices?contractId=" + contract + "&status=CANCELLED").get("items")
                .forEach(i -> cancelled.add(i.get("id").asString()));
        assertThat(cancelled).containsExactlyInAnyOrder(pendingId, approvedId);
        assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'INVOICE_CANCELLED' "
                + "and entity_id in (:ids)").param("ids", List.of(pendingId, approvedId)).query(Long.class).single())
                .as("each cancellation audited").isEqualTo(2);

        // both amounts are free again; an issued invoice is reversed by red letter, never cancelled
        String issuedId = approved(request(contract, VALID_TAX_ID, "600000.00"));
        JsonNode issued = ok(issue(issuedId, "33007701"));
        MvcTestResult refused = cancel(finance, issuedId, "开错了", issued.get("version").asLong());
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("invoice.status.notAllowed");
        assertThat(customers.getJson(mvc, finance, "/api/v1/invoices/" + issuedId).get("status").asString())
                .isEqualTo("ISSUED");
    }

    /** How many times the invoice module heard this approval's withdrawal to the end (after the withdrawal committed). */
    long withdrawalsHeard(String approvalId) {
        return jdbc.sql("""
                select count(*) from event_publication where event_type like '%ApprovalWithdrawn'
                    and listener_id like '%InvoiceService%' and serialized_event like :approval and completion_date is not null""")
                .param("approval", "%" + approvalId + "%").query(Long.class).single();
    }

    /** The approval's withdrawal announced (again, or late), as the approvals announce one. */
    void announceWithdrawal(String approvalId, String invoiceId) {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new com.lead2cash.approval.ApprovalWithdrawn(UUID.fromString(approvalId), "Invoice",
                        invoiceId, 1, reviewers().rep().id())));
    }

    @Test
    void aRequestWhoseApprovalItsRequesterWithdrawsOnTheApprovalsPageIsCancelledOnTheWithdrawalWhichFreesTheAmount()
            throws Exception {
        String contract = signed("杭州发票撤回审批科技有限公司").get("id").asString();
        String rep = customers.bearer(mvc, reviewers().rep());
        JsonNode pending = customers.json(request(contract, VALID_TAX_ID, "600000.00"));
        String id = pending.get("id").asString();
        String approvalId = pending.get("approvalId").asString();
        assertThat(request(contract, VALID_TAX_ID, "0.01")).as("all requested").hasStatus(422);

        ok(customers.post(mvc, rep, "/api/v1/approvals/" + approvalId + "/withdraw", null));
        // the request follows its approval after the withdrawal committed, as the contract does
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(customers.getJson(mvc, rep,
                "/api/v1/invoices/" + id).get("status").asString()).isEqualTo("CANCELLED"));
        JsonNode cancelled = customers.getJson(mvc, rep, "/api/v1/invoices/" + id);
        assertThat(cancelled.get("cancelledOnWithdrawal").asBoolean()).isTrue();
        assertThat(cancelled.get("cancelReason").isNull()).as("no reason typed: the withdrawal is it").isTrue();
        assertThat(cancelled.get("cancelledBy").asString()).isEqualTo(reviewers().rep().id().toString());
        assertThat(cancelled.get("cancelledAt").isNull()).isFalse();
        assertThat(cancelled.get("actions")).isEmpty();
        assertThat(customers.getJson(mvc, rep, "/api/v1/invoices?contractId=" + contract + "&status=CANCELLED")
                .get("items").findValuesAsString("id")).containsExactly(id);
        String audited = "select count(*) from platform_audit_event where action = 'INVOICE_CANCELLED' and entity_id = :id";
        assertThat(jdbc.sql(audited).param("id", id).query(Long.class).single()).isEqualTo(1);
        // heard with no one signed in, recorded as the requester's who withdrew it, not the system's
        assertThat(jdbc.sql("select actor_id from platform_audit_event where action = 'INVOICE_CANCELLED' and entity_id = :id")
                .param("id", id).query(UUID.class).single()).isEqualTo(reviewers().rep().id());
        var session = customers.session(mvc, reviewers().rep());
        for (String[] lang : new String[][] {{"zh-CN", "已撤销", "申请人已撤回审批；其金额可重新申请开票。"},
                {"en", ">Cancelled<", "Its approval was withdrawn by the requester; its amount may be requested again."}}) {
            String page = mvc.get().uri("/invoices/" + id + "?lang=" + lang[0]).cookie(session).exchange()
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(lang[0]).contains("id=\"cancel-reason\"", lang[1], lang[2]).doesNotContain("cancel-form");
        }
        // its amount is free again: requested anew, in a new flow finance approves (as a contract resubmitted after a
        // withdrawal must be approvable, walk finding)
        approved(request(contract, VALID_TAX_ID, "600000.00"));

        // heard again, it changes nothing more
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawalsHeard(approvalId) == 1);
        announceWithdrawal(approvalId, id);
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawalsHeard(approvalId) == 2);
        JsonNode again = customers.getJson(mvc, rep, "/api/v1/invoices/" + id);
        assertThat(again.get("version").asLong()).isEqualTo(cancelled.get("version").asLong());
        assertThat(again.get("cancelledAt").asString()).isEqualTo(cancelled.get("cancelledAt").asString());
        assertThat(jdbc.sql(audited).param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCancellationsOwnWithdrawalKeepsTheReasonTypedAndALateWithdrawalMovesNoRequestFinanceDecided() {
        String contract = signed("杭州发票撤回迟到科技有限公司").get("id").asString();
        String rep = customers.bearer(mvc, reviewers().rep());
        JsonNode pending = customers.json(request(contract, VALID_TAX_ID, "100000.00"));
        String id = pending.get("id").asString();
        String approvalId = pending.get("approvalId").asString();
        long version = customers.getJson(mvc, rep, "/api/v1/invoices/" + id).get("version").asLong();

        JsonNode cancelled = ok(cancel(rep, id, "客户改为下月开票", version));
        // the cancel button withdrew the approval itself; heard after it committed, the request is no longer pending
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawalsHeard(approvalId) == 1);
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/invoices/" + id);
        assertThat(after.get("cancelReason").asString()).isEqualTo("客户改为下月开票");
        assertThat(after.get("cancelledOnWithdrawal").asBoolean()).isFalse();
        assertThat(after.get("version").asLong()).isEqualTo(cancelled.get("version").asLong());

        String approvedId = approved(request(contract, VALID_TAX_ID, "100000.00"));
        JsonNode approved = customers.getJson(mvc, rep, "/api/v1/invoices/" + approvedId);
        String approvedApproval = approved.get("approvalId").asString();
        announceWithdrawal(approvedApproval, approvedId);
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawalsHeard(approvedApproval) == 1);
        JsonNode still = customers.getJson(mvc, rep, "/api/v1/invoices/" + approvedId);
        assertThat(still.get("status").asString()).isEqualTo("APPROVED");
        assertThat(still.get("cancelledOnWithdrawal").asBoolean()).isFalse();
        assertThat(still.get("version").asLong()).isEqualTo(approved.get("version").asLong());
    }

    @Test
    void aTaxInvoiceNumberIsOnOneInvoiceOnlyAlsoAfterThatOneIsReversedByRedLetter() {
        String contract = signed("杭州发票三号科技有限公司").get("id").asString();
        String a = approved(request(contract, VALID_TAX_ID, "300000.00"));
        String b = approved(request(contract, VALID_TAX_ID, "300000.00"));
        ok(issue(a, "99990001"));

        MvcTestResult twice = issue(b, "99990001");
        assertThat(twice).as(ContractTestSupport.text(twice)).hasStatus(422);
        assertThat(customers.json(twice).get("errors").get(0).get("field").asString()).isEqualTo("invoiceNumber");
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().finance()), "/api/v1/invoices/" + b)
                .get("status").asString()).as("nothing changed").isEqualTo("APPROVED");

        redReverse(a);
        assertThat(issue(b, " 99990001 ")).as("the reversed invoice keeps its number").hasStatus(422);
        assertThat(ok(issue(b, "99990002")).get("status").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aPaperInvoiceCarriesItsCodeOf10Or12DigitsAndAFullyDigitalOneNone() {
        String contract = signed("杭州发票代码科技有限公司").get("id").asString();
        String a = approved(request(contract, VALID_TAX_ID, "200000.00"));
        String b = approved(request(contract, VALID_TAX_ID, "200000.00"));
        String c = approved(request(contract, VALID_TAX_ID, "200000.00"));

        record Refused(String number, String code, String field) {
        }
        for (Refused r : List.of(new Refused("12345678", null, "invoiceCode"), new Refused("12345678", " ", "invoiceCode"),
                new Refused("12345678", "33002611", "invoiceCode"), new Refused("12345678", "33002611301", "invoiceCode"),
                new Refused("12345678", "330026113x", "invoiceCode"), new Refused("12345678", "３３００２６１１３ｘ", "invoiceCode"),
                new Refused("26332000000012345678", PAPER_CODE, "invoiceCode"), new Refused("1234567", PAPER_CODE, "invoiceNumber"),
                new Refused("INV-0001", null, "invoiceNumber"), new Refused("2633200000001234567", null, "invoiceNumber"))) {
            MvcTestResult refused = issue(a, r.number(), r.code());
            assertThat(refused).as(r + ": " + ContractTestSupport.text(refused)).hasStatus(422);
            assertThat(customers.json(refused).get("errors").get(0).get("field").asString()).as(r.toString())
                    .isEqualTo(r.field());
        }
        assertThat(jdbc.sql("select status || ' ' || coalesce(invoice_number, '-') || ' ' || coalesce(invoice_code, '-') "
                + "from invoice_invoice where id = :id").param("id", UUID.fromString(a)).query(String.class).single())
                .as("nothing changed").isEqualTo("APPROVED - -");

        JsonNode paper = ok(issue(a, "12345678", "033002611301"));
        assertThat(paper.get("invoiceCode").asString()).isEqualTo("033002611301");
        assertThat(paper.get("invoiceNumber").asString()).isEqualTo("12345678");
        // the code typed with full-width digits (a Chinese input method) is read and kept as ASCII, as the number is
        assertThat(ok(issue(b, "１２３４５６７８", " ３３００２６１１３０ ")).get("invoiceCode").asString())
                .as("a paper number is unique within its code").isEqualTo(PAPER_CODE);
        JsonNode digital = ok(issue(c, "26332000000012345678", null));
        assertThat(digital.get("invoiceCode").isNull()).isTrue();
        assertThat(customers.getJson(mvc, customers.bearer(mvc, reviewers().rep()), "/api/v1/invoices/" + a)
                .get("invoiceCode").asString()).isEqualTo("033002611301");
    }

    @Test
    void anInvoiceIsDatedFromTheDayItWasRequestedUntilTodayNeither1900NorTomorrow() {
        String finance = customers.bearer(mvc, reviewers().finance());
        try {
            String contract = signed("杭州发票日期科技有限公司").get("id").asString(); // on 2026-12-01
            clock.set(java.time.Instant.parse("2026-12-02T02:00:00Z")); // 10:00 in Shanghai
            String id = approved(request(contract, VALID_TAX_ID, "100000.00"));
            clock.set(java.time.Instant.parse("2026-12-04T02:00:00Z"));

            record Refused(String invoicedOn, String code) {
            }
            for (Refused r : List.of(new Refused("1900-01-01", "invoice.invoicedOn.beforeRequest"),
                    new Refused("2026-12-01", "invoice.invoicedOn.beforeRequest"),
                    new Refused("2026-12-05", "invoice.invoicedOn.invalid"))) {
                MvcTestResult refused = issue(id, "99990041", PAPER_CODE, r.invoicedOn());
                assertThat(refused).as(r + ": " + ContractTestSupport.text(refused)).hasStatus(422);
                JsonNode error = customers.json(refused).get("errors").get(0);
                assertThat(error.get("field").asString() + " " + error.get("code").asString()).as(r.toString())
                        .isEqualTo("invoicedOn " + r.code());
            }
            assertThat(customers.json(issue(id, "99990041", PAPER_CODE, "1900-01-01")).get("errors").get(0)
                    .get("message").asString()).as("the first day it may name").contains("2026-12-02");
            assertThat(customers.getJson(mvc, finance, "/api/v1/invoices/" + id).get("status").asString())
                    .as("nothing changed").isEqualTo("APPROVED");

            assertThat(ok(issue(id, "99990041", PAPER_CODE, "2026-12-02")).get("invoicedOn").asString())
                    .as("the day it was requested").isEqualTo("2026-12-02");
        } finally {
            clock.set(TestClock.START);
        }
    }

    @Test
    void twoInvoicesIssuedWithOneNumberAtTheSameMomentAreRefusedByTheDatabase() {
        String contract = signed("杭州发票四号科技有限公司").get("id").asString();
        String a = approved(request(contract, VALID_TAX_ID, "300000.00"));
        String b = approved(request(contract, VALID_TAX_ID, "300000.00"));
        ok(issue(a, "99990011"));

        // what the second issue writes when its check ran before the first committed
        assertThatThrownBy(() -> jdbc.sql("update invoice_invoice set invoice_number = '99990011', "
                + "invoice_code = '" + PAPER_CODE + "', status = 'ISSUED' where id = :id").param("id", UUID.fromString(b)).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anAmendmentBelowWhatTheContractHasInvoicedOrRequestedIsRefusedUntilARedLetterReversalFreesIt() {
        String contract = signed("杭州发票补充协议科技有限公司").get("id").asString();
        String rep = customers.bearer(mvc, reviewers().rep());
        MvcTestResult requested = request(contract, VALID_TAX_ID, "500000.00");

        MvcTestResult belowRequested = amend(contract, "-100000.01");
        assertThat(belowRequested).as("499 999.99 is below the 500 000.00 requested").hasStatus(422);
        assertThat(ContractTestSupport.text(belowRequested)).contains("499,999.99", "500,000.00");
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + contract + "/amendments").size())
                .as("the refused amendment is not kept").isZero();
        MvcTestResult down = amend(contract, "-100000.00");
        assertThat(down).as(ContractTestSupport.text(down)).hasStatus(201);

        String invoice = approved(requested);
        ok(issue(invoice, "99990021"));
        assertThat(amend(contract, "-5000.00")).as("500 000.00 stands invoiced").hasStatus(422);

        redReverse(invoice);
        MvcTestResult afterReversal = amend(contract, "-5000.00");
        assertThat(afterReversal).as(ContractTestSupport.text(afterReversal)).hasStatus(201);
        assertThat(customers.getJson(mvc, rep, "/api/v1/contracts/" + contract + "/amendments").size()).isEqualTo(2);
    }

    @Test
    void theCustomersTimelineShowsTheAmendmentAndTheInvoiceIssuedAndReversedInOrderToItsReaders() throws Exception {
        try {
            clock.set(java.time.Instant.parse("2026-12-01T02:00:00Z"));
            JsonNode contract = signed("杭州发票动态科技有限公司");
            String customer = contract.get("customerId").asString();
            clock.set(java.time.Instant.parse("2026-12-02T01:00:00Z"));
            MvcTestResult amended = amend(contract.get("id").asString(), "50000.00");
            assertThat(amended).as(ContractTestSupport.text(amended)).hasStatus(201);
            clock.set(java.time.Instant.parse("2026-12-03T01:00:00Z"));
            String invoice = approved(request(contract.get("id").asString(), VALID_TAX_ID, "100000.00"));
            clock.set(java.time.Instant.parse("2026-12-03T02:00:00Z"));
            ok(issue(invoice, "99990031", PAPER_CODE, "2026-12-03")); // not before the request
            clock.set(java.time.Instant.parse("2026-12-04T01:00:00Z"));
            redReverse(invoice);

            String rep = customers.bearer(mvc, reviewers().rep());
            JsonNode timeline = customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/timeline?size=100");
            List<JsonNode> business = timeline.get("items").valueStream()
                    .filter(e -> Set.of("invoice", "contract").contains(e.get("kind").asString())).toList();
            assertThat(business).extracting(e -> e.get("messageKey").asString()).startsWith(
                    "invoice.customerTimeline.RED_REVERSED", "invoice.customerTimeline.ISSUED",
                    "contract.customerTimeline.AMENDMENT_SIGNED", "contract.customerTimeline.SIGNED");
            String finance = reviewers().finance().id().toString();
            assertThat(business.subList(0, 3)).extracting(e -> e.get("link").asString() + " " + e.get("actorId").asString())
                    .containsExactly("/invoices/" + invoice + " " + finance, "/invoices/" + invoice + " " + finance,
                            "/contracts/" + contract.get("id").asString() + " " + reviewers().rep().id());
            assertThat(business.get(2).get("args").get(4).asString()).as("the change as screens print money").isEqualTo("+50,000.00");

            jakarta.servlet.http.Cookie session = customers.session(mvc, reviewers().rep());
            String en = mvc.get().uri("/customers/" + customer + "?lang=en").cookie(session).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            String number = customers.getJson(mvc, rep, "/api/v1/invoices/" + invoice).get("number").asString();
            assertThat(en).contains("Invoice " + number + " issued: VAT special invoice (专票) No. 99990031 of 2026-12-03, 100,000.00 CNY",
                    "Invoice " + number + " (No. 99990031, 100,000.00 CNY) reversed by a red-letter invoice: 购买方名称有误",
                    "amendment " + contract.get("number").asString() + "-B1 补充协议 signed on 2026-12-01, amount +50,000.00 CNY");
            String zh = mvc.get().uri("/customers/" + customer + "?lang=zh-CN").cookie(session).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(zh).contains("发票 " + number + "（发票号码 99990031，100,000.00 CNY）已红冲：购买方名称有误",
                    "补充协议 " + contract.get("number").asString() + "-B1 补充协议 已于 2026-12-01 签署，金额 +50,000.00 CNY");

            assertThat(customers.get(mvc, customers.bearer(mvc, reviewers().otherRep()),
                    "/api/v1/customers/" + customer + "/timeline")).as("another team's rep").hasStatus(404);
        } finally {
            clock.set(com.lead2cash.testing.TestClock.START);
        }
    }

    @Test
    void anIssueReadsOnTheAuditScreenInWordsItsIssuerByNameInBothLanguages() throws Exception {
        String contract = signed("杭州审计用词科技有限公司").get("id").asString();
        String id = approved(request(contract, VALID_TAX_ID, "275880.00"));
        ok(issue(id, "33005521"));
        var admin = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);
        String finance = reviewers().finance().displayName();

        for (String[] words : new String[][] {
                {"zh-CN", "<td>开票人</td>", "<td>开票时间</td>", "<td>发票号码</td>", "<td>状态</td>", "已开票", "金额：275,880.00",
                        "购买方名称：杭州发票科技有限公司"},
                {"en", "<td>Issued by</td>", "<td>Issued at</td>", "<td>Invoice number</td>", "<td>Status</td>", "Issued",
                        "Amount: 275,880.00", "Buyer: 杭州发票科技有限公司"}}) {
            String rows = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityType=Invoice&entityId=" + id)
                    .cookie(admin).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(rows).as(words[0]).contains(java.util.Arrays.copyOfRange(words, 1, words.length))
                    .contains(">" + finance + "<")
                    .doesNotContain(">issuedBy<", ">issuedAt<", ">" + reviewers().finance().id() + "<", "{contractId=",
                            "&quot;contractId&quot;", ">ISSUED<", "approvalId");
        }
    }
}

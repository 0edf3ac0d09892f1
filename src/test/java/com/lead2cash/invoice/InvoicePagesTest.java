package com.lead2cash.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.ExportedWorkbook;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.SpreadsheetCells;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The invoice screens: the invoices card on a signed contract's page, the request form (what is not yet
 * invoiced shown, an invalid taxpayer id refused beside its field with nothing stored), finance's
 * approval, issuing with the number and date, the red-letter reversal with its reason, and the list's
 * filters — in Chinese and English with no key left untranslated.
 */
@IntegrationTest
@Import(TestClock.class)
class InvoicePagesTest {

    static final String VALID_TAX_ID = "91350100M000100Y43";

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts contracts;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired JdbcClient jdbc;

    static Reviewers reviewers;

    /** One team for the class: K2 asks the longest-serving legal head, so each test signing with its own would clash. */
    Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = support.reviewers("invp", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    String page(Cookie session, String path, String lang) {
        MvcTestResult result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        return html(result);
    }

    static String html(MvcTestResult result) {
        String html = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key").doesNotContain("??");
        return html;
    }

    MvcTestResult requestForm(Cookie session, String contractId, String taxId, String amount) {
        return requestForm(session, contractId, taxId, amount, "");
    }

    /** The request form as sent with {@code once}, its one-time token (docs/decisions/0027; none when empty). */
    MvcTestResult requestForm(Cookie session, String contractId, String taxId, String amount, String once) {
        var request = mvc.post().uri("/invoices?lang=en").with(csrf()).cookie(session);
        if (!once.isEmpty()) {
            request = request.param("_once", once);
        }
        return request
                .param("contractId", contractId).param("type", "VAT_SPECIAL").param("buyerName", "杭州发票页面科技有限公司")
                .param("buyerTaxId", taxId).param("buyerAddressPhone", "杭州市西湖区文三路 1 号 0571-88888888")
                .param("buyerBankAccount", "工商银行西湖支行 1202000000000000001").param("amount", amount)
                .param("lineDescription", "工业网关 GW-100", "", "").param("lineAmount", amount, "", "")
                .param("lineTaxRate", "13", "", "").exchange();
    }

    long invoicesOf(String contractId) {
        return jdbc.sql("select count(*) from invoice_invoice where contract_id = cast(:c as uuid)").param("c", contractId)
                .query(Long.class).single();
    }

    @Test
    void theInvoiceListExportsAsFilteredInTheReadersScopeWithFormulasNeutralised() throws Exception {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "宁波发票导出科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        String number = contract.get("number").asString();
        Cookie rep = customers.session(mvc, r.rep());
        String formula = "=HYPERLINK(\"http://evil.example/\",\"宁波发票导出\")";
        requested(rep, contractId, "VAT_SPECIAL", formula, "100000.00");
        requested(rep, contractId, "VAT_ORDINARY", "宁波发票导出普票有限公司", "50000.00");
        String moved = requested(rep, contractId, "VAT_SPECIAL", "宁波发票导出西区有限公司", "70000.00");
        // the class signs with one team: this invoice goes to the other team's rep, as a transfer would move it
        jdbc.sql("update invoice_invoice set owner_id = :owner where id = cast(:id as uuid)")
                .param("owner", r.otherRep().id()).param("id", moved).update();
        assertThat(page(rep, "/invoices?type=VAT_SPECIAL", "en")).as("the button takes the filters")
                .contains("id=\"export-invoices\"", "/invoices/export.xlsx?status=&amp;type=VAT_SPECIAL");

        byte[] eastFile = ExportedWorkbook.file(mvc, rep, "/invoices/export.xlsx?type=VAT_SPECIAL&lang=zh-CN");
        var east = SpreadsheetCells.rows(eastFile);
        assertThat(texts(east.get(0))).as("headers in the reader's language").startsWith("申请单", "合同", "发票类型", "购买方名称", "金额");
        assertThat(east.subList(1, east.size())).as("the special invoices only").allSatisfy(row ->
                assertThat(row.getCellText(2)).isEqualTo("增值税专用发票"));
        var ours = east.stream().filter(row -> number.equals(row.getCellText(1))).toList();
        assertThat(ours).as("the contract's special invoice the rep may see, its buyer typed as a formula kept as text")
                .hasSize(1);
        SpreadsheetCells.assertKeptAsText(eastFile, ours.get(0).getCell(3), formula);
        assertThat(ours.get(0).getCell(4).getType()).as("the amount a number").isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        assertThat(ours.get(0).getCellAsNumber(4)).hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("100000"));

        var west = ExportedWorkbook.rows(mvc, customers.session(mvc, r.otherRep()), "/invoices/export.xlsx?lang=en");
        assertThat(west.get(0).getCellText(0)).isEqualTo("Request");
        assertThat(west.subList(1, west.size())).as("the other team's rep: their one invoice, none of the east's")
                .extracting(row -> row.getCellText(3)).containsExactly("宁波发票导出西区有限公司");

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Invoice'
                and actor_name = :u""").param("u", r.rep().username()).query(String.class).single())
                .as("a message key and its arguments, said in the reader's language on the audit screen")
                .isEqualTo(String.join("\n", "invoice.audit.exported", String.valueOf(east.size() - 1),
                        "invoice.filter.all", "invoice.type.VAT_SPECIAL"));
    }

    /** An invoice requested on the form; answers its id. */
    private String requested(Cookie session, String contractId, String type, String buyer, String amount) {
        MvcTestResult result = mvc.post().uri("/invoices?lang=en").with(csrf()).cookie(session)
                .param("contractId", contractId).param("type", type).param("buyerName", buyer)
                .param("buyerTaxId", VALID_TAX_ID).param("buyerAddressPhone", "宁波市鄞州区 1 号 0574-88888888")
                .param("buyerBankAccount", "工商银行鄞州支行 1202000000000000001").param("amount", amount)
                .param("lineDescription", "工业网关 GW-100").param("lineAmount", amount).param("lineTaxRate", "13").exchange();
        assertThat(result).hasStatus3xxRedirection();
        String location = result.getResponse().getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private static java.util.List<String> texts(org.dhatim.fastexcel.reader.Row row) {
        return row.stream().map(c -> c == null ? null : c.getText()).toList();
    }

    @Test
    void theRequestFormAndTheApiAnswerAnUnknownContractAsOneOutOfScope() {
        Reviewers r = reviewers();
        String contractId = contracts.sign(mvc, r, "杭州发票范围科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01").get("id").asString();
        String unknown = java.util.UUID.randomUUID().toString();
        Cookie otherRep = customers.session(mvc, r.otherRep());
        for (String id : new String[] {contractId, unknown}) {
            assertThat(mvc.get().uri("/invoices/new?contractId=" + id + "&lang=en").cookie(otherRep).exchange())
                    .as(id).hasStatus(404);
            assertThat(requestForm(otherRep, id, VALID_TAX_ID, "100.00")).as(id).hasStatus(404);
        }
        String token = customers.bearer(mvc, r.otherRep());
        String body = """
                {"contractId":"%s","type":"VAT_SPECIAL","buyerName":"杭州发票范围科技有限公司","buyerTaxId":"%s",
                 "amount":100.00,"lines":[{"description":"工业网关","amount":100.00,"taxRate":13}]}""";
        MvcTestResult outOfScope = customers.post(mvc, token, "/api/v1/invoices", body.formatted(contractId, VALID_TAX_ID));
        MvcTestResult notAContract = customers.post(mvc, token, "/api/v1/invoices", body.formatted(unknown, VALID_TAX_ID));
        assertThat(outOfScope).hasStatus(404);
        assertThat(notAContract).hasStatus(404);
        assertThat(html(notAContract)).contains("404");
        assertThat(html(notAContract).replace(unknown, "ID")).isEqualTo(html(outOfScope).replace(contractId, "ID"));
        assertThat(invoicesOf(contractId)).isZero();
    }

    @Test
    void theRequestFormWithoutAContractSendsThePersonToTheSignedContractsArchivedOnesWithThem() {
        Reviewers r = reviewers();
        JsonNode signed = contracts.sign(mvc, r, "杭州开票提示一号科技有限公司", "100000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        JsonNode toArchive = contracts.sign(mvc, r, "杭州开票提示二号科技有限公司", "200000.00", """
                {"type":"PREPAYMENT","amount":200000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        JsonNode archived = customers.json(support.post(mvc, support.bearer(mvc, r.rep()), "/api/v1/contracts/"
                + toArchive.get("id").asString() + "/archive", "{\"location\":\"档案室 A-3\",\"version\":"
                + toArchive.get("version").asLong() + "}"));
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        Cookie rep = customers.session(mvc, r.rep());

        MvcTestResult bare = mvc.get().uri("/invoices/new?lang=en").cookie(rep).exchange();
        assertThat(bare).hasStatus3xxRedirection().hasRedirectedUrl("/contracts?signed=true")
                .flash().containsEntry("flashError", "invoice.request.pickContract");
        // walk finding: the hint's list was the SIGNED ones only, and an archived contract is invoiced as well
        String list = page(rep, "/contracts?signed=true", "en");
        assertThat(list).as("both kinds of contract an invoice is requested on")
                .contains(signed.get("number").asString(), archived.get("number").asString())
                .containsPattern("<input[^>]*id=\"signed\"[^>]*checked");
        assertThat(page(rep, "/contracts?status=SIGNED", "en")).doesNotContain(archived.get("number").asString());
    }

    @Test
    void theRequestFormOfAContractInvoicedInFullSaysThatReasonAloneNotThatAValueOfTheAddressWasUnreadable() {
        Reviewers r = reviewers();
        String contractId = contracts.sign(mvc, r, "杭州全额开票科技有限公司", "100000.00", """
                {"type":"PREPAYMENT","amount":100000.00,"dueDate":"2026-12-20"}""", "2026-12-01").get("id").asString();
        Cookie rep = customers.session(mvc, r.rep());
        String buyerTaxId = com.lead2cash.testing.FormHtml.inputValue(page(rep, "/invoices/new?contractId=" + contractId,
                "en"), "buyerTaxId");
        assertThat(requestForm(rep, contractId, buyerTaxId, "100000.00")).as("the whole amount")
                .hasStatus3xxRedirection();

        MvcTestResult en = mvc.get().uri("/invoices/new?contractId=" + contractId + "&lang=en").cookie(rep).exchange();
        assertThat(en).hasStatus(422);
        assertThat(html(en)).contains("id=\"error-detail\"", "No invoice can be requested on this contract now")
                .doesNotContain("This page cannot be shown with a value its address holds.", "nothing was changed",
                        "error-plain-page");
        MvcTestResult zh = mvc.get().uri("/invoices/new?contractId=" + contractId + "&lang=zh-CN").cookie(rep).exchange();
        assertThat(zh).hasStatus(422);
        assertThat(html(zh)).contains("该合同现在不能申请开票").doesNotContain("链接中的某个值无法识别", "未做任何更改");
    }

    @Test
    void aNewVatSpecialRequestStartsWithTheCustomersAddressAndThenWithWhatItsLastRequestGave() {
        Reviewers r = reviewers();
        String contractId = contracts.sign(mvc, r, "杭州发票地址科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01").get("id").asString();
        jdbc.sql("update customer_customer set address = '杭州市滨江区网商路 599 号' where name = '杭州发票地址科技有限公司'").update();
        Cookie rep = customers.session(mvc, r.rep());

        String form = page(rep, "/invoices/new?contractId=" + contractId, "en");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerAddressPhone")).as("the customer's address")
                .isEqualTo("杭州市滨江区网商路 599 号");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerBankAccount")).as("no record holds the bank yet")
                .isEmpty();

        // a request made out to the contract's buyer, whose taxpayer id the form starts on
        String buyerTaxId = com.lead2cash.testing.FormHtml.inputValue(form, "buyerTaxId");
        assertThat(buyerTaxId).isNotBlank();
        assertThat(requestForm(rep, contractId, buyerTaxId, "100.00")).hasStatus3xxRedirection();
        form = page(rep, "/invoices/new?contractId=" + contractId, "en");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerAddressPhone")).as("what the last request gave")
                .isEqualTo("杭州市西湖区文三路 1 号 0571-88888888");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerBankAccount"))
                .isEqualTo("工商银行西湖支行 1202000000000000001");

        // the last request was made out to another taxpayer than the contract's buyer (whose id the form starts on):
        // its address and bank are another identity's, not offered
        jdbc.sql("update contract_contract set buyer_tax_id = :other where id = cast(:c as uuid)")
                .param("other", VALID_TAX_ID.equals(buyerTaxId) ? "91330100716105852F" : VALID_TAX_ID).param("c", contractId).update();
        form = page(rep, "/invoices/new?contractId=" + contractId, "en");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerTaxId")).isNotEqualTo(buyerTaxId);
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerAddressPhone")).isEqualTo("杭州市滨江区网商路 599 号");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "buyerBankAccount")).isEmpty();
    }

    @Test
    void aRequestRefusedBesideItsFieldsGivesItsFormTokenBackAndTheCorrectedRequestIsSavedOnce() {
        Reviewers r = reviewers();
        String contractId = contracts.sign(mvc, r, "杭州发票一次科技有限公司", "300000.00", """
                {"type":"PREPAYMENT","amount":300000.00,"dueDate":"2026-12-20"}""", "2026-12-01").get("id").asString();
        Cookie rep = customers.session(mvc, r.rep());
        java.util.regex.Matcher once = java.util.regex.Pattern.compile("name=\"_once\" value=\"([^\"]+)\"")
                .matcher(page(rep, "/invoices/new?contractId=" + contractId, "en"));
        assertThat(once.find()).as("the form carries its one-time token").isTrue();
        String token = once.group(1);

        assertThat(requestForm(rep, contractId, "91350100M000100Y44", "100000.00", token)).hasStatus(422);
        MvcTestResult requested = requestForm(rep, contractId, VALID_TAX_ID, "100000.00", token);
        assertThat(requested).as("the refused post gave the token back").hasStatus3xxRedirection();
        MvcTestResult again = requestForm(rep, contractId, VALID_TAX_ID, "100000.00", token);
        assertThat(again).hasStatus(303).hasHeader("Location", requested.getResponse().getRedirectedUrl());
        assertThat(invoicesOf(contractId)).as("one request").isEqualTo(1);
    }

    @Test
    void aNewRequestStartsOnTheTaxRateTheContractsProductsShare() {
        Reviewers r = reviewers();
        // lines 工业网关 at 13 % and 安装调试服务 at 6 % in the catalog
        String contractId = contracts.signFromAcceptedQuote(mvc, r, "invrate", "杭州发票税率科技有限公司", "2026-12-01")
                .get("id").asString();
        Cookie rep = customers.session(mvc, r.rep());
        String form = page(rep, "/invoices/new?contractId=" + contractId, "en");
        // products at two rates, nothing invoiced yet: a line per rate, with its tax (10 × 1 000 × 1.13, 2 × 500 × 1.06)
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-description-0")).isEqualTo("工业网关");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-amount-0")).isEqualTo("11,300.00");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-tax-rate-0")).isEqualTo("13");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-description-1")).isEqualTo("安装调试服务");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-amount-1")).isEqualTo("1,060.00");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-tax-rate-1")).isEqualTo("6");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "amount")).isEqualTo("12,360.00");

        // part invoiced: which products the rest is for is the person's to say
        assertThat(requestForm(rep, contractId, VALID_TAX_ID, "100.00")).hasStatus3xxRedirection();
        form = page(rep, "/invoices/new?contractId=" + contractId, "en");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-amount-0")).isEqualTo("12,260.00");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-tax-rate-0")).isEmpty();
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-amount-1")).isEmpty();

        // the service taxed at 13 % as well: the one rate the contract's products have is the line's
        jdbc.sql("update catalog_product set tax_rate = 13 where code = 'SV-invrate'").update();
        form = page(rep, "/invoices/new?contractId=" + contractId, "en");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-tax-rate-0")).isEqualTo("13");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-amount-0")).isEqualTo("12,260.00");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-tax-rate-1")).as("the empty rows stay empty").isEmpty();
    }

    @Test
    void aRequestFromTheContractIsApprovedByFinanceIssuedAndReversedByRedLetterOnItsPage() {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "杭州发票页面科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        Cookie rep = customers.session(mvc, r.rep());
        Cookie finance = customers.session(mvc, r.finance());

        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(rep, "/invoices/contracts/" + contractId + "/panel", lang)).contains("request-invoice");
            String form = page(rep, "/invoices/new?contractId=" + contractId, lang);
            assertThat(form).contains("invoice-form").doesNotContain("600000.00");
            // prefilled as the screens show amounts, grouped with two decimals
            assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "amount")).isEqualTo("600,000.00");
            assertThat(com.lead2cash.testing.FormHtml.inputValue(form, "line-amount-0")).isEqualTo("600,000.00");
        }
        assertThat(page(rep, "/invoices/contracts/" + contractId + "/panel", "en")).contains("Not yet invoiced: 600,000.00");

        MvcTestResult badTaxId = requestForm(rep, contractId, "91350100M000100Y44", "400000.00");
        assertThat(badTaxId).as("the check digit is wrong").hasStatus(422);
        assertThat(html(badTaxId)).contains("is-invalid", "The check digit (18th character) does not match")
                .as("the form keeps what was entered").contains("91350100M000100Y44");
        assertThat(invoicesOf(contractId)).as("nothing stored").isZero();
        MvcTestResult shortTaxId = requestForm(rep, contractId, "9133", "400000.00");
        assertThat(shortTaxId).as("too short: its length is what is wrong, not a check digit").hasStatus(422);
        assertThat(html(shortTaxId)).contains("is-invalid", "A unified social credit code has 18 characters; this one has 4.")
                .doesNotContain("check digit");
        assertThat(invoicesOf(contractId)).isZero();
        MvcTestResult tooMuch = requestForm(rep, contractId, VALID_TAX_ID, "600000.01");
        assertThat(tooMuch).hasStatus(422);
        assertThat(html(tooMuch)).contains("Only 600,000.00 of the contract is left to invoice.");
        assertThat(invoicesOf(contractId)).isZero();

        // the server reads a grouped amount, as the form prefills it
        MvcTestResult requested = requestForm(rep, contractId, VALID_TAX_ID, "400,000.00");
        assertThat(requested).hasStatus3xxRedirection();
        String location = requested.getResponse().getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String pending = page(rep, "/invoices/" + id, "en");
        assertThat(pending).contains("Waiting for finance", "open-approval").doesNotContain("issue-form");
        assertThat(page(rep, "/invoices/contracts/" + contractId + "/panel", "en")).contains("Not yet invoiced: 200,000.00");

        String approvalId = jdbc.sql("select approval_id from invoice_invoice where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        // the rep's manager reads the invoice but not finance's approval (its page answers 404): no link that leads there
        Cookie manager = customers.session(mvc, r.manager());
        assertThat(mvc.get().uri("/approvals/" + approvalId).cookie(manager).exchange()).hasStatus(404);
        assertThat(page(manager, "/invoices/" + id, "en")).contains("Waiting for finance")
                .doesNotContain("open-approval", "/approvals/" + approvalId);
        String financeToken = customers.bearer(mvc, r.finance());
        assertThat(page(finance, "/approvals/" + approvalId, "en")).as("finance opens the request it approves")
                .contains("id=\"approval-subject\"", "href=\"/invoices/" + id + "\"")
                .as("the amount among the facts as the screens show it").contains(">400,000.00<")
                .as("the title says what the figures are").containsPattern("<h1 class=\"h3 mb-1\">KP-\\d{4}-\\d+ · HT-\\d{4}-\\d+ · 400,000.00 CNY</h1>");
        assertThat(customers.post(mvc, financeToken, "/api/v1/approvals/" + approvalId + "/decision",
                "{\"decision\":\"APPROVE\"}")).hasStatusOk();
        assertThat(page(finance, "/invoices/" + id, "en")).as("issued at once after the decision").contains("issue-form");
        assertThat(page(rep, "/invoices/" + id, "en")).as("only finance issues").doesNotContain("issue-form");
        for (String lang : new String[] {"zh-CN", "en"}) {
            page(finance, "/invoices/" + id, lang);
            page(finance, "/invoices", lang);
        }

        // the request and today are both 2026-12-01 on the test clock: the date picker offers that day only
        assertThat(page(finance, "/invoices/" + id, "en")).containsPattern(
                "<input[^>]*id=\"invoicedOn\"[^>]*min=\"2026-12-01\" max=\"2026-12-01\"");

        String version = jdbc.sql("select version from invoice_invoice where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        MvcTestResult longAgo = mvc.post().uri("/invoices/" + id + "/issue?lang=en").with(csrf()).cookie(finance)
                .param("invoiceNumber", "33001234").param("invoiceCode", "3300261130").param("invoicedOn", "1900-01-01")
                .param("version", version).exchange();
        assertThat(longAgo).hasStatus(422);
        assertThat(html(longAgo)).contains("The invoice date cannot be before the day it was requested (2026-12-01).");
        // past every year a record may have (a real browser sends it when the picker is bypassed): the same form
        MvcTestResult farAhead = mvc.post().uri("/invoices/" + id + "/issue?lang=en").with(csrf()).cookie(finance)
                .param("invoiceNumber", "33001234").param("invoiceCode", "3300261130").param("invoicedOn", "9999-12-31")
                .param("version", version).exchange();
        assertThat(farAhead).hasStatus(422);
        assertThat(html(farAhead)).contains("The date must lie between 1900-01-01 and 2199-12-31.", "issue-form")
                .doesNotContain("id=\"error-detail\"");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html(farAhead), "invoiceNumber")).isEqualTo("33001234");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html(farAhead), "invoicedOn")).isEqualTo("9999-12-31");
        MvcTestResult blankNumber = mvc.post().uri("/invoices/" + id + "/issue?lang=en").with(csrf()).cookie(finance)
                .param("invoiceNumber", " ").param("invoicedOn", "2026-12-01").param("version", version).exchange();
        assertThat(blankNumber).hasStatus(422);
        assertThat(html(blankNumber)).contains("Give the invoice number.");
        MvcTestResult noCode = mvc.post().uri("/invoices/" + id + "/issue?lang=en").with(csrf()).cookie(finance)
                .param("invoiceNumber", "33001234").param("invoiceCode", "").param("invoicedOn", "2026-12-01")
                .param("version", version).exchange();
        assertThat(noCode).hasStatus(422);
        assertThat(html(noCode)).contains("A paper invoice (8-digit number) needs its invoice code");
        // typed in a Chinese input method: full-width digits, kept as ASCII
        assertThat(mvc.post().uri("/invoices/" + id + "/issue").with(csrf()).cookie(finance)
                .param("invoiceNumber", "３３００１２３４").param("invoiceCode", "３３００２６１１３０").param("invoicedOn", "2026-12-01")
                .param("version", version).exchange())
                .hasStatus3xxRedirection();
        String issued = page(finance, "/invoices/" + id, "en");
        assertThat(issued).contains("33001234 · 2026-12-01", "id=\"invoice-code\">3300261130<", "red-form")
                .doesNotContain("issue-form");

        version = jdbc.sql("select version from invoice_invoice where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        MvcTestResult noReason = mvc.post().uri("/invoices/" + id + "/red-reversal?lang=en").with(csrf()).cookie(finance)
                .param("reason", "").param("version", version).exchange();
        assertThat(noReason).hasStatus(422);
        assertThat(html(noReason)).contains("Give the reason for the red-letter reversal.");
        assertThat(page(finance, "/invoices?status=ISSUED", "en")).as("still issued").contains("33001234");
        assertThat(mvc.post().uri("/invoices/" + id + "/red-reversal").with(csrf()).cookie(finance)
                .param("reason", "购买方名称有误").param("version", version).exchange()).hasStatus3xxRedirection();
        assertThat(page(finance, "/invoices/" + id, "zh-CN")).contains("已红冲", "购买方名称有误").doesNotContain("red-form");

        assertThat(page(finance, "/invoices?status=RED_REVERSED&type=VAT_SPECIAL", "en")).contains("33001234");
        assertThat(page(finance, "/invoices?status=ISSUED", "en")).doesNotContain("33001234");
        assertThat(page(finance, "/invoices?type=VAT_ORDINARY", "en")).doesNotContain("33001234");
        assertThat(page(rep, "/invoices/contracts/" + contractId + "/panel", "en"))
                .as("the reversal frees the amount").contains("Not yet invoiced: 600,000.00");
    }

    @Test
    void theRequesterCancelsARequestOnItsPageWithAReasonAndTheListPageAndExportShowItCancelled() throws Exception {
        Reviewers r = reviewers();
        JsonNode contract = contracts.sign(mvc, r, "杭州发票撤销页面科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":600000.00,"dueDate":"2026-12-20"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        Cookie rep = customers.session(mvc, r.rep());
        String id = requested(rep, contractId, "VAT_SPECIAL", "杭州发票撤销页面科技有限公司", "250000.00");
        String number = jdbc.sql("select number from invoice_invoice where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
        String version = jdbc.sql("select version from invoice_invoice where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();

        for (String lang : new String[] {"zh-CN", "en"}) {
            assertThat(page(rep, "/invoices/" + id, lang)).as("offered to the requester, on the version read")
                    .contains("id=\"cancel-form\"", "action=\"/invoices/" + id + "/cancellation\"")
                    .containsPattern("(?s)id=\"cancel-form\">(?:(?!</form>).)*name=\"version\" value=\"" + version + "\"");
        }
        assertThat(page(customers.session(mvc, r.manager()), "/invoices/" + id, "en"))
                .as("not to the requester's manager, who reads it").contains("Waiting for finance").doesNotContain("cancel-form");
        assertThat(page(customers.session(mvc, r.finance()), "/invoices/" + id, "en")).as("finance may").contains("cancel-form");

        MvcTestResult noReason = mvc.post().uri("/invoices/" + id + "/cancellation?lang=en").with(csrf()).cookie(rep)
                .param("reason", "").param("version", version).exchange();
        assertThat(noReason).hasStatus(422);
        assertThat(html(noReason)).contains("Give the reason for cancelling the request.", "is-invalid", "cancel-form");
        MvcTestResult stale = mvc.post().uri("/invoices/" + id + "/cancellation?lang=en").with(csrf()).cookie(rep)
                .param("reason", "客户改为下月开票").param("version", String.valueOf(Long.parseLong(version) - 1)).exchange();
        assertThat(stale).hasStatus(409);
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html(stale), "cancel-reason-input"))
                .as("the reason typed is kept").isEqualTo("客户改为下月开票");
        assertThat(page(rep, "/invoices/" + id, "en")).as("nothing changed").contains("Waiting for finance");

        assertThat(mvc.post().uri("/invoices/" + id + "/cancellation").with(csrf()).cookie(rep)
                .param("reason", "客户改为下月开票").param("version", version).exchange()).hasStatus3xxRedirection();
        String zh = page(rep, "/invoices/" + id, "zh-CN");
        assertThat(zh).contains("id=\"invoice-status\">已撤销<", "撤销原因", "id=\"cancel-reason\">客户改为下月开票<",
                r.rep().displayName() + " · 2026-12-01").doesNotContain("cancel-form");
        assertThat(page(rep, "/invoices/" + id, "en")).contains(">Cancelled<", "Reason for the cancellation");
        assertThat(page(rep, "/invoices?status=CANCELLED", "en")).contains(">" + number + "<");
        assertThat(page(rep, "/invoices?status=PENDING_APPROVAL", "en")).doesNotContain(">" + number + "<");
        assertThat(page(rep, "/invoices/contracts/" + contractId + "/panel", "en"))
                .as("the cancelled request frees its amount").contains("Not yet invoiced: 600,000.00");
        var rows = ExportedWorkbook.rows(mvc, rep, "/invoices/export.xlsx?status=CANCELLED&lang=zh-CN");
        assertThat(rows.stream().filter(row -> number.equals(row.getCellText(0))).map(row -> row.getCellText(7)))
                .containsExactly("已撤销");
    }
}

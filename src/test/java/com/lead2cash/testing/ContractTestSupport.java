package com.lead2cash.testing;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Contracts for tests, built through the API: the sales team of {@link SalesTestSupport} plus the
 * reviewing departments — a legal department with its head and a lawyer, finance, operations — and an
 * opportunity qualified and moved to the contract stage.
 */
@Component
public class ContractTestSupport {

    /** The team and the reviewers. {@code legalHead} manages the legal unit (K2's legal head). */
    public record Reviewers(SalesTestSupport.Team team, User legalHead, User lawyer, User finance, User operations) {
        public User rep() { return team.rep(); }
        public User manager() { return team.manager(); }
        public User director() { return team.director(); }
        public User otherRep() { return team.otherRep(); }

        /** The same company with its west team on the contract's side: its rep drafts, its manager approves. */
        public Reviewers west() {
            CustomerTestSupport.Company c = team.company();
            CustomerTestSupport.Company swapped = new CustomerTestSupport.Company(c.west(), c.east(), c.westManager(),
                    c.westRep(), c.eastRep2(), c.eastManager(), c.eastRep(), c.director(), c.finance());
            return new Reviewers(new SalesTestSupport.Team(swapped, team.tech()), legalHead, lawyer, finance, operations);
        }
    }

    private final SalesTestSupport sales;
    private final CustomerTestSupport customers;
    private final Fixtures fixtures;

    ContractTestSupport(SalesTestSupport sales, CustomerTestSupport customers, Fixtures fixtures) {
        this.sales = sales;
        this.customers = customers;
        this.fixtures = fixtures;
    }

    public Reviewers reviewers(String tag) {
        return reviewers(tag, CustomerTestSupport.HIRED);
    }

    /**
     * The team and reviewers with the legal head hired on {@code headHired}: K2 asks the longest-serving
     * legal head, so the one test that needs them to act hires its head before every other test's.
     */
    public Reviewers reviewers(String tag, java.time.LocalDate headHired) {
        SalesTestSupport.Team team = sales.team(tag);
        UUID legalUnit = fixtures.unit("Legal " + tag);
        User head = fixtures.user("legalhead." + tag, legalUnit, headHired, Role.LEGAL);
        fixtures.appointManager(legalUnit, head.id());
        User lawyer = fixtures.user("lawyer." + tag, legalUnit, CustomerTestSupport.HIRED.plusYears(2), Role.LEGAL);
        User operations = fixtures.user("ops." + tag, fixtures.rootUnit(), CustomerTestSupport.HIRED, Role.OPERATIONS);
        return new Reviewers(team, head, lawyer, team.company().finance(), operations);
    }

    public String bearer(MockMvcTester mvc, User user) {
        return customers.bearer(mvc, user);
    }

    /** A customer of the rep with a contact, and its opportunity qualified and moved to the contract stage; its id. */
    public String opportunityAtContractStage(MockMvcTester mvc, Reviewers r, String customerName, String amount) {
        String rep = bearer(mvc, r.rep());
        String customer = sales.customerWithContact(r.rep(), customerName, "王经理", "wang@example.test");
        return sales.qualifiedOpportunity(mvc, r.team(), rep, customer, customerName + " 项目", amount, "PROPOSAL",
                "NEGOTIATION", "CONTRACT");
    }

    /** What {@link #opportunityFromAcceptedQuote} made: the opportunity at the contract stage, its accepted quote and confirmed minutes. */
    public record Deal(String opportunityId, String customerId, String quoteId, String quoteNumber, String minutesId) {
    }

    /**
     * The whole way to the contract stage through the API: a quote of two products (10 gateways at 1 000,
     * 2 services at 500; total with tax 12 360.00, delivery "合同签订后 30 天") reviewed by the manager,
     * sent and accepted by the customer's contact; negotiation minutes agreeing 12 360.00 in three
     * milestones (30 % / 60 % / 1 236.00 retention) confirmed by the contact; the opportunity moved to the
     * contract stage.
     */
    public Deal opportunityFromAcceptedQuote(MockMvcTester mvc, Reviewers r, String tag, String customerName) {
        return opportunityFromAcceptedQuote(mvc, r, tag, customerName, "12360.00", """
                [{"type":"PREPAYMENT","percent":30,"dueCondition":"合同签订后 7 日内"},
                 {"type":"ON_DELIVERY","percent":60,"dueCondition":"到货验收后 15 日内"},
                 {"type":"RETENTION","amount":1236.00,"dueCondition":"质保期满一年"}]""");
    }

    /** As {@link #opportunityFromAcceptedQuote(MockMvcTester, Reviewers, String, String)}, the minutes agreeing the given price and milestones (JSON). */
    public Deal opportunityFromAcceptedQuote(MockMvcTester mvc, Reviewers r, String tag, String customerName,
                                             String agreedPrice, String milestones) {
        String rep = bearer(mvc, r.rep());
        String customer = sales.customerWithContact(r.rep(), customerName, "王经理", "wang@" + tag + ".test");
        String opportunity = sales.qualifiedOpportunity(mvc, r.team(), rep, customer, customerName + " 项目", "12360",
                "PROPOSAL");
        String gateway = sales.product(mvc, r.team(), "GW-" + tag, "工业网关", "1000.00", "13");
        String service = sales.product(mvc, r.team(), "SV-" + tag, "安装调试服务", "500.00", "6");
        JsonNode quote = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":10},{"productId":"%s","quantity":2}],
                 "validUntil":"2026-12-31","deliveryPeriod":"合同签订后 30 天","paymentTerms":"预付 30 %%，到货 60 %%，质保 10 %%"}"""
                .formatted(opportunity, gateway, service)), 201));
        String quoteId = quote.get("id").asString();
        SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes/" + quoteId + "/submit", "{}"), 200);
        SalesTestSupport.expect(customers.post(mvc, bearer(mvc, r.manager()), "/api/v1/quotes/" + quoteId + "/review",
                "{\"comment\":\"价格无误\"}"), 200);
        String contact = customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString();
        String send = "{\"contactId\":\"" + contact + "\"}";
        long quoteVersion = customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("version").asLong();
        answer(mvc, customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes/" + quoteId + "/send",
                "{\"contactId\":\"" + contact + "\",\"version\":" + quoteVersion + "}"), 200))
                .at("/confirmation/url").asString(), "ACCEPTED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                "NEGOTIATION".equals(customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("stage").asString()));
        JsonNode minutes = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes", """
                {"opportunityId":"%s","heldOn":"2026-12-01","agreedPrice":%s,
                 "milestones":%s,
                 "deliveryStandard":"按技术协议附件一验收","liability":"逾期交付每日按合同额千分之一计违约金",
                 "openIssues":[],"ourAttendees":["张伟（销售）"],"customerAttendees":["王经理（采购）"]}"""
                .formatted(opportunity, agreedPrice, milestones)), 201));
        String minutesId = minutes.get("id").asString();
        answer(mvc, customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes/" + minutesId
                + "/send", send), 200)).at("/confirmation/url").asString(), "CONFIRMED");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                "CONFIRMED".equals(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + minutesId).get("status").asString()));
        sales.move(mvc, rep, opportunity, "CONTRACT");
        return new Deal(opportunity, customer, quoteId, quote.get("number").asString(), minutesId);
    }

    /** The customer's contact answers a confirmation link (no login: the link is the credential). */
    private void answer(MockMvcTester mvc, String url, String outcome) {
        org.assertj.core.api.Assertions.assertThat(mvc.post().uri(java.net.URI.create(url).getPath())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", outcome).param("name", "王经理").exchange()).hasStatus3xxRedirection();
    }

    /** Drafts a contract (201 expected) with two milestones adding up to the amount and a term. */
    public JsonNode draft(MockMvcTester mvc, String token, String opportunityId, String amount, String riskLevel) {
        String half = new java.math.BigDecimal(amount).divide(java.math.BigDecimal.valueOf(2)).setScale(2).toPlainString();
        return customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/contracts", """
                {"opportunityId":"%s","title":"工业网关采购合同","amount":%s,"riskLevel":"%s",
                 "termStart":"2026-12-01","termEnd":"2027-11-30",
                 "milestones":[{"type":"PREPAYMENT","amount":%s,"dueCondition":"合同签订后 7 日内"},
                               {"type":"ACCEPTANCE","amount":%s,"dueCondition":"验收合格后 30 日内"}]}"""
                .formatted(opportunityId, amount, riskLevel, half, half)), 201));
    }

    /** Fills the clause placeholders the drafting could not (no quote here): the buyer's data and the delivery period. */
    public JsonNode complete(MockMvcTester mvc, String token, String contractId) {
        JsonNode c = customers.getJson(mvc, token, "/api/v1/contracts/" + contractId);
        JsonNode revised = customers.json(SalesTestSupport.expect(customers.put(mvc, token, "/api/v1/contracts/" + contractId, """
                {"buyerTaxId":"91330100716105852F","buyerAddress":"杭州市西湖区文三路 1 号","buyerRepresentative":"王经理",
                 "termStart":"%s","termEnd":"%s","version":%d}"""
                .formatted(c.get("termStart").asString(), c.get("termEnd").asString(), c.get("version").asLong())), 200));
        for (JsonNode s : revised.get("sections")) {
            if (s.get("body").asString().contains("{{")) {
                revised = customers.json(SalesTestSupport.expect(customers.put(mvc, token, "/api/v1/contracts/" + contractId
                        + "/sections/" + s.get("key").asString(), json(s.get("body").asString()
                        .replace("{{quote.number}}", "Q-2026-000001").replace("{{quote.deliveryPeriod}}", "合同签订后 30 日")
                        .replace("{{contract.lines}}", "工业网关 GW-100 × 10 台")
                        .replace("{{minutes.deliveryStandard}}", "按技术协议验收").replace("{{minutes.liability}}", "无"),
                        revised.get("version").asLong())), 200));
            }
        }
        return revised;
    }

    private String json(String body, long version) {
        return "{\"body\":" + fixtures.mapper().writeValueAsString(body) + ",\"version\":" + version + "}";
    }

    public MvcTestResult post(MockMvcTester mvc, String token, String uri, String body) {
        return customers.post(mvc, token, uri, body);
    }

    public MvcTestResult get(MockMvcTester mvc, String token, String uri) {
        return customers.get(mvc, token, uri);
    }

    public JsonNode json(MvcTestResult result) {
        return customers.json(result);
    }

    /** Records the signing through the multipart API. */
    public MvcTestResult sign(MockMvcTester mvc, String token, String contractId, byte[] scan, String fileName, String signedOn) {
        return mvc.post().uri("/api/v1/contracts/" + contractId + "/signing").multipart()
                .file(new MockMultipartFile("scan", fileName, "application/pdf", scan))
                .param("signedOn", signedOn).param("signatories", "甲方：王经理；乙方：张伟")
                .header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    /** Records the signing through the multipart API on the version read, sent as a field of the form. */
    public MvcTestResult sign(MockMvcTester mvc, String token, String contractId, byte[] scan, String signedOn, long version) {
        return mvc.post().uri("/api/v1/contracts/" + contractId + "/signing").multipart()
                .file(new MockMultipartFile("scan", "signed.pdf", "application/pdf", scan))
                .param("signedOn", signedOn).param("signatories", "甲方：王经理；乙方：张伟")
                .param("version", String.valueOf(version))
                .header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    public static String text(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}

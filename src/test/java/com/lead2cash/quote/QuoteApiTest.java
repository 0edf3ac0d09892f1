package com.lead2cash.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.quote.internal.QuoteService;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.DocumentNumbers;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Quotes over the API: numbers, revisions and dates on every version with the superseded one kept (Q1),
 * discount authority of the rep, the manager and the director through the approval mechanism (Q2), the
 * manager's review before sending (Q1), the customer's acceptance online moving the opportunity on, the
 * PDF's Chinese text, prices from a valid price list, and refusals that change nothing.
 */
@IntegrationTest
@Import(TestClock.class)
class QuoteApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;
    @Autowired com.lead2cash.confirmation.Confirmations confirmations;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired QuoteService quotes;

    record Deal(SalesTestSupport.Team team, String rep, String customerId, String opportunityId, String gateway,
                String service) {
    }

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A rep's opportunity in PROPOSAL on a customer with a contact, and two products: goods at 13 %, a service at 6 %. */
    Deal deal(String tag) {
        var team = sales.team(tag);
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "杭州示例科技有限公司" + tag, "王伟", "wang@" + tag + ".test");
        String opportunity = sales.opportunity(mvc, rep, customer, "园区安防升级", "300000").get("id").asString();
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        String gateway = sales.product(mvc, team, "GW-" + tag, "工业网关", "1000.00", "13");
        String service = sales.product(mvc, team, "SV-" + tag, "安装调试服务", "500.00", "6");
        return new Deal(team, rep, customer, opportunity, gateway, service);
    }

    String quoteBody(Deal d, String discount) {
        return """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":10,"discountPercent":%s},
                {"productId":"%s","quantity":2}],"validUntil":"2026-12-31","deliveryPeriod":"合同签订后 30 天",
                "paymentTerms":"预付 30 %%，到货 60 %%，验收 10 %%"}""".formatted(d.opportunityId(), d.gateway(), discount, d.service());
    }

    JsonNode create(Deal d, String discount) {
        return customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes", quoteBody(d, discount)), 201));
    }

    /**
     * Every refused value of a quote is named at once, nothing saved: the terms' past validity together with a line's
     * negative quantity and its discount over 100; and a line's quantity, price and discount with more places than the
     * money columns keep, each as too precise (never rounded), not only the first met.
     */
    @Test
    void everyRefusedValueOfAQuoteIsNamedAtOnceAndNothingIsSaved() {
        Deal d = deal("qallbad");
        var several = customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","validUntil":"2026-11-30","lines":[{"productId":"%s","quantity":-1,"discountPercent":150}]}"""
                .formatted(d.opportunityId(), d.gateway()));
        assertThat(several).hasStatus(422);
        assertThat(fields(customers.json(several)))
                .containsExactlyInAnyOrder("validUntil", "lines[0].quantity", "lines[0].discountPercent");
        var tooPrecise = customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":1.123456,"unitPrice":120000.123456,"discountPercent":5.123456789}]}"""
                .formatted(d.opportunityId(), d.gateway()));
        assertThat(tooPrecise).hasStatus(422);
        JsonNode refused = customers.json(tooPrecise);
        assertThat(fields(refused))
                .containsExactlyInAnyOrder("lines[0].quantity", "lines[0].unitPrice", "lines[0].discountPercent");
        assertThat(refused.get("errors").valueStream().map(e -> e.get("code").asString()).distinct().toList())
                .containsExactly("error.input.amountTooPrecise");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes?opportunityId=" + d.opportunityId()).get("items"))
                .as("nothing saved").isEmpty();
    }

    private static java.util.List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    JsonNode submit(String token, String quoteId) {
        return customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/quotes/" + quoteId + "/submit", "{}"), 200));
    }

    @Test
    void Q1_everyVersionCarriesNumberRevisionAndDateAndTheSupersededOneStaysReadable() {
        Deal d = deal("q1v");
        JsonNode v1 = create(d, "3");
        assertThat(v1.get("number").asString()).matches("Q-2026-\\d{6}");
        assertThat(v1.get("revision").asInt()).isEqualTo(1);
        assertThat(v1.get("quotedOn").asString()).isEqualTo("2026-12-01");
        assertThat(v1.get("status").asString()).isEqualTo("DRAFT");
        // 10 × 1000 less 3 % = 9700 at 13 %; 2 × 500 = 1000 at 6 %
        assertThat(v1.get("subtotal").decimalValue()).isEqualByComparingTo("10700.00");
        assertThat(v1.get("tax").decimalValue()).isEqualByComparingTo("1321.00");
        assertThat(v1.get("total").decimalValue()).isEqualByComparingTo("12021.00");
        assertThat(v1.at("/lines/0/productName").asString()).isEqualTo("工业网关");
        assertThat(v1.at("/lines/0/unitPrice").decimalValue()).as("the list price without a price list").isEqualByComparingTo("1000.00");
        String id = v1.get("id").asString();
        assertThat(submit(d.rep(), id).get("status").asString()).isEqualTo("APPROVED");

        clock.advance(Duration.ofDays(2));
        var revised = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/revisions", "{}");
        assertThat(revised).hasStatus(201);
        JsonNode v2 = customers.json(revised);
        assertThat(v2.get("number").asString()).isEqualTo(v1.get("number").asString());
        assertThat(v2.get("revision").asInt()).isEqualTo(2);
        assertThat(v2.get("quotedOn").asString()).isEqualTo("2026-12-03");
        assertThat(v2.get("status").asString()).isEqualTo("DRAFT");

        JsonNode old = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id);
        assertThat(old.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("total").decimalValue()).isEqualByComparingTo("12021.00");
        assertThat(customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/revisions", "{}")).hasStatus(422);

        String v2Path = "/api/v1/quotes/" + v2.get("id").asString();
        String change = """
                {"lines":[{"productId":"%s","quantity":12,"discountPercent":4}],"validUntil":"2027-01-15"%s}""";
        assertThat(customers.put(mvc, d.rep(), v2Path, change.formatted(d.gateway(), ""))).hasStatus(428);
        assertThat(customers.put(mvc, d.rep(), v2Path, change.formatted(d.gateway(), ",\"version\":7"))).hasStatus(409);
        var changed = customers.put(mvc, d.rep(), v2Path, change.formatted(d.gateway(), ",\"version\":" + v2.get("version").asLong()));
        assertThat(changed).hasStatus(200);
        assertThat(customers.json(changed).get("total").decimalValue()).isEqualByComparingTo("13017.60"); // 11520 + 1497.60

        JsonNode versions = customers.getJson(mvc, d.rep(), v2Path + "/versions");
        assertThat(versions.get("items").valueStream().map(v -> v.get("revision").asInt() + ":" + v.get("status").asString()))
                .containsExactly("2:DRAFT", "1:SUPERSEDED");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes?opportunityId=" + d.opportunityId()).get("items").size())
                .isEqualTo(2);
        String otherTeam = sales.bearer(mvc, d.team().otherRep());
        assertThat(customers.get(mvc, otherTeam, v2Path)).as("outside scope").hasStatus(404);
        assertThat(customers.post(mvc, otherTeam, v2Path + "/submit", "{}")).hasStatus(404);
    }

    @Test
    void Q2_aDiscountWithinTheRepsLimitNeedsNoApproval() {
        Deal d = deal("q2rep");
        JsonNode q = submit(d.rep(), create(d, "5").get("id").asString());
        assertThat(q.get("status").asString()).isEqualTo("APPROVED");
        assertThat(q.get("approvalId").isNull()).isTrue();
        assertThat(q.get("requiredAuthority").asString()).isEqualTo("REP");
    }

    @Test
    void Q2_aboveTheRepsLimitTheManagerApprovesSeeingDiscountMarginAndHistoryAndTheQuoteIsApproved() {
        Deal d = deal("q2mgr");
        String id = create(d, "10").get("id").asString();
        JsonNode pending = submit(d.rep(), id);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.get("requiredAuthority").asString()).isEqualTo("MANAGER");
        String approvalId = pending.get("approvalId").asString();

        String manager = sales.bearer(mvc, d.team().manager());
        JsonNode approval = customers.getJson(mvc, manager, "/api/v1/approvals/" + approvalId);
        assertThat(approval.at("/steps/0/tasks/0/assigneeId").asString()).isEqualTo(d.team().manager().id().toString());
        assertThat(approval.at("/facts/maxDiscountPercent").asString()).isEqualTo("10.00");
        assertThat(approval.at("/facts/belowListPercent").asString()).isEqualTo("9.09"); // 11000 at list prices, 10000 quoted
        assertThat(approval.at("/facts/customerOpen").asString()).startsWith("1 / ");
        assertThat(approval.at("/facts/customer").asString()).isEqualTo("杭州示例科技有限公司q2mgr");

        assertThat(customers.post(mvc, manager, "/api/v1/approvals/" + approvalId + "/decision",
                "{\"decision\":\"APPROVE\",\"comment\":\"折扣合理\"}")).hasStatus(200);
        // at once: the decision takes effect in the approver's own transaction
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("APPROVED");
        JsonNode approved = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id);
        assertThat(approved.at("/review/reviewedBy").asString()).as("the approver reviewed the pricing (Q1)")
                .isEqualTo(d.team().manager().id().toString());
        assertThat(approved.at("/review/comment").asString()).isEqualTo("折扣合理");
    }

    @Test
    void Q2_aboveTheManagersLimitTheDirectorDecidesAndARejectionSendsTheQuoteBackToDraft() {
        Deal d = deal("q2dir");
        String id = create(d, "20").get("id").asString();
        JsonNode pending = submit(sales.bearer(mvc, d.team().manager()), id);
        assertThat(pending.get("status").asString()).as("above the manager's own limit too").isEqualTo("PENDING_APPROVAL");
        assertThat(pending.get("requiredAuthority").asString()).isEqualTo("DIRECTOR");
        String approvalId = pending.get("approvalId").asString();
        String director = sales.bearer(mvc, d.team().director());
        JsonNode approval = customers.getJson(mvc, director, "/api/v1/approvals/" + approvalId);
        assertThat(approval.at("/steps/0/tasks/0/assigneeRole").asString()).isEqualTo("SALES_DIRECTOR");

        assertThat(customers.post(mvc, director, "/api/v1/approvals/" + approvalId + "/decision",
                "{\"decision\":\"REJECT\",\"comment\":\"折扣过大\"}")).hasStatus(200);
        // at once: the decision takes effect in the approver's own transaction
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("DRAFT");

        // a director's own quote carries any discount
        JsonNode own = customers.json(SalesTestSupport.expect(customers.post(mvc, director, "/api/v1/quotes", quoteBody(d, "25")), 201));
        assertThat(submit(director, own.get("id").asString()).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void Q2_aWithdrawnApprovalMakesTheQuoteADraftAgainThatIsSubmittedAnew() {
        Deal d = deal("q2wd");
        String id = create(d, "12").get("id").asString();
        JsonNode pending = submit(d.rep(), id);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String approvalId = pending.get("approvalId").asString();

        assertThat(customers.post(mvc, d.rep(), "/api/v1/approvals/" + approvalId + "/withdraw", null)).hasStatus(200);
        // at once: the withdrawal reaches the quote in the submitter's own transaction, as a decision does
        JsonNode draft = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("actions").toString()).contains("SUBMIT");

        JsonNode again = submit(d.rep(), id);
        assertThat(again.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(again.get("approvalId").asString()).as("a new flow").isNotEqualTo(approvalId);
        // and the new flow's decision reaches the quote: submitted anew after a withdrawal, it goes through (walk finding
        // on contracts, whose resubmission after a withdrawal was never approved)
        assertThat(customers.post(mvc, sales.bearer(mvc, d.team().manager()), "/api/v1/approvals/"
                + again.get("approvalId").asString() + "/decision", "{\"decision\":\"APPROVE\"}")).hasStatus(200);
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void Q1_theManagerReviewsBeforeSendingAndTheCustomerAcceptsOnlineWhichMovesTheOpportunityToNegotiation() {
        Deal d = deal("q1send");
        String id = create(d, "0").get("id").asString();
        JsonNode approved = submit(d.rep(), id);
        assertThat(approved.get("actions").toString()).as("what it answers the rep may do agrees with the refusal")
                .contains("REVISE").doesNotContain("SEND");
        assertThat(jdbc.sql("select recipient_id from notification_message where kind = 'quote.reviewRequested' and link = :link")
                .param("link", "/quotes/" + id).query(java.util.UUID.class).list())
                .as("the rep's manager is told the quote waits for their review, with a link to it")
                .containsExactly(d.team().manager().id());
        String contact = customers.getJson(mvc, d.rep(), "/api/v1/customers/" + d.customerId() + "/contacts").get("items").get(0).get("id").asString();
        String send = "{\"contactId\":\"" + contact + "\",\"version\":%d}";
        var unversioned = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/send", "{\"contactId\":\"" + contact + "\"}");
        assertThat(unversioned).as("sent without the version it was read at").hasStatus(428);
        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/send",
                send.formatted(approved.get("version").asLong()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("quote.send.notReviewed");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("version").asLong())
                .as("the refusal changed nothing").isEqualTo(approved.get("version").asLong());

        assertThat(customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/review", "{\"comment\":\"自审\"}"))
                .as("not the author").hasStatus(403);
        String manager = sales.bearer(mvc, d.team().manager());
        var reviewed = customers.post(mvc, manager, "/api/v1/quotes/" + id + "/review", "{\"comment\":\"逻辑与价格无误\"}");
        assertThat(reviewed).hasStatus(200);
        assertThat(customers.json(reviewed).at("/review/comment").asString()).isEqualTo("逻辑与价格无误");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("actions").toString()).contains("SEND");

        var unversionedReviewed = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/send", "{\"contactId\":\"" + contact + "\"}");
        assertThat(unversionedReviewed).as("sendable, but not without its version").hasStatus(428);
        assertThat(customers.json(unversionedReviewed).get("code").asString()).isEqualTo("error.versionRequired");
        JsonNode unsent = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id);
        assertThat(unsent.get("status").asString()).as("the refusal sent nothing").isEqualTo("APPROVED");
        JsonNode sent = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/send",
                send.formatted(unsent.get("version").asLong())), 200));
        assertThat(sent.at("/confirmation/state").asString()).isEqualTo("SENT");
        assertThat(sent.at("/quote/status").asString()).isEqualTo("SENT");
        String url = sent.at("/confirmation/url").asString();
        String page = body(mvc.get().uri(URI.create(url).getPath()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        assertThat(page).contains("工业网关", "安装调试服务", "12,360.00");

        assertThat(mvc.post().uri(URI.create(url).getPath()).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "ACCEPTED").param("name", "王伟").exchange()).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("ACCEPTED"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode opportunity = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId());
            assertThat(opportunity.get("stage").asString()).isEqualTo("NEGOTIATION");
            assertThat(opportunity.get("amount").decimalValue()).isEqualByComparingTo("12360.00"); // 11000 + 1360 tax
        });

        // the rep may revise quotes: what refuses an accepted version is its state (422), and it is not offered
        JsonNode accepted = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id);
        assertThat(accepted.get("actions").toString()).doesNotContain("REVISE");
        var notRevised = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/revisions", "{}");
        assertThat(notRevised).hasStatus(422);
        assertThat(customers.json(notRevised).get("code").asString()).isEqualTo("quote.revise.accepted");
    }

    @Test
    void aQuoteOfALostOpportunityIsRefusedByItsState422NotByWhoAsks() {
        Deal d = deal("lostq");
        String id = create(d, "0").get("id").asString();
        submit(d.rep(), id);
        long version = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId()).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId() + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("actions")).as("nothing offered").isEmpty();
        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/revisions", "{}");
        assertThat(refused).as("the owner asks: the stage refuses").hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("quote.opportunityClosed");
    }

    @Test
    void thePdfCarriesTheCustomersAndProductsChineseNamesAsText() throws IOException {
        Deal d = deal("pdf");
        JsonNode q = create(d, "0");
        var result = customers.get(mvc, d.rep(), "/api/v1/quotes/" + q.get("id").asString() + "/pdf");
        assertThat(result).hasStatus(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("杭州示例科技有限公司pdf", "工业网关", "安装调试服务", "报价单", q.get("number").asString(),
                    "12,360.00", "预付 30 %");
        }
        var french = customers.get(mvc, d.rep(), "/api/v1/quotes/" + q.get("id").asString() + "/pdf?locale=fr");
        assertThat(french).as("a language the quote is not written in").hasStatus(422);
        assertThat(customers.json(french).get("errors").get(0).get("field").asString()).isEqualTo("locale");
        assertThat(customers.get(mvc, d.rep(), "/api/v1/quotes/" + q.get("id").asString() + "/pdf?locale=en"))
                .hasStatus(200);
    }

    static final String DRAFT_MARK = "草稿 · 未经审批，不得对外发送";
    static final String REVIEW_MARK = "待审核 · 未经经理审核，不得对外发送";
    static final String SUPERSEDED_MARK = "已被取代 · 此版本已由新版本取代，不得对外发送";

    /** The text of each page of the quote's PDF, in the language asked. */
    List<String> pdfPages(Deal d, String quoteId, String locale) throws IOException {
        var result = customers.get(mvc, d.rep(), "/api/v1/quotes/" + quoteId + "/pdf" + (locale == null ? "" : "?locale=" + locale));
        assertThat(result).hasStatus(200);
        try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            List<String> pages = new java.util.ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /**
     * Q2 — a rep's 20 % discount the director sent back is a draft again, and a version not approved for sending is
     * no offer: every page of its PDF says so, in the PDF's language, as it does while it waits on its approval; one
     * approved but not yet reviewed (Q1) says it waits for the review. Approved and reviewed, the PDF is the plain
     * quote; once revised, the old version says it was superseded and the new draft that it is a draft.
     */
    @Test
    void Q2_aVersionNotApprovedForSendingIsPrintedMarkedOnEveryPageAndAnApprovedOneIsNot() throws IOException {
        Deal d = deal("pdfmark");
        // enough lines for more than one page
        String lines = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> "{\"productId\":\"" + d.gateway() + "\",\"quantity\":1,\"discountPercent\":20}")
                .collect(java.util.stream.Collectors.joining(","));
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes",
                "{\"opportunityId\":\"" + d.opportunityId() + "\",\"lines\":[" + lines + "]}"), 201)).get("id").asString();
        JsonNode pending = submit(d.rep(), id);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        List<String> waiting = pdfPages(d, id, null);
        assertThat(waiting).as("several pages").hasSizeGreaterThan(1);
        assertThat(waiting).as("waiting on its approval: every page").allSatisfy(page -> assertThat(page).contains(DRAFT_MARK));

        String director = sales.bearer(mvc, d.team().director());
        assertThat(customers.post(mvc, director, "/api/v1/approvals/" + pending.get("approvalId").asString() + "/decision",
                "{\"decision\":\"SEND_BACK\",\"comment\":\"折扣过大\"}")).hasStatus(200);
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("DRAFT");
        List<String> sentBack = pdfPages(d, id, null);
        assertThat(sentBack).allSatisfy(page -> assertThat(page).contains(DRAFT_MARK));
        assertThat(sentBack.get(0)).as("the quote itself is still printed").contains("报价单", "工业网关");
        assertThat(pdfPages(d, id, "en")).as("in the PDF's language")
                .allSatisfy(page -> assertThat(page).contains("DRAFT · not approved, not for the customer")
                        .doesNotContain(DRAFT_MARK));

        JsonNode within = create(d, "5");
        String approvedId = within.get("id").asString();
        assertThat(submit(d.rep(), approvedId).get("status").asString()).isEqualTo("APPROVED");
        assertThat(pdfPages(d, approvedId, null)).as("approved, but the manager has not reviewed it (Q1)")
                .allSatisfy(page -> assertThat(page).contains(REVIEW_MARK));
        SalesTestSupport.expect(customers.post(mvc, sales.bearer(mvc, d.team().manager()), "/api/v1/quotes/" + approvedId
                + "/review", "{\"comment\":\"价格无误\"}"), 200);
        for (String locale : new String[] {null, "en"}) {
            assertThat(String.join("", pdfPages(d, approvedId, locale))).as("approved and reviewed: the quote as it goes out")
                    .contains(within.get("number").asString())
                    .doesNotContain(DRAFT_MARK, REVIEW_MARK, SUPERSEDED_MARK, "DRAFT", "AWAITING REVIEW", "SUPERSEDED");
        }

        JsonNode reviewed = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + approvedId);
        JsonNode v2 = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes/" + approvedId
                + "/revisions", "{\"version\":" + reviewed.get("version").asLong() + "}"), 201));
        assertThat(pdfPages(d, approvedId, null)).allSatisfy(page -> assertThat(page).contains(SUPERSEDED_MARK));
        assertThat(pdfPages(d, approvedId, "en")).allSatisfy(page ->
                assertThat(page).contains("SUPERSEDED · replaced by a newer version, not for the customer"));
        assertThat(pdfPages(d, v2.get("id").asString(), null)).allSatisfy(page -> assertThat(page).contains(DRAFT_MARK));
    }

    /** Q1 — the manager who wrote the quote is told why they may not review it, in the approvals' words. */
    @Test
    void Q1_aManagerAskingToReviewTheirOwnQuoteIsToldWhy() {
        Deal d = deal("ownrev");
        String manager = sales.bearer(mvc, d.team().manager());
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, manager, "/api/v1/quotes", quoteBody(d, "0")), 201))
                .get("id").asString();
        JsonNode before = customers.getJson(mvc, manager, "/api/v1/quotes/" + id);
        assertThat(before.get("actions").toString()).doesNotContain("REVIEW");
        var own = mvc.post().uri("/api/v1/quotes/" + id + "/review").header(HttpHeaders.AUTHORIZATION, manager)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"自审\"}").exchange();
        assertThat(own).hasStatus(403);
        assertThat(customers.json(own).get("code").asString()).isEqualTo("quote.review.ownQuote");
        assertThat(body(own)).contains("不能审批自己提交的事项。");
        var rep = customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/review", "{}");
        assertThat(rep).as("a rep reviews no quote").hasStatus(403);
        assertThat(customers.json(rep).get("code").asString()).isEqualTo("quote.review.managersOnly");
        assertThat(customers.getJson(mvc, manager, "/api/v1/quotes/" + id).get("version").asLong()).as("nothing changed")
                .isEqualTo(before.get("version").asLong());
    }

    /**
     * The customer accepted the link sent to 王伟 typing another name: the rep's notice names who signed as typed and says
     * it is not the recipient's name, in the reader's language, and the quote's page shows the same beside the answer.
     */
    @Test
    void anAcceptanceSignedWithAnotherNameIsReportedAsSignedAndSaysItIsNotTheRecipientsName() {
        Deal d = deal("signedas");
        String id = create(d, "0").get("id").asString();
        JsonNode link = send(d, id);
        assertThat(mvc.post().uri(URI.create(link.get("url").asString()).getPath())
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("outcome", "ACCEPTED").param("name", "张三").exchange())
                .hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("ACCEPTED"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notices(d, "zh-CN"))
                .anySatisfy(title -> assertThat(title).startsWith("张三（与收件人姓名不一致，收件人：王伟） 已接受《"))
                .noneSatisfy(title -> assertThat(title).startsWith("王伟 已接受")));
        assertThat(notices(d, "en")).anySatisfy(title ->
                assertThat(title).startsWith("张三 (not the recipient's name; sent to 王伟) accepted \""));

        String page = body(mvc.get().uri("/quotes/" + id).cookie(customers.session(mvc, d.team().rep()))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        assertThat(page).contains("张三", "confirmation-name-differs", "与收件人姓名不一致");
    }

    /** The titles of the rep's notifications, in the language asked. */
    List<String> notices(Deal d, String language) {
        var result = mvc.get().uri("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, d.rep())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
        return customers.json(result).get("items").findValuesAsString("title");
    }

    @Test
    void aValidPriceListGivesTheUnitPriceAndOneOutOfItsDatesIsRefused() {
        Deal d = deal("plist");
        String director = sales.bearer(mvc, d.team().director());
        String priceList = """
                {"name":"%s","kind":"CUSTOMER_GROUP","validFrom":"%s","validTo":"%s","customerIds":["%s"],
                "prices":[{"productId":"%s","unitPrice":900.00}]}""";
        String valid = customers.json(SalesTestSupport.expect(customers.post(mvc, director, "/api/v1/price-lists",
                priceList.formatted("重点客户价", "2026-11-01", "2026-12-31", d.customerId(), d.gateway())), 201)).get("id").asString();
        String expired = customers.json(SalesTestSupport.expect(customers.post(mvc, director, "/api/v1/price-lists",
                priceList.formatted("旧价", "2026-01-01", "2026-11-30", d.customerId(), d.gateway())), 201)).get("id").asString();

        JsonNode q = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","priceListId":"%s","lines":[{"productId":"%s","quantity":1}]}"""
                .formatted(d.opportunityId(), valid, d.gateway())), 201));
        assertThat(q.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(q.at("/lines/0/listPrice").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(q.get("maxDiscountPercent").decimalValue()).as("the list's price is no discount").isEqualByComparingTo("0");
        assertThat(q.get("belowListPercent").decimalValue()).isEqualByComparingTo("10.00");

        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","priceListId":"%s","lines":[{"productId":"%s","quantity":1}]}"""
                .formatted(d.opportunityId(), expired, d.gateway()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).at("/errors/0/field").asString()).isEqualTo("priceListId");

        clock.advance(Duration.ofDays(31)); // 2027-01-01: the group's list has ended
        String rep = sales.bearer(mvc, d.team().rep());
        JsonNode later = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":1,"unitPrice":900.00}]}"""
                .formatted(d.opportunityId(), d.gateway())), 201));
        assertThat(later.get("maxDiscountPercent").decimalValue()).as("900 is now 10 % below the list price")
                .isEqualByComparingTo("10.00");
    }

    @Test
    void badLinesAreRefusedFieldByFieldAndNothingIsStored() {
        Deal d = deal("bad");
        long before = jdbc.sql("select count(*) from quote_quote").query(Long.class).single();
        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":0,"discountPercent":120},
                {"productId":"%s","quantity":1}]}""".formatted(d.opportunityId(), d.gateway(), java.util.UUID.randomUUID()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("lines[0].quantity", "lines[0].discountPercent", "lines[1].productId");
        assertThat(customers.post(mvc, d.rep(), "/api/v1/quotes",
                "{\"opportunityId\":\"" + d.opportunityId() + "\",\"lines\":[]}")).hasStatus(422);
        assertThat(customers.post(mvc, sales.bearer(mvc, d.team().otherRep()), "/api/v1/quotes", quoteBody(d, "0")))
                .as("another team's opportunity").hasStatus(404);
        assertThat(jdbc.sql("select count(*) from quote_quote").query(Long.class).single()).isEqualTo(before);
    }

    /**
     * Walk finding: 20 000 lines were each looked up and priced before the 200-line limit refused them (22 s a request,
     * the connection pool filled by a dozen). The count is asked first, on a new quote and on a draft rewritten: 201
     * lines of a product the catalogue does not have are refused for their count alone — had one been looked up, its
     * product would be named unknown — and 20 000 lines of a good one likewise; nothing is stored or changed.
     */
    @Test
    void tooManyLinesAreRefusedForTheirCountAloneBeforeAnyIsLookedUpAndNothingIsStoredOrChanged() {
        Deal d = deal("qmany");
        JsonNode draft = create(d, "0");
        long before = jdbc.sql("select count(*) from quote_quote").query(Long.class).single();
        java.util.function.BiFunction<Integer, String, String> lines = (n, product) -> String.join(",",
                java.util.Collections.nCopies(n, "{\"productId\":\"" + product + "\",\"quantity\":1}"));
        String unknown = UUID.randomUUID().toString();
        var unknownLines = customers.post(mvc, d.rep(), "/api/v1/quotes", "{\"opportunityId\":\"" + d.opportunityId()
                + "\",\"lines\":[" + lines.apply(201, unknown) + "]}");
        var manyLines = customers.post(mvc, d.rep(), "/api/v1/quotes", "{\"opportunityId\":\"" + d.opportunityId()
                + "\",\"lines\":[" + lines.apply(20_000, d.gateway()) + "]}");
        String path = "/api/v1/quotes/" + draft.get("id").asString();
        var rewritten = customers.put(mvc, d.rep(), path, "{\"lines\":[" + lines.apply(201, unknown) + "],\"version\":"
                + draft.get("version").asLong() + "}");
        for (var refused : List.of(unknownLines, manyLines, rewritten)) {
            assertThat(refused).hasStatus(422);
            assertThat(customers.json(refused).get("errors")).singleElement().satisfies(error -> {
                assertThat(error.get("field").asString()).isEqualTo("lines");
                assertThat(error.get("code").asString()).isEqualTo("quote.lines.tooMany");
            });
        }
        assertThat(jdbc.sql("select count(*) from quote_quote").query(Long.class).single()).isEqualTo(before);
        JsonNode after = customers.getJson(mvc, d.rep(), path);
        assertThat(after.get("version").asLong()).as("the draft unchanged").isEqualTo(draft.get("version").asLong());
        assertThat(after.get("lines")).hasSize(2);
    }

    /**
     * Q2 — the authority is decided on the discount unrounded, the percentage shown to two places: 189 991 for a
     * product listed at 200 000 is 5.0045 % off, shown 5.00 %, and above a rep's 5 % it goes to the manager (it was
     * approved at once); 1 199.99 at 15 % off a product listed at 1 200 is 15.0008 %, above a manager's 15 %, and goes
     * to the director.
     */
    @Test
    void Q2_theAuthorityIsDecidedOnTheDiscountUnroundedNotOnTheTwoPlacesShown() {
        Deal d = deal("q2round");
        String turbine = sales.product(mvc, d.team(), "TB-q2round", "燃气轮机", "200000.00", "13");
        String cabinet = sales.product(mvc, d.team(), "CB-q2round", "控制柜", "1200.00", "13");
        JsonNode byRep = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":100,"unitPrice":189991}]}"""
                .formatted(d.opportunityId(), turbine)), 201));
        assertThat(byRep.get("maxDiscountPercent").decimalValue()).isEqualByComparingTo("5.00");
        JsonNode repSubmitted = submit(d.rep(), byRep.get("id").asString());
        assertThat(repSubmitted.get("requiredAuthority").asString()).isEqualTo("MANAGER");
        assertThat(repSubmitted.get("status").asString()).isEqualTo("PENDING_APPROVAL");

        String manager = sales.bearer(mvc, d.team().manager());
        JsonNode byManager = customers.json(SalesTestSupport.expect(customers.post(mvc, manager, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":1,"unitPrice":1199.99,"discountPercent":15}]}"""
                .formatted(d.opportunityId(), cabinet)), 201));
        assertThat(byManager.get("maxDiscountPercent").decimalValue()).isEqualByComparingTo("15.00");
        JsonNode managerSubmitted = submit(manager, byManager.get("id").asString());
        assertThat(managerSubmitted.get("requiredAuthority").asString()).isEqualTo("DIRECTOR");
        assertThat(managerSubmitted.get("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void aQuoteWhoseTotalWouldNotFitAnAmountIsRefusedNamingItsLinesAndNothingIsStored() {
        Deal d = deal("huge");
        long before = jdbc.sql("select count(*) from quote_quote").query(Long.class).single();
        // 10^13 × 1 000.00 is 10^16: each number fits, the line total does not (the database refused it, 422 unchecked)
        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":10000000000000}]}"""
                .formatted(d.opportunityId(), d.gateway()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("lines");
        assertThat(customers.json(refused).get("errors").get(0).get("code").asString()).isEqualTo("quote.lines.totalTooLarge");
        assertThat(jdbc.sql("select count(*) from quote_quote").query(Long.class).single()).isEqualTo(before);
    }

    /**
     * Walk finding: quotes refused for a total too large used up quote numbers (the next good quote skipped them).
     * The number is taken only once the quote passed its checks: a refused quote and then a good one, consecutive.
     */
    @Test
    void aQuoteRefusedForItsTotalTakesNoNumber() {
        Deal d = deal("gapless");
        String first = customers.postJson(mvc, d.rep(), "/api/v1/quotes", quoteBody(d, "0")).get("number").asString();
        for (int i = 0; i < 3; i++) {
            var refused = customers.post(mvc, d.rep(), "/api/v1/quotes", """
                    {"opportunityId":"%s","lines":[{"productId":"%s","quantity":99999999,"unitPrice":99999999}]}"""
                    .formatted(d.opportunityId(), d.gateway()));
            assertThat(refused).hasStatus(422);
            assertThat(customers.json(refused).at("/errors/0/code").asString()).isEqualTo("quote.lines.totalTooLarge");
        }
        String next = customers.postJson(mvc, d.rep(), "/api/v1/quotes", quoteBody(d, "0")).get("number").asString();

        assertThat(sequenceNumber(next)).as(first + " then " + next).isEqualTo(sequenceNumber(first) + 1);
    }

    /**
     * Quote numbers run without gaps, as a document sent and printed: a revision keeps its quote's number and takes
     * none, a refused create takes none, and a create that rolled back after it took its number gives it back — the
     * next new quote gets the number after the last one kept.
     */
    @Test
    void aRefusedOrRolledBackQuoteLeavesNoGapInTheNumbersAndARevisionKeepsItsQuotesNumber() {
        Deal d = deal("qnumbers");
        JsonNode v1 = create(d, "0");
        String last = v1.get("number").asString();
        String id = v1.get("id").asString();
        submit(d.rep(), id);
        JsonNode v2 = customers.json(SalesTestSupport.expect(
                customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/revisions", "{}"), 201));
        assertThat(v2.get("number").asString() + " v" + v2.get("revision").asInt()).isEqualTo(last + " v2");

        assertThat(customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":-1}]}"""
                .formatted(d.opportunityId(), d.gateway()))).hasStatus(422);

        User rep = d.team().rep();
        CurrentUser me = new CurrentUser(rep.id(), rep.username(), rep.displayName(), rep.orgUnitId(), rep.roleSet());
        QuoteService.Content content = new QuoteService.Content(null, List.of(
                new QuoteService.LineRequest(UUID.fromString(d.gateway()), BigDecimal.ONE, null, null)),
                null, null, null, null);
        String rolledBack = new TransactionTemplate(transactions).execute(tx -> {
            String number = me.actAs(() -> quotes.create(UUID.fromString(d.opportunityId()), content).number());
            tx.setRollbackOnly();
            return number;
        });
        assertThat(rolledBack).as("taken, then given back").isEqualTo(DocumentNumbers.following(last));
        assertThat(jdbc.sql("select count(*) from quote_quote where number = :n").param("n", rolledBack)
                .query(Integer.class).single()).isZero();

        assertThat(create(d, "0").get("number").asString()).isEqualTo(DocumentNumbers.following(last));
    }

    private static long sequenceNumber(String quoteNumber) {
        return Long.parseLong(quoteNumber.substring(quoteNumber.lastIndexOf('-') + 1));
    }

    @Test
    void aClosedOpportunityTakesNoNewQuoteOrMinutesAndItsOwnerIsToldWhyNotThatTheyMayNot() {
        Deal d = deal("closed");
        long version = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId()).get("version").asLong();
        assertThat(customers.post(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId() + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}")).hasStatus(200);
        long before = jdbc.sql("select count(*) from quote_quote").query(Long.class).single();
        // the owner was answered 403 "not allowed", as if someone else's: the stage's refusal is the answer
        var quote = customers.post(mvc, d.rep(), "/api/v1/quotes", quoteBody(d, "0"));
        assertThat(quote).hasStatus(422);
        assertThat(customers.json(quote).get("code").asString()).isEqualTo("quote.opportunity.closed");
        assertThat(customers.json(quote).get("detail").asString()).as("the stage in words, not its code").doesNotContain("LOST");
        var minutes = customers.post(mvc, d.rep(), "/api/v1/negotiation-minutes", """
                {"opportunityId":"%s","heldOn":"2026-12-01","agreedPrice":1000,
                 "milestones":[{"type":"PREPAYMENT","percent":100,"dueCondition":"签约后"}],
                 "deliveryStandard":"标准","liability":"违约金","ourAttendees":["刘洋"],"customerAttendees":["王经理"]}"""
                .formatted(d.opportunityId()));
        assertThat(minutes).hasStatus(422);
        assertThat(customers.json(minutes).get("code").asString()).isEqualTo("minutes.opportunity.notNegotiating");
        assertThat(customers.post(mvc, sales.bearer(mvc, d.team().otherRep()), "/api/v1/quotes", quoteBody(d, "0")))
                .as("another team's opportunity, closed or not").hasStatus(404);
        assertThat(jdbc.sql("select count(*) from quote_quote").query(Long.class).single()).isEqualTo(before);
    }

    /** Submits the quote (within the rep's authority), has the manager review it (Q1) and answers it as the rep reads it. */
    JsonNode approvedAndReviewed(Deal d, String quoteId) {
        submit(d.rep(), quoteId);
        SalesTestSupport.expect(customers.post(mvc, sales.bearer(mvc, d.team().manager()), "/api/v1/quotes/" + quoteId
                + "/review", "{\"comment\":\"价格无误\"}"), 200);
        return customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + quoteId);
    }

    String contactOf(Deal d) {
        return customers.getJson(mvc, d.rep(), "/api/v1/customers/" + d.customerId() + "/contacts").get("items").get(0).get("id").asString();
    }

    org.springframework.test.web.servlet.assertj.MvcTestResult sendRequest(Deal d, JsonNode quote) {
        return customers.post(mvc, d.rep(), "/api/v1/quotes/" + quote.get("id").asString() + "/send",
                "{\"contactId\":\"" + contactOf(d) + "\",\"version\":" + quote.get("version").asLong() + "}");
    }

    /** Sends the approved and reviewed quote; the answer's confirmation (id, state, url). */
    JsonNode send(Deal d, String quoteId) {
        return customers.json(SalesTestSupport.expect(sendRequest(d, approvedAndReviewed(d, quoteId)), 200)).get("confirmation");
    }

    org.springframework.test.web.servlet.assertj.MvcTestResult answer(JsonNode confirmation, String outcome) {
        return mvc.post().uri(URI.create(confirmation.get("url").asString()).getPath())
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("outcome", outcome).param("name", "王伟").exchange();
    }

    String confirmationState(Deal d, JsonNode confirmation) {
        return customers.getJson(mvc, d.rep(), "/api/v1/confirmations/" + confirmation.get("id").asString()).get("state").asString();
    }

    @Test
    void O1_aQuoteOnAnOpportunityNotYetPastTheEvaluationIsNotOfferedForSendingAndItsSendingIsRefused() {
        var team = sales.team("q-disc");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "嘉兴未评估科技有限公司", "王伟", "wang@q-disc.test");
        String opportunity = sales.opportunity(mvc, rep, customer, "未评估项目", "300000").get("id").asString();
        String gateway = sales.product(mvc, team, "GW-q-disc", "工业网关", "1000.00", "13");
        String service = sales.product(mvc, team, "SV-q-disc", "安装调试服务", "500.00", "6");
        Deal d = new Deal(team, rep, customer, opportunity, gateway, service);
        JsonNode quote = approvedAndReviewed(d, create(d, "0").get("id").asString());
        assertThat(quote.get("status").asString()).isEqualTo("APPROVED");
        assertThat(quote.get("actions").toString()).as("in DISCOVERY: not offered").contains("REVISE").doesNotContain("SEND");

        var refused = sendRequest(d, quote);
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("quote.send.beforeProposal");
        assertThat(customers.json(refused).get("detail").asString()).as("the stage in words").doesNotContain("DISCOVERY");
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/quotes/" + quote.get("id").asString());
        assertThat(after.get("status").asString()).as("nothing sent").isEqualTo("APPROVED");
        assertThat(after.get("version").asLong()).isEqualTo(quote.get("version").asLong());
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'Quote' and subject_id = :n")
                .param("n", quote.get("number").asString()).query(Long.class).single()).as("no link issued").isZero();

        // once qualified and in the proposal stage it is offered and sent
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        JsonNode proposing = customers.getJson(mvc, rep, "/api/v1/quotes/" + quote.get("id").asString());
        assertThat(proposing.get("actions").toString()).contains("SEND");
        assertThat(sendRequest(d, proposing)).hasStatus(200);
    }

    @Test
    void Q1_onceTheCustomerAcceptedAQuoteTheOpportunitysOtherQuotesAreNotSentAndTheirOpenLinksAreWithdrawn() {
        Deal d = deal("q-one");
        String olderId = create(d, "0").get("id").asString();
        JsonNode olderLink = send(d, olderId);
        JsonNode later = create(d, "5");
        JsonNode laterLink = send(d, later.get("id").asString());
        JsonNode unsent = approvedAndReviewed(d, create(d, "3").get("id").asString());

        assertThat(answer(laterLink, "ACCEPTED")).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(confirmationState(d, olderLink)).as("the other quote's open link").isEqualTo("WITHDRAWN"));
        JsonNode opportunity = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId());
        assertThat(opportunity.get("stage").asString()).isEqualTo("NEGOTIATION");
        assertThat(opportunity.get("amount").decimalValue()).isEqualByComparingTo(later.get("total").decimalValue());
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + later.get("id").asString()).get("status").asString())
                .isEqualTo("ACCEPTED");

        assertThat(answer(olderLink, "ACCEPTED")).as("a withdrawn link takes no answer, and says it was withdrawn").hasStatus(410);
        assertThat(confirmationState(d, laterLink)).isEqualTo("ACCEPTED");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + olderId).get("status").asString())
                .as("not a second accepted quote").isEqualTo("SENT");

        JsonNode unsentNow = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + unsent.get("id").asString());
        assertThat(unsentNow.get("actions").toString()).as("not offered").doesNotContain("SEND");
        var refused = sendRequest(d, unsentNow);
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("quote.send.anotherAccepted");
        assertThat(unsentNow.get("actions").toString()).as("its revision could never be sent").doesNotContain("REVISE");
        var notRevised = customers.post(mvc, d.rep(), "/api/v1/quotes/" + unsentNow.get("id").asString() + "/revisions",
                "{\"version\":" + unsentNow.get("version").asLong() + "}");
        assertThat(notRevised).hasStatus(422);
        assertThat(customers.json(notRevised).get("code").asString()).isEqualTo("quote.revise.anotherAccepted");

        JsonNode still = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId());
        assertThat(still.get("stage").asString()).as("moved once, not on to the contract").isEqualTo("NEGOTIATION");
        assertThat(still.get("amount").decimalValue()).isEqualByComparingTo(later.get("total").decimalValue());
    }

    @Test
    void Q1_onceTheCustomerAcceptedAQuoteNoNewQuoteIsWrittenAndAWaitingDraftIsNotEdited() {
        Deal d = deal("q-none");
        String acceptedId = create(d, "0").get("id").asString();
        JsonNode link = send(d, acceptedId);
        JsonNode draft = create(d, "2");
        assertThat(answer(link, "ACCEPTED")).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + acceptedId).get("status").asString()).isEqualTo("ACCEPTED"));
        long before = jdbc.sql("select count(*) from quote_quote").query(Long.class).single();

        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes", quoteBody(d, "0"));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("quote.create.anotherAccepted");
        assertThat(jdbc.sql("select count(*) from quote_quote").query(Long.class).single()).as("nothing written").isEqualTo(before);

        String path = "/api/v1/quotes/" + draft.get("id").asString();
        var notEdited = customers.put(mvc, d.rep(), path, """
                {"lines":[{"productId":"%s","quantity":12}],"version":%d}""".formatted(d.gateway(), draft.get("version").asLong()));
        assertThat(notEdited).hasStatus(422);
        assertThat(customers.json(notEdited).get("code").asString()).as("edit says why, not send").isEqualTo("quote.edit.anotherAccepted");
        assertThat(customers.getJson(mvc, d.rep(), path).get("total").decimalValue())
                .as("nothing changed").isEqualByComparingTo(draft.get("total").decimalValue());
    }

    @Test
    void aLostOpportunityWithdrawsItsQuotesOpenLinksAndTheCustomerCanNoLongerAcceptThem() {
        Deal d = deal("q-lost");
        String id = create(d, "0").get("id").asString();
        JsonNode link = send(d, id);
        long version = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId()).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId() + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(confirmationState(d, link)).isEqualTo("WITHDRAWN"));

        assertThat(answer(link, "ACCEPTED")).as("the withdrawn link takes no answer, and says it was withdrawn").hasStatus(410);
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("SENT");
        JsonNode lost = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId());
        assertThat(lost.get("stage").asString()).isEqualTo("LOST");
        assertThat(lost.get("amount").decimalValue()).isEqualByComparingTo("300000");
    }

    /**
     * Two quotes of one opportunity accepted at the same moment: the first acceptance is recorded (its quote becomes
     * ACCEPTED just after it commits); the second, taken after it under the opportunity's quotes' locks, finds it and
     * is refused as a lost race — withdrawn, 410, nothing recorded, the quote still SENT and no longer revised.
     */
    @Test
    void twoQuotesAcceptedAtOnceAreTakenOneAfterTheOtherAndTheSecondIsWithdrawnNotRecorded() {
        Deal d = deal("q-race2");
        String firstId = create(d, "0").get("id").asString();
        JsonNode firstLink = send(d, firstId);
        String secondId = create(d, "5").get("id").asString();
        JsonNode secondLink = send(d, secondId);

        // the first acceptance is in, its quote not yet accepted by it (that follows the answer's commit)
        jdbc.sql("update confirmation_confirmation set state = 'ACCEPTED', answered_at = now(), answered_name = '王伟', "
                + "version = version + 1 where id = :id").param("id", java.util.UUID.fromString(firstLink.get("id").asString()))
                .update();
        assertThat(answer(secondLink, "ACCEPTED")).as("the lost race says the link was withdrawn").hasStatus(410);
        assertThat(confirmationState(d, secondLink)).as("not a second acceptance").isEqualTo("WITHDRAWN");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + secondId).get("status").asString())
                .isEqualTo("SENT");
    }

    @Test
    void anAnswerOnAQuoteOfAnOpportunityWithAnAcceptedQuoteIsWithdrawnAndTheQuoteIsNotOfferedForRevision() {
        Deal d = deal("q-race2b");
        String acceptedId = create(d, "0").get("id").asString();
        send(d, acceptedId);
        String otherId = create(d, "5").get("id").asString();
        JsonNode otherLink = send(d, otherId);

        // the other quote's acceptance was applied; this link is still open (its withdrawal not yet done)
        jdbc.sql("update quote_quote set status = 'ACCEPTED' where id = :id")
                .param("id", java.util.UUID.fromString(acceptedId)).update();
        assertThat(answer(otherLink, "ACCEPTED")).hasStatus(410);
        assertThat(confirmationState(d, otherLink)).isEqualTo("WITHDRAWN");

        JsonNode other = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + otherId);
        assertThat(other.get("status").asString()).isEqualTo("SENT");
        assertThat(other.get("actions").toString()).as("a revision could never be sent").doesNotContain("REVISE");
        var refused = customers.post(mvc, d.rep(), "/api/v1/quotes/" + otherId + "/revisions",
                "{\"version\":" + other.get("version").asLong() + "}");
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("quote.revise.anotherAccepted");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + otherId).get("revision").asInt())
                .as("nothing revised").isEqualTo(other.get("revision").asInt());
    }

    /**
     * An acceptance posted as the opportunity is set LOST: the loss committed first, its links not yet withdrawn (that
     * follows its commit) — the answer finds the opportunity lost under its lock and is refused, nothing recorded.
     */
    @Test
    void anAcceptanceArrivingAsTheOpportunityIsLostIsWithdrawnNotRecorded() {
        Deal d = deal("q-race-lost");
        String id = create(d, "0").get("id").asString();
        JsonNode link = send(d, id);
        jdbc.sql("update opportunity_opportunity set stage = 'LOST', lost_reason = 'PRICE', version = version + 1 where id = :id")
                .param("id", java.util.UUID.fromString(d.opportunityId())).update();

        assertThat(answer(link, "ACCEPTED")).hasStatus(410);
        assertThat(confirmationState(d, link)).as("not recorded as accepted").isEqualTo("WITHDRAWN");
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("status").asString()).isEqualTo("SENT");
    }

    /**
     * 0052 — an acceptance recorded a moment before the opportunity is set LOST: the manager's close stands, and the
     * quote says what the customer was told (ACCEPTED), whether the acceptance is applied before the close or after it
     * (its listener runs after the answer's commit); the lost opportunity does not move. Each order is taken step by
     * step: the answer recorded, the close, the answer applied.
     */
    @Test
    void anAcceptanceRecordedBeforeTheOpportunityIsLostLeavesTheQuoteAcceptedInEitherOrder() {
        // applied, then lost
        Deal first = deal("q-race-lost-a");
        String firstId = create(first, "0").get("id").asString();
        JsonNode firstLink = send(first, firstId);
        assertThat(answer(firstLink, "ACCEPTED")).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                customers.getJson(mvc, first.rep(), "/api/v1/quotes/" + firstId).get("status").asString()).isEqualTo("ACCEPTED"));
        lose(first);
        assertThat(confirmationState(first, firstLink)).isEqualTo("ACCEPTED");
        assertThat(customers.getJson(mvc, first.rep(), "/api/v1/quotes/" + firstId).get("status").asString())
                .isEqualTo("ACCEPTED");

        // recorded, lost, then applied
        Deal second = deal("q-race-lost-b");
        JsonNode quote = create(second, "0");
        String secondId = quote.get("id").asString();
        JsonNode secondLink = send(second, secondId);
        java.util.UUID linkId = java.util.UUID.fromString(secondLink.get("id").asString());
        // the answer as ConfirmationService.answer records it; its event is published below, after the close
        jdbc.sql("update confirmation_confirmation set state = 'ACCEPTED', answered_at = :at, answered_name = '王伟', "
                + "version = version + 1 where id = :id").param("at", java.sql.Timestamp.from(clock.instant()))
                .param("id", linkId).update();
        lose(second);
        assertThat(customers.getJson(mvc, second.rep(), "/api/v1/quotes/" + secondId).get("status").asString())
                .as("not yet applied").isEqualTo("SENT");
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx ->
                events.publishEvent(new com.lead2cash.confirmation.ConfirmationAnswered(linkId, "Quote",
                        quote.get("number").asString(), quote.get("revision").asInt(),
                        com.lead2cash.confirmation.Purpose.ACCEPT_OR_REJECT,
                        com.lead2cash.confirmation.Purpose.Outcome.ACCEPTED, "王伟", clock.instant(), null, null, null)));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                customers.getJson(mvc, second.rep(), "/api/v1/quotes/" + secondId).get("status").asString())
                .as("as the customer was told").isEqualTo("ACCEPTED"));
        assertThat(confirmationState(second, secondLink)).isEqualTo("ACCEPTED");
        JsonNode lost = customers.getJson(mvc, second.rep(), "/api/v1/opportunities/" + second.opportunityId());
        assertThat(lost.get("stage").asString()).as("the close stands").isEqualTo("LOST");
        assertThat(lost.get("amount").decimalValue()).as("a closed opportunity is not moved").isEqualByComparingTo("300000");
    }

    /** The owner sets the opportunity LOST over the API. */
    void lose(Deal d) {
        long version = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId()).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId() + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId()).get("stage").asString())
                .isEqualTo("LOST");
    }

    /**
     * The withdrawal of a closed opportunity's links meets an answer being recorded: it waits for it and leaves the
     * answered link as it is, instead of failing on the confirmation's version and rolling back.
     */
    @Test
    void aWithdrawalThatMeetsAnAnswerUnderWayWaitsForItAndLeavesItAnswered() throws Exception {
        Deal d = deal("q-race-wd");
        String id = create(d, "0").get("id").asString();
        JsonNode link = send(d, id);
        String number = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + id).get("number").asString();
        java.util.UUID linkId = java.util.UUID.fromString(link.get("id").asString());

        var raced = heldFirst.race(
                () -> jdbc.sql("update confirmation_confirmation set state = 'ACCEPTED', answered_at = now(), "
                        + "answered_name = '王伟', version = version + 1 where id = :id").param("id", linkId).update(),
                () -> confirmations.withdraw("Quote", number));
        assertThat(raced.second()).as("nothing left open to withdraw").isZero();
        assertThat(confirmationState(d, link)).isEqualTo("ACCEPTED");
    }

    /** docs/decisions/0030: the amount the customer agreed to (the accepted quote's) is not corrected by hand. */
    @Test
    void onceTheCustomerAcceptedAQuoteTheOpportunitysAmountIsItsTotalAndAnotherAmountIsRefused() {
        Deal d = deal("q-agreed");
        JsonNode quote = create(d, "0");
        JsonNode link = send(d, quote.get("id").asString());
        assertThat(answer(link, "ACCEPTED")).hasStatus3xxRedirection();
        String path = "/api/v1/opportunities/" + d.opportunityId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, d.rep(), path).get("stage").asString()).isEqualTo("NEGOTIATION"));
        sales.move(mvc, d.rep(), d.opportunityId(), "CONTRACT");
        JsonNode before = customers.getJson(mvc, d.rep(), path);
        assertThat(before.get("amount").decimalValue()).isEqualByComparingTo(quote.get("total").decimalValue());

        var refused = customers.put(mvc, d.rep(), path, "{\"amount\":1.00,\"version\":" + before.get("version").asLong() + "}");
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).at("/errors/0/field").asString()).isEqualTo("amount");
        assertThat(customers.json(refused).at("/errors/0/code").asString()).isEqualTo("opportunity.amount.agreed");
        assertThat(customers.getJson(mvc, d.rep(), path).get("amount").decimalValue()).as("nothing changed")
                .isEqualByComparingTo(quote.get("total").decimalValue());

        JsonNode renamed = customers.json(SalesTestSupport.expect(customers.put(mvc, d.rep(), path,
                "{\"name\":\"园区安防升级（签约）\",\"version\":" + before.get("version").asLong() + "}"), 200));
        assertThat(renamed.get("name").asString()).as("the other fields are still corrected").isEqualTo("园区安防升级（签约）");
        assertThat(renamed.get("amount").decimalValue()).isEqualByComparingTo(quote.get("total").decimalValue());
    }

    private static String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.lead2cash.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.quote.internal.QuoteService;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The quote screens: the opportunity's quotes card, the form (a refused row shown in place), the quote's
 * page with exactly its available actions, submitting above the rep's limit, the manager's review, sending
 * with the link shown once, the printable page and the approval's facts — in Chinese and English.
 */
@IntegrationTest
@Import(TestClock.class)
class QuotePagesTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.testing.Fixtures fixtures;

    @Test
    void aRepWritesAQuoteOnTheFormTheManagerApprovesAndReviewsItAndItIsSentWithItsLink() {
        clock.set(TestClock.START);
        var team = sales.team("qpages");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "宁波港口物流有限公司", "李娜", "li@ningbo.test");
        // a quote is sent from the proposal stage on (O1 passed)
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "堆场监控", "200000", "PROPOSAL");
        String gateway = sales.product(mvc, team, "GW-QP", "工业网关", "1000.00", "13");
        Cookie repSession = customers.session(mvc, team.rep());

        String card = page(repSession, "/opportunities/" + opportunity + "/quotes", "zh-CN");
        assertThat(card).contains("暂无报价", "/quotes/new?opportunityId=" + opportunity);
        assertThat(page(repSession, "/quotes/new?opportunityId=" + opportunity, "en")).contains("GW-QP 工业网关", "Discount %");
        // finance reads the opportunity but writes no quote of it: the form is refused as its Save is (403), not shown
        assertThat(mvc.get().uri("/quotes/new?opportunityId=" + opportunity)
                .cookie(customers.session(mvc, team.company().finance())).exchange()).hasStatus(403);

        MvcTestResult refused = mvc.post().uri("/quotes").cookie(repSession).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en").param("opportunityId", opportunity)
                .param("lines[0].productId", gateway).param("lines[0].quantity", "0").exchange();
        assertThat(refused).hasStatusOk();
        assertThat(body(refused)).contains("The quantity must be more than zero.", "is-invalid");
        // a valid-until day past the years a record can have: on the form, beside it, with the lines typed
        MvcTestResult farAhead = mvc.post().uri("/quotes").cookie(repSession).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en").param("opportunityId", opportunity)
                .param("lines[0].productId", gateway).param("lines[0].quantity", "4").param("validUntil", "9999-01-01")
                .exchange();
        assertThat(farAhead).hasStatusOk();
        assertThat(body(farAhead)).contains("The date must lie between 1900-01-01 and 2199-12-31.")
                .doesNotContain("id=\"error-detail\"");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(body(farAhead), "validUntil")).isEqualTo("9999-01-01");
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes?opportunityId=" + opportunity).get("items"))
                .as("nothing saved").isEmpty();

        MvcTestResult created = mvc.post().uri("/quotes").cookie(repSession).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("opportunityId", opportunity).param("lines[0].productId", gateway).param("lines[0].quantity", "5")
                .param("lines[0].discountPercent", "12").param("lines[1].productId", "").param("paymentTerms", "验收后 30 天付款")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String quotePath = created.getResponse().getRedirectedUrl();
        String quoteId = quotePath.substring(quotePath.lastIndexOf('/') + 1);
        for (String lang : new String[] {"zh-CN", "en"}) {
            page(repSession, quotePath + "/edit", lang);
            page(repSession, "/opportunities/" + opportunity, lang);
        }
        String draft = page(repSession, quotePath, "zh-CN");
        assertThat(draft).contains("草稿", "工业网关", "4,400.00", "4,972.00", "id=\"submit-quote\"", "id=\"edit-quote\"")
                .doesNotContain("id=\"send-quote\"", "id=\"review-quote\"");
        assertThat(page(repSession, quotePath + "/print", "zh-CN")).contains("报价单", "宁波港口物流有限公司", "验收后 30 天付款",
                "草稿 · 未经审批，不得对外发送");
        assertThat(draft).as("the page says the printed copy is marked").contains("id=\"quote-print-mark\"", "草稿 · 未经审批，不得对外发送");

        assertThat(mvc.post().uri(quotePath + "/submit").cookie(repSession).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("version", customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("version").asString())
                .exchange()).hasStatus3xxRedirection();
        String pending = page(repSession, quotePath, "en");
        assertThat(pending).contains("Awaiting approval", "needs a manager&#39;s approval", "id=\"revise-quote\"");
        assertThat(pending).as("no longer editable: no link to the form").doesNotContain("id=\"edit-quote\"");
        MvcTestResult noForm = mvc.get().uri(quotePath + "/edit").cookie(repSession).header("Accept-Language", "en").exchange();
        assertThat(noForm).as("reached by Back or a bookmark: the quote's page says why, not a form with Save")
                .hasStatus3xxRedirection().hasRedirectedUrl(quotePath).flash().containsEntry("flashError", "quote.action.notNow");

        JsonNode quote = customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId);
        Cookie managerSession = customers.session(mvc, team.manager());
        String approvalPath = "/approvals/" + quote.get("approvalId").asString();
        assertThat(pending).contains("id=\"quote-approval\"", approvalPath);
        assertThat(page(managerSession, quotePath, "en")).contains("id=\"quote-approval\"", approvalPath);
        // finance reads the quote but not its approval (its page answers 404): no link that leads there
        Cookie financeSession = customers.session(mvc, team.company().finance());
        assertThat(mvc.get().uri(approvalPath).cookie(financeSession).exchange()).hasStatus(404);
        assertThat(page(financeSession, quotePath, "en")).contains("Awaiting approval")
                .doesNotContain("id=\"quote-approval\"", approvalPath, "Open the approval");
        String approvalPage = page(managerSession, "/approvals/" + quote.get("approvalId").asString(), "en");
        assertThat(approvalPage).contains("Largest discount (%)", "12.00", "Below list prices (%)", "Customer&#39;s opportunities won / amount");
        assertThat(approvalPage).as("the facts' amounts as the screens show them")
                .contains(">4,972.00 CNY<", ">4,400.00<", ">5,000.00<", ">1 / 200,000.00<");
        assertThat(approvalPage).as("a title in no one language: the quote and whose it is, 'Quote' said beside it")
                .contains("<h1 class=\"h3 mb-1\">" + quote.get("number").asString() + " v1 · 宁波港口物流有限公司</h1>")
                .doesNotContain(">Quote " + quote.get("number").asString());
        assertThat(approvalPage).as("the approver opens the whole quote from its approval")
                .contains("id=\"approval-subject\"", "href=\"" + quotePath + "\"", quote.get("number").asString() + " v1");
        assertThat(mvc.post().uri("/approvals/" + quote.get("approvalId").asString() + "/decision").cookie(managerSession)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("decision", "APPROVE").param("comment", "同意")
                .param("version", String.valueOf(customers.getJson(mvc, sales.bearer(mvc, team.manager()),
                        "/api/v1/approvals/" + quote.get("approvalId").asString()).get("version").asLong()))
                .exchange()).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page(repSession, quotePath, "zh-CN")).contains("已批准", "id=\"send-quote\""));
        assertThat(page(repSession, quotePath, "zh-CN")).as("approved by the manager, who reviewed it: printed unmarked")
                .doesNotContain("id=\"quote-print-mark\"");
        assertThat(page(repSession, quotePath + "/print", "zh-CN")).contains("报价单").doesNotContain("quote-mark", "不得对外发送");

        MvcTestResult sent = mvc.post().uri(quotePath + "/send").cookie(repSession).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "zh-CN")
                .param("contactId", customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString())
                .param("version", customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("version").asString())
                .exchange();
        // post-redirect-get: the link is shown once on a page of its own, whose reload sends nothing again
        assertThat(sent).hasStatus3xxRedirection();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(quotePath + "/sent");
        assertThat(links(QuoteService.SUBJECT, quote.get("number").asString())).isEqualTo(1);
        assertThat(mvc.get().uri(quotePath + "/sent").cookie(customers.session(mvc, team.otherRep())).exchange())
                .as("outside the reader's scope, as the quote's page").hasStatus(404);
        assertThat(page(repSession, quotePath + "/sent", "zh-CN"))
                .contains("id=\"confirmation-url\"", "/c/", "data:image/png;base64,", "id=\"back-to-quote\"");
        shownOnce(repSession, quotePath);
        assertThat(links(QuoteService.SUBJECT, quote.get("number").asString())).as("the reload sent nothing").isEqualTo(1);
        assertThat(page(repSession, quotePath, "en")).contains("With the customer", "李娜");
    }

    /**
     * The quote form refuses what the API refuses, never rounding it: a quantity, a price and a discount with more
     * places than the money columns keep are each refused beside their field with what was typed; a past validity
     * and four wrong line values are all named at once. Nothing is saved.
     */
    @Test
    void theQuoteFormRefusesTooPreciseValuesAndNamesEveryRefusedFieldAtOnceNothingSaved() {
        clock.set(TestClock.START);
        var team = sales.team("qprecise");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "嘉兴精度仪表有限公司", "钱峰", "qian@jiaxing.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "仪表更换", "100000", "PROPOSAL");
        String gateway = sales.product(mvc, team, "GW-QPR", "工业网关", "1000.00", "13");
        Cookie session = customers.session(mvc, team.rep());

        MvcTestResult tooPrecise = mvc.post().uri("/quotes").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en").param("opportunityId", opportunity)
                .param("lines[0].productId", gateway).param("lines[0].quantity", "1.123456")
                .param("lines[0].unitPrice", "1000.123456789").param("lines[0].discountPercent", "5.55555").exchange();
        assertThat(tooPrecise).hasStatusOk();
        String html = body(tooPrecise);
        for (String[] typed : new String[][] {{"line-quantity-0", "1.123456"}, {"line-price-0", "1000.123456789"},
                {"line-discount-0", "5.55555"}}) {
            assertThat(com.lead2cash.testing.FormHtml.inputValue(html, typed[0])).as(typed[0]).isEqualTo(typed[1]);
            assertThat(html).as(typed[0]).containsPattern("<input(?=[^>]*id=\"" + typed[0] + "\")(?=[^>]*is-invalid)[^>]*>");
        }
        assertThat(html.split("The number has more than 2 decimal places.", -1)).as("beside each of the three").hasSize(4);

        MvcTestResult several = mvc.post().uri("/quotes").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en").param("opportunityId", opportunity)
                .param("validUntil", "2026-11-30")
                .param("lines[0].productId", gateway).param("lines[0].quantity", "-1").param("lines[0].discountPercent", "150")
                .param("lines[1].productId", gateway).param("lines[1].quantity", "0").param("lines[1].unitPrice", "-5")
                .exchange();
        assertThat(several).hasStatusOk();
        String named = body(several);
        assertThat(named).contains("The validity date cannot be before the quote&#39;s date.",
                "The discount is a percentage from 0 to 100.");
        for (String field : new String[] {"validUntil", "line-quantity-0", "line-discount-0", "line-quantity-1", "line-price-1"}) {
            assertThat(named).as(field).containsPattern("<input(?=[^>]*id=\"" + field + "\")(?=[^>]*is-invalid)[^>]*>");
        }
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes?opportunityId=" + opportunity).get("items"))
                .as("nothing saved").isEmpty();
    }

    /**
     * Walk finding: a negative quantity on one line and a discount written as 1e1 on another came back as one
     * "cannot be read" naming neither line nor field, the negative quantity not mentioned. Each refused line field is
     * shown beside its field on its line, the negative quantity refused as such, in Chinese as in English.
     */
    @Test
    void theQuoteFormShowsEachRefusedLineFieldBesideItOnItsLineANegativeQuantityAsSuch() {
        clock.set(TestClock.START);
        var team = sales.team("qlinefld");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "嘉兴行列仪表有限公司", "钱峰", "qian@hanglie.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "仪表行列", "100000", "PROPOSAL");
        String gateway = sales.product(mvc, team, "GW-QLF", "工业网关", "1000.00", "13");
        Cookie session = customers.session(mvc, team.rep());

        MvcTestResult refused = mvc.post().uri("/quotes").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "zh-CN").param("lang", "zh-CN").param("opportunityId", opportunity)
                .param("lines[0].productId", gateway).param("lines[0].quantity", "2")
                .param("lines[1].productId", gateway).param("lines[1].quantity", "-5")
                .param("lines[2].productId", gateway).param("lines[2].quantity", "1").param("lines[2].discountPercent", "1e1")
                .exchange();
        assertThat(refused).hasStatusOk();
        String html = body(refused);
        for (String field : new String[] {"line-quantity-1", "line-discount-2"}) {
            assertThat(html).as(field).containsPattern("<input(?=[^>]*id=\"" + field + "\")(?=[^>]*is-invalid)[^>]*>");
        }
        for (String field : new String[] {"line-quantity-0", "line-discount-0", "line-quantity-2"}) {
            assertThat(html).as(field + " not refused")
                    .doesNotContainPattern("<input(?=[^>]*id=\"" + field + "\")(?=[^>]*is-invalid)[^>]*>");
        }
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html, "line-discount-2")).as("as typed").isEqualTo("1e1");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(html, "line-quantity-1")).as("as typed").isEqualTo("-5");
        String quantity = feedbackAfter(html, "line-quantity-1");
        assertThat(quantity).as("the negative quantity, as such").isNotBlank().doesNotContain("无法识别该值的格式");
        assertThat(feedbackAfter(html, "line-discount-2")).as("the discount beside its field").isNotBlank();
        assertThat(html).as("no refusal apart from its field").doesNotContain("id=\"quote-problems\"");
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes?opportunityId=" + opportunity).get("items"))
                .as("nothing saved").isEmpty();
    }

    /** The text of the invalid-feedback right after the input of that id. */
    private static String feedbackAfter(String html, String inputId) {
        String after = html.substring(html.indexOf("id=\"" + inputId + "\""));
        after = after.substring(after.indexOf("invalid-feedback"));
        return after.substring(after.indexOf('>') + 1, after.indexOf("</div>")).strip();
    }

    /**
     * Walk finding: the form's rows were each looked up and priced before the 200-line limit refused them. 201 rows of
     * a product the catalogue does not have are refused for their count alone — had one been looked up, it would be
     * named unknown beside its row — and nothing is saved.
     */
    @Test
    void theQuoteFormRefusesMoreRowsThanAQuoteTakesForTheirCountAloneNothingSaved() {
        clock.set(TestClock.START);
        var team = sales.team("qrows");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "绍兴多行机械有限公司", "孙磊", "sun@shaoxing.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "产线改造", "100000", "PROPOSAL");
        Cookie session = customers.session(mvc, team.rep());
        var post = mvc.post().uri("/quotes").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en").param("opportunityId", opportunity);
        String unknown = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < 201; i++) {
            post = post.param("lines[" + i + "].productId", unknown).param("lines[" + i + "].quantity", "1");
        }
        MvcTestResult refused = post.exchange();
        assertThat(refused).hasStatusOk();
        String html = body(refused);
        assertThat(html).contains("A quote has at most 200 lines.").doesNotContain("Choose an active product from the catalogue.");
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes?opportunityId=" + opportunity).get("items"))
                .as("nothing saved").isEmpty();
    }

    /** The minutes form refuses an agreed price and percents with three places as the API does, beside each, as typed. */
    @Test
    void theMinutesFormRefusesTooPreciseValuesBesideEachFieldAsTypedNothingWritten() {
        clock.set(TestClock.START);
        var team = sales.team("mprecise");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州精度阀门有限公司", "孙丽", "sun@huzhou.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "阀门更换", "100000", "PROPOSAL", "NEGOTIATION");
        Cookie session = customers.session(mvc, team.rep());
        MvcTestResult refused = mvc.post().uri("/negotiation-minutes").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en")
                .param("opportunityId", opportunity).param("heldOn", "2026-12-01").param("agreedPrice", "1067.555")
                .param("milestones[0].type", "PREPAYMENT").param("milestones[0].percent", "33.333")
                .param("milestones[0].dueCondition", "合同签订后 7 日内")
                .param("milestones[1].type", "ACCEPTANCE").param("milestones[1].percent", "66.667")
                .param("milestones[1].dueCondition", "验收合格后 30 日内")
                .param("deliveryStandard", "按技术协议验收").param("liability", "逾期每日千分之一")
                .param("ourAttendees", "王强（销售）").param("customerAttendees", "孙丽（采购）").exchange();
        assertThat(refused).hasStatusOk();
        String html = body(refused);
        for (String[] typed : new String[][] {{"agreedPrice", "1067.555"}, {"milestone-percent-0", "33.333"},
                {"milestone-percent-1", "66.667"}}) {
            assertThat(com.lead2cash.testing.FormHtml.inputValue(html, typed[0])).as(typed[0]).isEqualTo(typed[1]);
            assertThat(html).as(typed[0]).containsPattern("<input(?=[^>]*id=\"" + typed[0] + "\")(?=[^>]*is-invalid)[^>]*>");
        }
        assertThat(html).contains("The number has more than 2 decimal places.");
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes?opportunityId=" + opportunity).get("items"))
                .as("nothing written").isEmpty();
    }

    /** A milestone of 0.01 % of 10.00 comes to nothing: the form says so beside its percentage, as the API, nothing written. */
    @Test
    void Q3_theMinutesFormRefusesAMilestoneThatRoundsToNothingBesideItsPercentage() {
        clock.set(TestClock.START);
        var team = sales.team("mnothing");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州零头阀门有限公司", "钱丽", "qian@huzhou-nothing.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "阀门维修", "100000", "PROPOSAL", "NEGOTIATION");
        Cookie session = customers.session(mvc, team.rep());
        for (String[] language : new String[][] {{"en", "This milestone comes to 0.00"}, {"zh-CN", "该付款节点按成交价折合 0.00"}}) {
            MvcTestResult refused = mvc.post().uri("/negotiation-minutes").cookie(session)
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .header("Accept-Language", language[0]).param("lang", language[0])
                    .param("opportunityId", opportunity).param("heldOn", "2026-12-01").param("agreedPrice", "10")
                    .param("milestones[0].type", "PREPAYMENT").param("milestones[0].percent", "0.01")
                    .param("milestones[0].dueCondition", "合同签订后 7 日内")
                    .param("milestones[1].type", "ACCEPTANCE").param("milestones[1].percent", "99.99")
                    .param("milestones[1].dueCondition", "验收合格后 30 日内")
                    .param("deliveryStandard", "按技术协议验收").param("liability", "逾期每日千分之一")
                    .param("ourAttendees", "王强（销售）").param("customerAttendees", "钱丽（采购）").exchange();
            assertThat(refused).as(language[0]).hasStatusOk();
            String html = body(refused);
            assertThat(html).as(language[0])
                    .containsPattern("<input(?=[^>]*id=\"milestone-percent-0\")(?=[^>]*is-invalid)[^>]*>")
                    .doesNotContainPattern("<input(?=[^>]*id=\"milestone-percent-1\")(?=[^>]*is-invalid)[^>]*>")
                    .contains(language[1]);
        }
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes?opportunityId=" + opportunity).get("items"))
                .as("nothing written").isEmpty();
    }

    @Test
    void Q1_onceTheCustomerAcceptedAQuoteTheCardOffersNoNewQuoteAndTheFormIsNotOfferedNorSaved() {
        clock.set(TestClock.START);
        var team = sales.team("qp-acc");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "宁波接受测试有限公司", "李娜", "li@qp-acc.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "堆场监控", "200000", "PROPOSAL");
        String gateway = sales.product(mvc, team, "GW-QPA", "工业网关", "1000.00", "13");
        Cookie repSession = customers.session(mvc, team.rep());
        String quoteId = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":3}]}""".formatted(opportunity, gateway)), 201))
                .get("id").asString();
        String cardPath = "/opportunities/" + opportunity + "/quotes";
        assertThat(page(repSession, cardPath, "en")).contains("id=\"new-quote\"");

        // the customer accepted it (as their answer records it)
        jdbc.sql("update quote_quote set status = 'ACCEPTED' where id = :id")
                .param("id", java.util.UUID.fromString(quoteId)).update();
        assertThat(page(repSession, cardPath, "en")).doesNotContain("id=\"new-quote\"")
                .doesNotContain("/quotes/new?opportunityId=");
        assertThat(mvc.get().uri("/quotes/new?opportunityId=" + opportunity).cookie(repSession).exchange())
                .as("not offered as a form: the opportunity's page says why").hasStatus3xxRedirection()
                .hasRedirectedUrl("/opportunities/" + opportunity).flash()
                .containsEntry("flashError", "quote.create.anotherAccepted");
        long before = jdbc.sql("select count(*) from quote_quote").query(Long.class).single();
        MvcTestResult refused = mvc.post().uri("/quotes").cookie(repSession).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header("Accept-Language", "en").param("lang", "en").param("opportunityId", opportunity)
                .param("lines[0].productId", gateway).param("lines[0].quantity", "4").exchange();
        assertThat(body(refused)).contains("no other quote of it goes out, so no new quote is written");
        assertThat(jdbc.sql("select count(*) from quote_quote").query(Long.class).single()).as("nothing saved").isEqualTo(before);
    }

    /** A reload (or a bookmark) of a sent page: back to the record, the link not shown again, nothing sent again. */
    private void shownOnce(Cookie session, String recordPath) {
        MvcTestResult again = mvc.get().uri(recordPath + "/sent").cookie(session).exchange();
        assertThat(again).as(recordPath + "/sent again").hasStatus3xxRedirection();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(recordPath);
    }

    /** The links issued for the confirmations of a subject (a quote by its number, minutes by their opportunity): one a send. */
    private int links(String subjectType, String subjectId) {
        return jdbc.sql("""
                select count(*) from confirmation_link l join confirmation_confirmation c on c.id = l.confirmation_id
                where c.subject_type = :type and c.subject_id = :id""")
                .param("type", subjectType).param("id", subjectId).query(Integer.class).single();
    }

    @Test
    void Q1_aQuoteAwaitingTheManagersReviewIsOnTheirHomePanelWithTheReviewOnItsPage() {
        clock.set(TestClock.START);
        var team = sales.team("qreview");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "嘉兴电子有限公司", "陈静", "chen@jiaxing.test");
        String opportunity = sales.opportunity(mvc, rep, customer, "仓储改造", "100000").get("id").asString();
        String gateway = sales.product(mvc, team, "GW-QR", "工业网关", "1000.00", "13");
        JsonNode quote = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":3}]}""".formatted(opportunity, gateway)), 201));
        String quoteId = quote.get("id").asString();
        Cookie managerSession = customers.session(mvc, team.manager());
        assertThat(page(managerSession, "/quotes/awaiting-review/panel", "en")).as("a draft waits for nobody")
                .doesNotContain(quoteId);

        JsonNode approved = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/quotes/" + quoteId + "/submit", "{}"), 200));
        assertThat(approved.get("status").asString()).as("within the rep's authority").isEqualTo("APPROVED");
        assertThat(page(managerSession, "/", "zh-CN")).contains("待我审核的报价", "/quotes/awaiting-review/panel");
        assertThat(page(managerSession, "/quotes/awaiting-review/panel", "zh-CN"))
                .contains("/quotes/" + quoteId, quote.get("number").asString(), "嘉兴电子有限公司", "3,390.00");
        assertThat(page(customers.session(mvc, team.company().westManager()), "/quotes/awaiting-review/panel", "en"))
                .as("another team's manager does not review it").doesNotContain(quoteId).contains("No quote is waiting");
        assertThat(page(customers.session(mvc, team.rep()), "/", "en")).as("a rep reviews nothing")
                .doesNotContain("/quotes/awaiting-review/panel");
        assertThat(page(managerSession, "/quotes/" + quoteId, "en")).contains("id=\"review-quote\"");

        // the quote's version, as its page sends it with the review form
        String version = customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("version").asString();
        String longComment = "价格合理，" + "但第三行的安装费请与客户再确认一次，".repeat(120);
        assertThat(mvc.post().uri("/quotes/" + quoteId + "/review").cookie(managerSession)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("comment", longComment)
                .param("version", version).exchange())
                .as("a comment longer than a review keeps").hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "quote.field.tooLong");
        assertThat(com.lead2cash.testing.FormHtml.textareaText(page(managerSession, "/quotes/" + quoteId, "en"),
                "review-comment")).as("what the manager wrote, given back").isEqualTo(longComment);
        assertThat(mvc.post().uri("/quotes/" + quoteId + "/review").cookie(managerSession)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("comment", "价格\u202e合理")
                .param("version", version).exchange())
                .as("a bidi control pasted in").hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "error.input.controlCharacter");
        assertThat(com.lead2cash.testing.FormHtml.textareaText(page(managerSession, "/quotes/" + quoteId, "en"),
                "review-comment")).isEqualTo("价格\u202e合理");
        assertThat(page(managerSession, "/quotes/awaiting-review/panel", "en")).as("not reviewed").contains(quoteId);

        assertThat(mvc.post().uri("/quotes/" + quoteId + "/review").cookie(managerSession)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("comment", "价格合理")
                .param("version", version).exchange())
                .hasStatus3xxRedirection();
        assertThat(page(managerSession, "/quotes/awaiting-review/panel", "en")).as("reviewed, it waits no more")
                .doesNotContain(quoteId);
    }

    @Test
    void anActionOnAQuoteOfAnotherTeamOrOnNoneIsTheNotFoundPageAStaleVersionComesBackToThePage() {
        clock.set(TestClock.START);
        var team = sales.team("qunseen");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州他队报价有限公司", "吴芳", "wu@huzhou.test");
        String contact = customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString();
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "他队报价", "100000", "PROPOSAL");
        String gateway = sales.product(mvc, team, "GW-QU", "工业网关", "1000.00", "13");
        JsonNode quote = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":3}]}""".formatted(opportunity, gateway)), 201));
        String quoteId = quote.get("id").asString();
        String version = quote.get("version").asString();
        Cookie other = customers.session(mvc, team.otherRep());
        Cookie otherManager = customers.session(mvc, team.company().westManager());
        assertThat(mvc.get().uri("/quotes/" + quoteId).cookie(other).exchange()).as("its page").hasStatus(404);

        for (String path : new String[] {"/quotes/" + quoteId, "/quotes/" + java.util.UUID.randomUUID()}) {
            notFound(other, path + "/submit", "version", version);
            notFound(other, path + "/revise", "version", version);
            notFound(other, path + "/send", "contactId", contact, "version", version);
            notFound(otherManager, path + "/review", "comment", "同意", "version", version);
        }
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId);
        assertThat(after.get("version").asString()).as("nothing changed").isEqualTo(version);
        assertThat(after.get("status").asString()).isEqualTo("DRAFT");

        // a version someone else's save made stale: back to the quote's page (or its form) with why
        Cookie session = customers.session(mvc, team.rep());
        String stale = "99999";
        assertThat(mvc.post().uri("/quotes/" + quoteId + "/submit").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("version", stale).exchange())
                .hasStatus3xxRedirection().flash().containsEntry("flashError", "error.staleVersion");
        MvcTestResult edited = mvc.post().uri("/quotes/" + quoteId).cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).header("Accept-Language", "en").param("lang", "en")
                .param("lines[0].productId", gateway).param("lines[0].quantity", "4").param("paymentTerms", "货到付款")
                .param("version", stale).exchange();
        assertThat(edited).as("the form as typed, not the 409 page").hasStatusOk();
        assertThat(body(edited)).contains("id=\"quote-problems\"", "Someone else changed this record meanwhile", "货到付款");
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("version").asString()).isEqualTo(version);

        JsonNode approved = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/quotes/" + quoteId + "/submit", "{}"), 200));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        Cookie manager = customers.session(mvc, team.manager());
        assertThat(mvc.post().uri("/quotes/" + quoteId + "/review").cookie(manager)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("comment", "价格合理").param("version", stale)
                .exchange()).hasStatus3xxRedirection().flash().containsEntry("flashError", "error.staleVersion");
        assertThat(com.lead2cash.testing.FormHtml.textareaText(page(manager, "/quotes/" + quoteId, "en"), "review-comment"))
                .as("what the manager wrote, given back").isEqualTo("价格合理");
        assertThat(mvc.post().uri("/quotes/" + quoteId + "/review").cookie(manager)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("comment", "价格合理")
                .param("version", customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("version").asString()).exchange())
                .hasStatus3xxRedirection().flash().containsEntry("flashSuccess", "quote.reviewed");
        assertThat(mvc.post().uri("/quotes/" + quoteId + "/send").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("contactId", contact).param("version", stale)
                .exchange()).hasStatus3xxRedirection().flash().containsEntry("flashError", "error.staleVersion");
        assertThat(customers.getJson(mvc, rep, "/api/v1/quotes/" + quoteId).get("status").asString()).as("nothing sent")
                .isNotEqualTo("SENT");
    }

    private void notFound(Cookie session, String path, String... params) {
        var request = mvc.post().uri(path).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MvcTestResult result = request.exchange();
        assertThat(result).as(path).hasStatus(404);
        assertThat(result).as(path + ": no message for the page").flash().isEmpty();
    }

    @Test
    void Q3_theRepWritesNegotiationMinutesOnTheFormAndSendsThemForConfirmation() {
        clock.set(TestClock.START);
        var team = sales.team("mpages");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "温州阀门制造有限公司", "周敏", "zhou@wenzhou.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "产线改造", "300000", "PROPOSAL");
        Cookie session = customers.session(mvc, team.rep());
        assertThat(page(session, "/opportunities/" + opportunity + "/quotes", "zh-CN")).doesNotContain("id=\"new-minutes\"");
        assertThat(mvc.get().uri("/negotiation-minutes/new?opportunityId=" + opportunity).cookie(session).exchange())
                .as("not offered before negotiation: the form is refused as writing is").hasStatus(422);
        sales.move(mvc, rep, opportunity, "NEGOTIATION");
        assertThat(page(session, "/opportunities/" + opportunity + "/quotes", "zh-CN")).contains("id=\"new-minutes\"");
        assertThat(page(session, "/negotiation-minutes/new?opportunityId=" + opportunity, "en")).contains("Payment milestones", "Prepayment");
        assertThat(page(session, "/negotiation-minutes/new?opportunityId=" + opportunity, "zh-CN"))
                .as("the browser is told the days the server takes: the first business date to the clock's today")
                .containsPattern("<input(?=[^>]*id=\"heldOn\")(?=[^>]*min=\"2000-01-01\")(?=[^>]*max=\"2026-12-01\")[^>]*>");

        MvcTestResult refused = minutes(session, opportunity, "50").exchange();
        assertThat(refused).hasStatusOk();
        assertThat(body(refused)).contains("id=\"milestones-error\"", "240,000.00", "300,000.00");
        // held in 2199: a typo, refused beside the day (the clock's today), nothing written
        MvcTestResult future = minutes(session, opportunity, "70", "2199-01-01").exchange();
        assertThat(future).hasStatusOk();
        assertThat(body(future)).containsAnyOf("The date cannot be later than today (2026-12-01).", "日期不能晚于今天（2026-12-01）。")
                .containsPattern("<input(?=[^>]*id=\"heldOn\")(?=[^>]*is-invalid)[^>]*>");
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes?opportunityId=" + opportunity).get("items"))
                .isEmpty();
        MvcTestResult written = minutes(session, opportunity, "70").exchange();
        assertThat(written).hasStatus3xxRedirection();
        String path = written.getResponse().getRedirectedUrl();
        assertThat(page(session, path, "zh-CN")).contains("谈判纪要 第1版", "预付款", "90,000.00", "210,000.00", "周敏（采购）");
        page(session, path, "en");
        assertThat(page(session, "/opportunities/" + opportunity + "/quotes", "zh-CN")).contains("谈判纪要 第1版");

        String contact = customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString();
        Cookie other = customers.session(mvc, team.otherRep());
        for (String unseen : new String[] {path, "/negotiation-minutes/" + java.util.UUID.randomUUID()}) {
            notFound(other, unseen + "/send", "contactId", contact);
        }
        assertThat(customers.getJson(mvc, rep, "/api/v1/" + path.substring(1)).get("status").asString()).isEqualTo("DRAFT");
        MvcTestResult sent = mvc.post().uri(path + "/send").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("contactId", contact).exchange();
        assertThat(sent).hasStatus3xxRedirection();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(path + "/sent");
        assertThat(links(com.lead2cash.quote.internal.minutes.NegotiationMinutesService.SUBJECT, opportunity)).isEqualTo(1);
        assertThat(mvc.get().uri(path + "/sent").cookie(other).exchange()).as("outside the reader's scope").hasStatus(404);
        assertThat(page(session, path + "/sent", "en")).contains("id=\"confirmation-url\"", "/c/", "id=\"back-to-minutes\"");
        shownOnce(session, path);
        assertThat(links(com.lead2cash.quote.internal.minutes.NegotiationMinutesService.SUBJECT, opportunity))
                .as("the reload sent nothing").isEqualTo(1);
        assertThat(page(session, path, "zh-CN")).contains("待客户确认");
    }

    /**
     * Roles walk: the team's sales assistant keeps its minutes (SPEC §1, decision 0082) — the quotes card offered
     * 填写谈判纪要 to the rep only, and the form refused the assistant. Another team's assistant does not see them.
     */
    @Test
    void Q3_theTeamsSalesAssistantIsOfferedTheMinutesWritesThemOnTheFormAndMaySendThem() {
        clock.set(TestClock.START);
        var team = sales.team("massist");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "嘉兴助理纪要有限公司", "周敏", "zhou@jiaxing-assist.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "助理纪要", "300000", "PROPOSAL", "NEGOTIATION");
        var assistant = fixtures.user("as.massist", team.company().east(), CustomerTestSupport.HIRED,
                com.lead2cash.platform.Role.SALES_ASSISTANT);
        var westAssistant = fixtures.user("was.massist", team.company().west(), CustomerTestSupport.HIRED,
                com.lead2cash.platform.Role.SALES_ASSISTANT);
        Cookie session = customers.session(mvc, assistant);

        assertThat(page(session, "/opportunities/" + opportunity + "/quotes", "zh-CN")).contains("id=\"new-minutes\"");
        assertThat(page(session, "/negotiation-minutes/new?opportunityId=" + opportunity, "zh-CN")).contains("id=\"heldOn\"");
        MvcTestResult written = minutes(session, opportunity, "70").exchange();
        assertThat(written).hasStatus3xxRedirection();
        String path = written.getResponse().getRedirectedUrl();
        assertThat(page(session, path, "en")).contains("id=\"send-minutes\"", "id=\"revise-minutes\"");
        assertThat(customers.getJson(mvc, rep, "/api/v1/" + path.substring(1)).get("authorId").asString())
                .isEqualTo(assistant.id().toString());

        Cookie west = customers.session(mvc, westAssistant);
        assertThat(mvc.get().uri("/opportunities/" + opportunity + "/quotes").cookie(west).exchange())
                .as("another team's assistant").hasStatus(404);
        assertThat(mvc.get().uri("/negotiation-minutes/new?opportunityId=" + opportunity).cookie(west).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri(path).cookie(west).exchange()).hasStatus(404);
    }

    @Test
    void Q3_theMinutesPageOffersExactlyWhatTheMinutesAnswerNoNewVersionOutsideNegotiationNoSendingOnceLost() {
        clock.set(TestClock.START);
        var team = sales.team("mactions");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "台州汽配有限公司", "郑洁", "zheng@taizhou.test");
        String opportunity = sales.qualifiedOpportunity(mvc, team, rep, customer, "仓储改造", "300000", "PROPOSAL", "NEGOTIATION");
        Cookie session = customers.session(mvc, team.rep());
        String path = minutes(session, opportunity, "70").exchange().getResponse().getRedirectedUrl();
        assertThat(page(session, path, "en")).contains("id=\"send-minutes\"", "id=\"revise-minutes\"");

        sales.move(mvc, rep, opportunity, "PROPOSAL");
        String proposal = page(session, path, "en");
        assertThat(proposal).as("what was written may still be sent").contains("id=\"send-minutes\"");
        assertThat(proposal).as("a new version is written in negotiation only").doesNotContain("id=\"revise-minutes\"");
        assertThat(page(session, "/opportunities/" + opportunity + "/quotes", "en")).doesNotContain("id=\"new-minutes\"");

        long version = customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/opportunities/" + opportunity + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
        String lost = page(session, path, "zh-CN");
        assertThat(lost).as("a lost opportunity's minutes are no longer sent")
                .doesNotContain("id=\"send-minutes\"", "id=\"minutes-send-form\"", "id=\"revise-minutes\"");
        MvcTestResult refused = mvc.post().uri(path + "/send").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("contactId", customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString())
                .exchange();
        assertThat(refused).hasStatus3xxRedirection();
        assertThat(customers.getJson(mvc, rep, "/api/v1/" + path.substring(1)).get("status").asString()).as("nothing sent")
                .isEqualTo("DRAFT");
    }

    private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder minutes(Cookie session,
                                                                                                     String opportunity,
                                                                                                     String secondPercent) {
        return minutes(session, opportunity, secondPercent, "2026-12-01");
    }

    private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder minutes(Cookie session,
                                                                                                     String opportunity,
                                                                                                     String secondPercent,
                                                                                                     String heldOn) {
        return mvc.post().uri("/negotiation-minutes").cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("opportunityId", opportunity).param("heldOn", heldOn).param("agreedPrice", "300000")
                .param("milestones[0].type", "PREPAYMENT").param("milestones[0].percent", "30")
                .param("milestones[0].dueCondition", "合同签订后 7 日内")
                .param("milestones[1].type", "ACCEPTANCE").param("milestones[1].percent", secondPercent)
                .param("milestones[1].dueCondition", "验收合格后 30 日内")
                .param("deliveryStandard", "按技术协议验收").param("liability", "逾期每日千分之一")
                .param("ourAttendees", "王强（销售）\n刘洋（技术）").param("customerAttendees", "周敏（采购）");
    }

    private String page(Cookie session, String path, String lang) {
        MvcTestResult result = mvc.get().uri(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).cookie(session)
                .header("Accept-Language", lang).exchange();
        assertThat(result).as(path + " " + lang).hasStatusOk();
        String html = body(result);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

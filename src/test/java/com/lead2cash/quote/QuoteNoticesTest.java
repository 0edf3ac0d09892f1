package com.lead2cash.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * A quote's "do something" notices with the real notifier: the manager's "please review" (Q1) asks until the version
 * leaves the review step by any path, and the author's "your approval was sent back" (Q2) until they submit the quote
 * anew or its opportunity is closed; settled from then on.
 */
@IntegrationTest
@Import(TestClock.class)
class QuoteNoticesTest {

    private static final String REVIEW = "quote.reviewRequested";
    private static final String SENT_BACK = "approval.sentBack";

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    record Deal(SalesTestSupport.Team team, String rep, String opportunityId, String gateway) {
    }

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A rep's opportunity in PROPOSAL on a customer with a contact, and a product to quote. */
    private Deal deal(String tag) {
        var team = sales.team(tag);
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "宁波报价通知有限公司" + tag, "王伟", "wang@" + tag + ".test");
        String opportunity = sales.opportunity(mvc, rep, customer, "报价通知", "300000").get("id").asString();
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        return new Deal(team, rep, opportunity, sales.product(mvc, team, "GW-" + tag, "工业网关", "1000.00", "13"));
    }

    /** A quote of ten gateways at this discount, submitted: approved at once within the rep's limit, else pending. */
    private JsonNode submitted(Deal d, String discount) {
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":10,"discountPercent":%s}],"validUntil":"2026-12-31"}"""
                .formatted(d.opportunityId(), d.gateway(), discount)), 201)).get("id").asString();
        return customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/submit", "{}"), 200));
    }

    /** The person's notices of this kind linking to this path: "open" (unread, not settled) or "settled" (and read). */
    private List<String> notices(User user, String kind, String link) {
        return jdbc.sql("""
                        select case when settled_at is null and read_at is null then 'open'
                                    when settled_at is not null and read_at is not null then 'settled' else 'other' end
                          from notification_message where recipient_id = :r and kind = :k and link = :l""")
                .param("r", user.id()).param("k", kind).param("l", link).query(String.class).list();
    }

    private void lose(Deal d) {
        long version = customers.getJson(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId()).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/opportunities/" + d.opportunityId() + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
    }

    private void sendBack(Deal d, String approvalId) {
        SalesTestSupport.expect(customers.post(mvc, sales.bearer(mvc, d.team().manager()),
                "/api/v1/approvals/" + approvalId + "/decision", "{\"decision\":\"SEND_BACK\",\"comment\":\"折扣过高\"}"), 200);
    }

    @Test
    void Q1_theManagersReviewSettlesTheNoticeAskingForIt() {
        Deal d = deal("qn-rev");
        String id = submitted(d, "0").get("id").asString();
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + id)).containsExactly("open");

        SalesTestSupport.expect(customers.post(mvc, sales.bearer(mvc, d.team().manager()), "/api/v1/quotes/" + id + "/review",
                "{\"comment\":\"价格无误\"}"), 200);
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + id)).containsExactly("settled");
    }

    @Test
    void Q1_aRevisedVersionSettlesTheReviewItAwaitedAndTheOtherQuotesReviewStaysAsked() {
        Deal d = deal("qn-revise");
        String id = submitted(d, "0").get("id").asString();
        String other = submitted(d, "1").get("id").asString();
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + id)).containsExactly("open");

        SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes/" + id + "/revisions", "{}"), 201);
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + id)).as("superseded: nothing to review")
                .containsExactly("settled");
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + other)).as("another quote still waits")
                .containsExactly("open");
    }

    /** 0040: once the customer accepted a quote of the opportunity no other quote of it goes out, nor waits for a review. */
    @Test
    void Q1_anotherQuoteAcceptedByTheCustomerSettlesTheReviewsTheOpportunitysOtherQuotesAwaited() {
        Deal d = deal("qn-acc");
        String manager = sales.bearer(mvc, d.team().manager());
        String taken = submitted(d, "0").get("id").asString();
        String waiting = submitted(d, "1").get("id").asString();
        SalesTestSupport.expect(customers.post(mvc, manager, "/api/v1/quotes/" + taken + "/review", "{}"), 200);
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + waiting)).containsExactly("open");

        String contact = customers.getJson(mvc, d.rep(), "/api/v1/customers/"
                + customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + taken).get("customerId").asString() + "/contacts")
                .get("items").get(0).get("id").asString();
        long version = customers.getJson(mvc, d.rep(), "/api/v1/quotes/" + taken).get("version").asLong();
        String url = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/quotes/" + taken + "/send",
                "{\"contactId\":\"" + contact + "\",\"version\":" + version + "}"), 200)).at("/confirmation/url").asString();
        assertThat(mvc.post().uri(URI.create(url).getPath()).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "ACCEPTED").param("name", "王伟").exchange()).hasStatus3xxRedirection();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + waiting)).containsExactly("settled"));
    }

    @Test
    void Q1_aLostOpportunitySettlesTheReviewsItsQuotesAwaited() {
        Deal d = deal("qn-lost");
        String id = submitted(d, "0").get("id").asString();
        assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + id)).containsExactly("open");

        lose(d);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notices(d.team().manager(), REVIEW, "/quotes/" + id)).containsExactly("settled"));
    }

    @Test
    void Q2_aSentBackQuoteSubmittedAnewSettlesTheSendBackNotice() {
        Deal d = deal("qn-back");
        JsonNode pending = submitted(d, "10");
        assertThat(pending.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String approval = pending.get("approvalId").asString();
        sendBack(d, approval);
        assertThat(notices(d.team().rep(), SENT_BACK, "/approvals/" + approval)).containsExactly("open");
        // the quote is a draft again, submitted anew: its approval is not resubmitted as it stands
        assertThat(customers.getJson(mvc, d.rep(), "/api/v1/approvals/" + approval).get("availableActions")
                .valueStream().map(JsonNode::asString)).containsExactly("WITHDRAW");
        SalesTestSupport.expect(customers.post(mvc, d.rep(), "/api/v1/approvals/" + approval + "/resubmit", null), 422);

        JsonNode again = customers.json(SalesTestSupport.expect(customers.post(mvc, d.rep(),
                "/api/v1/quotes/" + pending.get("id").asString() + "/submit", "{}"), 200));
        assertThat(again.get("approvalId").asString()).as("a new flow").isNotEqualTo(approval);
        assertThat(notices(d.team().rep(), SENT_BACK, "/approvals/" + approval)).containsExactly("settled");
    }

    @Test
    void Q2_aLostOpportunitySettlesTheSendBackNoticeOfItsQuote() {
        Deal d = deal("qn-backlost");
        JsonNode pending = submitted(d, "10");
        String approval = pending.get("approvalId").asString();
        sendBack(d, approval);
        assertThat(notices(d.team().rep(), SENT_BACK, "/approvals/" + approval)).containsExactly("open");

        lose(d);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(notices(d.team().rep(), SENT_BACK, "/approvals/" + approval)).containsExactly("settled"));
    }
}

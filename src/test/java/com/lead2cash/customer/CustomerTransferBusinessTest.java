package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * A customer transferred with its open business (docs/decisions/0023-open-business-follows-a-transfer.md): the
 * previous owner's open opportunity, contract, order, payment plans, invoice and handover of it go to the new owner
 * with their deadlines, in the transfer's transaction; what was closed (the won opportunity) stays. Without it, only
 * the customer moves. Each record asked afterwards as the new and as the old owner.
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerTransferBusinessTest {

    @Autowired MockMvcTester mvc;
    @Autowired SignedContracts signed;
    @Autowired ContractTestSupport contracts;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired AftersalesTestSupport aftersales;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    static Reviewers reviewers;

    /** One team for the class (the reviewers' approval chain is set up once per database). */
    private Reviewers reviewers() {
        if (reviewers == null) {
            reviewers = contracts.reviewers("tfb", CustomerTestSupport.HIRED.minusYears(10));
        }
        return reviewers;
    }

    /** A signed customer's business, all of it the first rep's. */
    record Business(Reviewers team, User newRep, String customerId, String wonOpportunityId, String openOpportunityId,
                    String contractId, String orderId, String invoiceId, String handoverId) {
    }

    @Test
    void theOpenBusinessOfThePreviousOwnerGoesAlongWithItsDeadlinesAndTheClosedStays() {
        Business b = business("tfb1", "杭州转交业务科技有限公司");
        User oldRep = b.team().rep();
        long contractVersion = customers.getJson(mvc, bearer(oldRep), "/api/v1/contracts/" + b.contractId()).get("version").asLong();
        assertThat(handOverNotices(b)).containsExactly("to do");

        MvcTestResult transfer = transfer(b, null);
        assertThat(transfer).as(ContractTestSupport.text(transfer)).hasStatusOk();
        assertThat(customers.json(transfer).get("ownerId").asString()).isEqualTo(b.newRep().id().toString());
        // both people are told: the new owner with a link, the previous one without (it is out of their sight)
        assertThat(notices(b)).containsExactlyInAnyOrder(
                b.newRep().id() + " customer.notify.transferredToYou /customers/" + b.customerId(),
                oldRep.id() + " customer.notify.transferredAway null");

        String newRep = bearer(b.newRep());
        String previous = bearer(oldRep);
        for (String record : List.of("/api/v1/opportunities/" + b.openOpportunityId(), "/api/v1/contracts/" + b.contractId(),
                "/api/v1/orders/" + b.orderId(), "/api/v1/invoices/" + b.invoiceId(), "/api/v1/handovers/" + b.handoverId())) {
            assertThat(customers.get(mvc, newRep, record)).as("the new owner opens " + record).hasStatusOk();
            assertThat(customers.get(mvc, previous, record)).as("the previous owner no longer sees " + record).hasStatus(404);
        }
        JsonNode open = customers.getJson(mvc, newRep, "/api/v1/opportunities/" + b.openOpportunityId());
        assertThat(open.get("ownerId").asString()).isEqualTo(b.newRep().id().toString());
        JsonNode contract = customers.getJson(mvc, newRep, "/api/v1/contracts/" + b.contractId());
        assertThat(contract.get("ownerId").asString()).isEqualTo(b.newRep().id().toString());
        assertThat(contract.get("version").asLong()).as("a contract form opened before refuses").isGreaterThan(contractVersion);

        // the won opportunity was closed under the first rep: it stays theirs
        assertThat(customers.getJson(mvc, previous, "/api/v1/opportunities/" + b.wonOpportunityId()).get("ownerId").asString())
                .isEqualTo(oldRep.id().toString());
        assertThat(owners("select owner_id from receivable_plan where contract_id = :id", b.contractId()))
                .isNotEmpty().containsOnly(b.newRep().id());
        // the deadlines the owner answers for went along: signing's archive (K4), the order's progress (D1), the
        // handover (H1); none of the first rep's stays open on these records
        assertThat(openDeadlineOwners("Contract", b.contractId())).containsOnly(b.newRep().id());
        assertThat(openDeadlineOwners("Order", b.orderId())).isNotEmpty().containsOnly(b.newRep().id());
        assertThat(openDeadlineOwners("Handover", b.handoverId())).isNotEmpty().containsOnly(b.newRep().id());
        // the first rep's notice asking to hand the customer over is settled: the handover is not theirs to do any more
        assertThat(handOverNotices(b)).containsExactly("settled");
        // and the new rep is asked to hand it over in their turn
        assertThat(handOverNotices(b, b.newRep())).containsExactly("to do");

        // an order the first rep keeps (as an accepted one stays with them) names its contract without a link, as
        // the contract went on to the new owner; for a reader of both it is linked
        jdbc.sql("update order_order set owner_id = :rep where id = :id").param("rep", oldRep.id())
                .param("id", UUID.fromString(b.orderId())).update();
        String kept = page(oldRep, "/orders/" + b.orderId());
        assertThat(kept).contains(contract.get("number").asString()).doesNotContain("id=\"order-contract\"");
        assertThat(page(b.team().manager(), "/orders/" + b.orderId())).contains("id=\"order-contract\"");
        String contractLink = "href=\"/contracts/" + b.contractId() + "\"";
        assertThat(page(oldRep, "/orders")).as("their list too").contains(contract.get("number").asString())
                .doesNotContain(contractLink);
        assertThat(page(b.team().manager(), "/orders")).contains(contractLink);

        // the contract's timeline and the customer's story say so
        assertThat(jdbc.sql("select count(*) from contract_event where contract_id = :id and kind = 'HANDED_OVER'")
                .param("id", UUID.fromString(b.contractId())).query(Integer.class).single()).isEqualTo(1);
        JsonNode timeline = customers.getJson(mvc, newRep, "/api/v1/customers/" + b.customerId() + "/timeline?size=100");
        assertThat(timeline.get("items").valueStream().map(e -> e.path("messageKey").asString()))
                .contains("customer.history.transferredWithBusiness");
        // its opportunities as the new owner reads them: each opened by the rep who opened it; the won one (still the
        // first rep's) not linked, as the new owner may not open it; the open one linked
        List<JsonNode> opportunities = timeline.get("items").valueStream().filter(e -> "opportunity".equals(e.path("kind").asString()))
                .toList();
        assertThat(opportunities).isNotEmpty().allSatisfy(e -> assertThat(e.path("actorId").asString())
                .as(e.path("messageKey").asString()).isEqualTo(oldRep.id().toString()));
        assertThat(opportunities).extracting(e -> e.path("link").isNull() ? "none" : e.path("link").asString())
                .contains("/opportunities/" + b.openOpportunityId(), "none")
                .doesNotContain("/opportunities/" + b.wonOpportunityId());
    }

    @Test
    void withoutItOnlyTheCustomerMovesAndTheBusinessStaysWithThePreviousOwner() {
        Business b = business("tfb2", "杭州只转客户科技有限公司");
        MvcTestResult transfer = transfer(b, false);
        assertThat(transfer).as(ContractTestSupport.text(transfer)).hasStatusOk();

        String previous = bearer(b.team().rep());
        for (String record : List.of("/api/v1/opportunities/" + b.openOpportunityId(), "/api/v1/contracts/" + b.contractId(),
                "/api/v1/orders/" + b.orderId(), "/api/v1/invoices/" + b.invoiceId(), "/api/v1/handovers/" + b.handoverId())) {
            assertThat(customers.get(mvc, previous, record)).as("the previous owner keeps " + record).hasStatusOk();
        }
        assertThat(openDeadlineOwners("Order", b.orderId())).containsOnly(b.team().rep().id());
        assertThat(handOverNotices(b)).as("the handover stays the first rep's to do").containsExactly("to do");
        assertThat(handOverNotices(b, b.newRep())).isEmpty();
        // the new owner reads the customer's history: the opportunity that stayed is told, not linked (it would 404)
        JsonNode timeline = customers.getJson(mvc, bearer(b.newRep()), "/api/v1/customers/" + b.customerId() + "/timeline?size=100");
        List<JsonNode> stayed = timeline.get("items").valueStream().filter(e -> "opportunity".equals(e.path("kind").asString())
                && e.path("args").get(1).asString().equals("二期扩容")).toList();
        assertThat(stayed).isNotEmpty().allSatisfy(e -> assertThat(e.path("link").isNull()).isTrue());
        assertThat(customers.get(mvc, bearer(b.newRep()), "/api/v1/opportunities/" + b.openOpportunityId())).hasStatus(404);
        assertThat(page(b.newRep(), "/customers/" + b.customerId())).contains("二期扩容")
                .doesNotContain("href=\"/opportunities/" + b.openOpportunityId() + "\"");
        assertThat(owners("select owner_id from receivable_plan where contract_id = :id", b.contractId()))
                .containsOnly(b.team().rep().id());
    }

    @Test
    void aBulkTransferTakesTheBusinessAlongAsASingleOneDoes() {
        Business b = business("tfb3", "杭州批量转交科技有限公司");
        MvcTestResult bulk = customers.post(mvc, bearer(b.team().manager()), "/api/v1/customers/transfer", """
                {"customerIds":["%s"],"ownerId":"%s","reason":"%s"}""".formatted(b.customerId(), b.newRep().id(), reason(b)));
        assertThat(bulk).as(ContractTestSupport.text(bulk)).hasStatusOk();
        // one notice per person for the batch
        assertThat(notices(b)).containsExactlyInAnyOrder(
                b.newRep().id() + " customer.notify.bulkToYou /customers",
                b.team().rep().id() + " customer.notify.bulkAway null");
        assertThat(customers.get(mvc, bearer(b.newRep()), "/api/v1/contracts/" + b.contractId())).hasStatusOk();
        assertThat(customers.get(mvc, bearer(b.newRep()), "/api/v1/orders/" + b.orderId())).hasStatusOk();

        // the same batch again: refused, naming which customer already belongs to the person (a batch has many)
        String code = customers.getJson(mvc, bearer(b.newRep()), "/api/v1/customers/" + b.customerId()).get("code").asString();
        MvcTestResult again = customers.post(mvc, bearer(b.team().manager()), "/api/v1/customers/transfer", """
                {"customerIds":["%s"],"ownerId":"%s","reason":"再转一次"}""".formatted(b.customerId(), b.newRep().id()));
        assertThat(again).hasStatus(422);
        assertThat(again).bodyJson().extractingPath("$.errors[0].message").asString().contains(code);
    }

    private MvcTestResult transfer(Business b, Boolean follows) {
        long version = customers.getJson(mvc, bearer(b.team().rep()), "/api/v1/customers/" + b.customerId()).get("version").asLong();
        return customers.post(mvc, bearer(b.team().manager()), "/api/v1/customers/" + b.customerId() + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\"%s\",\"version\":%d%s}".formatted(b.newRep().id(), reason(b), version,
                        follows == null ? "" : ",\"openBusinessFollows\":" + follows));
    }

    /** Each test's own reason, to find its notices among the class's. */
    private static String reason(Business b) {
        return "区域调整 " + b.customerId();
    }

    /** The transfer notices that name the test's reason, as "recipient titleKey link". */
    private List<String> notices(Business b) {
        return jdbc.sql("select recipient_id || ' ' || title_key || ' ' || coalesce(link, 'null') from notification_message"
                        + " where kind = 'customer.transferred' and args::text like :reason")
                .param("reason", "%" + reason(b) + "%").query(String.class).list();
    }

    /** The first rep's notices asking to hand the business's customer over: still asking, or settled. */
    private List<String> handOverNotices(Business b) {
        return handOverNotices(b, b.team().rep());
    }

    /** The rep's notices asking to hand the business's customer over: still asking, or settled. */
    private List<String> handOverNotices(Business b, User rep) {
        return jdbc.sql("select settled_at is null from notification_message where recipient_id = :rep"
                        + " and kind = 'aftersales.handover.opened' and link = :link")
                .param("rep", rep.id()).param("link", "/handovers/" + b.handoverId()).query(Boolean.class)
                .list().stream().map(open -> open ? "to do" : "settled").toList();
    }

    private Business business(String tag, String name) {
        clock.set(TestClock.START);
        Reviewers r = reviewers();
        String rep = bearer(r.rep());
        JsonNode contract = signed.signFromAcceptedQuote(mvc, r, tag, name, "2026-12-01");
        String contractId = contract.get("id").asString();
        String customerId = contract.get("customerId").asString();
        String handoverId = aftersales.handoverOf(contractId);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                !owners("select owner_id from receivable_plan where contract_id = :id", contractId).isEmpty());
        JsonNode order = created(customers.post(mvc, rep, "/api/v1/orders", """
                {"contractId":"%s","lines":[{"productId":"%s","quantity":1}],"address":"杭州",
                 "consignee":"王经理","consigneePhone":"13800000000","promisedDate":"2026-12-20"}"""
                .formatted(contractId, contract.get("lines").get(0).get("productId").asString())));
        JsonNode invoice = created(customers.post(mvc, rep, "/api/v1/invoices", """
                {"contractId":"%s","type":"VAT_ORDINARY","buyerName":"%s","buyerTaxId":"91350100M000100Y43",
                 "amount":1000.00,"lines":[{"description":"工业网关","amount":1000.00,"taxRate":13}]}"""
                .formatted(contractId, contract.get("buyer").get("name").asString())));
        String openOpportunity = sales.opportunity(mvc, rep, customerId, "二期扩容", "50000").get("id").asString();
        return new Business(r, r.team().company().eastRep2(), customerId, contract.get("opportunityId").asString(),
                openOpportunity, contractId, order.get("id").asString(), invoice.get("id").asString(), handoverId);
    }

    private List<UUID> owners(String sql, String id) {
        return jdbc.sql(sql).param("id", UUID.fromString(id)).query(UUID.class).list();
    }

    private List<UUID> openDeadlineOwners(String subjectType, String subjectId) {
        return jdbc.sql("select owner_id from sop_deadline where subject_type = :t and subject_id = :id and state = 'OPEN'")
                .param("t", subjectType).param("id", subjectId).query(UUID.class).list();
    }

    private String page(User user, String path) {
        MvcTestResult result = mvc.get().uri(path + "?lang=en").cookie(customers.session(mvc, user)).exchange();
        assertThat(result).as(path).hasStatusOk();
        return new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private JsonNode created(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatus(201);
        return customers.json(result);
    }

    private String bearer(User user) {
        return customers.bearer(mvc, user);
    }
}

package com.lead2cash.aftersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.aftersales.internal.AftersalesListeners;
import com.lead2cash.contract.ContractOwnerChanged;
import com.lead2cash.contract.ContractTerminated;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The after-sales notices that ask their reader for a step, with the real notifier: the rep's "hand the customer over"
 * (opened, returned), the after-sales owner's "accept or return it" and the handler's "a complaint for you to handle"
 * ask until that step is taken or the work goes to someone else, and are settled from then on; those about another
 * handover or complaint still ask, and those that tell what happened (accepted) stay as they were.
 */
@IntegrationTest
@Import(TestClock.class)
class AftersalesNoticesTest {

    private static final String OPENED = "aftersales.handover.opened";
    private static final String SUBMITTED = "aftersales.handover.submitted";
    private static final String RETURNED = "aftersales.handover.returned";
    private static final String ACCEPTED = "aftersales.handover.accepted";
    private static final String COMPLAINT = "aftersales.complaint.received";

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired AftersalesListeners listeners;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** The person's notices of this kind linking to this page, oldest first: still asking, or settled. */
    private List<String> notices(User reader, String kind, String link) {
        return jdbc.sql("select settled_at is null from notification_message where recipient_id = :r and kind = :k "
                        + "and link = :l order by created_at, id")
                .param("r", reader.id()).param("k", kind).param("l", link).query(Boolean.class).list().stream()
                .map(open -> open ? "to do" : "settled").toList();
    }

    private JsonNode ok(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    private JsonNode post(User user, String uri, String body) {
        return ok(customers.post(mvc, customers.bearer(mvc, user), uri, body));
    }

    /** The handover with its checklist written, ready to hand over. */
    private JsonNode written(User rep, String handoverId) {
        String token = customers.bearer(mvc, rep);
        JsonNode h = customers.getJson(mvc, token, "/api/v1/handovers/" + handoverId);
        return ok(customers.put(mvc, token, "/api/v1/handovers/" + handoverId + "/checklist", """
                {"background":"制造业","serviceNeeds":"电话支持","specialAgreements":"无","keyContacts":"王经理","version":%d}"""
                .formatted(h.get("version").asLong())));
    }

    private JsonNode handOver(User rep, JsonNode h, User to) {
        return post(rep, "/api/v1/handovers/" + h.get("id").asString() + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(to.id(), h.get("version").asLong()));
    }

    @Test
    void H1_eachHandoverStepSettlesTheNoticeThatAskedForItAndLeavesTheRepsOtherHandoverAsking() {
        Service s = support.service("nts1");
        String customer = support.customer(s.rep(), "杭州交接通知科技有限公司");
        String id = support.signed(customer, s.rep(), "HT-2026-910001");
        String other = support.signed(customer, s.rep(), "HT-2026-910002");
        String page = "/handovers/" + id;
        String otherPage = "/handovers/" + other;
        assertThat(notices(s.rep(), OPENED, page)).containsExactly("to do");
        assertThat(notices(s.rep(), OPENED, otherPage)).containsExactly("to do");

        JsonNode h = handOver(s.rep(), written(s.rep(), id), s.afterSales());
        assertThat(notices(s.rep(), OPENED, page)).as("handed over: nothing left to hand over").containsExactly("settled");
        assertThat(notices(s.rep(), OPENED, otherPage)).as("the other handover still waits").containsExactly("to do");
        assertThat(notices(s.afterSales(), SUBMITTED, page)).containsExactly("to do");

        h = post(s.afterSales(), "/api/v1/handovers/" + id + "/return",
                "{\"questions\":\"延保是否包含上门服务？\",\"version\":" + h.get("version").asLong() + "}");
        assertThat(notices(s.afterSales(), SUBMITTED, page)).as("returned: nothing left to accept")
                .containsExactly("settled");
        assertThat(notices(s.rep(), RETURNED, page)).containsExactly("to do");

        h = handOver(s.rep(), h, s.afterSales2());
        assertThat(notices(s.rep(), RETURNED, page)).as("handed over again").containsExactly("settled");
        assertThat(notices(s.afterSales2(), SUBMITTED, page)).containsExactly("to do");

        post(s.afterSales2(), "/api/v1/handovers/" + id + "/accept", "{\"version\":" + h.get("version").asLong() + "}");
        assertThat(notices(s.afterSales2(), SUBMITTED, page)).as("accepted").containsExactly("settled");
        assertThat(notices(s.rep(), ACCEPTED, page)).as("told, not asked: it stays as it was").containsExactly("to do");
        assertThat(notices(s.rep(), OPENED, otherPage)).containsExactly("to do");
    }

    @Test
    void H1_aTerminatedContractSettlesTheNoticesOfItsHandoverOnly() {
        Service s = support.service("nts2");
        String customer = support.customer(s.rep(), "杭州交接终止通知科技有限公司");
        String id = support.signed(customer, s.rep(), "HT-2026-910003");
        String other = support.signed(customer, s.rep(), "HT-2026-910004");
        JsonNode h = handOver(s.rep(), written(s.rep(), id), s.afterSales());
        JsonNode o = handOver(s.rep(), written(s.rep(), other), s.afterSales());
        assertThat(notices(s.afterSales(), SUBMITTED, "/handovers/" + id)).containsExactly("to do");

        listeners.contractTerminated(new ContractTerminated(UUID.fromString(h.get("contractId").asString()),
                "HT-2026-910003", UUID.fromString(customer), true, LocalDate.of(2026, 12, 2)));

        // the listener runs on its own thread, as after the contract's transaction
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                notices(s.afterSales(), SUBMITTED, "/handovers/" + id)).as("nothing left to accept").containsExactly("settled"));
        assertThat(notices(s.afterSales(), SUBMITTED, "/handovers/" + o.get("id").asString())).containsExactly("to do");
    }

    /** The contract of the handover goes to another rep with its customer's open business (decision 0023). */
    private void contractGoesTo(JsonNode handover, User from, User to) {
        UUID contract = UUID.fromString(handover.get("contractId").asString());
        transactions.executeWithoutResult(tx -> events.publishEvent(new ContractOwnerChanged(contract, from.id(), to.id())));
    }

    @Test
    void H1_aHandoverThatGoesWithItsContractToAnotherRepAsksTheNewRepToHandItOverAsItAskedTheFirst() {
        Service s = support.service("nts3");
        User newRep = s.otherRep();
        String customer = support.customer(s.rep(), "杭州交接转交通知科技有限公司");
        String open = support.signed(customer, s.rep(), "HT-2026-910005");
        String returned = support.signed(customer, s.rep(), "HT-2026-910006");
        String submitted = support.signed(customer, s.rep(), "HT-2026-910007");
        JsonNode r = handOver(s.rep(), written(s.rep(), returned), s.afterSales());
        r = post(s.afterSales(), "/api/v1/handovers/" + returned + "/return",
                "{\"questions\":\"保修期从哪天算？\",\"version\":" + r.get("version").asLong() + "}");
        JsonNode h = handOver(s.rep(), written(s.rep(), submitted), s.afterSales());
        assertThat(notices(s.rep(), RETURNED, "/handovers/" + returned)).containsExactly("to do");

        contractGoesTo(customers.getJson(mvc, customers.bearer(mvc, s.rep()), "/api/v1/handovers/" + open), s.rep(), newRep);
        contractGoesTo(r, s.rep(), newRep);
        contractGoesTo(h, s.rep(), newRep);

        assertThat(notices(s.rep(), OPENED, "/handovers/" + open)).as("not theirs to hand over").containsExactly("settled");
        assertThat(notices(newRep, OPENED, "/handovers/" + open)).as("the new rep's to hand over").containsExactly("to do");
        assertThat(notices(s.rep(), RETURNED, "/handovers/" + returned)).containsExactly("settled");
        assertThat(notices(newRep, RETURNED, "/handovers/" + returned)).as("returned with questions: to answer and hand over")
                .containsExactly("to do");
        assertThat(notices(newRep, OPENED, "/handovers/" + returned)).isEmpty();
        assertThat(notices(newRep, OPENED, "/handovers/" + submitted)).as("handed over already: the after-sales owner's turn")
                .isEmpty();
        assertThat(notices(s.afterSales(), SUBMITTED, "/handovers/" + submitted)).containsExactly("to do");
    }

    private JsonNode receive(User user, String customerId, String description) {
        MvcTestResult r = customers.post(mvc, customers.bearer(mvc, user), "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"%s","receivedVia":"PHONE",
                 "contactId":"%s","productLine":"工业网关"}""".formatted(customerId, description,
                support.contactOf(customerId)));
        assertThat(r).as(ContractTestSupport.text(r)).hasStatus(201);
        return customers.json(r);
    }

    private JsonNode act(User user, JsonNode c, String action, String body) {
        return post(user, "/api/v1/complaints/" + c.get("id").asString() + "/" + action,
                "{" + body + ",\"version\":" + c.get("version").asLong() + "}");
    }

    @Test
    void S1_theHandlersNoticeIsSettledWhenTheComplaintGoesToAnotherHandlerAndWhenItsHandlerAnswersIt() {
        Service s = support.service("ntc1");
        String customer = support.customer(s.rep(), "杭州投诉通知科技有限公司");
        JsonNode a = receive(s.rep(), customer, "说明书有错字");
        JsonNode b = receive(s.rep(), customer, "包装破损");
        String pageA = "/complaints/" + a.get("id").asString();
        String pageB = "/complaints/" + b.get("id").asString();
        assertThat(notices(s.rep(), COMPLAINT, pageA)).containsExactly("to do");
        assertThat(notices(s.rep(), COMPLAINT, pageB)).containsExactly("to do");

        a = act(s.rep(), a, "classify", "\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"handlerId\":\""
                + s.manager().id() + "\"");
        assertThat(notices(s.rep(), COMPLAINT, pageA)).as("it is the manager's to handle now").containsExactly("settled");
        assertThat(notices(s.manager(), COMPLAINT, pageA)).containsExactly("to do");
        assertThat(notices(s.rep(), COMPLAINT, pageB)).as("the rep's other complaint still asks").containsExactly("to do");

        act(s.manager(), a, "first-response", "\"text\":\"已回电\"");
        assertThat(notices(s.manager(), COMPLAINT, pageA)).as("answered").containsExactly("settled");
        assertThat(notices(s.rep(), COMPLAINT, pageB)).containsExactly("to do");

        b = act(s.rep(), b, "classify", "\"category\":\"PRODUCT\",\"severity\":\"MINOR\"");
        assertThat(notices(s.rep(), COMPLAINT, pageB)).as("classified by its handler, not answered yet")
                .containsExactly("to do");
        act(s.rep(), b, "first-response", "\"text\":\"已致歉\"");
        assertThat(notices(s.rep(), COMPLAINT, pageB)).containsExactly("settled");
    }
}

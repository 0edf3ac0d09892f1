package com.lead2cash.aftersales;

import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import com.lead2cash.files.TestFiles;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The handover of a signed customer to after-sales over the API (H1). */
@IntegrationTest
@Import(TestClock.class)
class HandoverApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired ContractTestSupport contracts;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.aftersales.internal.AftersalesListeners listeners;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    String checklist(long version) {
        return """
                {"background":"制造业客户，首期 10 台网关","serviceNeeds":"7×24 电话支持，季度巡检",
                 "specialAgreements":"谈判中承诺免费延保一年","keyContacts":"王经理（采购）","openIssues":"无",
                 "documents":"合同、验收标准","version":%d}""".formatted(version);
    }

    JsonNode ok(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    Instant due(String subjectType, String subjectId, String state) {
        return jdbc.sql("select due_at from sop_deadline where rule_id = 'H1' and subject_type = :t and subject_id = :id "
                        + "and state = :s").param("t", subjectType).param("id", subjectId).param("s", state)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    @Test
    void H1_signingTheContractOpensTheHandoverTheRepHandsOverWithTheChecklistAndAfterSalesAcceptsIt() {
        Reviewers r = contracts.reviewers("h1", CustomerTestSupport.HIRED.minusYears(10));
        Service s = support.service(r.team().company(), "h1");
        String rep = contracts.bearer(mvc, r.rep());
        String opportunity = contracts.opportunityAtContractStage(mvc, r, "杭州交接科技有限公司", "600000.00");
        JsonNode draft = contracts.draft(mvc, rep, opportunity, "600000.00", "LOW");
        String id = contracts.complete(mvc, rep, draft.get("id").asString()).get("id").asString();
        JsonNode c = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        ok(contracts.post(mvc, rep, "/api/v1/contracts/" + id + "/submit", "{\"version\":" + c.get("version").asLong() + "}"));
        for (var review : List.of(List.of(r.lawyer(), "LEGAL"), List.of(r.finance(), "FINANCE"),
                List.of(r.operations(), "OPERATIONS"))) {
            ok(contracts.post(mvc, contracts.bearer(mvc, (com.lead2cash.platform.internal.identity.User) review.get(0)),
                    "/api/v1/contracts/" + id + "/reviews/" + review.get(1), "{\"verdict\":\"PASS\"}"));
        }
        ok(contracts.post(mvc, contracts.bearer(mvc, r.manager()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}"));
        ok(contracts.post(mvc, contracts.bearer(mvc, r.legalHead()), "/api/v1/contracts/" + id + "/decision",
                "{\"decision\":\"APPROVE\"}"));
        clock.set(shanghai("2026-12-01T16:00"));
        ok(contracts.sign(mvc, rep, id, TestFiles.signedScan(), "signed.pdf", "2026-12-01"));

        String handoverId = support.handoverOf(id);
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        assertThat(h.get("status").asString()).isEqualTo("OPEN");
        assertThat(h.get("customerName").asString()).isEqualTo("杭州交接科技有限公司");
        assertThat(h.get("availableActions").toString()).contains("EDIT_CHECKLIST", "HAND_OVER");
        assertThat(due("Handover", handoverId, "OPEN")).as("one business day: to 16:00 the next working day")
                .isEqualTo(shanghai("2026-12-02T16:00"));

        h = ok(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", checklist(h.get("version").asLong())));
        clock.set(shanghai("2026-12-02T10:00"));
        h = ok(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), h.get("version").asLong())));
        assertThat(h.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(customers.deadlines("Handover", handoverId)).containsExactly("H1:MET");
        assertThat(due("HandoverReview", handoverId, "OPEN")).isEqualTo(shanghai("2026-12-03T10:00"));

        String service = contracts.bearer(mvc, s.afterSales());
        JsonNode inbox = customers.getJson(mvc, service, "/api/v1/handovers?status=SUBMITTED");
        assertThat(inbox.get("items")).extracting(i -> i.get("id").asString()).containsExactly(handoverId);
        JsonNode seen = customers.getJson(mvc, service, "/api/v1/handovers/" + handoverId);
        assertThat(seen.get("specialAgreements").asString()).isEqualTo("谈判中承诺免费延保一年");
        assertThat(seen.get("availableActions").toString()).contains("ACCEPT", "RETURN");
        assertThat(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/accept",
                "{\"version\":" + seen.get("version").asLong() + "}")).as("its rep sees it but is not its owner: 403")
                .hasStatus(403);
        JsonNode accepted = ok(contracts.post(mvc, service, "/api/v1/handovers/" + handoverId + "/accept",
                "{\"version\":" + seen.get("version").asLong() + "}"));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(customers.deadlines("HandoverReview", handoverId)).containsExactly("H1:MET");
        assertThat(customers.getJson(mvc, contracts.bearer(mvc, s.afterSales2()), "/api/v1/handovers").get("items"))
                .as("another after-sales colleague does not see it").isEmpty();
        String serviceManager = contracts.bearer(mvc, s.serviceManager());
        assertThat(customers.getJson(mvc, serviceManager, "/api/v1/handovers").get("items"))
                .extracting(i -> i.get("id").asString()).as("the manager of the service unit oversees it")
                .containsExactly(handoverId);
        assertThat(customers.getJson(mvc, serviceManager, "/api/v1/handovers/" + handoverId).get("availableActions"))
                .as("only the owner it was handed to accepts or returns it").isEmpty();
    }

    @Test
    void H1_theAfterSalesOwnerReturnsTheHandoverWithQuestionsAndTheRepsWindowRunsAgain() {
        Service s = support.service("h1r");
        String customer = support.customer(s.rep(), "杭州退回科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-900001");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        h = ok(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", checklist(h.get("version").asLong())));
        h = ok(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), h.get("version").asLong())));

        String service = customers.bearer(mvc, s.afterSales());
        assertThat(contracts.post(mvc, service, "/api/v1/handovers/" + handoverId + "/return",
                "{\"questions\":\"\",\"version\":" + h.get("version").asLong() + "}")).as("questions needed").hasStatus(422);
        clock.set(shanghai("2026-12-01T15:00"));
        JsonNode returned = ok(contracts.post(mvc, service, "/api/v1/handovers/" + handoverId + "/return",
                "{\"questions\":\"延保是否包含上门服务？\",\"version\":" + h.get("version").asLong() + "}"));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("availableActions")).isEmpty();
        assertThat(customers.deadlines("Handover", handoverId)).containsExactly("H1:MET", "H1:OPEN");
        assertThat(customers.deadlines("HandoverReview", handoverId)).containsExactly("H1:MET");
        assertThat(due("Handover", handoverId, "OPEN")).isEqualTo(shanghai("2026-12-02T15:00"));

        JsonNode mine = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        assertThat(mine.get("returnQuestions").asString()).isEqualTo("延保是否包含上门服务？");
        assertThat(mine.get("availableActions").toString()).contains("HAND_OVER");
    }

    @Test
    void H1_refusalsChangeNothing() {
        Service s = support.service("h1x");
        String customer = support.customer(s.rep(), "杭州拒绝科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-900002");
        String rep = customers.bearer(mvc, s.rep());
        long v = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId).get("version").asLong();

        var incomplete = contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), v));
        assertThat(incomplete).hasStatus(422);
        assertThat(ContractTestSupport.text(incomplete)).contains("background", "serviceNeeds");
        assertThat(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist",
                "{\"background\":\"a\\u0000b\",\"version\":" + v + "}")).hasStatus(422);
        JsonNode h = ok(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", checklist(v)));
        assertThat(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.company().eastRep2().id(), h.get("version").asLong())))
                .as("a sales rep is no after-sales owner").hasStatus(422);
        assertThat(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), v))).as("stale").hasStatus(409);
        assertThat(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\"}".formatted(s.afterSales().id()))).as("no version").hasStatus(428);
        assertThat(customers.get(mvc, customers.bearer(mvc, s.otherRep()), "/api/v1/handovers/" + handoverId)).hasStatus(404);
        assertThat(customers.get(mvc, customers.bearer(mvc, s.afterSales()), "/api/v1/handovers/" + handoverId))
                .as("not handed to them (yet)").hasStatus(404);
        assertThat(customers.get(mvc, customers.bearer(mvc, s.company().finance()), "/api/v1/handovers")).hasStatus(403);
        assertThat(customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId).get("status").asString()).isEqualTo("OPEN");
        assertThat(customers.deadlines("Handover", handoverId)).containsExactly("H1:OPEN");
    }

    @Test
    void aTerminatedContractStopsItsHandoverCancelsItsH1DeadlineAndTellsItsAfterSalesOwner() throws Exception {
        Service s = support.service("h1t");
        String customer = support.customer(s.rep(), "杭州交接终止科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-900003");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        h = ok(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", checklist(h.get("version").asLong())));
        h = ok(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), h.get("version").asLong())));
        assertThat(customers.deadlines("HandoverReview", handoverId)).containsExactly("H1:OPEN");

        listeners.contractTerminated(new com.lead2cash.contract.ContractTerminated(
                java.util.UUID.fromString(h.get("contractId").asString()), "HT-2026-900003",
                java.util.UUID.fromString(customer), true, java.time.LocalDate.of(2026, 12, 2)));

        String service = contracts.bearer(mvc, s.afterSales());
        // the listener runs on its own thread, as after the contract's transaction
        await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> assertThat(customers.getJson(mvc, service,
                "/api/v1/handovers/" + handoverId).get("contractTerminatedOn").asString()).isEqualTo("2026-12-02"));
        JsonNode stopped = customers.getJson(mvc, service, "/api/v1/handovers/" + handoverId);
        assertThat(stopped.get("availableActions")).as("nothing to accept or return").isEmpty();
        assertThat(customers.deadlines("HandoverReview", handoverId)).containsExactly("H1:CANCELLED");
        var refused = contracts.post(mvc, service, "/api/v1/handovers/" + handoverId + "/accept",
                "{\"version\":%d}".formatted(stopped.get("version").asLong()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("aftersales.error.handover.contractTerminated");
        assertThat(jdbc.sql("select link from notification_message where recipient_id = :owner "
                        + "and title_key = 'aftersales.notify.handoverContractTerminated'")
                .param("owner", s.afterSales().id()).query(String.class).list())
                .containsExactly("/handovers/" + handoverId);
        String page = mvc.get().uri("/handovers/" + handoverId + "?lang=zh-CN").cookie(customers.session(mvc, s.afterSales()))
                .exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("合同已终止", "2026-12-02");
    }
}

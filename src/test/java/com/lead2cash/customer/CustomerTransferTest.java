package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Ownership transfer (客户转移): a manager hands customers to someone in their team with a reason, one
 * or several at once (all or nothing); the open deadlines — follow-up cadence, minutes, needs analysis —
 * move to the new owner with their due times, and the timeline says who handed what to whom and why.
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerTransferTest {

    static final Instant NOW = TestClock.START;

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
    }

    private List<UUID> openDeadlineOwners(String rule, String subjectType, String subjectId) {
        return jdbc.sql("select owner_id from sop_deadline where rule_id = :r and subject_type = :t and subject_id = :s"
                        + " and state = 'OPEN'")
                .param("r", rule).param("t", subjectType).param("s", subjectId).query(UUID.class).list();
    }

    private UUID owner(String customerId) {
        return jdbc.sql("select owner_id from customer_customer where id = :id").param("id", UUID.fromString(customerId))
                .query(UUID.class).single();
    }

    @Test
    void aManagerTransfersACustomerWithAReasonAndItsOpenDeadlinesMoveAlong() throws Exception {
        var company = support.company("xfer1");
        String rep = support.bearer(mvc, company.eastRep());
        JsonNode created = support.customer(mvc, rep, "转移测试一公司", "\"grade\":\"B\"");
        String id = created.get("id").asString();
        String demo = support.postJson(mvc, rep, "/api/v1/activities", """
                {"customerId":"%s","type":"DEMO","occurredAt":"%s","summary":"产品演示"}"""
                .formatted(id, NOW.minus(Duration.ofHours(1)))).get("id").asString();
        String report = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/needs-analyses", """
                {"interviewedAt":"%s","background":"制造业","painPoints":["跟进靠 Excel"]}"""
                .formatted(NOW.minus(Duration.ofHours(2)))).get("reportId").asString();
        UUID from = company.eastRep().id();
        assertThat(openDeadlineOwners("C2", "Customer", id)).containsExactly(from);
        assertThat(openDeadlineOwners("C5", "Activity", demo)).containsExactly(from);
        assertThat(openDeadlineOwners("C6", "NeedsAnalysis", report)).containsExactly(from);
        Instant due = jdbc.sql("select due_at from sop_deadline where rule_id = 'C2' and subject_id = :s and state = 'OPEN'")
                .param("s", id).query(java.sql.Timestamp.class).single().toInstant();
        long version = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asLong();
        String manager = support.bearer(mvc, company.eastManager());
        String to = company.eastRep2().id().toString();

        // the rep may not hand customers on; a manager must say why
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\"调岗\",\"version\":%d}".formatted(to, version))).hasStatus(403);
        assertThat(support.post(mvc, manager, "/api/v1/customers/" + id + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\" \",\"version\":%d}".formatted(to, version))).hasStatus(422);
        assertThat(owner(id)).isEqualTo(from);
        // the customer's page offers the manager everyone in the team but its owner, whom a transfer refuses
        var page = mvc.get().uri("/customers/" + id).cookie(support.session(mvc, company.eastManager())).exchange();
        assertThat(page).hasStatus(200);
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String choices = html.substring(html.indexOf("id=\"transfer-owner\""));
        assertThat(choices.substring(0, choices.indexOf("</select>"))).contains("value=\"" + to + "\"")
                .doesNotContain("value=\"" + from + "\"");

        JsonNode moved = support.postJson(mvc, manager, "/api/v1/customers/" + id + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\"调岗\",\"version\":%d}".formatted(to, version));
        assertThat(moved.get("ownerId").asString()).isEqualTo(to);
        UUID newOwner = company.eastRep2().id();
        assertThat(openDeadlineOwners("C2", "Customer", id)).containsExactly(newOwner);
        assertThat(openDeadlineOwners("C5", "Activity", demo)).containsExactly(newOwner);
        assertThat(openDeadlineOwners("C6", "NeedsAnalysis", report)).containsExactly(newOwner);
        assertThat(jdbc.sql("select due_at from sop_deadline where rule_id = 'C2' and subject_id = :s and state = 'OPEN'")
                .param("s", id).query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(due);
        JsonNode timeline = support.getJson(mvc, manager, "/api/v1/customers/" + id + "/timeline");
        assertThat(timeline.get("items").valueStream().map(i -> i.get("messageKey").asString()))
                .as("the open business goes along when the request does not say otherwise (decision 0023)")
                .contains("customer.history.transferredWithBusiness");
        // the customer is the new owner's now: the old owner no longer sees it
        assertThat(support.get(mvc, rep, "/api/v1/customers/" + id)).hasStatus(404);
    }

    @Test
    void aCustomersOpenComplaintsGoToItsNewRep() {
        var company = support.company("xfer4");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "转移投诉跟随公司", "\"grade\":\"B\"").get("id").asString();
        String complaint = support.postJson(mvc, rep, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"MINOR","description":"网关偶发掉线","receivedVia":"PHONE"}"""
                .formatted(id)).get("id").asString();
        String rep2 = support.bearer(mvc, company.eastRep2());
        assertThat(support.get(mvc, rep2, "/api/v1/complaints/" + complaint)).as("not the new rep's yet").hasStatus(404);
        long version = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asLong();

        support.postJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + id + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\"调岗\",\"version\":%d}".formatted(company.eastRep2().id(), version));

        // the new rep answers for the customer's open complaint (the old one took it, so still handles it)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(support.get(mvc, rep2, "/api/v1/complaints/" + complaint)).hasStatus(200));
        assertThat(jdbc.sql("select customer_owner_id from aftersales_complaint where id = :id")
                .param("id", UUID.fromString(complaint)).query(UUID.class).single()).isEqualTo(company.eastRep2().id());
    }

    @Test
    void aBulkTransferMovesEveryCustomerOrNone() {
        var company = support.company("xfer2");
        String rep = support.bearer(mvc, company.eastRep());
        String a = support.customer(mvc, rep, "批量转移甲公司", null).get("id").asString();
        String b = support.customer(mvc, rep, "批量转移乙公司", null).get("id").asString();
        String west = support.customer(mvc, support.bearer(mvc, company.westRep()), "西部不可转公司", null)
                .get("id").asString();
        String manager = support.bearer(mvc, company.eastManager());
        String to = company.eastRep2().id().toString();

        // one customer outside the manager's team: nothing moves
        assertThat(support.post(mvc, manager, "/api/v1/customers/transfer",
                "{\"customerIds\":[\"%s\",\"%s\",\"%s\"],\"ownerId\":\"%s\",\"reason\":\"重新分配\"}"
                        .formatted(a, b, west, to))).hasStatus(404);
        assertThat(List.of(owner(a), owner(b))).containsOnly(company.eastRep().id());

        JsonNode done = support.postJson(mvc, manager, "/api/v1/customers/transfer",
                "{\"customerIds\":[\"%s\",\"%s\"],\"ownerId\":\"%s\",\"reason\":\"重新分配\"}".formatted(a, b, to));
        assertThat(done.get("transferred").asInt()).isEqualTo(2);
        assertThat(List.of(owner(a), owner(b))).containsOnly(company.eastRep2().id());
        assertThat(openDeadlineOwners("C2", "Customer", a)).containsExactly(company.eastRep2().id());
        assertThat(owner(west)).isEqualTo(company.westRep().id());
    }

    @Test
    void theListsBulkTransferOfACustomerOutsideTheScopeIsTheNotFoundPageAsTheLeadsBulkAssignmentIsAndMovesNone() {
        var company = support.company("xferpage");
        String rep = support.bearer(mvc, company.eastRep());
        String a = support.customer(mvc, rep, "页面批量甲公司", null).get("id").asString();
        String west = support.customer(mvc, support.bearer(mvc, company.westRep()), "页面西部公司", null)
                .get("id").asString();
        var manager = support.session(mvc, company.eastManager());

        for (String outside : new String[] {west, UUID.randomUUID().toString()}) {
            var result = mvc.post().uri("/customers/transfer").cookie(manager)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("customerIds", a, outside).param("ownerId", company.eastRep2().id().toString())
                    .param("reason", "重新分配").exchange();
            assertThat(result).as(outside).hasStatus(404).hasViewName("error");
            assertThat(result).as("no message for the list").flash().isEmpty();
        }
        assertThat(owner(a)).as("nothing moved").isEqualTo(company.eastRep().id());
        assertThat(owner(west)).isEqualTo(company.westRep().id());
    }

    @Autowired List<com.lead2cash.sop.SubjectDescriber> describers;

    @Test
    void aTransferredCustomersReportStillReadsOnTheOldOwnersDeadlinesButNoLongerLinksThere() {
        var company = support.company("xfer3");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "转移标签公司", "\"grade\":\"B\"").get("id").asString();
        String report = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/needs-analyses", """
                {"interviewedAt":"%s","background":"制造业","painPoints":["跟进靠 Excel"]}"""
                .formatted(NOW.minus(Duration.ofHours(2)))).get("reportId").asString();
        long version = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asLong();
        support.postJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + id + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\"调岗\",\"version\":%d}".formatted(company.eastRep2().id(), version));

        var describer = describers.stream().filter(d -> d.subjectType().equals("NeedsAnalysis")).findFirst().orElseThrow();
        var labels = as(company.eastRep()).actAs(() -> describer.describe(List.of(report)));
        assertThat(labels.get(report).label()).contains("转移标签公司");
        assertThat(labels.get(report).link()).isNull();
        assertThat(as(company.eastRep2()).actAs(() -> describer.describe(List.of(report))).get(report).link())
                .isEqualTo("/customers/" + id + "/needs-analyses");
    }

    private static com.lead2cash.platform.CurrentUser as(com.lead2cash.platform.internal.identity.User u) {
        return new com.lead2cash.platform.CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roleSet());
    }
}

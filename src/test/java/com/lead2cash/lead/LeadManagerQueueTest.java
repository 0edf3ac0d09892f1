package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** No lead without a clock: a lead waiting in a manager queue has a deadline until someone takes it. */
@IntegrationTest
class LeadManagerQueueTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired OrgDirectory directory;
    @Autowired IdentityService identity;

    Company co;
    String marketing;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
    }

    /** The owner of the lead's running (or last) manager-queue deadline. */
    private UUID queueOwner(String leadId) {
        return jdbc.sql("select owner_id from sop_deadline where rule_id = 'L9' and subject_id = :id")
                .param("id", leadId).query(UUID.class).single();
    }

    private JsonNode generalQueueLead(String company) {
        // no territory covers 西藏: the lead waits in the general queue
        return support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"%s","contactName":"王","region":"西藏","industry":"餐饮业","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(company, co.today().plusDays(10)));
    }

    @Test
    void L9_aLeadInTheGeneralQueueHasADeadlineOwnedByTheSalesDirectorThatItsAssignmentMeets() {
        JsonNode lead = generalQueueLead("西藏排队甲");
        String id = lead.get("id").asString();
        assertThat(lead.get("ownerId").isNull()).isTrue();
        assertThat(support.deadlines(UUID.fromString(id))).containsExactly("L1:MET", "L9:OPEN");
        assertThat(directory.person(queueOwner(id)).orElseThrow().roles()).contains(Role.SALES_DIRECTOR);

        String director = support.bearer(mvc, co.director().username());
        JsonNode assigned = support.postJson(mvc, director, "/api/v1/leads/" + id + "/assign",
                "{\"ownerId\":\"" + co.westRep().id() + "\",\"version\":" + lead.get("version").asLong() + "}");
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(support.deadlines(UUID.fromString(id))).contains("L9:MET", "L6:MET", "L7:OPEN");
    }

    @Test
    void L9_aLeadNobodyInItsTerritoryMayTakeWaitsForTheTerritoryManagerAndAClaimMeetsTheDeadline() {
        // a territory whose only rep is junior: its A leads wait for its manager
        String region = "浙江省宁波市";
        support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-territories", """
                {"name":"North %s","regions":["%s"],"managerId":"%s","repIds":["%s"]}
                """.formatted(co.tag(), region, co.eastManager().id(), co.junior().id()));
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeALead("宁波排队乙", "13877770007").replace(co.region(), region));
        String id = lead.get("id").asString();
        assertThat(lead.get("regionResolved").asBoolean()).isTrue();
        assertThat(lead.get("queueManagerId").asString()).isEqualTo(co.eastManager().id().toString());
        assertThat(support.deadlines(UUID.fromString(id))).contains("L9:OPEN");
        assertThat(queueOwner(id)).isEqualTo(co.eastManager().id());

        assertThat(support.post(mvc, support.bearer(mvc, co.senior().username()), "/api/v1/leads/" + id + "/claim", ""))
                .hasStatusOk();
        assertThat(support.deadlines(UUID.fromString(id))).contains("L9:MET", "L7:OPEN");
    }

    @Test
    void L9_aTerritoryWhoseManagerWasDeactivatedQueuesItsLeadsForTheSalesDirector() {
        String region = "浙江省温州市";
        String admin = support.bearer(mvc, "admin");
        assertThat(support.post(mvc, admin, "/api/v1/lead-territories", """
                {"name":"Wenzhou %s","regions":["%s"],"managerId":"%s","repIds":["%s"]}
                """.formatted(co.tag(), region, co.eastManager().id(), co.junior().id()))).hasStatus(201);
        identity.setActive(co.eastManager().id(), false, identity.user(co.eastManager().id()).version());

        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeALead("温州排队丁", "13877770009").replace(co.region(), region));
        String id = lead.get("id").asString();
        assertThat(lead.get("queueManagerId").isNull()).as("not the queue of someone who has left").isTrue();
        assertThat(directory.person(queueOwner(id)).orElseThrow().roles()).contains(Role.SALES_DIRECTOR);

        assertThat(support.post(mvc, admin, "/api/v1/lead-territories", """
                {"name":"Wenzhou two %s","regions":["%s"],"managerId":"%s","repIds":[]}
                """.formatted(co.tag(), region, co.eastManager().id())))
                .as("nor can a territory be given to them").hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].code").isEqualTo("territory.manager.inactive");
    }

    @Test
    void aLeadNamedTwiceInOneBulkAssignmentIsAssignedOnce() {
        String id = generalQueueLead("西藏排队戊").get("id").asString();
        String director = support.bearer(mvc, co.director().username());
        assertThat(support.post(mvc, director, "/api/v1/leads/bulk-assign", """
                {"leadIds":["%s","%s"],"ownerId":"%s","reason":"按区域"}""".formatted(id, id, co.westRep().id())))
                .hasStatusOk().bodyJson().extractingPath("$.assigned").isEqualTo(1);
        assertThat(support.deadlines(UUID.fromString(id)))
                .as("one assignment: no reassignment to the same rep, no first response started twice")
                .containsExactlyInAnyOrder("L1:MET", "L9:MET", "L6:MET", "L7:OPEN");
        assertThat(jdbc.sql("select count(*) from lead_event where lead_id = :id and message_key like 'lead.history.%assigned'")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void L9_disqualifyingAQueuedLeadCancelsItsDeadline() {
        JsonNode lead = generalQueueLead("西藏排队丙");
        String id = lead.get("id").asString();
        support.post(mvc, support.bearer(mvc, co.director().username()), "/api/v1/leads/" + id + "/disqualify",
                "{\"reason\":\"NO_NEED\"}");
        assertThat(support.deadlines(UUID.fromString(id))).containsExactly("L1:MET", "L9:CANCELLED");
    }

    @Test
    void L9_aLeadRoutedToARepWaitsInNoQueue() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("上海不排队", "13877770008"));
        assertThat(lead.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(support.deadlines(UUID.fromString(lead.get("id").asString()))).doesNotContain("L9:OPEN", "L9:MET");
    }
}

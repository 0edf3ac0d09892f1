package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Conversion keeps what the rep knew: product line, purchase date, and the contacts made as a lead. */
@IntegrationTest
class LeadConversionTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;

    Company co;
    String marketing;
    String rep;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
        rep = support.bearer(mvc, co.senior().username());
    }

    /** A grade-A lead (product line CRM) for the senior rep, contacted once; its id. */
    private String contactedLead(String company, String phone, String purchaseDate) {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead(company, phone)
                .replaceFirst("\"purchaseDate\":\"[^\"]+\"", "\"purchaseDate\":\"" + purchaseDate + "\""));
        assertThat(lead.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        String id = lead.get("id").asString();
        support.postJson(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"已电话沟通，下周演示\"}");
        return id;
    }

    @Test
    void theOpportunityTakesTheLeadsProductLineAndItsPurchaseDateAsTheCloseDate() {
        String purchase = co.today().plusDays(45).toString();
        String id = contactedLead("转化产品线科技", "13800000071", purchase);

        JsonNode converted = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert",
                "{\"createOpportunity\":true}");

        JsonNode opportunity = support.getJson(mvc, rep, "/api/v1/opportunities/" + converted.get("opportunityId").asString());
        assertThat(opportunity.get("productLines").valueStream().map(JsonNode::asString).toList()).containsExactly("CRM");
        assertThat(opportunity.get("expectedCloseDate").asString()).isEqualTo(purchase);
    }

    @Test
    void aPurchaseDateAlreadyPastLeavesTheCloseDateEmpty() {
        String id = contactedLead("转化过期日期科技", "13800000072", co.today().minusDays(3).toString());

        JsonNode converted = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert",
                "{\"createOpportunity\":true,\"amount\":100000}");

        JsonNode opportunity = support.getJson(mvc, rep, "/api/v1/opportunities/" + converted.get("opportunityId").asString());
        assertThat(opportunity.get("expectedCloseDate").isNull()).isTrue();
        assertThat(opportunity.get("productLines").valueStream().map(JsonNode::asString).toList()).containsExactly("CRM");
    }

    @Test
    void theLeadsContactAttemptsAreOnTheCustomersTimelineAndSetItsLastActivity() {
        String id = contactedLead("转化联系记录科技", "13800000073", co.today().plusDays(20).toString());
        JsonNode attempt = support.getJson(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts").get(0);

        // said in the words of the rep who converts
        JsonNode converted = support.json(mvc.post().uri("/api/v1/leads/" + id + "/convert")
                .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange());
        String customerId = converted.get("customerId").asString();

        JsonNode activities = support.getJson(mvc, rep, "/api/v1/activities?customerId=" + customerId).get("items");
        assertThat(activities).hasSize(1);
        JsonNode activity = activities.get(0);
        assertThat(activity.get("type").asString()).isEqualTo("CALL");
        assertThat(Instant.parse(activity.get("occurredAt").asString()))
                .isEqualTo(Instant.parse(attempt.get("occurredAt").asString()));
        assertThat(activity.get("summary").asString()).isEqualTo("高意向，线索阶段联系：已电话沟通，下周演示");
        assertThat(activity.get("loggedBy").asString()).isEqualTo(co.senior().id().toString());
        assertThat(activity.get("late").asBoolean()).as("logged in time on the lead").isFalse();
        assertThat(activity.get("contactIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly(converted.get("contactId").asString());

        JsonNode customer = support.getJson(mvc, rep, "/api/v1/customers/" + customerId);
        assertThat(Instant.parse(customer.get("lastActivityAt").asString()))
                .isEqualTo(Instant.parse(attempt.get("occurredAt").asString()));
        // converting again carries nothing twice
        support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert", "{}");
        assertThat(support.getJson(mvc, rep, "/api/v1/activities?customerId=" + customerId).get("items")).hasSize(1);
    }

    /**
     * A conversion registers its customer as a registration by hand does, holding its name until it commits: the
     * registration by hand of the same company sent meanwhile waits for it, then finds it and asks for the reason.
     */
    @Test
    void aRegistrationOfTheCompanyALeadIsBeingConvertedToWaitsForTheConversionAndAsksForTheReason() throws Exception {
        String id = contactedLead("转化并发查重科技", "13800000074", co.today().plusDays(20).toString());
        // the token's last use is touched now, not inside the held request: else the second would wait at its sign-in
        support.json(mvc.get().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, rep).exchange());

        var sent = heldFirst.race(() -> support.post(mvc, rep, "/api/v1/leads/" + id + "/convert", "{}"),
                () -> support.post(mvc, rep, "/api/v1/customers", "{\"name\":\"转化并发查重科技\"}"));

        assertThat(sent.first()).hasStatus(200);
        assertThat(sent.second()).as("the second waited and found the converted customer").hasStatus(422);
        assertThat(support.json(sent.second()).at("/errors/0/code").asString())
                .isEqualTo("customer.duplicates.reason.required");
    }
}

package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The lead rules read from the SOP policy (L3, L2, L4): a policy change changes the outcome. */
@IntegrationTest
class LeadPolicyAndJobsTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired com.lead2cash.lead.internal.LeadJobsProbe jobs;

    @Test
    void L3_raisingTheBudgetThresholdInThePolicyTurnsTheSameLeadFromAIntoB() {
        Company co = support.company(mvc, "pol");
        String marketing = support.bearer(mvc, co.marketing().username());
        // industry, budget 500 000 and urgency: three points, grade A under the defaults
        String body = """
                {"companyName":"%s","contactName":"王","region":"%s","industry":"制造业","source":"TRADE_SHOW",
                 "budget":500000,"purchaseDate":"%s","decisionMakerKnown":false}
                """;
        JsonNode before = support.postJson(mvc, marketing, "/api/v1/leads",
                body.formatted("策略前公司", co.region(), support.today().plusDays(30)));
        assertThat(before.get("grade").asString()).isEqualTo("A");

        var change = support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/policy", """
                {"reason":"大客户门槛上调","changes":[{"rule":"L3","parameter":"minimumBudget","value":"600000"}]}
                """);
        assertThat(change.getResponse().getStatus()).isBetween(200, 201);

        JsonNode after = support.postJson(mvc, marketing, "/api/v1/leads",
                body.formatted("策略后公司", co.region(), support.today().plusDays(30)));
        assertThat(after.get("grade").asString()).isEqualTo("B");
        assertThat(after.get("gradeReasons").get(1).get("text").asString()).as("the budget and the threshold as amounts")
                .contains("500,000.00", "600,000.00");
        // the earlier lead keeps the grade it was given
        String manager = support.bearer(mvc, co.eastManager().username());
        assertThat(support.getJson(mvc, manager, "/api/v1/leads/" + before.get("id").asString()).get("grade").asString())
                .isEqualTo("A");
    }

    @Test
    void L2_theDailySummaryGoesToManagersOnceADay() {
        Company co = support.company(mvc, "sum");
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(jobs.dailySummary(day)).isTrue();
        assertThat(jobs.dailySummary(day)).isFalse();
        assertThat(support.inbox(co.eastManager().id())).containsOnlyOnce("lead.dailySummary");
        assertThat(support.inbox(co.director().id())).containsOnlyOnce("lead.dailySummary");
        assertThat(support.inbox(co.senior().id())).doesNotContain("lead.dailySummary");
        assertThat(jobs.dailySummary(day.plusDays(1))).isTrue();
    }

    @Test
    void L4_theWeeklyBatchAssignsNurturePoolLeadsOnceAWeek() {
        Company co = support.company(mvc, "nur");
        String marketing = support.bearer(mvc, co.marketing().username());
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"培育池公司","contactName":"孙","region":"%s","industry":"餐饮业","source":"REFERRAL",
                 "budget":1000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(co.region(), support.today().plusYears(1)));
        assertThat(lead.get("status").asString()).isEqualTo("NURTURING");
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads?view=nurture").get("items").findValuesAsString("id"))
                .contains(lead.get("id").asString());

        assertThat(jobs.nurtureBatch("2026-W48")).isTrue();
        assertThat(jobs.nurtureBatch("2026-W48")).isFalse();
        JsonNode assigned = support.getJson(mvc, support.bearer(mvc, co.eastManager().username()),
                "/api/v1/leads/" + lead.get("id").asString());
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.get("ownerId").asString()).isIn(co.senior().id().toString(), co.junior().id().toString());
        assertThat(support.deadlines(UUID.fromString(lead.get("id").asString()))).contains("L7:OPEN");
    }

    @Test
    void anInvalidPolicyValueChangesNothing() {
        var refused = support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/policy", """
                {"reason":"错误","changes":[{"rule":"L3","parameter":"gradeAMinPoints","value":"1"}]}
                """);
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }
}

package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * L3 and L4 in the policy change's 90-day replay (SPEC §2): the leads captured in the period graded again
 * under the proposed values and routed by grade, beside what happened; nothing is written.
 */
@IntegrationTest
class LeadRoutingReplayTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;

    private static Map<String, long[]> tallies(JsonNode outcome) {
        Map<String, long[]> t = new HashMap<>();
        outcome.get("tallies").valueStream().forEach(n -> t.put(n.get("labelKey").asString(),
                new long[] {n.get("actual").asLong(), n.get("proposed").asLong()}));
        outcome.get("changes").valueStream().forEach(n -> t.put(n.get("labelKey").asString(),
                new long[] {n.get("proposed").asLong()}));
        return t;
    }

    private String leads() {
        return jdbc.sql("select count(*) || ':' || sum(version) || ':' || string_agg(grade || coalesce(owner_id::text, '-'), ',' order by id) from lead_lead")
                .query(String.class).single();
    }

    @Test
    void L3_aHigherBudgetThresholdWouldTurnTheBLeadIntoCAndSendItToTheNurturePool() {
        Company co = support.company(mvc, "rpl");
        String marketing = support.bearer(mvc, co.marketing().username());
        // A: industry, budget 500 000, urgency, decision maker (4 points); B: budget 200 000 and urgency (2 points)
        JsonNode a = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("回放甲公司", "13800000001"));
        JsonNode b = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("回放乙公司", "13800000002"));
        assertThat(a.get("grade").asString()).isEqualTo("A");
        assertThat(b.get("grade").asString()).isEqualTo("B");
        assertThat(a.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        String admin = support.bearer(mvc, "admin");
        long version = support.getJson(mvc, admin, "/api/v1/policy").get("version").asLong();
        String before = leads();

        JsonNode grading = support.postJson(mvc, admin, "/api/v1/policy/rules/L3/replay", """
                {"reason":"","changes":[{"rule":"L3","parameter":"minimumBudget","value":"600000"}]}""");
        assertThat(grading.get("kind").asString()).isEqualTo("ROUTING");
        JsonNode outcome = grading.get("routing").get(0);
        assertThat(outcome.get("replayed").asLong()).isEqualTo(2);
        Map<String, long[]> t = tallies(outcome);
        assertThat(t.get("lead.replay.grade.A")).containsExactly(1, 1);
        assertThat(t.get("lead.replay.grade.B")).containsExactly(1, 0);
        assertThat(t.get("lead.replay.grade.C")).containsExactly(0, 1);
        assertThat(t.get("lead.replay.route.ANY_REP")).containsExactly(1, 0);
        assertThat(t.get("lead.replay.route.NURTURE_POOL")).containsExactly(0, 1);
        assertThat(t.get("lead.replay.changed.grade")).containsExactly(1);
        assertThat(t.get("lead.replay.changed.route")).containsExactly(1);
        JsonNode moved = outcome.get("moved").get(0);
        assertThat(moved.get("label").asString()).contains("回放乙公司");
        assertThat(moved.get("fromKey").asString()).isEqualTo("lead.replay.route.ANY_REP");
        assertThat(moved.get("toKey").asString()).isEqualTo("lead.replay.route.NURTURE_POOL");

        // L4: the senior rep (30 months) would not count as senior from 36 months, so the A lead would go elsewhere
        JsonNode routing = support.postJson(mvc, admin, "/api/v1/policy/rules/L4/replay", """
                {"changes":[{"rule":"L4","parameter":"seniorityMonths","value":"36"},
                 {"rule":"L4","parameter":"nurtureBatchDay","value":"MONDAY"},
                 {"rule":"L4","parameter":"nurtureBatchTime","value":"09:00"}]}""");
        t = tallies(routing.get("routing").get(0));
        assertThat(t.get("lead.replay.changed.grade")).containsExactly(0);
        assertThat(t.get("lead.replay.changed.notSenior")).containsExactly(1);
        assertThat(t.get("lead.replay.changed.route")).containsExactly(1);
        assertThat(routing.get("routing").get(0).get("moved").get(0).get("label").asString()).contains("回放甲公司");

        // SOP walk: the API answered bundle keys only; beside each key now its text in the reader's language
        for (String[] language : new String[][] {{"en", "Grade A", "To the nurture pool"}, {"zh-CN", "A 级", "进入长期培育池"}}) {
            JsonNode said = support.json(mvc.post().uri("/api/v1/policy/rules/L3/replay")
                    .header(HttpHeaders.AUTHORIZATION, admin).header(HttpHeaders.ACCEPT_LANGUAGE, language[0])
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                            {"changes":[{"rule":"L3","parameter":"minimumBudget","value":"600000"}]}""").exchange())
                    .get("routing").get(0);
            assertThat(said.get("scope").asString()).as(language[0]).isNotBlank().doesNotContain("lead.replay");
            assertThat(said.get("tallies").valueStream().filter(n -> n.get("labelKey").asString().equals("lead.replay.grade.A"))
                    .findFirst().orElseThrow().get("label").asString()).isEqualTo(language[1]);
            assertThat(said.get("changes").valueStream().map(n -> n.get("label").asString()).toList())
                    .as(language[0]).allSatisfy(text -> assertThat(text).isNotBlank().doesNotContain("lead.replay"));
            assertThat(said.get("moved").get(0).get("to").asString()).isEqualTo(language[2]);
            assertThat(said.get("moved").get(0).get("toKey").asString()).isEqualTo("lead.replay.route.NURTURE_POOL");
        }

        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.post().uri("/admin/policy/rules/L3/replay").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("p.targetIndustries", "制造业, 软件和信息技术服务业, 批发和零售业, 金融业, 医疗健康")
                .param("p.minimumBudget", "600000").param("p.urgencyDays", "90").param("p.gradeAMinPoints", "3")
                .param("p.gradeBMinPoints", "2"))
                .hasStatusOk().bodyText().contains("graded again under the proposed values", "To the nurture pool",
                        "1 lead(s) would get another grade", "回放乙公司", "To any rep → To the nurture pool")
                .doesNotContain("??");

        assertThat(leads()).as("a replay writes nothing").isEqualTo(before);
        assertThat(support.getJson(mvc, admin, "/api/v1/policy").get("version").asLong()).isEqualTo(version);
    }
}

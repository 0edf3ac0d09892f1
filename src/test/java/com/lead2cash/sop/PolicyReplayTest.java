package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.sop.internal.policy.PolicyService;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §2: before a policy change is saved, the last 90 days of its rule replayed under the proposed values,
 * beside what happened — deadlines recomputed by the engine's own calculation and classified, nothing written.
 * The clock stands at Tuesday 1 December 2026, 10:00 in Shanghai; 16 November 2026 is a Monday.
 */
@IntegrationTest
@Import(TestClock.class)
// no sweep: the deadlines stay as the test leaves them, so "writes nothing" compares like with like
@TestPropertySource(properties = "l2c.scheduler.enabled=false")
class PolicyReplayTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Deadlines deadlines;
    @Autowired PolicyService policy;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    static Instant at(int m, int d, int h, int min) {
        return LocalDateTime.of(2026, m, d, h, min).atZone(SHANGHAI).toInstant();
    }

    private String admin() {
        return "Bearer " + fixtures.token(mvc, "admin");
    }

    private MockMvcTester.MockMvcRequestBuilder replay(String token, String rule, String body) {
        return mvc.post().uri("/api/v1/policy/rules/" + rule + "/replay").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String window(String rule, String parameter, String value) {
        return """
                {"reason":"try","changes":[{"rule":"%s","parameter":"%s","value":"%s"}]}""".formatted(rule, parameter, value);
    }

    private static Map<String, long[]> outcomes(JsonNode result) {
        Map<String, long[]> counts = new HashMap<>();
        result.get("deadlines").get("outcomes").valueStream().forEach(o -> counts.put(o.get("outcome").asString(),
                new long[] {o.get("actual").asLong(), o.get("proposed").asLong()}));
        return counts;
    }

    /**
     * Everything a replay could write: deadlines, policy versions and changes, proposals, the policy's audit
     * trail (the test's own sign-ins are audited too, so the trail is narrowed to the policy).
     */
    private String state() {
        return jdbc.sql("""
                select (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(due_at)::text, '')
                        from sop_deadline)
                    || '|' || (select count(*) from sop_policy_version) || '|' || (select count(*) from sop_policy_change)
                    || '|' || (select count(*) from sop_policy_proposal) || '|' || (select count(*) from platform_audit_event where action like 'policy.%')""")
                .query(String.class).single();
    }

    private User rep(String name) {
        UUID unit = fixtures.unit("Replay " + name);
        return fixtures.user(name, unit, LocalDate.of(2024, 1, 1), Role.SALES_REP);
    }

    @Test
    void L7_aShorterWindowTurnsAnInTimeResponseIntoABreachAndALongerOneALateResponseIntoMetInTime() {
        User rep = rep("replay.l7");
        // opened through the engine under the policy in force (4h business): due 14:00 the same Monday
        SubjectRef inTime = SubjectRef.of("Lead", UUID.randomUUID());
        SubjectRef late = SubjectRef.of("Lead", UUID.randomUUID());
        SubjectRef stillOpen = SubjectRef.of("Lead", UUID.randomUUID());
        SubjectRef notYetDue = SubjectRef.of("Lead", UUID.randomUUID());
        deadlines.open("L7", inTime, rep.id(), at(11, 16, 10, 0));
        deadlines.meet("L7", inTime, at(11, 16, 13, 0));
        deadlines.open("L7", late, rep.id(), at(11, 16, 10, 0));
        deadlines.meet("L7", late, at(11, 16, 15, 0));
        deadlines.open("L7", stillOpen, rep.id(), at(11, 16, 10, 0));
        deadlines.open("L7", notYetDue, rep.id(), at(12, 1, 9, 30));
        // not replayed: started 92 days ago, cancelled, and one whose due time its module set
        deadlines.open("L7", SubjectRef.of("Lead", UUID.randomUUID()), rep.id(), at(8, 31, 10, 0));
        SubjectRef cancelled = SubjectRef.of("Lead", UUID.randomUUID());
        deadlines.open("L7", cancelled, rep.id(), at(11, 17, 10, 0));
        deadlines.cancel("L7", cancelled);
        deadlines.openUntil("L7", SubjectRef.of("Lead", UUID.randomUUID()), rep.id(), at(11, 18, 10, 0), at(11, 25, 10, 0));
        String before = state();

        JsonNode shorter = fixtures.json(replay(admin(), "L7", window("L7", "window", "2h business")));
        assertThat(shorter.get("kind").asString()).isEqualTo("DEADLINES");
        assertThat(shorter.get("baseVersion").asLong()).isEqualTo(policy.current().version());
        assertThat(Instant.parse(shorter.get("to").asString())).isEqualTo(TestClock.START);
        assertThat(Instant.parse(shorter.get("from").asString())).isEqualTo(at(9, 2, 10, 0));
        JsonNode d = shorter.get("deadlines");
        assertThat(d.get("replayed").asLong()).isEqualTo(4);
        assertThat(d.get("notReplayed").asLong()).isEqualTo(1);
        assertThat(d.get("proposedWindow").asString()).isEqualTo("2h business");
        Map<String, long[]> counts = outcomes(shorter);
        assertThat(counts.get("MET_ON_TIME")).containsExactly(1, 0);
        assertThat(counts.get("MET_LATE")).containsExactly(1, 2);
        assertThat(counts.get("OPEN_NOT_DUE")).containsExactly(1, 1);
        assertThat(counts.get("OPEN_OVERDUE")).containsExactly(1, 1);
        assertThat(d.get("changed").asLong()).isEqualTo(1);
        JsonNode change = d.get("changes").get(0);
        assertThat(change.get("subjectId").asString()).isEqualTo(inTime.id());
        assertThat(change.get("ownerName").asString()).isEqualTo(rep.displayName());
        assertThat(Instant.parse(change.get("actualDueAt").asString())).isEqualTo(at(11, 16, 14, 0));
        assertThat(Instant.parse(change.get("proposedDueAt").asString())).isEqualTo(at(11, 16, 12, 0));
        assertThat(change.get("actual").asString()).isEqualTo("MET_ON_TIME");
        assertThat(change.get("proposed").asString()).isEqualTo("MET_LATE");
        JsonNode owner = d.get("owners").get(0);
        assertThat(owner.get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(owner.get("actualBreached").asLong()).isEqualTo(2);
        assertThat(owner.get("proposedBreached").asLong()).isEqualTo(3);

        JsonNode longer = fixtures.json(replay(admin(), "L7", window("L7", "window", "6h business")));
        counts = outcomes(longer);
        assertThat(counts.get("MET_ON_TIME")).containsExactly(1, 2);
        assertThat(counts.get("MET_LATE")).containsExactly(1, 0);
        assertThat(longer.get("deadlines").get("changes").get(0).get("subjectId").asString()).isEqualTo(late.id());
        assertThat(longer.get("deadlines").get("changes").get(0).get("proposed").asString()).isEqualTo("MET_ON_TIME");

        // a window so short that the deadline opened at 09:30 today is already due at 10:00 (30 working minutes)
        JsonNode tiny = fixtures.json(replay(admin(), "L7", window("L7", "window", "30m business")));
        assertThat(outcomes(tiny).get("OPEN_NOT_DUE")).containsExactly(1, 0);
        assertThat(outcomes(tiny).get("OPEN_OVERDUE")).containsExactly(1, 2);

        assertThat(state()).as("a replay writes nothing").isEqualTo(before);
    }

    @Test
    void theReplayIsRefusedAsTheChangeIsAndOnlyToAnAdministrator() {
        String before = state();
        assertThat(replay(admin(), "L7", window("L7", "window", "4x"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("L7.window");
        assertThat(replay(admin(), "L7", window("L7", "window", "4h business")))
                .as("the values in force are no change").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].code").isEqualTo("policy.error.noChanges");
        assertThat(replay(admin(), "L7", window("L1", "window", "20m business")))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].code").isEqualTo("policy.replay.error.otherRule");
        assertThat(replay(admin(), "X9", window("X9", "window", "1h"))).hasStatus(HttpStatus.NOT_FOUND);
        User rep = rep("replay.rights");
        assertThat(replay("Bearer " + fixtures.token(mvc, rep.username()), "L7", window("L7", "window", "2h business")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/policy/rules/L7/replay").contentType(MediaType.APPLICATION_JSON)
                .content(window("L7", "window", "2h business"))).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aRuleWhoseValuesDriveNoDeadlineNorRoutingSaysSoInsteadOfZeros() {
        JsonNode c8 = fixtures.json(replay(admin(), "C8", window("C8", "creditApprovalThreshold", "800000")));
        assertThat(c8.get("kind").asString()).isEqualTo("NONE");
        assertThat(c8.get("deadlines").isNull()).isTrue();
        assertThat(c8.get("routing").size()).isZero();
    }

    @Test
    void theRuleFormShowsTheComparisonBeforeSaving() {
        User rep = rep("replay.page");
        SubjectRef inTime = SubjectRef.of("Lead", UUID.randomUUID());
        deadlines.open("K4", inTime, rep.id(), at(11, 16, 10, 0));
        deadlines.meet("K4", inTime, at(11, 17, 9, 30));
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/admin/policy/rules/K4").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"replay-rule\"", "hx-post=\"/admin/policy/rules/K4/replay\"", "id=\"replay-slot\"",
                        "name=\"p.window.amount\"", "name=\"p.window.unit\"", "name=\"p.window.basis\"");
        long version = policy.current().version();
        String before = state();

        // due Tuesday 10:00 (one business day); met 09:30; under "4h business" due Monday 14:00: met late
        var page = mvc.post().uri("/admin/policy/rules/K4/replay").cookie(session).with(csrf())
                .header("HX-Request", "true").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("p.window.amount", "4").param("p.window.unit", "HOURS").param("p.window.basis", "BUSINESS")
                .param("reason", "");
        assertThat(page).hasStatusOk().bodyText()
                .contains("The last 90 days under the proposed values", "4 hours (working time)", "Met in time", "Met late (breached)",
                        "1 deadline(s) would come out differently.", rep.displayName(), "2026-11-16 14:00")
                .doesNotContain("<html", "??", "4h business");
        assertThat(mvc.post().uri("/admin/policy/rules/K4/replay").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("p.window.amount", "4").param("p.window.unit", "HOURS")
                .param("p.window.basis", "BUSINESS"))
                .hasStatusOk().bodyText().contains("按拟修改的取值回放最近 90 天", "逾期完成（超时）", "4 小时（工作时间）")
                .doesNotContain("??", "4h business");
        assertThat(mvc.post().uri("/admin/policy/rules/K4/replay").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("p.window.amount", "soon")
                .param("p.window.unit", "HOURS").param("p.window.basis", "BUSINESS"))
                .hasStatusOk().bodyText().contains("id=\"replay-refused\"", "is not a whole number");
        assertThat(mvc.post().uri("/admin/policy/rules/C8/replay").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("p.creditApprovalThreshold", "900000"))
                .hasStatusOk().bodyText().contains("id=\"replay-none\"", "nothing to replay")
                .doesNotContain("replay-outcomes");
        assertThat(policy.current().version()).isEqualTo(version);
        assertThat(state()).isEqualTo(before);

        Cookie repSession = fixtures.session(mvc, rep.username(), Fixtures.PASSWORD);
        assertThat(mvc.post().uri("/admin/policy/rules/K4/replay").cookie(repSession).with(csrf())
                .param("p.window.amount", "4").param("p.window.unit", "HOURS").param("p.window.basis", "BUSINESS"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}

package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.sop.internal.deadline.DeadlineSweeper;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * SOP compliance with known data in November 2026 (all L7 = 4 business hours, L6 = 2):
 * rep1: two L7 met on time, one L7 breached then met late, one L6 breached and never met;
 * rep2: one L7 met late before any sweep saw it, one L6 still open;
 * rep3 (other team): one L7 met on time, one L7 cancelled (counts nowhere);
 * plus one rep1 L7 due on 1 December (outside the period).
 */
@IntegrationTest
@TestPropertySource(properties = "l2c.scheduler.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String NOVEMBER = "from=2026-11-01&to=2026-12-01";

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(at(2026, 11, 16, 10, 0));
        }
    }

    @Autowired Deadlines deadlines;
    @Autowired DeadlineSweeper sweeper;
    @Autowired MutableClock clock;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    User manager, rep1, rep2, rep3;
    UUID teamA, teamB;
    SubjectRef a, b, c, d, e, f, g, december;

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
    }

    private static SubjectRef lead() {
        return SubjectRef.of("Lead", UUID.randomUUID());
    }

    @BeforeAll
    void knownDeadlines() {
        teamA = fixtures.unit("Compliance A");
        teamB = fixtures.unit("Compliance B");
        manager = fixtures.user("cmgr", teamA, LocalDate.of(2020, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(teamA, manager.id());
        rep1 = fixtures.user("crep1", teamA, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        rep2 = fixtures.user("crep2", teamA, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        rep3 = fixtures.user("crep3", teamB, LocalDate.of(2024, 1, 1), Role.SALES_REP);

        Instant start = at(2026, 11, 16, 10, 0);
        clock.set(start);
        a = lead(); b = lead(); c = lead(); d = lead(); e = lead(); f = lead(); g = lead(); december = lead();
        deadlines.open("L7", a, rep1.id(), start);
        deadlines.open("L7", b, rep1.id(), start);
        deadlines.open("L7", c, rep1.id(), start);
        deadlines.open("L6", d, rep1.id(), start);
        deadlines.open("L7", e, rep2.id(), start);
        deadlines.open("L7", f, rep3.id(), start);
        deadlines.open("L7", g, rep3.id(), start);
        deadlines.meet("L7", a, at(2026, 11, 16, 12, 0));
        deadlines.meet("L7", b, at(2026, 11, 16, 14, 0)); // exactly at the due time is on time
        deadlines.meet("L7", f, at(2026, 11, 16, 13, 0));
        deadlines.cancel("L7", g);
        deadlines.meet("L7", e, at(2026, 11, 16, 14, 30));
        clock.set(at(2026, 11, 16, 15, 0));
        sweeper.sweep();
        deadlines.meet("L7", c, at(2026, 11, 16, 16, 0));

        clock.set(at(2026, 11, 30, 10, 0));
        deadlines.open("L6", lead(), rep2.id(), clock.instant());
        deadlines.open("L7", december, rep1.id(), at(2026, 11, 30, 16, 0)); // due 1 December 11:00
    }

    private Map<String, JsonNode> rows(String token, String query) {
        JsonNode body = fixtures.json(mvc.get().uri("/api/v1/compliance?" + query).header(HttpHeaders.AUTHORIZATION, token));
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        body.get("rows").valueStream().forEach(r -> rows.put(r.get("key").asString(), r));
        return rows;
    }

    private static List<Object> counts(JsonNode row) {
        return List.of(row.get("met").asLong(), row.get("breached").asLong(), row.get("open").asLong(),
                row.get("onTimeRate").isNull() ? "null" : row.get("onTimeRate").asDouble());
    }

    private String admin() {
        return "Bearer " + fixtures.token(mvc, "admin");
    }

    @Test
    void byRuleCountsDeadlinesDueInThePeriod() {
        Map<String, JsonNode> rows = rows(admin(), NOVEMBER + "&groupBy=rule");
        assertThat(rows.keySet()).containsExactlyInAnyOrder("L6", "L7");
        assertThat(counts(rows.get("L7"))).containsExactly(3L, 2L, 0L, 0.6);
        assertThat(counts(rows.get("L6"))).containsExactly(0L, 1L, 1L, 0.0);
        assertThat(rows.get("L7").get("label").asString()).contains("L7");
    }

    @Test
    void byOwnerCountsEachPersonsDeadlines() {
        Map<String, JsonNode> rows = rows(admin(), NOVEMBER + "&groupBy=owner");
        assertThat(rows.keySet()).containsExactlyInAnyOrder(rep1.id().toString(), rep2.id().toString(), rep3.id().toString());
        assertThat(counts(rows.get(rep1.id().toString()))).containsExactly(2L, 2L, 0L, 0.5);
        assertThat(counts(rows.get(rep2.id().toString()))).containsExactly(0L, 1L, 1L, 0.0);
        assertThat(counts(rows.get(rep3.id().toString()))).containsExactly(1L, 0L, 0L, 1.0);
        assertThat(rows.get(rep1.id().toString()).get("label").asString()).isEqualTo(rep1.displayName());
    }

    @Test
    void byTeamAddsUpTheOwnersOfEachUnit() {
        Map<String, JsonNode> rows = rows(admin(), NOVEMBER + "&groupBy=team");
        assertThat(rows.keySet()).containsExactlyInAnyOrder(teamA.toString(), teamB.toString());
        assertThat(counts(rows.get(teamA.toString()))).containsExactly(2L, 3L, 1L, 0.4);
        assertThat(counts(rows.get(teamB.toString()))).containsExactly(1L, 0L, 0L, 1.0);
        assertThat(rows.get(teamA.toString()).get("label").asString())
                .contains("Compliance A").contains(manager.displayName());
        // a unit no manager answers for is named, never labelled with its id
        assertThat(rows.get(teamB.toString()).get("label").asString()).startsWith("Compliance B");
    }

    @Test
    void anUnknownDeadlineStateOrScopeCannotBeReadA400AsEveryUnknownChoice() {
        assertThat(mvc.get().uri("/api/v1/deadlines?state=BOGUS").header(HttpHeaders.AUTHORIZATION, admin()))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("state");
        assertThat(mvc.get().uri("/api/v1/deadlines?scope=all").header(HttpHeaders.AUTHORIZATION, admin()))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("scope");
    }

    @Test
    void thePeriodIsByDueTimeAndTheUpperBoundIsExclusive() {
        Map<String, JsonNode> december = rows(admin(), "from=2026-12-01&to=2027-01-01&groupBy=rule");
        assertThat(counts(december.get("L7"))).containsExactly(0L, 0L, 1L, "null");
        Map<String, JsonNode> all = rows(admin(), "from=2026-10-31T16:00:00Z&to=2026-12-02&groupBy=rule");
        assertThat(counts(all.get("L7"))).containsExactly(3L, 2L, 1L, 0.6);
        assertThat(rows(admin(), "from=2026-10-01&to=2026-11-01&groupBy=rule")).isEmpty();
        assertThat(mvc.get().uri("/api/v1/compliance?from=2026-12-01&to=2026-11-01").header(HttpHeaders.AUTHORIZATION, admin()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        // one day asked as from=to is an empty period: the refusal says the end is exclusive and how to ask for the day
        assertThat(mvc.get().uri("/api/v1/compliance?from=2026-12-07&to=2026-12-07").header(HttpHeaders.AUTHORIZATION, admin())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].message").asString()
                .contains("not included", "to=2026-12-08");
        // an unknown grouping cannot be read, as any unknown choice (400)
        assertThat(mvc.get().uri("/api/v1/compliance?groupBy=region").header(HttpHeaders.AUTHORIZATION, admin()))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("groupBy");
    }

    @Test
    void complianceRespectsTheDataScope() {
        String repToken = "Bearer " + fixtures.token(mvc, rep2.username());
        Map<String, JsonNode> own = rows(repToken, NOVEMBER + "&groupBy=owner");
        assertThat(own.keySet()).containsExactly(rep2.id().toString());
        String managerToken = "Bearer " + fixtures.token(mvc, manager.username());
        Map<String, JsonNode> team = rows(managerToken, NOVEMBER + "&groupBy=rule");
        assertThat(counts(team.get("L7"))).containsExactly(2L, 2L, 0L, 0.5);
    }

    @Test
    void theCompliancePageShowsTheTableForAPeriod() {
        Cookie session = signIn(manager);
        assertThat(mvc.get().uri("/compliance?period=custom&from=2026-11-01&to=2026-11-30&groupBy=owner&lang=en").cookie(session))
                .hasStatusOk().bodyText().contains("compliance-table", rep1.displayName(), "50")
                .as("whose deadlines the figures count").contains("id=\"scope-covers\">your teams&#39; records<");
        Cookie rep = signIn(rep1);
        assertThat(mvc.get().uri("/compliance?period=custom&from=2026-11-01&to=2026-11-30&groupBy=team&lang=zh-CN")
                .cookie(rep)).hasStatusOk().bodyText().as("a rep's team row counts the rep's own")
                .contains("id=\"scope-covers\">仅您本人的记录<");
        clock.set(at(2026, 12, 10, 10, 0));
        assertThat(mvc.get().uri("/compliance?period=last&groupBy=rule").cookie(session))
                .hasStatusOk().bodyText().contains("2026-11-01", "2026-11-30", "L7");
    }

    private Cookie signIn(User user) {
        return mvc.post().uri("/login").with(csrf()).param("username", user.username())
                .param("password", Fixtures.PASSWORD).exchange().getResponse().getCookie("SESSION");
    }

    private String page(Cookie session, String uri) throws Exception {
        return mvc.get().uri(uri).cookie(session).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** SPEC §5: the page exports its table for the same period and grouping, in the reader's scope. */
    @Test
    void theCompliancePageExportsItsTableForThePeriodAndGroupingInTheReadersScope() throws Exception {
        Cookie session = signIn(manager);
        String filters = "period=custom&from=2026-11-01&to=2026-11-30&groupBy=owner";
        assertThat(page(session, "/compliance?" + filters + "&lang=en")).as("the link takes the days shown and the grouping")
                .contains("id=\"export-compliance\"", "/compliance/export.xlsx?" + filters.replace("&", "&amp;"));
        assertThat(page(session, "/compliance?period=last&groupBy=owner&lang=zh-CN")).as("a named period: its days")
                .contains("/compliance/export.xlsx?period=custom&amp;from=", ">导出</a>");

        Map<String, JsonNode> api = rows("Bearer " + fixtures.token(mvc, manager.username()), NOVEMBER + "&groupBy=owner");
        byte[] file = com.lead2cash.testing.ExportedWorkbook.file(mvc, session, "/compliance/export.xlsx?" + filters + "&lang=en");
        var rows = com.lead2cash.testing.SpreadsheetCells.formattedRows(file, 0);
        assertThat(List.of(0, 1, 2, 3, 4)).extracting(c -> rows.get(0).getCellText(c)).as("headers in the reader's language")
                .containsExactly("Person", "Met on time", "Breached", "Open", "On-time rate");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.getCellText(0)).as("the team's people, not the other team's")
                .containsExactlyElementsOf(api.values().stream().map(r -> r.get("label").asString()).toList())
                .containsExactlyInAnyOrder(rep1.displayName(), rep2.displayName());
        var first = rows.stream().filter(r -> r.getCellText(0).equals(rep1.displayName())).findFirst().orElseThrow();
        JsonNode theApis = api.get(rep1.id().toString());
        assertThat(List.of(1, 2, 3)).extracting(c -> first.getCellAsNumber(c).orElseThrow().longValueExact())
                .containsExactly(theApis.get("met").asLong(), theApis.get("breached").asLong(), theApis.get("open").asLong())
                .containsExactly(2L, 2L, 0L);
        assertThat(first.getCellAsNumber(4)).as("the on-time rate a percentage")
                .hasValueSatisfying(n -> assertThat(n.doubleValue()).isEqualTo(theApis.get("onTimeRate").asDouble()).isEqualTo(0.5));
        assertThat(first.getCell(4).getDataFormatString()).isEqualTo("0.0%");

        assertThat(jdbc.sql("""
                select detail from platform_audit_event where action = 'EXPORT' and entity_type = 'Deadline'
                and actor_name = :u order by id limit 1""").param("u", manager.username()).query(String.class).single())
                .isEqualTo(String.join("\n", "compliance.audit.exported", "2", "2026-11-01", "2026-11-30",
                        "compliance.groupBy.owner"));
        assertThat(mvc.get().uri("/compliance/export.xlsx?period=custom&from=2026-11-30&to=2026-11-01").cookie(session))
                .as("a period ending before it starts is refused, no file").hasStatus4xxClientError();
    }

    @Test
    void eachCountOfTheCompliancePageLinksToTheDeadlinesItCounted() throws Exception {
        Cookie session = signIn(manager);
        String november = "dueFrom=2026-11-01&dueTo=2026-11-30";
        String byOwner = page(session, "/compliance?period=custom&from=2026-11-01&to=2026-11-30&groupBy=owner&lang=en");
        String rep1Breached = "/deadlines?scope=team&owner=" + rep1.id() + "&outcome=breached&" + november;
        assertThat(byOwner).contains("href=\"" + rep1Breached.replace("&", "&amp;") + "\"");
        // rep1's breached: one met late (marked late), one never met; neither the on-time ones nor December's open one
        String breached = page(session, rep1Breached + "&lang=en");
        assertThat(breached).contains(c.id(), d.id(), "deadline-late").doesNotContain(a.id(), b.id(), e.id(), december.id());

        String byTeam = page(session, "/compliance?period=custom&from=2026-11-01&to=2026-11-30&groupBy=team");
        String teamBreached = "/deadlines?scope=team&team=" + teamA + "&outcome=breached&" + november;
        assertThat(byTeam).contains(teamBreached.replace("&", "&amp;"));
        assertThat(page(session, teamBreached)).contains(c.id(), d.id(), e.id()).doesNotContain(a.id(), b.id());

        String byRule = page(session, "/compliance?period=custom&from=2026-11-01&to=2026-11-30&groupBy=rule");
        String l7Met = "/deadlines?scope=team&rule=L7&outcome=met&" + november;
        assertThat(byRule).contains(l7Met.replace("&", "&amp;"));
        // the data scope still applies: rep3 of the other team met an L7 on time, counted for the director, not here
        assertThat(page(session, l7Met)).contains(a.id(), b.id()).doesNotContain(f.id(), c.id(), g.id());
        assertThat(page(signIn(rep2), l7Met)).doesNotContain(a.id(), b.id(), f.id());
        // the period: December's open deadline is listed only when December is asked
        String open = "/deadlines?scope=team&owner=" + rep1.id() + "&outcome=open";
        assertThat(page(session, open + "&" + november)).doesNotContain(december.id());
        assertThat(page(session, open + "&dueFrom=2026-12-01&dueTo=2026-12-01")).contains(december.id());
        assertThat(page(session, open + "&dueFrom=2026-12-01&dueTo=2026-12-01&lang=zh-CN"))
                .contains("负责人：" + rep1.displayName());
        assertThat(mvc.get().uri("/deadlines?scope=team&outcome=late").cookie(session)).hasStatus(HttpStatus.BAD_REQUEST);
    }
}

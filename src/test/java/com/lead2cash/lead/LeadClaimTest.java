package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Claims from the pool (L8): the first claim of a B lead wins; claims of an A lead close together become a contest. */
@IntegrationTest
@Import(TestClock.class)
class LeadClaimTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired LeadTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    /** A lead in the pool: no territory matches its region, so it waits unowned. */
    private String poolLead(String token, String body) {
        JsonNode lead = support.postJson(mvc, token, "/api/v1/leads", body);
        assertThat(lead.get("ownerId").isNull()).isTrue();
        assertThat(lead.get("status").asString()).isEqualTo("SCREENED");
        return lead.get("id").asString();
    }

    @Test
    void twentyRepsClaimOneBLeadAtOnceAndExactlyOneWins() throws Exception {
        UUID unit = fixtures.unit("Claimers");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fixtures.user("claimer" + i, unit, support.today().minusMonths(24), Role.SALES_REP);
            tokens.add(support.bearer(mvc, "claimer" + i));
        }
        fixtures.user("mkt.claims", unit, null, Role.MARKETING);
        String id = poolLead(support.bearer(mvc, "mkt.claims"), """
                {"companyName":"西藏某公司","contactName":"张","region":"西藏","industry":"餐饮业","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(support.today().plusDays(10)));

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (String token : tokens) {
            futures.add(pool.submit(() -> {
                start.await();
                int status = mvc.post().uri("/api/v1/leads/" + id + "/claim").header(HttpHeaders.AUTHORIZATION, token)
                        .exchange().getResponse().getStatus();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(statuses.get(200)).hasValue(1);
        assertThat(statuses.get(409)).hasValue(19);
        assertThat(jdbc.sql("select count(*) from lead_claim where lead_id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void L8_aSecondClaimOfAnALeadInsideTheWindowOpensAContestThatTheManagerDecides() {
        UUID unit = fixtures.unit("Contest");
        var manager = fixtures.user("contest.boss", unit, support.today().minusYears(6), Role.SALES_MANAGER);
        fixtures.appointManager(unit, manager.id());
        var first = fixtures.user("contest.a", unit, support.today().minusMonths(40), Role.SALES_REP);
        var second = fixtures.user("contest.b", unit, support.today().minusMonths(30), Role.SALES_REP);
        fixtures.user("contest.junior", unit, support.today().minusMonths(2), Role.SALES_REP);
        fixtures.user("contest.mkt", unit, null, Role.MARKETING);
        String id = poolLead(support.bearer(mvc, "contest.mkt"), """
                {"companyName":"西藏大客户","contactName":"刘总","region":"西藏","industry":"制造业","source":"TRADE_SHOW",
                 "budget":900000,"purchaseDate":"%s","decisionMakerKnown":true}
                """.formatted(support.today().plusDays(10)));

        assertThat(mvc.post().uri("/api/v1/leads/" + id + "/claim")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "contest.junior")))
                .hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("lead.claim.seniorityRequired");
        assertThat(mvc.post().uri("/api/v1/leads/" + id + "/claim")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "contest.a"))).hasStatus(200);
        var contest = mvc.post().uri("/api/v1/leads/" + id + "/claim")
                .header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, "contest.b")).exchange();
        assertThat(contest).hasStatus(202).bodyJson().extractingPath("$.contestOpen").isEqualTo(true);
        assertThat(support.inbox(manager.id())).contains("lead.contest");

        String boss = support.bearer(mvc, "contest.boss");
        JsonNode lead = support.getJson(mvc, boss, "/api/v1/leads/" + id);
        JsonNode decided = support.postJson(mvc, boss, "/api/v1/leads/" + id + "/arbitrate",
                "{\"winnerId\":\"" + second.id() + "\",\"reason\":\"熟悉该行业\",\"version\":" + lead.get("version").asLong() + "}");
        assertThat(decided.get("ownerId").asString()).isEqualTo(second.id().toString());
        assertThat(decided.get("contestOpen").asBoolean()).isFalse();
        assertThat(support.inbox(first.id())).contains("lead.arbitrated");
    }

    @Test
    void aRefusedArbitrationComesBackWithTheWinnerChosenAndTheReasonTyped() {
        UUID unit = fixtures.unit("Arbitration");
        var manager = fixtures.user("arbiter.boss", unit, support.today().minusYears(6), Role.SALES_MANAGER);
        fixtures.appointManager(unit, manager.id());
        fixtures.user("arbiter.a", unit, support.today().minusMonths(40), Role.SALES_REP);
        var second = fixtures.user("arbiter.b", unit, support.today().minusMonths(30), Role.SALES_REP);
        fixtures.user("arbiter.mkt", unit, null, Role.MARKETING);
        String id = poolLead(support.bearer(mvc, "arbiter.mkt"), """
                {"companyName":"西藏仲裁大客户","contactName":"马总","region":"西藏","industry":"制造业","source":"TRADE_SHOW",
                 "budget":900000,"purchaseDate":"%s","decisionMakerKnown":true}
                """.formatted(support.today().plusDays(10)));
        for (String rep : new String[] {"arbiter.a", "arbiter.b"}) {
            mvc.post().uri("/api/v1/leads/" + id + "/claim").header(HttpHeaders.AUTHORIZATION, support.bearer(mvc, rep)).exchange();
        }
        Cookie boss = fixtures.session(mvc, "arbiter.boss", Fixtures.PASSWORD);
        assertThat(mvc.post().uri("/leads/" + id + "/arbitrate").cookie(boss)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("winnerId", second.id().toString()).param("reason", "熟悉该行业，客户点名").param("version", "99999"))
                .as("decided by someone else meanwhile").hasStatus3xxRedirection().flash()
                .containsEntry("flashError", "error.staleVersion");
        String page = new String(mvc.get().uri("/leads/" + id + "?lang=en").cookie(boss).exchange().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(page).containsPattern("<input[^>]*id=\"w-" + second.id() + "\"[^>]*checked");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "arbitrate-reason")).isEqualTo("熟悉该行业，客户点名");
    }

    @Test
    void L8_aRepClaimsALeadAgainOnceItIsBackInThePool() {
        var co = support.company(mvc, "again");
        String rep = support.bearer(mvc, co.senior().username());
        String id = poolALead(support.bearer(mvc, co.marketing().username()), "西藏再次认领", "13912345670");
        assertThat(claim(rep, id)).hasStatus(200);
        String boss = support.bearer(mvc, co.eastManager().username());
        support.postJson(mvc, boss, "/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"NO_NEED\",\"version\":"
                + support.getJson(mvc, boss, "/api/v1/leads/" + id).get("version").asLong() + "}");
        JsonNode reopened = support.postJson(mvc, boss, "/api/v1/leads/" + id + "/reopen", "{\"version\":"
                + support.getJson(mvc, boss, "/api/v1/leads/" + id).get("version").asLong() + "}");
        assertThat(reopened.get("ownerId").isNull()).isTrue();

        // the earlier claim was the rep's too: the new one, a day later, replaces it (it was 409 "exists already")
        clock.advance(Duration.ofDays(1));
        assertThat(claim(rep, id)).hasStatus(200).bodyJson().extractingPath("$.ownerId")
                .isEqualTo(co.senior().id().toString());
        assertThat(jdbc.sql("select count(*) from lead_claim where lead_id = :l").param("l", UUID.fromString(id))
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** An A lead no territory covers (西藏): it waits in the pool, its phone known. */
    private String poolALead(String token, String company, String phone) {
        return poolLead(token, """
                {"companyName":"%s","contactName":"刘总","phone":"%s","region":"西藏","industry":"制造业",
                 "source":"TRADE_SHOW","budget":900000,"purchaseDate":"%s","decisionMakerKnown":true}
                """.formatted(company, phone, support.today().plusDays(10)));
    }

    private MvcTestResult claim(String token, String id) {
        return mvc.post().uri("/api/v1/leads/" + id + "/claim").header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private List<String> contests(String token) {
        return support.getJson(mvc, token, "/api/v1/leads?view=contests").get("items").valueStream()
                .map(row -> row.get("id").asString()).toList();
    }

    private String page(Cookie session, String id) throws Exception {
        var result = mvc.get().uri("/leads/" + id).cookie(session).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A sales department: its director above an East and a South team, each with a manager and three senior reps. */
    private record Department(User director, User eastManager, List<User> east, User southManager, List<User> south,
                              User marketing) {
    }

    private Department department(String tag) {
        var today = support.today();
        UUID sales = fixtures.unit("Sales " + tag);
        UUID east = fixtures.unit("East " + tag, sales);
        UUID south = fixtures.unit("South " + tag, sales);
        User director = fixtures.user("dir." + tag, sales, today.minusYears(8), Role.SALES_DIRECTOR);
        User eastManager = fixtures.user("em." + tag, east, today.minusYears(5), Role.REGIONAL_MANAGER);
        User southManager = fixtures.user("sm." + tag, south, today.minusYears(4), Role.REGIONAL_MANAGER);
        fixtures.appointManager(sales, director.id());
        fixtures.appointManager(east, eastManager.id());
        fixtures.appointManager(south, southManager.id());
        List<User> eastReps = new ArrayList<>();
        List<User> southReps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            eastReps.add(fixtures.user("e" + i + "." + tag, east, today.minusMonths(20 + i), Role.SALES_REP));
            southReps.add(fixtures.user("s" + i + "." + tag, south, today.minusMonths(20 + i), Role.SALES_REP));
        }
        User marketing = fixtures.user("mkt." + tag, sales, today.minusYears(2), Role.MARKETING);
        return new Department(director, eastManager, eastReps, southManager, southReps, marketing);
    }

    private String bearer(User user) {
        return support.bearer(mvc, user.username());
    }

    private long contestNotices(User user) {
        return support.inbox(user.id()).stream().filter("lead.contest"::equals).count();
    }

    @Test
    void L8_aClaimantOfAnotherTeamReadsTheContestedLeadMaskedAndUnchangeableUntilItIsDecided() throws Exception {
        Department d = department("read");
        User east = d.east().get(0);
        User south = d.south().get(0);
        String id = poolALead(bearer(d.marketing()), "西藏争议读取", "13912345678");
        assertThat(claim(bearer(east), id)).hasStatus(200);
        String west = bearer(south);
        assertThat(claim(west, id)).hasStatus(202);

        // the claimant from the South reads the lead the East now holds: contact masked, nothing to do
        JsonNode lead = support.getJson(mvc, west, "/api/v1/leads/" + id);
        assertThat(lead.get("contestOpen").asBoolean()).isTrue();
        assertThat(lead.get("contactMasked").asBoolean()).isTrue();
        assertThat(lead.get("phone").asString()).isNotEqualTo("13912345678");
        assertThat(lead.get("availableActions")).isEmpty();
        assertThat(get(west, "/api/v1/leads/" + id + "/history")).hasStatus(200);
        assertThat(contests(west)).contains(id);
        Cookie session = fixtures.session(mvc, south.username(), Fixtures.PASSWORD);
        assertThat(page(session, id)).contains("西藏争议读取").doesNotContain("13912345678", "claim-lead", "contact-form",
                "edit-lead", "/leads/" + id + "/arbitrate");
        // … and changes nothing; their team's manager, no claimant, reads nothing
        assertThat(support.post(mvc, west, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"PHONE\",\"intent\":\"HIGH\",\"summary\":\"试试\"}")).hasStatus(404);
        String westManager = bearer(d.southManager());
        assertThat(get(westManager, "/api/v1/leads/" + id)).hasStatus(404);
        assertThat(contests(westManager)).doesNotContain(id);

        String boss = bearer(d.director());
        support.postJson(mvc, boss, "/api/v1/leads/" + id + "/arbitrate", "{\"winnerId\":\"" + east.id()
                + "\",\"version\":" + support.getJson(mvc, boss, "/api/v1/leads/" + id).get("version").asLong() + "}");

        // decided: the loser is back to their scope
        assertThat(get(west, "/api/v1/leads/" + id)).hasStatus(404);
        assertThat(get(west, "/api/v1/leads/" + id + "/history")).hasStatus(404);
        assertThat(mvc.get().uri("/leads/" + id).cookie(session)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(contests(west)).doesNotContain(id);
    }

    @Test
    void L8_aContestOfClaimantsOfTwoTeamsGoesToTheirCommonSuperiorAloneToldOnce() {
        Department d = department("across");
        String id = poolALead(bearer(d.marketing()), "西藏跨团队争议", "13912345681");
        assertThat(claim(bearer(d.east().get(0)), id)).hasStatus(200);
        for (User rep : List.of(d.south().get(0), d.south().get(1), d.east().get(1))) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(claim(bearer(rep), id)).hasStatus(202);
        }

        // one notice for the contest, to the director above both teams; neither team's manager is asked
        assertThat(contestNotices(d.director())).isEqualTo(1);
        assertThat(contestNotices(d.eastManager())).isZero();
        assertThat(contestNotices(d.southManager())).isZero();

        // the East's manager reads his rep's lead but may not decide for his own rep
        String eastManager = bearer(d.eastManager());
        JsonNode lead = support.getJson(mvc, eastManager, "/api/v1/leads/" + id);
        assertThat(lead.get("availableActions").valueStream().map(JsonNode::asString).toList()).doesNotContain("ARBITRATE");
        String decideForEast = "{\"winnerId\":\"" + d.east().get(0).id() + "\",\"version\":" + lead.get("version").asLong() + "}";
        assertThat(support.post(mvc, eastManager, "/api/v1/leads/" + id + "/arbitrate", decideForEast)).hasStatus(403)
                .bodyJson().extractingPath("$.code").isEqualTo("lead.arbitrate.notTheDecider");
        assertThat(support.getJson(mvc, eastManager, "/api/v1/leads/" + id).get("contestOpen").asBoolean()).isTrue();

        // the director sees it among the contests and decides it, for the South
        String director = bearer(d.director());
        assertThat(contests(director)).contains(id);
        assertThat(support.getJson(mvc, director, "/api/v1/leads/" + id).get("availableActions").valueStream()
                .map(JsonNode::asString).toList()).contains("ARBITRATE");
        JsonNode decided = support.postJson(mvc, director, "/api/v1/leads/" + id + "/arbitrate", "{\"winnerId\":\""
                + d.south().get(1).id() + "\",\"version\":" + lead.get("version").asLong() + "}");
        assertThat(decided.get("ownerId").asString()).isEqualTo(d.south().get(1).id().toString());
        assertThat(decided.get("contestOpen").asBoolean()).isFalse();
    }

    @Test
    void L8_aContestMovedUpByAClaimantOfAnotherTeamTellsTheManagerAskedFirstThatItLeftHim() {
        Department d = department("movedup");
        String id = poolALead(bearer(d.marketing()), "西藏争议上移", "13912345683");
        assertThat(claim(bearer(d.east().get(0)), id)).hasStatus(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.east().get(1)), id)).hasStatus(202);
        assertThat(contestNotices(d.eastManager())).isEqualTo(1);

        for (User rep : d.south().subList(0, 2)) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(claim(bearer(rep), id)).hasStatus(202);
        }
        assertThat(contestNotices(d.director())).isEqualTo(1);
        assertThat(support.inbox(d.eastManager().id()).stream().filter("lead.contest.moved"::equals).count())
                .as("told once that the director decides it now").isEqualTo(1);
        assertThat(support.inbox(d.director().id())).doesNotContain("lead.contest.moved");
    }

    @Test
    void L8_aManagerAContestMovedUpFromMayNotSettleItByAssigningButItsDeciderMayAndTheClaimantsAreTold() {
        Department d = department("assignup");
        String id = poolALead(bearer(d.marketing()), "西藏争议改派", "13912345684");
        assertThat(claim(bearer(d.east().get(0)), id)).hasStatus(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.east().get(1)), id)).hasStatus(202);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.south().get(0)), id)).hasStatus(202);

        // the East's manager was told the director decides it now: he may not assign it either
        String eastManager = bearer(d.eastManager());
        JsonNode lead = support.getJson(mvc, eastManager, "/api/v1/leads/" + id);
        assertThat(lead.get("availableActions").valueStream().map(JsonNode::asString).toList())
                .doesNotContain("ASSIGN", "ARBITRATE");
        String toEast = "{\"ownerId\":\"" + d.east().get(1).id() + "\",\"reason\":\"我来定\",\"version\":"
                + lead.get("version").asLong() + "}";
        assertThat(support.post(mvc, eastManager, "/api/v1/leads/" + id + "/assign", toEast)).hasStatus(403)
                .bodyJson().extractingPath("$.code").isEqualTo("lead.arbitrate.notTheDecider");
        JsonNode still = support.getJson(mvc, eastManager, "/api/v1/leads/" + id);
        assertThat(still.get("contestOpen").asBoolean()).isTrue();
        assertThat(still.get("ownerId").asString()).isEqualTo(d.east().get(0).id().toString());
        assertThat(support.inbox(d.south().get(0).id())).doesNotContain("lead.arbitrated");

        // the director may settle it by assigning; every claimant learns it was decided
        String director = bearer(d.director());
        assertThat(support.getJson(mvc, director, "/api/v1/leads/" + id).get("availableActions").valueStream()
                .map(JsonNode::asString).toList()).contains("ASSIGN", "ARBITRATE");
        JsonNode assigned = support.postJson(mvc, director, "/api/v1/leads/" + id + "/assign", toEast);
        assertThat(assigned.get("ownerId").asString()).isEqualTo(d.east().get(1).id().toString());
        assertThat(assigned.get("contestOpen").asBoolean()).isFalse();
        for (User claimant : List.of(d.east().get(0), d.east().get(1), d.south().get(0))) {
            assertThat(support.inbox(claimant.id())).as(claimant.username()).contains("lead.arbitrated");
        }
    }

    @Test
    void L8_aContestWithinOneTeamGoesToThatTeamsManagerToldOnceHoweverManyClaim() {
        Department d = department("within");
        String id = poolALead(bearer(d.marketing()), "西藏团队内争议", "13912345682");
        assertThat(claim(bearer(d.east().get(0)), id)).hasStatus(200);
        for (User rep : d.east().subList(1, 3)) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(claim(bearer(rep), id)).hasStatus(202);
        }

        assertThat(contestNotices(d.eastManager())).isEqualTo(1);
        assertThat(contestNotices(d.director())).isZero();
        String eastManager = bearer(d.eastManager());
        JsonNode decided = support.postJson(mvc, eastManager, "/api/v1/leads/" + id + "/arbitrate", "{\"winnerId\":\""
                + d.east().get(2).id() + "\",\"version\":" + support.getJson(mvc, eastManager, "/api/v1/leads/" + id)
                .get("version").asLong() + "}");
        assertThat(decided.get("ownerId").asString()).isEqualTo(d.east().get(2).id().toString());
    }

    @Test
    void L5_aRepOfAnotherTeamMayNotClaimANurturedLeadOfATeamsTerritory() {
        var co = support.company(mvc, "nurture");
        String id = support.postJson(mvc, support.bearer(mvc, co.marketing().username()), "/api/v1/leads", """
                {"companyName":"区域培育线索","contactName":"李工","industry":"餐饮业","region":"%s","source":"REFERRAL",
                 "budget":1000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(co.region(), co.today().plusDays(400))).get("id").asString();
        JsonNode nurtured = support.getJson(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/leads/" + id);
        assertThat(nurtured.get("status").asString()).isEqualTo("NURTURING");
        assertThat(nurtured.get("ownerId").isNull()).isTrue();

        String west = support.bearer(mvc, co.westRep().username());
        assertThat(support.getJson(mvc, west, "/api/v1/leads/" + id).get("availableActions").valueStream()
                .map(JsonNode::asString).toList()).doesNotContain("CLAIM");
        MvcTestResult refused = mvc.post().uri("/api/v1/leads/" + id + "/claim").header(HttpHeaders.AUTHORIZATION, west)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("lead.territory.claimOutsideTeam");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString()
                .contains("销售区域“East nurture”", "只有该团队的销售可以认领");
        assertThat(jdbc.sql("select count(*) from lead_claim where lead_id = :id").param("id", UUID.fromString(id))
                .query(Integer.class).single()).isZero();
        assertThat(support.getJson(mvc, west, "/api/v1/leads/" + id).get("version").asLong())
                .isEqualTo(nurtured.get("version").asLong());

        assertThat(claim(support.bearer(mvc, co.junior().username()), id)).hasStatus(200).bodyJson()
                .extractingPath("$.ownerId").isEqualTo(co.junior().id().toString());
    }

    @Test
    void L8_aJuniorRepOfAnotherTeamIsNotToldALeadIsGradeAOnceItIsNoLongerClaimable() {
        var co = support.company(mvc, "junior");
        fixtures.user("westjunior.claims", co.west(), co.today().minusMonths(2), Role.SALES_REP);
        String junior = support.bearer(mvc, "westjunior.claims");
        String marketing = support.bearer(mvc, co.marketing().username());

        // a pool lead, or one claimed moments ago (the contest window open): claimable, so the rule says why not
        String id = poolALead(marketing, "西藏资历提示", "13912345679");
        assertThat(claim(junior, id)).hasStatus(422).bodyJson().extractingPath("$.code")
                .isEqualTo("lead.claim.seniorityRequired");
        assertThat(claim(support.bearer(mvc, co.senior().username()), id)).hasStatus(200);
        assertThat(claim(junior, id)).hasStatus(422);

        // the window over, the East's A lead is not found, as an id that names nothing
        clock.advance(Duration.ofMinutes(16));
        assertThat(claim(junior, id)).hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo("error.notFound");
        // an A lead routed to the East (never claimed): not found either
        String routed = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("南京资历提示", "13912340001"))
                .get("id").asString();
        assertThat(claim(junior, routed)).hasStatus(404).bodyJson().extractingPath("$.code").isEqualTo("error.notFound");
    }

    /** The contest notices in the person's inbox as the notification API shows them: settled or still to do. */
    private List<String> contestNoticeStates(User user) {
        return support.getJson(mvc, bearer(user), "/api/v1/notifications").get("items").valueStream()
                .filter(n -> n.get("kind").asString().equals("lead.contest"))
                .map(n -> n.get("settledAt").isNull() ? "to decide" : "settled").toList();
    }

    private List<String> unreadKinds(User user) {
        return support.getJson(mvc, bearer(user), "/api/v1/notifications?unread=true").get("items").valueStream()
                .map(n -> n.get("kind").asString()).toList();
    }

    @Test
    void L8_aContestMovedUpSettlesTheNoticeOfTheManagerAskedFirstAndItsDecisionSettlesTheDirectorsToo() {
        Department d = department("settled");
        String id = poolALead(bearer(d.marketing()), "西藏争议了结", "13912345691");
        assertThat(claim(bearer(d.east().get(0)), id)).hasStatus(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.east().get(1)), id)).hasStatus(202);
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("to decide");
        assertThat(unreadKinds(d.eastManager())).contains("lead.contest");

        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.south().get(0)), id)).hasStatus(202);
        // the East's manager may no longer decide it: his notice says so and is no longer unread; the director's asks
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("settled");
        assertThat(unreadKinds(d.eastManager())).contains("lead.contest.moved").doesNotContain("lead.contest");
        assertThat(contestNoticeStates(d.director())).containsExactly("to decide");
        assertThat(unreadKinds(d.director())).contains("lead.contest");

        String director = bearer(d.director());
        support.postJson(mvc, director, "/api/v1/leads/" + id + "/arbitrate", "{\"winnerId\":\"" + d.south().get(0).id()
                + "\",\"version\":" + support.getJson(mvc, director, "/api/v1/leads/" + id).get("version").asLong() + "}");
        assertThat(contestNoticeStates(d.director())).as("decided").containsExactly("settled");
        assertThat(unreadKinds(d.director())).doesNotContain("lead.contest");
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("settled");
    }

    @Test
    void L8_aContestSettledByAssigningSettlesItsDecidersNotices() {
        Department d = department("assignsettled");
        String id = poolALead(bearer(d.marketing()), "西藏争议改派了结", "13912345692");
        assertThat(claim(bearer(d.east().get(0)), id)).hasStatus(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.east().get(1)), id)).hasStatus(202);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.south().get(0)), id)).hasStatus(202);
        assertThat(contestNoticeStates(d.director())).containsExactly("to decide");

        String director = bearer(d.director());
        support.postJson(mvc, director, "/api/v1/leads/" + id + "/assign", "{\"ownerId\":\"" + d.east().get(1).id()
                + "\",\"reason\":\"总监定\",\"version\":"
                + support.getJson(mvc, director, "/api/v1/leads/" + id).get("version").asLong() + "}");
        assertThat(contestNoticeStates(d.director())).containsExactly("settled");
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("settled");
        assertThat(unreadKinds(d.director())).doesNotContain("lead.contest");
    }

    @Test
    void L8_aContestEndedByConvertingTheLeadSettlesItsDecidersNotice() {
        Department d = department("convertsettled");
        String id = poolALead(bearer(d.marketing()), "西藏争议转化了结", "13912345693");
        String owner = bearer(d.east().get(0));
        assertThat(claim(owner, id)).hasStatus(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.east().get(1)), id)).hasStatus(202);
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("to decide");

        // the contest still open, its provisional owner qualifies the lead and converts it
        support.postJson(mvc, owner, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"已电话沟通\"}");
        support.postJson(mvc, owner, "/api/v1/leads/" + id + "/convert", "{}");

        JsonNode lead = support.getJson(mvc, bearer(d.eastManager()), "/api/v1/leads/" + id);
        assertThat(lead.get("status").asString()).isEqualTo("CONVERTED");
        assertThat(lead.get("contestOpen").asBoolean()).isFalse();
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("settled");
        assertThat(unreadKinds(d.eastManager())).doesNotContain("lead.contest");
        assertThat(unreadKinds(d.east().get(1))).as("the other claimant learns how the contest ended")
                .contains("lead.arbitrated");
        assertThat(unreadKinds(d.east().get(0))).as("not the one who converted it").doesNotContain("lead.arbitrated");
    }

    @Test
    void L8_aContestEndedByDisqualifyingTheLeadSettlesItsDecidersNotices() {
        Department d = department("disqualifysettled");
        String id = poolALead(bearer(d.marketing()), "西藏争议作废了结", "13912345694");
        String owner = bearer(d.east().get(0));
        assertThat(claim(owner, id)).hasStatus(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.east().get(1)), id)).hasStatus(202);
        clock.advance(Duration.ofSeconds(5));
        assertThat(claim(bearer(d.south().get(0)), id)).hasStatus(202);
        assertThat(contestNoticeStates(d.director())).containsExactly("to decide");

        // the contest still open, its provisional owner disqualifies the lead
        support.postJson(mvc, owner, "/api/v1/leads/" + id + "/disqualify", "{\"reason\":\"NO_NEED\",\"version\":"
                + support.getJson(mvc, owner, "/api/v1/leads/" + id).get("version").asLong() + "}");

        JsonNode lead = support.getJson(mvc, bearer(d.director()), "/api/v1/leads/" + id);
        assertThat(lead.get("status").asString()).isEqualTo("DISQUALIFIED");
        assertThat(lead.get("contestOpen").asBoolean()).isFalse();
        assertThat(contestNoticeStates(d.director())).containsExactly("settled");
        assertThat(contestNoticeStates(d.eastManager())).containsExactly("settled");
        assertThat(unreadKinds(d.director())).doesNotContain("lead.contest");
        assertThat(contests(bearer(d.director()))).doesNotContain(id);
        for (User claimant : List.of(d.east().get(1), d.south().get(0))) {
            JsonNode told = support.getJson(mvc, bearer(claimant), "/api/v1/notifications?unread=true").get("items")
                    .valueStream().filter(n -> "lead.arbitrated".equals(n.get("kind").asString())).findFirst()
                    .orElseThrow(() -> new AssertionError(claimant.username() + " was not told how the contest ended"));
            assertThat(told.get("link").asString()).isEqualTo("/leads/" + id);
        }
    }
}

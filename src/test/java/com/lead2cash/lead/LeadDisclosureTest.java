package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * No disclosure, no writes into others' records: a lead outside the caller's scope is not found on
 * any route, duplicates outside it (on the form, in the API, in an import's report) say only that
 * and whom to ask, search never matches digits the
 * reader sees masked, and a conversion cannot reach another rep's customer.
 */
@IntegrationTest
class LeadDisclosureTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Company co;
    String marketing;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
    }

    /** A B lead routed to the East team; its state as a row to compare before and after. */
    private String eastLead(String company, String phone) {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead(company, phone));
        assertThat(lead.get("ownerId").asString()).isIn(co.senior().id().toString(), co.junior().id().toString());
        return lead.get("id").asString();
    }

    private Map<String, Object> state(String id) {
        return jdbc.sql("""
                select l.version, l.status, l.owner_id, l.grade, l.company_name, l.contest_open,
                       (select count(*) from lead_contact_attempt a where a.lead_id = l.id) as attempts,
                       (select count(*) from lead_claim c where c.lead_id = l.id) as claims,
                       (select count(*) from lead_event e where e.lead_id = l.id) as events
                from lead_lead l where l.id = :id""").param("id", UUID.fromString(id)).query().singleRow();
    }

    /** A manager assigns within their team only: the lead's page offers their reps, never another team's. */
    @Test
    void theAssignListOfALeadsPageOffersTheManagersOwnRepsOnly() {
        String id = eastLead("上海指派名单测试", "13811110009");
        // routed to one of the manager's two reps: the list offers the other one, never the owner (refused 422)
        UUID owner = (UUID) state(id).get("owner_id");
        UUID other = owner.equals(co.senior().id()) ? co.junior().id() : co.senior().id();
        String managers = page(co.eastManager().username(), id, "zh-CN");
        assertThat(managers).contains("value=\"" + other + "\"")
                .doesNotContain("value=\"" + owner + "\"", co.westRep().id().toString());
        String directors = page(co.director().username(), id, "zh-CN");
        assertThat(directors).contains("value=\"" + other + "\"", "value=\"" + co.westRep().id() + "\"");
    }

    @Test
    void everyLeadRouteAnswers404ToAnotherTeamAndChangesNothing() {
        String id = eastLead("上海范围测试", "13811110001");
        Map<String, Object> before = state(id);
        long version = ((Number) before.get("version")).longValue();
        for (String user : List.of(co.westRep().username(), co.westManager().username())) {
            String token = support.bearer(mvc, user);
            Map<String, String> posts = Map.ofEntries(
                    Map.entry("/screen", "{\"version\":" + version + "}"),
                    Map.entry("/regrade", "{\"grade\":\"A\",\"reason\":\"试试\",\"version\":" + version + "}"),
                    Map.entry("/assign", "{\"ownerId\":\"" + co.westRep().id() + "\",\"reason\":\"试试\",\"version\":"
                            + version + "}"),
                    Map.entry("/claim", ""),
                    Map.entry("/arbitrate", "{\"winnerId\":\"" + co.westRep().id() + "\",\"version\":" + version + "}"),
                    Map.entry("/contact-attempts", "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"试试\"}"),
                    Map.entry("/convert", "{\"createOpportunity\":true}"),
                    Map.entry("/disqualify", "{\"reason\":\"NO_NEED\",\"version\":" + version + "}"),
                    Map.entry("/reopen", "{\"version\":" + version + "}"));
            // 404, or the role refusal a route gives whatever the id (403 for a route of another role): no hint either way
            posts.forEach((path, body) -> assertNoHint(user + " POST " + path,
                    support.post(mvc, token, "/api/v1/leads/" + id + path, body),
                    support.post(mvc, token, "/api/v1/leads/" + UUID.randomUUID() + path, body)));
            for (String path : List.of("", "/contact-attempts", "/history")) {
                assertThat(mvc.get().uri("/api/v1/leads/" + id + path).header(HttpHeaders.AUTHORIZATION, token))
                        .as(user + " GET " + path).hasStatus(HttpStatus.NOT_FOUND);
            }
            assertThat(mvc.put().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"companyName":"改名","source":"REFERRAL","version":%d}""".formatted(version)))
                    .as(user + " PUT").hasStatus(HttpStatus.NOT_FOUND);
            String bulk = "{\"leadIds\":[\"%s\"],\"ownerId\":\"" + co.westRep().id() + "\",\"reason\":\"试试\"}";
            assertNoHint(user + " bulk-assign", support.post(mvc, token, "/api/v1/leads/bulk-assign", bulk.formatted(id)),
                    support.post(mvc, token, "/api/v1/leads/bulk-assign", bulk.formatted(UUID.randomUUID())));
            assertThat(support.post(mvc, token, "/api/v1/leads", """
                    {"companyName":"上海范围测试","source":"REFERRAL","duplicateAction":"MERGE","mergeIntoLeadId":"%s"}
                    """.formatted(id))).as(user + " merge").hasStatus(HttpStatus.NOT_FOUND);
            pagesAnswer404(user, id, version);
        }
        assertThat(state(id)).isEqualTo(before);
    }

    private void pagesAnswer404(String user, String id, long version) {
        Cookie session = fixtures.session(mvc, user, Fixtures.PASSWORD);
        for (String path : List.of("/leads/" + id, "/leads/" + id + "/edit")) {
            assertThat(mvc.get().uri(path).cookie(session)).as(user + " page " + path).hasStatus(HttpStatus.NOT_FOUND);
        }
        Map<String, Map<String, String>> forms = Map.ofEntries(
                Map.entry("/edit", Map.of("companyName", "改名", "source", "REFERRAL", "version", "" + version)),
                Map.entry("/screen", Map.of("version", "" + version)),
                Map.entry("/regrade", Map.of("grade", "A", "reason", "试试", "version", "" + version)),
                Map.entry("/assign", Map.of("ownerId", co.westRep().id().toString(), "reason", "试试",
                        "version", "" + version)),
                Map.entry("/claim", Map.of()),
                Map.entry("/arbitrate", Map.of("winnerId", co.westRep().id().toString(), "version", "" + version)),
                Map.entry("/contact-attempts", Map.of("channel", "phone", "intent", "HIGH", "summary", "试试")),
                Map.entry("/convert", Map.of("createOpportunity", "true")),
                Map.entry("/disqualify", Map.of("reason", "NO_NEED", "version", "" + version)),
                Map.entry("/reopen", Map.of("version", "" + version)));
        forms.forEach((path, params) -> assertNoHint(user + " form " + path, post(session, "/leads/" + id + path, params),
                post(session, "/leads/" + UUID.randomUUID() + path, params)));
        assertNoHint(user + " bulk form", post(session, "/leads/bulk-assign", Map.of("leadIds", id,
                        "ownerId", co.westRep().id().toString(), "reason", "试试")),
                post(session, "/leads/bulk-assign", Map.of("leadIds", UUID.randomUUID().toString(),
                        "ownerId", co.westRep().id().toString(), "reason", "试试")));
        assertThat(post(session, "/leads/new", Map.of("companyName", "上海范围测试", "source", "REFERRAL",
                "duplicateAction", "MERGE", "mergeIntoLeadId", id))).as(user + " merge form")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    /**
     * Asserts the answer for another team's lead says nothing a made-up id would not: 404, or a refusal of the
     * caller's role on the route itself (403) that a made-up id gets too.
     */
    private static void assertNoHint(String what, MvcTestResult real, MvcTestResult madeUp) {
        assertThat(real.getResponse().getStatus()).as(what).isIn(404, 403)
                .isEqualTo(madeUp.getResponse().getStatus());
    }

    private MvcTestResult post(Cookie session, String path, Map<String, String> params) {
        var request = mvc.post().uri(path).cookie(session).with(csrf());
        for (var p : params.entrySet()) {
            request = request.param(p.getKey(), p.getValue());
        }
        return request.exchange();
    }

    @Test
    void anImportReportNamesADuplicateInAnotherTeamOnlyByWhatMatchedAndItsOwner() {
        String id = eastLead("上海查重导入", "13822220003");
        JsonNode lead = support.getJson(mvc, marketing, "/api/v1/leads/" + id);
        String code = lead.get("code").asString();
        String file = "公司名称*,来源渠道*,行业,区域,联系人,电话,预算（元）,计划采购日期,联系人有决策权\r\n"
                + "成都导入另一家,展会,,,,13822220003,,,\r\n";
        String westManager = support.bearer(mvc, co.westManager().username());
        var started = mvc.post().uri("/api/v1/leads/imports").multipart()
                .file(new MockMultipartFile("file", "west.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
                .header(HttpHeaders.AUTHORIZATION, westManager).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        String importId = support.json(started).get("id").asString();
        JsonNode report = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> support.getJson(mvc, westManager, "/api/v1/leads/imports/" + importId),
                        s -> "DONE".equals(s.get("state").asString()));

        assertThat(report.get("duplicates").asInt()).isEqualTo(1);
        String matches = report.get("possibleDuplicates").get(0).get("matches").asString();
        String owner = lead.get("ownerName").asString();
        assertThat(matches).isEqualTo("A record of another team matches — ask its owner, " + owner + " (same phone)")
                .doesNotContain(code, id, "上海查重导入");
        assertThat(report.toString()).doesNotContain(code, id, "上海查重导入");

        // imported in English, read in Chinese: said in the reader's language, not frozen in the uploader's
        JsonNode inChinese = support.json(mvc.get().uri("/api/v1/leads/imports/" + importId)
                .header(HttpHeaders.AUTHORIZATION, westManager).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange());
        assertThat(inChinese.get("possibleDuplicates").get(0).get("matches").asString())
                .isEqualTo("其他团队的记录与之匹配，可联系负责人 " + owner + "（相同的电话）");

        // a possible duplicate stored as text before is read as it was
        jdbc.sql("update lead_import_row set duplicate_of = '其他团队的记录与之匹配（相同的电话）' where import_id = cast(:id as uuid)")
                .param("id", importId).update();
        assertThat(support.getJson(mvc, westManager, "/api/v1/leads/imports/" + importId).get("possibleDuplicates").get(0)
                .get("matches").asString()).isEqualTo("其他团队的记录与之匹配（相同的电话）");
    }

    @Test
    void aDuplicateInAnotherTeamSaysOnlyThatItMatchesOnWhatAndWhomToAsk() throws Exception {
        String id = eastLead("上海查重甲", "13822220002");
        String code = support.getJson(mvc, marketing, "/api/v1/leads/" + id).get("code").asString();
        String probe = "{\"companyName\":\"成都另一家\",\"phone\":\"+86 138 2222 0002\",\"source\":\"REFERRAL\"}";

        JsonNode west = support.postJson(mvc, support.bearer(mvc, co.westRep().username()), "/api/v1/leads/duplicates", probe);
        assertThat(west).hasSize(1);
        JsonNode hidden = west.get(0);
        assertThat(hidden.get("kind").asString()).isEqualTo("LEAD");
        assertThat(hidden.get("inScope").asBoolean()).isFalse();
        assertThat(hidden.get("matchedOn").valueStream().map(JsonNode::asString).toList()).containsExactly("PHONE");
        assertThat(hidden.get("ownerName").asString()).endsWith(" Name");
        for (String field : List.of("id", "code", "name", "status")) {
            assertThat(hidden.get(field).isNull()).as(field).isTrue();
        }
        assertThat(west.toString()).doesNotContain(id, code, "上海查重甲");

        JsonNode east = support.postJson(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/leads/duplicates",
                probe);
        assertThat(east.get(0).get("inScope").asBoolean()).isTrue();
        assertThat(east.get(0).get("code").asString()).isEqualTo(code);
        assertThat(east.get(0).get("name").asString()).isEqualTo("上海查重甲");

        // the capture form says the same, in the reader's language, and offers no merge into it
        Cookie session = fixtures.session(mvc, co.westRep().username(), Fixtures.PASSWORD);
        String html = post(session, "/leads/new?lang=zh-CN", Map.of("companyName", "成都另一家", "phone", "13822220002",
                "source", "REFERRAL")).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("其他团队的记录与之匹配").doesNotContain(code, "上海查重甲", "dup-merge-");
    }

    @Test
    void searchNeverMatchesDigitsTheReaderSeesMasked() {
        // a pool lead: no territory covers its region, so it waits unowned; reps see its phone masked
        JsonNode pool = support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"西藏掩码测试","contactName":"王","phone":"13933334444","region":"西藏","industry":"餐饮业",
                 "source":"REFERRAL","budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(co.today().plusDays(10)));
        assertThat(pool.get("ownerId").isNull()).isTrue();
        String rep = support.bearer(mvc, co.westRep().username());
        JsonNode seenByRep = support.getJson(mvc, rep, "/api/v1/leads/" + pool.get("id").asString());
        assertThat(seenByRep.get("contactMasked").asBoolean()).isTrue();
        assertThat(seenByRep.get("phone").asString()).isEqualTo("139****4444");

        assertThat(support.getJson(mvc, rep, "/api/v1/leads?q=33334444").get("items")).isEmpty();
        assertThat(support.getJson(mvc, rep, "/api/v1/leads?q=4444").get("items")).isEmpty();
        assertThat(support.getJson(mvc, rep, "/api/v1/leads?q=西藏掩码").get("items").findValuesAsString("id"))
                .containsExactly(pool.get("id").asString());
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads?q=33334444").get("items").findValuesAsString("id"))
                .containsExactly(pool.get("id").asString());
        assertThat(support.getJson(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/leads?q=33334444")
                .get("items").findValuesAsString("id")).containsExactly(pool.get("id").asString());
    }

    @Test
    void aLeadCannotBeConvertedIntoAnotherRepsCustomerNorGiveItAContact() {
        // the West rep's own customer, from a converted West lead
        JsonNode westLead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeBLead("成都客户", "13855550005")
                .replace(co.region(), co.westRegion()));
        assertThat(westLead.get("ownerId").asString()).isEqualTo(co.westRep().id().toString());
        String westRep = support.bearer(mvc, co.westRep().username());
        support.post(mvc, westRep, "/api/v1/leads/" + westLead.get("id").asString() + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"有需求\"}");
        String westCustomer = support.postJson(mvc, westRep, "/api/v1/leads/" + westLead.get("id").asString() + "/convert",
                "{}").get("customerId").asString();
        int contactsBefore = contacts(westCustomer);

        String eastLead = eastLead("上海转化测试", "13855550006");
        String owner = support.getJson(mvc, marketing, "/api/v1/leads/" + eastLead).get("ownerId").asString();
        String eastRep = support.bearer(mvc, owner.equals(co.senior().id().toString()) ? co.senior().username()
                : co.junior().username());
        support.post(mvc, eastRep, "/api/v1/leads/" + eastLead + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"有需求\"}");

        MvcTestResult intoOthers = support.post(mvc, eastRep, "/api/v1/leads/" + eastLead + "/convert",
                "{\"customerId\":\"" + westCustomer + "\"}");
        MvcTestResult intoNothing = support.post(mvc, eastRep, "/api/v1/leads/" + eastLead + "/convert",
                "{\"customerId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(intoOthers).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("customerId");
        // the same answer as for a customer that does not exist: no hint
        assertThat(support.json(intoOthers).get("errors")).isEqualTo(support.json(intoNothing).get("errors"));
        assertThat(contacts(westCustomer)).isEqualTo(contactsBefore);
        assertThat(support.getJson(mvc, eastRep, "/api/v1/leads/" + eastLead).get("status").asString())
                .isEqualTo("CONTACTED");
    }

    private int contacts(String customerId) {
        return jdbc.sql("select count(*) from customer_contact where customer_id = :c")
                .param("c", UUID.fromString(customerId)).query(Integer.class).single();
    }

    @Test
    void theLeadSaysWhatTheReaderMayDoNext() {
        String id = eastLead("上海操作测试", "13866660006");
        String owner = support.getJson(mvc, marketing, "/api/v1/leads/" + id).get("ownerId").asString();
        String ownerToken = support.bearer(mvc, owner.equals(co.senior().id().toString()) ? co.senior().username()
                : co.junior().username());
        assertThat(support.getJson(mvc, ownerToken, "/api/v1/leads/" + id).get("availableActions").valueStream()
                .map(JsonNode::asString).toList()).containsExactlyInAnyOrder("REGRADE", "CORRECT", "CONTACT", "DISQUALIFY");
        assertThat(support.getJson(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/leads/" + id)
                .get("availableActions").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("REGRADE", "CORRECT", "CONTACT", "DISQUALIFY", "ASSIGN");
        // whoever captured it may read it, but no longer act on it
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads/" + id).get("availableActions")).isEmpty();

        // the lead's page offers the same, in both languages
        String ownerName = owner.equals(co.senior().id().toString()) ? co.senior().username() : co.junior().username();
        for (String language : List.of("zh-CN", "en")) {
            String ownerPage = page(ownerName, id, language);
            assertThat(ownerPage).contains("contact-form", "edit-lead").doesNotContain("assign-form", "claim-lead", "??");
            assertThat(page(co.eastManager().username(), id, language)).contains("assign-form", "contact-form")
                    .doesNotContain("claim-lead", "??");
            assertThat(page(co.marketing().username(), id, language))
                    .doesNotContain("contact-form", "assign-form", "edit-lead", "screen-lead", "??");
        }
    }

    /** A pool lead is every rep's to claim, not to rewrite: SPEC gives reps their own leads, marketing the pool. */
    @Test
    void aRepMayClaimAPoolLeadButNotCorrectRegradeDisqualifyOrScreenIt() {
        // no territory covers 西藏: the leads wait unowned, within every rep's reach
        String pool = support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"西藏公海测试","contactName":"王","region":"西藏","industry":"餐饮业","source":"REFERRAL",
                 "budget":200000,"purchaseDate":"%s","decisionMakerKnown":false}""".formatted(co.today().plusDays(10)))
                .get("id").asString();
        String unscreened = support.postJson(mvc, marketing, "/api/v1/leads",
                "{\"companyName\":\"西藏待筛测试\",\"region\":\"西藏\",\"source\":\"WEBSITE_FORM\"}").get("id").asString();
        Map<String, Object> poolBefore = state(pool);
        Map<String, Object> unscreenedBefore = state(unscreened);
        String rep = support.bearer(mvc, co.westRep().username());

        assertThat(support.getJson(mvc, rep, "/api/v1/leads/" + pool).get("availableActions").valueStream()
                .map(JsonNode::asString).toList()).containsExactly("CLAIM");
        assertThat(mvc.put().uri("/api/v1/leads/" + pool).header(HttpHeaders.AUTHORIZATION, rep)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"companyName":"改名","source":"REFERRAL","version":%d}""".formatted(poolBefore.get("version"))))
                .as("PUT").hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.code").isEqualTo("lead.ownLeadsOnly");
        assertThat(support.post(mvc, rep, "/api/v1/leads/" + pool + "/regrade",
                "{\"grade\":\"A\",\"reason\":\"试试\",\"version\":" + poolBefore.get("version") + "}"))
                .as("regrade").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(support.post(mvc, rep, "/api/v1/leads/" + pool + "/disqualify",
                "{\"reason\":\"NO_NEED\",\"version\":" + poolBefore.get("version") + "}"))
                .as("disqualify").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(support.post(mvc, rep, "/api/v1/leads/" + unscreened + "/screen",
                "{\"version\":" + unscreenedBefore.get("version") + "}"))
                .as("screen").hasStatus(HttpStatus.FORBIDDEN);
        assertThat(state(pool)).isEqualTo(poolBefore);
        assertThat(state(unscreened)).isEqualTo(unscreenedBefore);

        String page = page(co.westRep().username(), pool, "zh-CN");
        assertThat(page).contains("claim-lead").doesNotContain("edit-lead", "/leads/" + pool + "/regrade",
                "/leads/" + pool + "/disqualify");
        assertThat(page(co.westRep().username(), unscreened, "zh-CN")).doesNotContain("screen-lead", "edit-lead");
        // nor does the correction form open for them (it did, and its save answered 403)
        Cookie repSession = fixtures.session(mvc, co.westRep().username(), Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/leads/" + pool + "/edit").cookie(repSession)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/leads/" + pool + "/edit").cookie(fixtures.session(mvc, co.marketing().username(),
                Fixtures.PASSWORD))).hasStatusOk();
        // marketing works the pool as before
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads/" + pool).get("availableActions").valueStream()
                .map(JsonNode::asString).toList()).containsExactlyInAnyOrder("REGRADE", "CORRECT", "DISQUALIFY");
        assertThat(page(co.marketing().username(), unscreened, "zh-CN")).contains("screen-lead", "edit-lead");
    }

    private String page(String user, String id, String language) {
        try {
            return mvc.get().uri("/leads/" + id).cookie(fixtures.session(mvc, user, Fixtures.PASSWORD))
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

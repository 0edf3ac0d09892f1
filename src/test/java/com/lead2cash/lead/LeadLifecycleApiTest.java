package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The lead SOP end to end over the API: capture, grade, route, notify, first response, convert. */
@IntegrationTest
class LeadLifecycleApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Company co;
    String marketing;

    @BeforeEach
    void company() {
        co = support.company(mvc, UUID.randomUUID().toString().substring(0, 6));
        marketing = support.bearer(mvc, co.marketing().username());
    }

    @Test
    void L1_aCompleteGradeALeadIsScreenedAtOnceAndRoutedToTheSeniorRepWithItsDeadlines() throws Exception {
        var result = support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海甲制造有限公司", "13800000001"));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        JsonNode lead = support.json(result);
        assertThat(lead.get("code").asString()).matches("L-\\d{4}-\\d{6}");
        assertThat(lead.get("grade").asString()).isEqualTo("A");
        assertThat(lead.get("gradeReasons")).hasSize(4);
        assertThat(lead.get("gradeReasons").findValuesAsString("criterion"))
                .containsExactly("INDUSTRY_MATCH", "BUDGET", "URGENCY", "DECISION_CHAIN");
        assertThat(lead.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(lead.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        assertThat(lead.get("duplicates")).isEmpty();
        assertThat(lead.get("version").isNumber()).isTrue();
        assertThat(lead.get("budget").decimalValue()).isEqualByComparingTo("500000");
        assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"budget\":500000.00");
        assertThat(lead.get("currency").asString()).isEqualTo("CNY");

        UUID id = UUID.fromString(lead.get("id").asString());
        assertThat(support.deadlines(id)).containsExactlyInAnyOrder("L1:MET", "L6:MET", "L7:OPEN");
        String senior = support.bearer(mvc, co.senior().username());
        assertThat(support.getJson(mvc, senior, "/api/v1/leads?q=甲制造").get("items").findValuesAsString("id"))
                .containsExactly(id.toString());
        assertThat(support.getJson(mvc, senior, "/api/v1/leads?q=00000001").get("items").findValuesAsString("id"))
                .containsExactly(id.toString());
        assertThat(support.getJson(mvc, senior, "/api/v1/leads?q=没有这家公司").get("items")).isEmpty();
        assertThat(support.getJson(mvc, senior, "/api/v1/leads?territoryId=" + co.eastTerritory()).get("items")
                .findValuesAsString("id")).containsExactly(id.toString());
        assertThat(support.getJson(mvc, senior, "/api/v1/leads?territoryId=" + UUID.randomUUID()).get("items")).isEmpty();
        assertThat(support.getJson(mvc, senior, "/api/v1/leads?ownerId=" + co.junior().id()).get("items")).isEmpty();
        assertThat(support.inbox(co.senior().id())).contains("lead.assigned");
        // whoever captured it keeps seeing it after it went to a rep
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads/" + id).get("ownerId").asString())
                .isEqualTo(co.senior().id().toString());
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads").get("items").findValuesAsString("id"))
                .contains(id.toString());
        // ... but does not change it any more
        assertThat(support.post(mvc, marketing, "/api/v1/leads/" + id + "/disqualify",
                "{\"reason\":\"NO_NEED\",\"version\":" + lead.get("version").asLong() + "}")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void L6_theAssigneeIsToldInTheSameTransactionSoTheNoticeIsMetTheMomentItsClockStarts() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeBLead("上海通知测试", "13800000031")));
        UUID owner = UUID.fromString(lead.get("ownerId").asString());
        assertThat(support.inbox(owner)).containsExactly("lead.assigned");
        var notice = jdbc.sql("""
                select owner_id, state, started_at = met_at as at_once from sop_deadline
                where rule_id = 'L6' and subject_id = :id""").param("id", lead.get("id").asString()).query().singleRow();
        assertThat(notice.get("owner_id")).isEqualTo(owner);
        assertThat(notice.get("state")).isEqualTo("MET");
        assertThat(notice.get("at_once")).isEqualTo(true);
    }

    @Test
    void L1_aLeadWithMissingFactsWaitsForScreeningAndAPersonScreensIt() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                "{\"companyName\":\"江苏乙贸易\",\"region\":\"" + co.region() + "\",\"source\":\"WEBSITE_FORM\",\"industry\":\"制造业\"}");
        assertThat(lead.get("status").asString()).isEqualTo("NEW");
        assertThat(lead.get("gradeComplete").asBoolean()).isFalse();
        UUID id = UUID.fromString(lead.get("id").asString());
        assertThat(support.deadlines(id)).containsExactly("L1:OPEN");

        JsonNode screened = support.postJson(mvc, marketing, "/api/v1/leads/" + id + "/screen",
                "{\"version\":" + lead.get("version").asLong() + "}");
        // grade C (one point): screening sends it to the nurture pool
        assertThat(screened.get("grade").asString()).isEqualTo("C");
        assertThat(screened.get("status").asString()).isEqualTo("NURTURING");
        assertThat(support.deadlines(id)).containsExactly("L1:MET");

        var again = support.post(mvc, marketing, "/api/v1/leads/" + id + "/screen",
                "{\"version\":" + screened.get("version").asLong() + "}");
        assertThat(again).hasStatus(422);
        assertThat(support.json(again).get("detail").asString()).as("the states in words, not their codes")
                .contains("“New”", "“Nurturing”").doesNotContain("NEW").doesNotContain("NURTURING");
    }

    @Test
    void L1_thePageSaysALeadNeedsScreeningOnlyWhileItWaitsForIt() {
        // industry and budget known, no purchase date: grade B on incomplete data, waiting for a person
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"上海待核实","region":"%s","source":"REFERRAL","industry":"制造业","budget":300000}
                """.formatted(co.region()));
        UUID id = UUID.fromString(lead.get("id").asString());
        var session = fixtures.session(mvc, co.marketing().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        assertThat(lead.get("awaitsScreening").asBoolean()).isTrue();
        assertThat(sessionPage(session, id, "zh-CN")).contains("id=\"awaits-screening\"", "需人工核实后完成初筛");

        JsonNode screened = support.postJson(mvc, marketing, "/api/v1/leads/" + id + "/screen",
                "{\"version\":" + lead.get("version").asLong() + "}");
        assertThat(screened.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(screened.get("gradeComplete").asBoolean()).as("still incomplete data").isFalse();
        assertThat(screened.get("awaitsScreening").asBoolean()).isFalse();
        assertThat(sessionPage(session, id, "zh-CN")).doesNotContain("awaits-screening", "需人工核实后完成初筛");
    }

    @Test
    void L4_screeningRoutesPastARepWithoutAHireDateForAnALeadAndToThemForABLead() {
        // a rep recorded before a hire date was required has no known seniority
        var undated = undatedRep("undated." + co.tag());
        String region = "浙江省嘉兴市";
        assertThat(support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-territories", """
                {"name":"Jiaxing %s","regions":["%s"],"managerId":"%s","repIds":["%s"]}
                """.formatted(co.tag(), region, co.eastManager().id(), undated.id()))).hasStatus(HttpStatus.CREATED);
        // no named contact: both wait for screening
        JsonNode a = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeALead("嘉兴无入职甲", "13800000051").replace(co.region(), region).replace("\"王经理\"", "null"));
        JsonNode b = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeBLead("嘉兴无入职乙", "13800000052").replace(co.region(), region).replace("\"李工\"", "null"));
        assertThat(List.of(a.get("status").asString(), b.get("status").asString())).containsOnly("NEW");

        var screenedA = support.post(mvc, marketing, "/api/v1/leads/" + a.get("id").asString() + "/screen",
                "{\"version\":" + a.get("version").asLong() + "}");
        assertThat(screenedA).hasStatusOk();
        JsonNode leadA = support.json(screenedA);
        assertThat(leadA.get("grade").asString()).isEqualTo("A");
        assertThat(leadA.get("ownerId").isNull()).isTrue();
        assertThat(leadA.get("queueManagerId").asString()).isEqualTo(co.eastManager().id().toString());

        var screenedB = support.post(mvc, marketing, "/api/v1/leads/" + b.get("id").asString() + "/screen",
                "{\"version\":" + b.get("version").asLong() + "}");
        assertThat(screenedB).hasStatusOk();
        JsonNode leadB = support.json(screenedB);
        assertThat(leadB.get("grade").asString()).isEqualTo("B");
        assertThat(leadB.get("ownerId").asString()).isEqualTo(undated.id().toString());
    }

    /** A rep as recorded before a sales person's hire date was required (SPEC §1): the date unknown. */
    private com.lead2cash.platform.internal.identity.User undatedRep(String username) {
        var rep = fixtures.user(username, co.east(), co.today().minusYears(3), com.lead2cash.platform.Role.SALES_REP);
        jdbc.sql("update platform_user set hire_date = null where id = :id").param("id", rep.id()).update();
        return rep;
    }

    @Test
    void L4_aRepWhoseHireDateIsUnknownIsSaidToBeSoBesideTheAssignChoiceAndInTheClaimRefusal() throws Exception {
        var undated = undatedRep("unknown.hire." + co.tag());
        String region = "浙江省丽水市";
        assertThat(support.post(mvc, support.bearer(mvc, "admin"), "/api/v1/lead-territories", """
                {"name":"Lishui %s","regions":["%s"],"managerId":"%s","repIds":["%s","%s"]}
                """.formatted(co.tag(), region, co.eastManager().id(), undated.id(), co.junior().id())))
                .hasStatus(HttpStatus.CREATED);
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeALead("丽水入职未知甲", "13800000071").replace(co.region(), region));
        assertThat(lead.get("grade").asString()).isEqualTo("A");
        assertThat(lead.get("ownerId").isNull()).as("nobody senior in the territory: it waits").isTrue();
        String id = lead.get("id").asString();

        var session = fixtures.session(mvc, co.eastManager().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        for (String[] words : new String[][] {
                {"en", undated.displayName() + " (hire date unknown: not counted as senior, reason required, L4)",
                        co.junior().displayName() + " (not more than 12 months of service: reason required, L4)"},
                {"zh-CN", undated.displayName() + "（入职日期未知：不算资深，须填写原因，L4）",
                        co.junior().displayName() + "（入职未超过12个月：须填写原因，L4）"}}) {
            String page = mvc.get().uri("/leads/" + id).header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, words[0])
                    .cookie(session).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(words[0]).contains(words[1], words[2])
                    .doesNotContain(undated.displayName() + " (not more than", undated.displayName() + "（入职未超过");
        }

        var refused = support.post(mvc, support.bearer(mvc, undated.username()), "/api/v1/leads/" + id + "/claim", "");
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.code").isEqualTo("lead.claim.seniorityUnknown");
    }

    @Test
    void aConvertedLeadPointsToTheSurvivorWhenTheCustomerItBecameIsMerged() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海合并线索科技", "13800000061")));
        String id = lead.get("id").asString();
        String rep = support.bearer(mvc, co.senior().username());
        support.postJson(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"需求明确\"}");
        String became = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert", "{}").get("customerId").asString();
        String survivor = support.postJson(mvc, rep, "/api/v1/customers",
                "{\"name\":\"北京远洋存续软件有限公司\",\"industry\":\"软件\"}").get("id").asString();

        assertThat(support.post(mvc, support.bearer(mvc, co.eastManager().username()), "/api/v1/customers/" + survivor
                + "/merge", "{\"mergedId\":\"" + became + "\",\"reason\":\"同一家公司\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.moved.convertedLeads").isEqualTo(1);
        // the lead names the customer it became where that customer lives now
        assertThat(support.getJson(mvc, rep, "/api/v1/leads/" + id).get("customerId").asString()).isEqualTo(survivor);
    }

    @Test
    void L7_firstContactMeetsTheFirstResponseDeadlineAndConversionCreatesCustomerContactAndOpportunityOnce() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海丙科技", "13800000002")));
        UUID id = UUID.fromString(lead.get("id").asString());
        String rep = support.bearer(mvc, co.senior().username());

        assertThat(support.post(mvc, rep, "/api/v1/leads/" + id + "/convert", "{}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.code")
                .isEqualTo("lead.convert.notQualified");

        var contacted = support.post(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"需求明确，下周演示\"}");
        assertThat(contacted).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CONTACTED");
        assertThat(support.deadlines(id)).contains("L7:MET");

        String convert = "{\"createOpportunity\":true,\"opportunityName\":\"丙科技 CRM\",\"amount\":480000}";
        JsonNode first = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert", convert);
        JsonNode again = support.postJson(mvc, rep, "/api/v1/leads/" + id + "/convert", convert);
        assertThat(first.get("customerId").asString()).isNotBlank();
        assertThat(first.get("contactId").asString()).isNotBlank();
        assertThat(first.get("opportunityId").asString()).isNotBlank();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from customer_customer where source_lead_code = :c")
                .param("c", lead.get("code").asString()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select amount from opportunity_opportunity where id = :id")
                .param("id", UUID.fromString(first.get("opportunityId").asString())).query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("480000");
        assertThat(support.getJson(mvc, rep, "/api/v1/leads/" + id).get("status").asString()).isEqualTo("CONVERTED");

        // the lead's page names what it became, never by id: linked for the rep, who opens both
        String customerId = first.get("customerId").asString();
        String opportunityId = first.get("opportunityId").asString();
        String customerName = support.getJson(mvc, rep, "/api/v1/customers/" + customerId).get("name").asString();
        String opportunityCode = support.getJson(mvc, rep, "/api/v1/opportunities/" + opportunityId).get("code").asString();
        String repPage = leadPage(co.senior().username(), id, "en");
        assertThat(repPage).contains("Converted into", "href=\"/customers/" + customerId + "\"",
                        "href=\"/opportunities/" + opportunityId + "\"")
                .containsPattern("<a id=\"conversion-customer\"[^>]*>" + customerName + "</a>")
                .containsPattern("<a id=\"conversion-opportunity\"[^>]*>" + opportunityCode + "</a>");
        assertThat(leadPage(co.senior().username(), id, "zh-CN")).contains("已转化为", customerName, opportunityCode);
        // marketing captured the lead but reads no customers and cannot open the opportunity: its code as text
        String marketingCard = conversionCard(leadPage(co.marketing().username(), id, "en"));
        assertThat(marketingCard).contains("<span id=\"conversion-opportunity\">" + opportunityCode + "</span>",
                        "<span id=\"conversion-customer\">— (outside what you may see)</span>")
                .doesNotContain("href=", customerName);
        for (String card : new String[] {conversionCard(repPage), marketingCard}) {
            assertThat(card).as("no raw ids shown").doesNotContain(">" + customerId, ">" + opportunityId);
        }

        // the converted company is now a customer: a new capture of it is flagged against both
        JsonNode again2 = support.postJson(mvc, marketing, "/api/v1/leads",
                co.gradeBLead("上海丙科技有限公司", "+86 138-0000-0002"));
        assertThat(again2.get("duplicates").findValuesAsString("kind")).containsExactlyInAnyOrder("LEAD", "CUSTOMER");
        assertThat(again2.get("duplicates").get(0).get("matchedOn").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("NAME", "PHONE");
        assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_type = 'Lead' and entity_id = :id and field = 'status'")
                .param("id", id.toString()).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRefusedFormOnTheLeadsPageComesBackWithWhatWasTyped() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海回填科技", "13800000009")));
        UUID id = UUID.fromString(lead.get("id").asString());
        String path = "/leads/" + id;
        var senior = fixtures.session(mvc, co.senior().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        // a version someone else's change made stale
        String stale = "99999";

        String longSummary = "客户介绍了现有系统的问题：" + "报表需要手工汇总，".repeat(250);
        refused(senior, path + "/contact-attempts", "lead.contact.summary.required", "channel", "visit", "intent", "MEDIUM",
                "summary", longSummary);
        String page = sessionPage(senior, id, "en");
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "contact-channel")).isEqualTo("visit");
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "contact-intent")).isEqualTo("MEDIUM");
        assertThat(com.lead2cash.testing.FormHtml.textareaText(page, "contact-summary")).isEqualTo(longSummary);
        assertThat(com.lead2cash.testing.FormHtml.textareaText(sessionPage(senior, id, "en"), "contact-summary"))
                .as("given back once").isEmpty();

        var west = fixtures.session(mvc, co.westRep().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        for (String other : new String[] {path, "/leads/" + UUID.randomUUID()}) {
            var unseen = mvc.post().uri(other + "/regrade").cookie(west)
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                    .param("grade", "C").param("reason", "他队改级").param("version", lead.get("version").asString()).exchange();
            assertThat(unseen).as("another team's lead, or none: the 404 page, as its page").hasStatus(HttpStatus.NOT_FOUND);
            assertThat(unseen).flash().isEmpty();
        }

        refused(senior, path + "/regrade", "error.staleVersion", "grade", "C", "reason", "预算推迟到明年", "version", stale);
        page = sessionPage(senior, id, "zh-CN");
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "regrade-grade")).isEqualTo("C");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "regrade-reason")).isEqualTo("预算推迟到明年");

        refused(senior, path + "/disqualify", "error.staleVersion", "reason", "NO_BUDGET", "note", "预算被砍，半年内无采购",
                "version", stale);
        page = sessionPage(senior, id, "en");
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "disqualify-reason")).isEqualTo("NO_BUDGET");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "disqualify-note")).isEqualTo("预算被砍，半年内无采购");

        var manager = fixtures.session(mvc, co.eastManager().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        refused(manager, path + "/assign", "error.staleVersion", "ownerId", co.junior().id().toString(),
                "reason", "资深销售本周出差", "version", stale);
        page = sessionPage(manager, id, "en");
        assertThat(com.lead2cash.testing.FormHtml.selected(page, "assign-owner")).isEqualTo(co.junior().id().toString());
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "assign-reason")).isEqualTo("资深销售本周出差");

        assertThat(support.post(mvc, support.bearer(mvc, co.senior().username()), "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"需求明确\"}")).hasStatusOk();
        refused(senior, path + "/convert", "opportunity.amount.negative", "createOpportunity", "true",
                "opportunityName", "回填科技 二期", "amount", "-1000.00");
        page = sessionPage(senior, id, "en");
        assertThat(page).containsPattern("<input[^>]*id=\"createOpportunity\"[^>]*checked");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "convert-name")).isEqualTo("回填科技 二期");
        assertThat(com.lead2cash.testing.FormHtml.inputValue(page, "convert-amount")).isEqualTo("-1000.00");
        assertThat(support.getJson(mvc, support.bearer(mvc, co.senior().username()), "/api/v1/leads/" + id)
                .get("status").asString()).isEqualTo("CONTACTED");
    }

    /** The lead's page in this session: a refusal's flash lives in the session that posted. */
    private String sessionPage(jakarta.servlet.http.Cookie session, UUID id, String lang) {
        var page = mvc.get().uri("/leads/" + id + "?lang=" + lang).cookie(session).exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        String html = new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key").doesNotContain("??");
        return html;
    }

    private void refused(jakarta.servlet.http.Cookie session, String path, String why, String... params) {
        var request = mvc.post().uri(path).cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        assertThat(request.exchange()).as(path).hasStatus3xxRedirection().flash().containsEntry("flashError", why);
    }

    private static String conversionCard(String html) {
        String card = html.substring(html.indexOf("id=\"conversion\""));
        return card.substring(0, card.indexOf("</dl>"));
    }

    private String leadPage(String username, UUID id, String lang) {
        var page = mvc.get().uri("/leads/" + id + "?lang=" + lang)
                .cookie(fixtures.session(mvc, username, com.lead2cash.testing.Fixtures.PASSWORD)).exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        String html = new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key").doesNotContain("??");
        return html;
    }

    /** Routing reads each rep's load from rows the database keeps; after every kind of change they equal a recount. */
    @Test
    void L5_theRepLoadsRoutingWeighsStayEqualToARecountWhateverHappensToTheLeads() {
        String senior = support.bearer(mvc, co.senior().username());
        String manager = support.bearer(mvc, co.eastManager().username());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = i % 2 == 0 ? co.gradeALead("上海负载甲" + i, "1390000010" + i)
                    : co.gradeBLead("上海负载乙" + i, "1390000020" + i);
            ids.add(support.postJson(mvc, marketing, "/api/v1/leads", body).get("id").asString());
        }
        assertThat(loads()).isEqualTo(recount());
        support.post(mvc, senior, "/api/v1/leads/" + ids.get(0) + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"已联系\"}");
        support.post(mvc, senior, "/api/v1/leads/" + ids.get(0) + "/convert", "{}");
        support.post(mvc, manager, "/api/v1/leads/" + ids.get(2) + "/disqualify", "{\"reason\":\"NO_NEED\",\"version\":"
                + support.getJson(mvc, manager, "/api/v1/leads/" + ids.get(2)).get("version").asLong() + "}");
        String owner = support.getJson(mvc, manager, "/api/v1/leads/" + ids.get(1)).get("ownerId").asString();
        UUID other = owner.equals(co.senior().id().toString()) ? co.junior().id() : co.senior().id();
        support.post(mvc, manager, "/api/v1/leads/" + ids.get(1) + "/assign",
                "{\"ownerId\":\"" + other + "\",\"reason\":\"换人\"}");
        support.post(mvc, manager, "/api/v1/leads/" + ids.get(3) + "/regrade", "{\"grade\":\"C\",\"reason\":\"预算取消\",\"version\":"
                + support.getJson(mvc, manager, "/api/v1/leads/" + ids.get(3)).get("version").asLong() + "}");
        assertThat(loads()).isEqualTo(recount());
        assertThat(loads().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(recount().values().stream()
                .mapToInt(Integer::intValue).sum()).isPositive();
    }

    private java.util.Map<String, Integer> loads() {
        java.util.Map<String, Integer> m = new java.util.TreeMap<>();
        jdbc.sql("select rep_id::text, open_ab from lead_rep_load where rep_id in (:reps) and open_ab <> 0")
                .param("reps", List.of(co.senior().id(), co.junior().id(), co.westRep().id()))
                .query(rs -> {
                    m.put(rs.getString(1), rs.getInt(2));
                });
        return m;
    }

    private java.util.Map<String, Integer> recount() {
        java.util.Map<String, Integer> m = new java.util.TreeMap<>();
        jdbc.sql("""
                select owner_id::text, count(*) from lead_lead where owner_id in (:reps)
                and status in ('ASSIGNED', 'CONTACTED') and grade in ('A', 'B') group by owner_id""")
                .param("reps", List.of(co.senior().id(), co.junior().id(), co.westRep().id()))
                .query(rs -> {
                    m.put(rs.getString(1), rs.getInt(2));
                });
        return m;
    }

    @Test
    void aRepCannotSeeOrChangeAnotherRepsLeadAndAManagerSeesOnlyTheTeams() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海丁物流", "13800000003")));
        String id = lead.get("id").asString();
        String westRep = support.bearer(mvc, co.westRep().username());
        String junior = support.bearer(mvc, co.junior().username());

        assertThat(mvc.get().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, westRep))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(support.post(mvc, junior, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"phone\",\"intent\":\"LOW\",\"summary\":\"x\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(support.getJson(mvc, junior, "/api/v1/leads").get("items").findValuesAsString("id")).doesNotContain(id);

        String eastManager = support.bearer(mvc, co.eastManager().username());
        String westManager = support.bearer(mvc, co.westManager().username());
        assertThat(mvc.get().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, eastManager)).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/leads/" + id).header(HttpHeaders.AUTHORIZATION, westManager))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(support.getJson(mvc, westManager, "/api/v1/leads").get("items").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void aContactTimeTooEarlyIsRefusedNamingTheZoneOfTheTimeItGives() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海时区科技", "13800000063")));
        String id = lead.get("id").asString();
        String rep = support.bearer(mvc, ownerUsername(lead));

        var refused = mvc.post().uri("/api/v1/leads/" + id + "/contact-attempts")
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, rep)
                .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"phone\",\"intent\":\"HIGH\",\"summary\":\"电话沟通\",\"occurredAt\":\"2020-01-01T00:00:00Z\"}")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .extractingPath("$.errors[0].code").isEqualTo("lead.contact.occurredAt.invalid");
        // the API's times are UTC; the refusal gives the company's wall time, so it says whose
        assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString()
                .containsPattern("between \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(Asia/Shanghai\\) and now");
    }

    @Test
    void theLeadPageNamesTheBudgetsCurrencyOnceByTheValueInEitherLanguage() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("上海币种科技", "13800000064")));
        var session = fixtures.session(mvc, ownerUsername(lead), com.lead2cash.testing.Fixtures.PASSWORD);
        UUID leadId = UUID.fromString(lead.get("id").asString());
        assertThat(sessionPage(session, leadId, "en")).contains(">Budget</dt><dd class=\"col-sm-8\">500,000.00 CNY</dd>")
                .doesNotContain("Budget (CNY)");
        assertThat(sessionPage(session, leadId, "zh-CN")).contains(">预算</dt><dd class=\"col-sm-8\">500,000.00 CNY</dd>")
                .doesNotContain("预算（元）</dt>");
    }

    /** The username of the east rep the lead was routed to. */
    private String ownerUsername(JsonNode lead) {
        String owner = lead.get("ownerId").asString();
        assertThat(owner).as("routed to one of the company's east reps")
                .isIn(co.senior().id().toString(), co.junior().id().toString());
        return owner.equals(co.senior().id().toString()) ? co.senior().username() : co.junior().username();
    }

    @Test
    void L7_aManagerReassignsWithAReasonAndTheFirstResponseStartsAgainForTheNewRep() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeBLead("上海戊餐饮", "13800000004")));
        String id = lead.get("id").asString();
        String manager = support.bearer(mvc, co.eastManager().username());
        UUID other = lead.get("ownerId").asString().equals(co.senior().id().toString()) ? co.junior().id() : co.senior().id();

        assertThat(support.post(mvc, manager, "/api/v1/leads/" + id + "/assign", "{\"ownerId\":\"" + other + "\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        assertThat(support.post(mvc, manager, "/api/v1/leads/" + id + "/assign",
                "{\"ownerId\":\"" + co.westRep().id() + "\",\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        JsonNode moved = support.postJson(mvc, manager, "/api/v1/leads/" + id + "/assign",
                "{\"ownerId\":\"" + other + "\",\"reason\":\"客户要求换人\"}");
        assertThat(moved.get("ownerId").asString()).isEqualTo(other.toString());
        assertThat(support.deadlines(UUID.fromString(id))).contains("L7:CANCELLED", "L7:OPEN");
        assertThat(support.inbox(other)).contains("lead.assigned");
    }

    @Test
    void L7_reassigningALeadToTheRepWhoOwnsItIsRefusedAndNothingIsRecordedAgain() throws Exception {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeBLead("上海戊二餐饮", "13800000014")));
        String id = lead.get("id").asString();
        UUID owner = UUID.fromString(lead.get("ownerId").asString());
        String manager = support.bearer(mvc, co.eastManager().username());
        JsonNode before = support.getJson(mvc, manager, "/api/v1/leads/" + id);
        List<String> deadlines = support.deadlines(UUID.fromString(id));
        List<String> inbox = support.inbox(owner);

        assertThat(support.post(mvc, manager, "/api/v1/leads/" + id + "/assign",
                "{\"ownerId\":\"" + owner + "\",\"reason\":\"再分配\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[0].code")
                .isEqualTo("lead.assign.alreadyOwner");
        JsonNode after = support.getJson(mvc, manager, "/api/v1/leads/" + id);
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(after.get("assignedAt").asString()).isEqualTo(before.get("assignedAt").asString());
        assertThat(support.deadlines(UUID.fromString(id))).as("L6 and L7 as they were").isEqualTo(deadlines);
        assertThat(support.inbox(owner)).as("no second new-lead notice").isEqualTo(inbox);

        // the lead's page does not offer the owner it would refuse
        var page = mvc.get().uri("/leads/" + id).cookie(fixtures.session(mvc, co.eastManager().username(),
                com.lead2cash.testing.Fixtures.PASSWORD)).exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"assign-owner\"");
        String choices = html.substring(html.indexOf("id=\"assign-owner\""));
        assertThat(choices.substring(0, choices.indexOf("</select>"))).doesNotContain("value=\"" + owner + "\"");
    }

    @Test
    void L5_aReopenedLeadIsRoutedAgainAsAFreshlyScreenedOneIsWithItsOwnersClocks() {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeBLead("上海己", "13800000005")));
        String id = lead.get("id").asString();
        String manager = support.bearer(mvc, co.eastManager().username());
        assertThat(support.post(mvc, manager, "/api/v1/leads/" + id + "/disqualify",
                "{\"reason\":\"BORED\",\"version\":" + lead.get("version").asLong() + "}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        JsonNode disqualified = support.postJson(mvc, manager, "/api/v1/leads/" + id + "/disqualify",
                "{\"reason\":\"NO_BUDGET\",\"version\":" + lead.get("version").asLong() + "}");
        assertThat(disqualified.get("status").asString()).isEqualTo("DISQUALIFIED");
        var managerSession = fixtures.session(mvc, co.eastManager().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        assertThat(sessionPage(managerSession, UUID.fromString(id), "zh-CN")).as("the reason by its label in the history")
                .contains("作废（无预算）").doesNotContain("NO_BUDGET）");

        JsonNode reopened = support.postJson(mvc, manager, "/api/v1/leads/" + id + "/reopen",
                "{\"version\":" + disqualified.get("version").asLong() + "}");
        assertThat(reopened.get("status").asString()).as("routed again, not left unowned").isEqualTo("ASSIGNED");
        UUID owner = UUID.fromString(reopened.get("ownerId").asString());
        assertThat(owner).isIn(co.senior().id(), co.junior().id());
        assertThat(reopened.get("territoryId").asString()).isEqualTo(co.eastTerritory().toString());
        assertThat(support.deadlines(UUID.fromString(id))).as("a new first response for the owner it was routed to")
                .containsExactlyInAnyOrder("L1:MET", "L6:MET", "L7:CANCELLED", "L6:MET", "L7:OPEN");
        assertThat(jdbc.sql("select owner_id from sop_deadline where rule_id = 'L7' and state = 'OPEN' and subject_id = :id")
                .param("id", id).query(UUID.class).single()).isEqualTo(owner);
        assertThat(support.inbox(owner)).contains("lead.assigned");
        List<String> story = jdbc.sql("select message_key from lead_event where lead_id = :id order by id")
                .param("id", UUID.fromString(id)).query(String.class).list();
        assertThat(story.subList(story.indexOf("lead.history.reopened"), story.size()))
                .as("its history says it was reopened and where routing sent it").hasSize(2)
                .last().asString().startsWith("lead.routing.assign");
    }

    @Test
    void aLeadsScreeningGradeDisqualificationReopeningAndArbitrationAreMadeOnTheVersionRead() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                "{\"companyName\":\"江苏版本\",\"region\":\"" + co.region() + "\",\"source\":\"REFERRAL\"}");
        String path = "/api/v1/leads/" + lead.get("id").asString();
        long version = lead.get("version").asLong();
        String manager = support.bearer(mvc, co.eastManager().username());
        for (String[] unversioned : new String[][] {{"/screen", "{}"}, {"/screen", ""},
                {"/regrade", "{\"grade\":\"B\",\"reason\":\"预算已确认\"}"}, {"/disqualify", "{\"reason\":\"NO_NEED\"}"},
                {"/reopen", "{}"}, {"/reopen", ""}, {"/arbitrate", "{\"winnerId\":\"" + co.senior().id() + "\"}"}}) {
            var refused = support.post(mvc, manager, path + unversioned[0], unversioned[1]);
            assertThat(refused).as(unversioned[0] + " " + unversioned[1]).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
            assertThat(support.json(refused).get("code").asString()).isEqualTo("error.versionRequired");
        }
        JsonNode unchanged = support.getJson(mvc, manager, path);
        assertThat(unchanged.get("status").asString()).isEqualTo("NEW");
        assertThat(unchanged.get("version").asLong()).isEqualTo(version);
        assertThat(support.deadlines(UUID.fromString(lead.get("id").asString()))).containsExactly("L1:OPEN");

        assertThat(support.post(mvc, manager, path + "/screen", "{\"version\":" + (version + 1) + "}"))
                .as("stale").hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.post().uri(path + "/screen").header(HttpHeaders.AUTHORIZATION, manager)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").exchange())
                .as("no body, the version as If-Match").hasStatusOk().bodyJson().extractingPath("$.status")
                .isEqualTo("NURTURING");
        // SPEC's shape for an assignment has no version: it stays optional
        assertThat(support.post(mvc, manager, path + "/assign", "{\"ownerId\":\"" + co.junior().id() + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.ownerId").isEqualTo(co.junior().id().toString());
    }

    @Test
    void anIfMatchSentTwiceIs400NamingTheHeaderAndChangesNothing() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                "{\"companyName\":\"两个版本标签\",\"region\":\"" + co.region() + "\",\"source\":\"REFERRAL\"}");
        String path = "/api/v1/leads/" + lead.get("id").asString();
        long version = lead.get("version").asLong();
        String manager = support.bearer(mvc, co.eastManager().username());
        // a JSON body without its version (the platform's advice), and no body at all (the header read by the route)
        for (String[] action : new String[][] {{"/regrade", "{\"grade\":\"C\",\"reason\":\"预算推迟\"}"}, {"/screen", null}}) {
            var request = mvc.post().uri(path + action[0]).header(HttpHeaders.AUTHORIZATION, manager)
                    .header(HttpHeaders.IF_MATCH, "\"" + version + "\"", "\"7\"");
            if (action[1] != null) {
                request = request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(action[1]);
            }
            var refused = request.exchange();
            assertThat(refused).as(action[0]).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("If-Match");
            assertThat(refused).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.header.repeated");
        }
        JsonNode unchanged = support.getJson(mvc, manager, path);
        assertThat(unchanged.get("version").asLong()).isEqualTo(version);
        assertThat(unchanged.get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void L1_aLeadReopenedBeforeItWasScreenedWaitsForItsScreeningAgain() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                "{\"companyName\":\"江苏重开\",\"region\":\"" + co.region() + "\",\"source\":\"REFERRAL\"}");
        String id = lead.get("id").asString();
        JsonNode disqualified = support.postJson(mvc, marketing, "/api/v1/leads/" + id + "/disqualify",
                "{\"reason\":\"NO_NEED\",\"version\":" + lead.get("version").asLong() + "}");
        assertThat(support.deadlines(UUID.fromString(id))).containsExactly("L1:CANCELLED");

        JsonNode reopened = support.postJson(mvc, support.bearer(mvc, co.eastManager().username()),
                "/api/v1/leads/" + id + "/reopen", "{\"version\":" + disqualified.get("version").asLong() + "}");
        assertThat(reopened.get("status").asString()).isEqualTo("NEW");
        assertThat(reopened.get("awaitsScreening").asBoolean()).isTrue();
        assertThat(support.deadlines(UUID.fromString(id))).containsExactlyInAnyOrder("L1:CANCELLED", "L1:OPEN");
        assertThat(jdbc.sql("select owner_id from sop_deadline where rule_id = 'L1' and state = 'OPEN' and subject_id = :id")
                .param("id", id).query(UUID.class).single()).as("whoever captured it screens it, as at capture")
                .isEqualTo(co.marketing().id());
    }

    @Test
    void correctingAnUnscreenedLeadsDataRegradesScreensAndRoutesIt() {
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads",
                "{\"companyName\":\"待补充公司\",\"region\":\"" + co.region() + "\",\"source\":\"WEBSITE_FORM\"}");
        assertThat(lead.get("status").asString()).isEqualTo("NEW");
        String id = lead.get("id").asString();
        String complete = """
                {"companyName":"待补充公司","contactName":"冯总","region":"%s","industry":"制造业","source":"WEBSITE_FORM",
                 "budget":300000,"purchaseDate":"%s","decisionMakerKnown":true,"version":%d}
                """;
        var stale = mvc.put().uri("/api/v1/leads/" + id).header(org.springframework.http.HttpHeaders.AUTHORIZATION, marketing)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(complete.formatted(co.region(), co.today().plusDays(10), lead.get("version").asLong() + 5));
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        var invalid = mvc.put().uri("/api/v1/leads/" + id).header(org.springframework.http.HttpHeaders.AUTHORIZATION, marketing)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"companyName\":\"\",\"source\":\"WEBSITE_FORM\",\"version\":" + lead.get("version").asLong() + "}");
        assertThat(invalid).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        var corrected = mvc.put().uri("/api/v1/leads/" + id).header(org.springframework.http.HttpHeaders.AUTHORIZATION, marketing)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(complete.formatted(co.region(), co.today().plusDays(10), lead.get("version").asLong()))
                .exchange();
        assertThat(corrected).hasStatusOk();
        JsonNode after = support.json(corrected);
        assertThat(after.get("grade").asString()).isEqualTo("A");
        assertThat(after.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(support.deadlines(UUID.fromString(id))).contains("L1:MET", "L7:OPEN");
    }

    /** Walk finding (docs/decisions/0030): a PUT with only one field set every other field of the lead to null. */
    @Test
    void aLeadCorrectionKeepsTheFieldsItLeavesOutAndClearsThoseSentAsNull() {
        String admin = support.bearer(mvc, "admin");
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"保留字段线索%s有限公司","contactName":"冯总","contactTitle":"信息中心主任",
                 "phone":"13900001111","email":"feng@example.com","industry":"制造业","region":"杭州西湖",
                 "productLine":"CRM","source":"TRADE_SHOW","sourceDetail":"杭州展会","budget":300000,
                 "purchaseDate":"%s","decisionMakerKnown":true,"decisionChainNotes":"冯总拍板",
                 "uscc":"91350100M000100Y43","notes":"要报价"}""".formatted(co.tag(), co.today().plusDays(10)));
        String uri = "/api/v1/leads/" + lead.get("id").asString();
        JsonNode before = support.getJson(mvc, admin, uri);
        List<String> fields = List.of("companyName", "contactTitle", "phone", "email", "industry", "region",
                "regionCode", "productLine", "source", "sourceDetail", "budget", "purchaseDate", "decisionMakerKnown",
                "decisionChainNotes", "uscc", "notes", "grade");

        var renamed = put(admin, uri, "{\"contactName\":\"冯经理\",\"version\":%d}".formatted(before.get("version").asLong()));
        assertThat(renamed).hasStatusOk();
        JsonNode kept = support.getJson(mvc, admin, uri);
        assertThat(kept.get("contactName").asString()).isEqualTo("冯经理");
        assertThat(kept.get("regionCode").asString()).as("the division the words name").isEqualTo("330106");
        for (String field : fields) {
            assertThat(kept.get(field)).as(field + ", left out, kept").isEqualTo(before.get(field));
        }

        var cleared = put(admin, uri, """
                {"notes":null,"budget":null,"decisionChainNotes":null,"sourceDetail":null,"decisionMakerKnown":null,
                 "version":%d}""".formatted(kept.get("version").asLong()));
        assertThat(cleared).hasStatusOk();
        JsonNode after = support.getJson(mvc, admin, uri);
        assertThat(after.get("notes").isNull()).isTrue();
        assertThat(after.get("budget").isNull()).isTrue();
        assertThat(after.get("decisionChainNotes").isNull()).isTrue();
        assertThat(after.get("sourceDetail").isNull()).isTrue();
        assertThat(after.get("decisionMakerKnown").asBoolean()).as("null: not known").isFalse();
        assertThat(after.get("contactName").asString()).as("left out, kept").isEqualTo("冯经理");
        for (String field : List.of("companyName", "phone", "email", "region", "regionCode", "source", "uscc",
                "purchaseDate")) {
            assertThat(after.get(field)).as(field + ", left out, kept").isEqualTo(before.get(field));
        }

        long version = after.get("version").asLong();
        assertThat(put(admin, uri, "{\"companyName\":null,\"source\":null,\"version\":%d}".formatted(version)))
                .as("a lead keeps its company and its source").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("companyName", "source");
        assertThat(put(admin, uri, "{\"notes\":\"a\\u0000b\",\"version\":%d}".formatted(version)))
                .as("the input rules still apply").hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("notes");
        assertThat(put(admin, uri, "{\"contactName\":\"冯\"}")).as("the version is still required").hasStatus(428);
        assertThat(put(admin, uri, "{\"contactName\":\"冯\",\"version\":%d}".formatted(version - 1)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(put(admin, uri, "{\"contactNam\":\"冯\",\"version\":%d}".formatted(version)))
                .as("an unknown field").hasStatus(HttpStatus.BAD_REQUEST);
        JsonNode unchanged = support.getJson(mvc, admin, uri);
        assertThat(unchanged.get("version").asLong()).as("the refusals changed nothing").isEqualTo(version);
        assertThat(unchanged.get("companyName")).isEqualTo(before.get("companyName"));
        assertThat(unchanged.get("contactName").asString()).isEqualTo("冯经理");
    }

    /**
     * Walk finding: a company or contact name with a line break, a tab or another control character was stored, and
     * broke every list and export it was written into. Refused naming the field, nothing stored; notes keep their
     * lines.
     */
    @Test
    void aNameOfMoreThanOneLineIsRefusedNamingTheFieldAndNothingIsStored() {
        String company = "单行名称" + co.tag();
        for (String inside : List.of("\\r\\n", "\\n", "\\t", "\\u2028", "\\u0001")) {
            var refused = support.post(mvc, marketing, "/api/v1/leads",
                    co.gradeALead(company + inside + "有限公司", "13800000071"));
            assertThat(refused).as(inside).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                    .extractingPath("$.errors[*].field").asArray().containsExactly("companyName");
            // a control character no text takes is refused by the input rules of every field, as before
            assertThat(support.json(refused).get("errors").get(0).get("code").asString()).as(inside)
                    .isEqualTo(inside.equals("\\u0001") ? "error.input.controlCharacter" : "error.input.notOneLine");
        }
        var contact = support.post(mvc, marketing, "/api/v1/leads", co.gradeALead(company + "有限公司", "13800000071")
                .replace("\"王经理\"", "\"王\\r\\n经理\"").replace("\"采购总监\"", "\"采购\\t总监\""));
        assertThat(contact).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson().extractingPath("$.errors[*].field")
                .asArray().containsExactlyInAnyOrder("contactName", "contactTitle");
        assertThat(jdbc.sql("select count(*) from lead_lead where company_name like :p").param("p", company + "%")
                .query(Integer.class).single()).as("nothing stored").isZero();

        JsonNode kept = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead(company + "有限公司", "13800000071")
                .replace("\"decisionMakerKnown\":true", "\"decisionMakerKnown\":true,\"notes\":\"第一行\\r\\n第二行\\t缩进\""));
        assertThat(kept.get("companyName").asString()).isEqualTo(company + "有限公司");
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads/" + kept.get("id").asString()).get("notes").asString())
                .as("notes are text of many lines").isEqualTo("第一行\r\n第二行\t缩进");
    }

    /** Walk finding: a regrade to the grade the lead has was accepted and read "regraded A → A" in its history. */
    @Test
    void aRegradeToTheGradeTheLeadHasIsRefusedAndNothingIsWrittenAndThePageDoesNotOfferIt() {
        String admin = support.bearer(mvc, "admin");
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("同级改级科技" + co.tag(), "13800000019"));
        assertThat(lead.get("grade").asString()).isEqualTo("A");
        String uri = "/api/v1/leads/" + lead.get("id").asString();
        JsonNode before = support.getJson(mvc, admin, uri);
        int entries = support.getJson(mvc, admin, uri + "/history").size();
        String senior = support.bearer(mvc, co.senior().username());
        for (String[] lang : new String[][] {{"en", "already graded A"}, {"zh-CN", "已是A级"}}) {
            var same = mvc.post().uri(uri + "/regrade").header(HttpHeaders.AUTHORIZATION, senior)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, lang[0]).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"grade\":\"A\",\"reason\":\"再次确认\",\"version\":" + before.get("version").asLong() + "}")
                    .exchange();
            assertThat(same).as(lang[0]).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(same).bodyJson().extractingPath("$.errors[0].field").isEqualTo("grade");
            assertThat(same).bodyJson().extractingPath("$.errors[0].code").isEqualTo("lead.regrade.sameGrade");
            assertThat(same).bodyJson().extractingPath("$.errors[0].message").asString().contains(lang[1]);
        }
        JsonNode after = support.getJson(mvc, admin, uri);
        assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(after.get("status").asString()).isEqualTo(before.get("status").asString());
        assertThat(support.getJson(mvc, admin, uri + "/history").size()).as("no \"regraded A A\" entry").isEqualTo(entries);

        var session = fixtures.session(mvc, co.senior().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        assertThat(com.lead2cash.testing.FormHtml.options(sessionPage(session, UUID.fromString(lead.get("id").asString()),
                "en"), "regrade-grade")).as("the grade it has is not offered").isNotEmpty().doesNotContain("A");

        assertThat(support.post(mvc, senior, uri + "/regrade",
                "{\"grade\":\"B\",\"reason\":\"预算推迟\",\"version\":" + before.get("version").asLong() + "}"))
                .hasStatusOk().bodyJson().extractingPath("$.grade").isEqualTo("B");
    }

    /** Walk finding (0030): a PUT with only the version bumped it and wrote "corrected" into the history. */
    @Test
    void aLeadCorrectionThatChangesNothingChangesNothing() {
        String admin = support.bearer(mvc, "admin");
        JsonNode lead = support.postJson(mvc, marketing, "/api/v1/leads", """
                {"companyName":"无变更线索%s有限公司","contactName":"卫总","phone":"13900002222","industry":"制造业",
                 "region":"杭州西湖","source":"TRADE_SHOW","budget":300000,"purchaseDate":"%s","decisionMakerKnown":true}"""
                .formatted(co.tag(), co.today().plusDays(10)));
        String uri = "/api/v1/leads/" + lead.get("id").asString();
        JsonNode before = support.getJson(mvc, admin, uri);
        int entries = support.getJson(mvc, admin, uri + "/history").size();

        for (String body : List.of("{\"version\":%d}", "{\"contactName\":\"卫总\",\"budget\":300000,\"version\":%d}")) {
            var same = put(admin, uri, body.formatted(before.get("version").asLong()));
            assertThat(same).hasStatusOk();
            assertThat(same).bodyJson().extractingPath("$.version").asNumber().isEqualTo(before.get("version").asInt());
        }
        assertThat(support.getJson(mvc, admin, uri).get("version").asLong()).isEqualTo(before.get("version").asLong());
        assertThat(support.getJson(mvc, admin, uri + "/history").size()).as("no \"corrected\" entry").isEqualTo(entries);
        assertThat(put(admin, uri, "{\"version\":%d}".formatted(before.get("version").asLong() - 1)))
                .as("a stale version is refused all the same").hasStatus(HttpStatus.CONFLICT);

        var changed = put(admin, uri, "{\"contactName\":\"卫经理\",\"version\":%d}".formatted(before.get("version").asLong()));
        assertThat(changed).hasStatusOk();
        assertThat(support.getJson(mvc, admin, uri).get("version").asLong()).isGreaterThan(before.get("version").asLong());
        assertThat(support.getJson(mvc, admin, uri + "/history").size()).isEqualTo(entries + 1);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult put(String token, String uri, String body) {
        return mvc.put().uri(uri).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void theListExportsToExcelWithinTheReadersScopeAndTheExportIsAudited() throws Exception {
        // a contact named like a formula that is all digits and signs: still a formula to a spreadsheet
        support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("导出甲公司", "13800000011").replace("\"王经理\"", "\"-2+3\""));
        var westMarketing = support.bearer(mvc, co.marketing().username());
        support.post(mvc, westMarketing, "/api/v1/leads", """
                {"companyName":"导出乙公司","contactName":"陈","region":"%s","industry":"制造业","source":"REFERRAL",
                 "budget":500000,"purchaseDate":"%s","decisionMakerKnown":true}
                """.formatted(co.westRegion(), co.today().plusDays(20)));
        var session = fixtures.session(mvc, co.eastManager().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        byte[] xlsx = mvc.get().uri("/leads/export.xlsx?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsByteArray();
        java.util.List<String> companies = new java.util.ArrayList<>();
        java.util.List<String> header = new java.util.ArrayList<>();
        java.util.List<org.dhatim.fastexcel.reader.Row> exported = new java.util.ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            rows.get(0).forEach(c -> header.add(c.getText()));
            rows.stream().skip(1).forEach(r -> companies.add(r.getCellText(1)));
            exported.addAll(rows.subList(1, rows.size()));
        }
        assertThat(header).startsWith("编号", "公司名称", "等级");
        assertThat(companies).contains("导出甲公司").doesNotContain("导出乙公司");
        var row = exported.get(companies.indexOf("导出甲公司"));
        com.lead2cash.testing.SpreadsheetCells.assertKeptAsText(xlsx, row.getCell(8), "-2+3"); // the contact's name, never run
        assertThat(row.getCell(9).getType()).as("the budget stays a number").isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        assertThat(row.getCell(9).asNumber()).isEqualByComparingTo("500000");
        assertThat(jdbc.sql("select count(*) from platform_audit_event where action = 'EXPORT' and actor_name = :u")
                .param("u", co.eastManager().username()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select detail from platform_audit_event where action = 'EXPORT' and actor_name = :u")
                .param("u", co.eastManager().username()).query(String.class).single())
                .as("a message key and its arguments, which the audit screen says in its reader's language")
                .isEqualTo(String.join("\n", "lead.audit.exported", String.valueOf(companies.size()), "lead.view.all",
                        "lead.filter.anyGrade", "lead.filter.anyStatus", "audit.detail.noSearch"));
        assertThat(mvc.get().uri("/leads/export.xlsx?view=mine&grade=A&status=NEW&q=导出").cookie(session)).hasStatusOk();
        assertThat(jdbc.sql("select detail from platform_audit_event where action = 'EXPORT' and actor_name = :u "
                        + "and detail like '%mine%'")
                .param("u", co.eastManager().username()).query(String.class).single())
                .matches("lead\\.audit\\.exported\n\\d+\nlead\\.view\\.mine\nA\nlead\\.status\\.NEW\n导出");
    }

    @Test
    void theLeadAndTerritoryScreensRenderWithData() throws Exception {
        support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("页面公司", "13800000021"));
        var session = fixtures.session(mvc, co.director().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        for (String path : new String[] {"/leads", "/leads/territories", "/leads?territoryId=" + co.eastTerritory(),
                "/leads/territories?edit=" + co.eastTerritory()}) {
            var page = mvc.get().uri(path).cookie(session).exchange();
            assertThat(page).as(path).hasStatusOk();
            assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(path)
                    .contains("East " + co.tag()).doesNotContain("??");
        }
        // the team's deadlines name their leads
        var deadlines = mvc.get().uri("/deadlines?scope=team").cookie(session).exchange();
        assertThat(deadlines).hasStatusOk();
        assertThat(deadlines.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("页面公司").doesNotContain("??");
    }

    @Test
    void theLeadPageShowsHowItCameInAndTheContactChannelAndIntentAsLabelsNotCodes() throws Exception {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("标签公司", "13800000041")));
        String id = lead.get("id").asString();
        String rep = support.bearer(mvc, co.senior().username());
        // the API takes the channel as typed: upper case too
        assertThat(support.post(mvc, rep, "/api/v1/leads/" + id + "/contact-attempts",
                "{\"channel\":\"PHONE\",\"intent\":\"HIGH\",\"summary\":\"电话沟通\"}")).hasStatusOk();
        var session = fixtures.session(mvc, co.senior().username(), com.lead2cash.testing.Fixtures.PASSWORD);

        String en = mvc.get().uri("/leads/" + id + "?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(en).contains("Captured (through the API)", "Contact attempt (Phone call): High intent",
                "<span>Phone call</span>").doesNotContain("(API)", "PHONE", ">HIGH<", "intent HIGH");
        String zh = mvc.get().uri("/leads/" + id + "?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zh).contains("录入（接口）", "联系（电话），高意向", "<span>电话</span>").doesNotContain("PHONE");
    }

    @Autowired com.lead2cash.sop.Deadlines deadlineClocks;
    @Autowired java.time.Clock clock;

    @Test
    void marketingsDeadlinesLinkOnlyTheLeadsMarketingMayStillOpen() throws Exception {
        String director = support.bearer(mvc, co.director().username());
        JsonNode gone = support.postJson(mvc, director, "/api/v1/leads", co.gradeALead("已转走公司", "13800000031"));
        assertThat(gone.get("ownerId").asString()).isEqualTo(co.senior().id().toString());
        UUID goneId = UUID.fromString(gone.get("id").asString());
        // marketing screened it (as web-to-lead's screener does) without capturing it: L1 is theirs, the lead never was
        deadlineClocks.recordMet("L1", com.lead2cash.sop.SubjectRef.of("Lead", goneId), co.marketing().id(),
                clock.instant());
        JsonNode kept = support.postJson(mvc, marketing, "/api/v1/leads", co.gradeALead("自己录入公司", "13800000032"));
        String keptId = kept.get("id").asString();

        var session = fixtures.session(mvc, co.marketing().username(), com.lead2cash.testing.Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/leads/" + goneId).cookie(session)).hasStatus(HttpStatus.NOT_FOUND);
        var deadlines = mvc.get().uri("/deadlines").cookie(session).exchange();
        assertThat(deadlines).hasStatusOk();
        assertThat(deadlines.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(gone.get("code").asString() + " 已转走公司")
                .doesNotContain("href=\"/leads/" + goneId + "\"")
                .contains("href=\"/leads/" + keptId + "\"");
    }

    @Test
    void financeSeesALeadsDeadlinesByItsCodeAloneWithNoLinkToThePageItMayNotOpenWhileItsOwnerAndManagerFollowIt()
            throws Exception {
        JsonNode lead = body(support.post(mvc, marketing, "/api/v1/leads", co.gradeALead("财务不看公司", "13800000051")));
        String id = lead.get("id").asString();
        String code = lead.get("code").asString();
        UUID owner = jdbc.sql("select owner_id from sop_deadline where subject_type = 'Lead' and subject_id = :id "
                + "and rule_id = 'L7'").param("id", id).query(UUID.class).single();
        assertThat(owner).isEqualTo(co.senior().id());
        var finance = fixtures.user("fin." + co.tag(), fixtures.rootUnit(), co.today().minusYears(3),
                com.lead2cash.platform.Role.FINANCE);
        var financeSession = fixtures.session(mvc, finance.username(), com.lead2cash.testing.Fixtures.PASSWORD);
        assertThat(mvc.get().uri("/leads/" + id).cookie(financeSession)).hasStatus(HttpStatus.FORBIDDEN);

        // the compliance report's drill-down, as finance follows it
        var list = mvc.get().uri("/deadlines?scope=team&owner=" + owner).cookie(financeSession).exchange();
        assertThat(list).hasStatusOk();
        assertThat(list.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("the deadline is listed, its lead by code: no link, no company")
                .contains("<span>" + code + "</span>")
                .doesNotContain("href=\"/leads/" + id + "\"", "财务不看公司");
        // as the API lists it to finance: the subject by type and id, nothing of the lead
        JsonNode api = support.getJson(mvc, support.bearer(mvc, finance.username()),
                "/api/v1/deadlines?ownerId=" + owner);
        assertThat(api.get("items").findValuesAsString("subjectId")).contains(id);

        for (var reader : List.of(co.senior(), co.eastManager())) {
            var session = fixtures.session(mvc, reader.username(), com.lead2cash.testing.Fixtures.PASSWORD);
            var theirs = mvc.get().uri("/deadlines?scope=team&owner=" + owner).cookie(session).exchange();
            assertThat(theirs).hasStatusOk();
            assertThat(theirs.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .as(reader.username()).contains("href=\"/leads/" + id + "\"", code + " 财务不看公司");
        }
    }

    private JsonNode body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return support.json(result);
    }
}

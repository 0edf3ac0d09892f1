package com.lead2cash.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Opportunities over the API (SPEC §6 shapes): opening one moves the customer to 销售机会, the evaluation
 * gate (O1) with the panel (O2) and its deadline, lost with a reason, won after the contract stage (客户已签约),
 * optimistic locking, the board, the forecast and win/loss.
 */
@IntegrationTest
@Import(TestClock.class)
class OpportunityApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired Opportunities opportunities;
    @Autowired com.lead2cash.testing.ContractTestSupport contracts;
    @Autowired com.lead2cash.testing.SignedContracts signing;
    @Autowired java.util.List<com.lead2cash.sop.SubjectDescriber> describers;

    private static com.lead2cash.platform.CurrentUser as(com.lead2cash.platform.internal.identity.User u) {
        return new com.lead2cash.platform.CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roleSet());
    }

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    @Test
    void O1_anOpportunityLeavesEvaluationOnlyAfterItsPanelQualifiesIt() {
        var team = sales.team("o1");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "苏州门禁工程有限公司", "陈工", "chen@suzhou.test");
        var created = customers.post(mvc, rep, "/api/v1/opportunities", """
                {"customerId":"%s","name":"园区门禁改造","amount":480000,"expectedCloseDate":"2027-02-28","productLines":["安防","门禁"]}"""
                .formatted(customer));
        assertThat(created).hasStatus(201);
        JsonNode o = customers.json(created);
        assertThat(o.get("code").asString()).matches("O-2026-\\d{6}");
        assertThat(o.get("stage").asString()).isEqualTo("DISCOVERY");
        assertThat(o.get("version").asLong()).isZero();
        assertThat(o.get("probability").decimalValue()).isEqualByComparingTo("10");
        String id = o.get("id").asString();
        assertThat(sales.customerStatus(customer)).isEqualTo("OPPORTUNITY");

        var refused = customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/stage", "{\"stage\":\"PROPOSAL\",\"version\":0}");
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("opportunity.stage.evaluationIncomplete");

        // a score is whole points: 5.5 is refused, never cut to 5, and writes no scorecard
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/evaluations",
                "{\"needMatch\":5.5,\"competitiveStrength\":6,\"paymentRisk\":6,\"resourceInvestment\":6}")).hasStatus(400);
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + id + "/evaluations").get("evaluations")).isEmpty();
        String low = "{\"needMatch\":6,\"competitiveStrength\":6,\"paymentRisk\":6,\"resourceInvestment\":6}";
        var first = customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/evaluations", low);
        assertThat(first).hasStatus(201);
        assertThat(customers.json(first).get("score").decimalValue()).isEqualByComparingTo("24");
        assertThat(customers.json(first).get("qualified").asBoolean()).isFalse();
        assertThat(customers.json(first).get("stage").asString()).isEqualTo("EVALUATION");
        assertThat(jdbc.sql("select count(*) from notification_message where recipient_id = :m "
                        + "and kind = 'opportunity.managerScoreAwaited' and link = :link")
                .param("m", team.manager().id()).param("link", "/opportunities/" + id).query(Integer.class).single())
                .as("O2: the rep's line manager learns the panel awaits their score").isEqualTo(1);

        sales.qualify(mvc, team, id);
        JsonNode panel = customers.getJson(mvc, rep, "/api/v1/opportunities/" + id + "/evaluations");
        assertThat(panel.get("summary").get("score").decimalValue()).isEqualByComparingTo("32");
        assertThat(panel.get("summary").get("qualified").asBoolean()).isTrue();
        assertThat(panel.get("evaluations").size()).as("the rep's first scorecard kept as history").isEqualTo(4);

        long version = customers.getJson(mvc, rep, "/api/v1/opportunities/" + id).get("version").asLong();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/stage",
                "{\"stage\":\"PROPOSAL\",\"version\":" + (version - 1) + "}")).hasStatus(409);
        var moved = customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/stage",
                "{\"stage\":\"PROPOSAL\",\"version\":" + version + "}");
        assertThat(moved).hasStatus(200);
        assertThat(customers.json(moved).get("stage").asString()).isEqualTo("PROPOSAL");
        assertThat(customers.json(moved).get("forecastCategory").asString()).isEqualTo("BEST_CASE");
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/evaluations", low)).hasStatus(422);
    }

    @Test
    void anOpportunityIsNotOpenedOnACustomerMergedIntoAnother() {
        var team = sales.team("omerged");
        String rep = sales.bearer(mvc, team.rep());
        String survivor = sales.customerWithContact(team.rep(), "常州合并电子有限公司", "钱工", "qian@changzhou.test");
        String merged = sales.customerWithContact(team.rep(), "常州合并电子（重复）", "孙工", "sun@changzhou.test");
        assertThat(customers.post(mvc, sales.bearer(mvc, team.manager()), "/api/v1/customers/" + survivor + "/merge",
                "{\"mergedId\":\"" + merged + "\",\"reason\":\"同一家公司\"}")).hasStatusOk();

        var refused = customers.post(mvc, rep, "/api/v1/opportunities",
                "{\"customerId\":\"" + merged + "\",\"name\":\"x\",\"amount\":1}");
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("customer.merged");
        assertThat(jdbc.sql("select count(*) from opportunity_opportunity where customer_id in (:a, :b)")
                .param("a", java.util.UUID.fromString(merged)).param("b", java.util.UUID.fromString(survivor))
                .query(Long.class).single()).as("nothing stored").isZero();
    }

    @Test
    void anOpportunityReadsByItsCodeAndNameLinkedForWhoMayOpenItAsTheAuditScreenNamesIt() {
        var team = sales.team("opp-names");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "常州审计编号有限公司", "吴工", "wu@changzhou.test");
        JsonNode created = sales.opportunity(mvc, rep, customer, "产线改造", "300000");
        String id = created.get("id").asString();
        var namer = describers.stream().filter(d -> d.recordType().equals("Opportunity")).findFirst().orElseThrow();

        var named = as(team.rep()).actAs(() -> namer.names(java.util.List.of(id))).get(id);
        assertThat(named.text()).isEqualTo(created.get("code").asString() + " 产线改造");
        assertThat(named.link()).isEqualTo("/opportunities/" + id);
        assertThat(as(team.otherRep()).actAs(() -> namer.names(java.util.List.of(id))).get(id).link())
                .as("another team's rep reads no link").isNull();
    }

    @Test
    void O2_anInvitedTechSupportColleagueHasTheAnswerWindowAndMeetsItByScoring() {
        var team = sales.team("o2");
        String rep = sales.bearer(mvc, team.rep());
        String tech = sales.bearer(mvc, team.tech());
        String customer = sales.customerWithContact(team.rep(), "无锡数据中心有限公司", "周工", "zhou@wuxi.test");
        String id = sales.opportunity(mvc, rep, customer, "机房扩容", "900000").get("id").asString();
        assertThat(customers.get(mvc, tech, "/api/v1/opportunities/" + id)).as("not invited yet").hasStatus(404);
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/evaluation-invitations",
                "{\"inviteeId\":\"" + team.company().eastRep2().id() + "\"}")).as("only tech support").hasStatus(422);

        var invited = customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/evaluation-invitations",
                "{\"inviteeId\":\"" + team.tech().id() + "\"}");
        assertThat(invited).hasStatus(201);
        String invitation = customers.json(invited).get("id").asString();
        assertThat(customers.deadlines("EvaluationInvitation", invitation)).containsExactly("O2:OPEN");
        // the deadline links the invitee to the opportunity; a colleague outside its scope reads the label alone
        var describer = describers.stream().filter(d -> d.subjectType().equals("EvaluationInvitation")).findFirst()
                .orElseThrow();
        assertThat(as(team.tech()).actAs(() -> describer.describe(java.util.List.of(invitation))).get(invitation).link())
                .isEqualTo("/opportunities/" + id);
        assertThat(as(team.company().eastRep2()).actAs(() -> describer.describe(java.util.List.of(invitation)))
                .get(invitation)).satisfies(l -> {
                    assertThat(l.label()).contains("机房扩容");
                    assertThat(l.link()).isNull();
                });
        Instant due = jdbc.sql("select due_at from sop_deadline where subject_type = 'EvaluationInvitation' and subject_id = :id")
                .param("id", invitation).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(due).as("one business day after Tuesday 10:00").isEqualTo(Instant.parse("2026-12-02T02:00:00Z"));

        assertThat(customers.get(mvc, tech, "/api/v1/opportunities/" + id)).hasStatus(200);
        clock.advance(Duration.ofHours(3));
        assertThat(customers.post(mvc, tech, "/api/v1/opportunities/" + id + "/evaluations",
                "{\"needMatch\":7,\"competitiveStrength\":6,\"paymentRisk\":8,\"resourceInvestment\":7,\"comment\":\"技术可行\"}"))
                .hasStatus(201);
        assertThat(customers.deadlines("EvaluationInvitation", invitation)).containsExactly("O2:MET");
        assertThat(customers.getJson(mvc, tech, "/api/v1/opportunities/" + id + "/evaluations").get("evaluations").get(0)
                .get("seat").asString()).isEqualTo("TECH_SUPPORT");
        assertThat(customers.put(mvc, tech, "/api/v1/opportunities/" + id, """
                {"name":"改名","amount":1,"version":1}""")).as("tech support scores, does not edit").hasStatus(403);
    }

    /**
     * Roles walk: an invited tech-support colleague read the opportunity by id but found it in no list. The list shows
     * what reading by id grants — the opportunities of an invitation not withdrawn — and nothing else.
     */
    @Test
    void O2_techSupportListsExactlyTheOpportunitiesTheyAreInvitedToAndNotOnceTheInvitationIsWithdrawn() {
        var team = sales.team("o2list");
        String rep = sales.bearer(mvc, team.rep());
        String tech = sales.bearer(mvc, team.tech());
        String customer = sales.customerWithContact(team.rep(), "苏州列表邀请有限公司", "顾工", "gu@o2list.test");
        String invitedTo = sales.opportunity(mvc, rep, customer, "列表邀请", "500000").get("id").asString();
        String notInvitedTo = sales.opportunity(mvc, rep, customer, "列表未邀请", "400000").get("id").asString();
        assertThat(listed(tech, "/api/v1/opportunities")).as("invited nowhere yet").isEmpty();

        String invitation = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/opportunities/" + invitedTo + "/evaluation-invitations",
                "{\"inviteeId\":\"" + team.tech().id() + "\"}"), 201)).get("id").asString();
        assertThat(customers.get(mvc, tech, "/api/v1/opportunities/" + invitedTo)).hasStatus(200);
        assertThat(listed(tech, "/api/v1/opportunities")).containsExactly(invitedTo);
        assertThat(listed(tech, "/api/v1/opportunities?stage=DISCOVERY")).containsExactly(invitedTo);
        assertThat(listed(tech, "/api/v1/opportunities?stage=PROPOSAL")).as("the filters still hold").isEmpty();
        assertThat(listed(rep, "/api/v1/opportunities")).as("the rep's list as before").contains(invitedTo, notInvitedTo);
        assertThat(listed(sales.bearer(mvc, team.otherRep()), "/api/v1/opportunities"))
                .as("another team's rep").doesNotContain(invitedTo, notInvitedTo);

        assertThat(mvc.delete().uri("/api/v1/opportunities/{id}/evaluation-invitations/{inv}", invitedTo, invitation)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, rep)).hasStatus(204);
        assertThat(customers.get(mvc, tech, "/api/v1/opportunities/" + invitedTo)).as("withdrawn").hasStatus(404);
        assertThat(listed(tech, "/api/v1/opportunities")).as("withdrawn: off the list too").isEmpty();
    }

    private List<String> listed(String token, String uri) {
        return customers.getJson(mvc, token, uri).get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    /** docs/decisions/0030: a correction keeps what it leaves out and clears what it sends as null. */
    @Test
    void aCorrectionKeepsTheFieldsItLeavesOutAndClearsThoseSentAsNull() {
        var team = sales.team("oput");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "扬州纠正商机有限公司", "吴工", "wu@oput.test");
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/opportunities", """
                {"customerId":"%s","name":"客服系统","amount":260000,"expectedCloseDate":"2027-03-31",
                 "productLines":["CRM"],"competitors":["金蝶"],"nextStep":"演示"}""".formatted(customer)), 201))
                .get("id").asString();
        String path = "/api/v1/opportunities/" + id;

        JsonNode renamed = customers.json(SalesTestSupport.expect(customers.put(mvc, rep, path, """
                {"name":"客服系统二期","version":0}"""), 200));
        assertThat(renamed.get("name").asString()).isEqualTo("客服系统二期");
        assertThat(renamed.get("productLines").valueStream().map(JsonNode::asString)).as("left out: kept").containsExactly("CRM");
        assertThat(renamed.get("competitors").valueStream().map(JsonNode::asString)).containsExactly("金蝶");
        assertThat(renamed.get("amount").decimalValue()).isEqualByComparingTo("260000");
        assertThat(renamed.get("expectedCloseDate").asString()).isEqualTo("2027-03-31");
        assertThat(renamed.get("nextStep").asString()).isEqualTo("演示");

        JsonNode cleared = customers.json(SalesTestSupport.expect(customers.put(mvc, rep, path, """
                {"productLines":null,"nextStep":null,"expectedCloseDate":null,"version":1}"""), 200));
        assertThat(cleared.get("productLines")).as("sent as null: cleared").isEmpty();
        assertThat(cleared.path("nextStep").isNull() || cleared.path("nextStep").isMissingNode()).isTrue();
        assertThat(cleared.path("expectedCloseDate").isNull() || cleared.path("expectedCloseDate").isMissingNode()).isTrue();
        assertThat(cleared.get("competitors").valueStream().map(JsonNode::asString)).containsExactly("金蝶");
        assertThat(cleared.get("name").asString()).isEqualTo("客服系统二期");

        // the audit trail holds the lists by their values (not an array's identity, [Ljava.lang.String;@…, which
        // differed on every save): the creation names them, the rename changed none of them, the clearing one
        record Entry(String action, String field, String oldValue, String newValue) {
        }
        List<Entry> trail = jdbc.sql("""
                select action, field, old_value, new_value from platform_audit_event
                 where entity_type = 'Opportunity' and entity_id = :id order by id""").param("id", id)
                .query(Entry.class).list();
        assertThat(trail).filteredOn(e -> e.action().equals("CREATE")).singleElement().extracting(Entry::newValue)
                .asString().contains("\"productLines\":\"[CRM]\"", "\"competitors\":\"[金蝶]\"");
        assertThat(trail).filteredOn(e -> e.action().equals("UPDATE") && e.field() != null
                        && (e.field().equals("productLines") || e.field().equals("competitors")))
                .extracting(Entry::field, Entry::oldValue, Entry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("productLines", "[CRM]", "[]"));

        for (String required : List.of("name", "amount")) {
            var refused = customers.put(mvc, rep, path, "{\"" + required + "\":null,\"version\":2}");
            assertThat(refused).as(required + " sent as null").hasStatus(422);
            assertThat(customers.json(refused).at("/errors/0/field").asString()).isEqualTo(required);
        }
        // walk finding: a name of two lines was stored; refused naming the field, nothing changed
        var twoLines = customers.put(mvc, rep, path, "{\"name\":\"客服系统\\r\\n三期\",\"version\":2}");
        assertThat(twoLines).hasStatus(422);
        assertThat(customers.json(twoLines).at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(customers.json(twoLines).at("/errors/0/code").asString()).isEqualTo("error.input.notOneLine");
        assertThat(customers.getJson(mvc, rep, path).get("name").asString()).isEqualTo("客服系统二期");
        assertThat(customers.put(mvc, rep, path, "{\"name\":\"无版本\"}")).as("no version").hasStatus(428);
        assertThat(customers.put(mvc, rep, path, "{\"name\":\"旧版本\",\"version\":0}")).as("stale").hasStatus(409);
        assertThat(customers.put(mvc, rep, path, "{\"name\":\"多字段\",\"stage\":\"WON\",\"version\":2}"))
                .as("an unknown field").hasStatus(400);
        JsonNode unchanged = customers.getJson(mvc, rep, path);
        assertThat(unchanged.get("name").asString()).as("nothing refused changed anything").isEqualTo("客服系统二期");
        assertThat(unchanged.get("amount").decimalValue()).isEqualByComparingTo("260000");
        assertThat(unchanged.get("version").asLong()).isEqualTo(2);
        JsonNode same = customers.json(SalesTestSupport.expect(customers.put(mvc, rep, path, "{\"version\":2}"), 200));
        assertThat(same.get("version").asLong()).as("a correction that changes nothing changes nothing").isEqualTo(2);
        assertThat(customers.getJson(mvc, rep, path).get("version").asLong()).isEqualTo(2);
        assertThat(customers.put(mvc, rep, path, "{\"version\":1}")).as("stale, though it changes nothing").hasStatus(409);
    }

    @Test
    void aStageMoveWithoutTheVersionItWasReadAtIs428AndMovesNothing() {
        var team = sales.team("o428");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "镇江阀门有限公司", "周总", "zhou@zj.test");
        String id = sales.opportunity(mvc, rep, customer, "阀门更换", "50000").get("id").asString();
        var refused = customers.post(mvc, rep, "/api/v1/opportunities/" + id + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\"}");
        assertThat(refused).hasStatus(428);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("error.versionRequired");
        JsonNode unchanged = customers.getJson(mvc, rep, "/api/v1/opportunities/" + id);
        assertThat(unchanged.get("stage").asString()).isEqualTo("DISCOVERY");
        assertThat(unchanged.get("version").asLong()).isZero();
        // If-Match names the version as well as the field does
        assertThat(mvc.post().uri("/api/v1/opportunities/" + id + "/stage").header("Authorization", rep)
                .header("If-Match", "\"0\"").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"stage\":\"LOST\",\"lostReason\":\"PRICE\"}")).hasStatusOk();
    }

    @Test
    void aLostOpportunityNamesItsReasonAndAWonOneSignsTheCustomer() {
        var team = sales.team("close");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "常州机电有限公司", "钱总", "qian@cz.test");
        String lost = sales.opportunity(mvc, rep, customer, "备件框架", "120000").get("id").asString();
        var noReason = customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage", "{\"stage\":\"LOST\",\"version\":0}");
        assertThat(noReason).hasStatus(422);
        assertThat(customers.json(noReason).get("errors").get(0).get("field").asString()).isEqualTo("lostReason");
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"NOT_IN_LIST\"}")).hasStatus(422);
        var lostAnswer = customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"PRICE\",\"lostTo\":\"海康\"}");
        assertThat(lostAnswer).hasStatus(200);
        assertThat(customers.json(lostAnswer).get("forecastCategory").asString()).isEqualTo("OMITTED");

        String won = sales.opportunity(mvc, rep, customer, "产线改造", "600000").get("id").asString();
        sales.qualify(mvc, team, won);
        for (String stage : new String[] {"PROPOSAL", "NEGOTIATION", "CONTRACT"}) {
            sales.move(mvc, rep, won, stage);
        }
        assertThat(sales.customerStatus(customer)).isEqualTo("OPPORTUNITY");
        clock.advance(Duration.ofDays(3));
        // no signed contract: won is not offered, on the API or the page, as the move would refuse it
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + won).get("availableActions").toString())
                .contains("MOVE", "MARK_LOST").doesNotContain("MARK_WON");
        String page = opportunityPage(team.rep(), won);
        assertThat(page).contains("id=\"move-submit\"", "id=\"won-by-signing\"", "合同签订即赢单")
                .doesNotContain("<option value=\"WON\"");
        assertThat(page).as("the currency said once, by the amount").contains(">金额</dt>",
                "id=\"opportunity-amount\">600,000.00 CNY<").doesNotContain("金额（元）</dt>");
        var byHand = customers.post(mvc, rep, "/api/v1/opportunities/" + won + "/stage", "{\"stage\":\"WON\",\"version\":"
                + customers.getJson(mvc, rep, "/api/v1/opportunities/" + won).get("version").asLong() + "}");
        assertThat(byHand).as("won by hand while no contract is signed (合同签订 = 赢单)").hasStatus(422);
        assertThat(customers.json(byHand).get("code").asString()).isEqualTo("opportunity.stage.wonNeedsSignedContract");
        assertThat(customers.json(byHand).get("detail").asString()).contains("signed");
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + won).get("stage").asString()).isEqualTo("CONTRACT");
        opportunities.contractSigned(java.util.UUID.fromString(won), "HT-TEST-0001", new java.math.BigDecimal("600000.00"),
                clock.instant()); // as the contract's signing tells it
        JsonNode closed = customers.getJson(mvc, rep, "/api/v1/opportunities/" + won);
        assertThat(closed.get("stage").asString()).isEqualTo("WON");
        assertThat(closed.get("availableActions").size()).isZero();
        assertThat(sales.customerStatus(customer)).isEqualTo("SIGNED");

        JsonNode history = customers.getJson(mvc, rep, "/api/v1/opportunities/" + won + "/history");
        assertThat(history.valueStream().map(s -> s.get("stage").asString()))
                .containsExactly("DISCOVERY", "EVALUATION", "PROPOSAL", "NEGOTIATION", "CONTRACT", "WON");
        assertThat(Duration.parse(history.get(4).get("duration").asString())).isEqualTo(Duration.ofDays(3));

        JsonNode analysis = customers.getJson(mvc, rep, "/api/v1/opportunities/win-loss?from=2026-12-01&to=2026-12-31");
        assertThat(analysis.get("total").get("won").asInt()).isEqualTo(1);
        assertThat(analysis.get("total").get("lost").asInt()).isEqualTo(1);
        assertThat(analysis.get("reasons").get(0).get("reason").asString()).isEqualTo("PRICE");
        assertThat(analysis.get("competitors").valueStream().map(c -> c.get("key").asString())).contains("海康");

        var reopened = customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/reopen", "{\"version\":1}");
        assertThat(reopened).hasStatus(200);
        assertThat(customers.json(reopened).get("stage").asString()).isEqualTo("DISCOVERY");
    }

    @Test
    void aLostOpportunityOnTheCustomersTimelineNamesItsReasonByItsLabelInTheReadersLanguage() throws Exception {
        var team = sales.team("lostline");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "无锡动态机电有限公司", "孙总", "sun@wx.test");
        // a reason an administrator added: a row with two labels, no message key
        jdbc.sql("insert into opportunity_lost_reason (code, label_zh, label_en, active, position)"
                + " values ('TL_BUDGET_CUT', '预算被砍', 'Budget cut', true, 95)").update();
        try {
            String lost = sales.opportunity(mvc, rep, customer, "仓储门禁", "90000").get("id").asString();
            assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                    "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"TL_BUDGET_CUT\"}")).hasStatus(200);

            assertThat(lostReasonOnTimeline(rep, customer, "en")).isEqualTo("Budget cut");
            assertThat(lostReasonOnTimeline(rep, customer, "zh-CN")).isEqualTo("预算被砍");
            var session = customers.session(mvc, team.rep());
            String page = mvc.get().uri("/customers/" + customer + "?lang=en").cookie(session).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).contains("仓储门禁 lost: Budget cut").doesNotContain("TL_BUDGET_CUT");
        } finally {
            jdbc.sql("delete from opportunity_lost_reason where code = 'TL_BUDGET_CUT'").update();
        }
        assertThat(lostReasonOnTimeline(rep, customer, "en")).as("the row deleted: its code").isEqualTo("TL_BUDGET_CUT");
    }

    /** The reason of the (one) lost opportunity on the customer's timeline, as the API answers it in that language. */
    private String lostReasonOnTimeline(String token, String customer, String language) {
        var answer = mvc.get().uri("/api/v1/customers/" + customer + "/timeline")
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, token)
                .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, language).exchange();
        assertThat(answer).hasStatusOk();
        return customers.json(answer).get("items").valueStream()
                .filter(e -> e.get("messageKey").asString().equals("opportunity.timeline.lost")).findFirst().orElseThrow()
                .get("args").get(2).asString();
    }

    @Test
    void theBoardAndTheForecastWeighEachStageByItsProbability() {
        var team = sales.team("board");
        String rep = sales.bearer(mvc, team.rep());
        String manager = sales.bearer(mvc, team.manager());
        String customer = sales.customerWithContact(team.rep(), "嘉兴电子有限公司", "孙经理", "sun@jx.test");
        twoInDiscoveryOneInProposal(team, rep, customer, "一期 100000", "二期 300000", "三期 500000");

        JsonNode board = customers.getJson(mvc, manager, "/api/v1/opportunities/board?teamId=" + team.company().east());
        JsonNode discovery = board.get("columns").get(0);
        assertThat(discovery.get("stage").asString()).isEqualTo("DISCOVERY");
        assertThat(discovery.get("count").asInt()).isEqualTo(2);
        assertThat(discovery.get("total").decimalValue()).isEqualByComparingTo("400000");
        assertThat(discovery.get("weighted").decimalValue()).isEqualByComparingTo("40000");
        assertThat(discovery.get("cards").valueStream().map(c -> c.get("name").asString()))
                .as("the team's cards, read for the team's members").hasSize(2).allMatch(name -> name.contains("期"));
        JsonNode proposal = board.get("columns").get(2);
        assertThat(proposal.get("weighted").decimalValue()).isEqualByComparingTo("200000");
        assertThat(board.get("openWeighted").decimalValue()).isEqualByComparingTo("240000");
        assertThat(board.get("currency").asString()).as("its sums' currency (SPEC §6)").isEqualTo("CNY");
        assertThat(discovery.get("cards").valueStream().map(c -> c.get("currency").asString()))
                .as("each card's amount with its currency").containsOnly("CNY");
        String westManager = sales.bearer(mvc, team.company().westManager());
        assertThat(customers.getJson(mvc, westManager, "/api/v1/opportunities/board")
                .get("openCount").asInt()).as("another team's board").isZero();
        // another team asked for by its id is not found (aBoardOfATeamUnknownOrOutsideTheReadersChoicesIsNotFound)
        JsonNode theirs = customers.getJson(mvc, westManager, "/api/v1/opportunities/board?ownerId=" + team.rep().id());
        assertThat(theirs.get("columns").valueStream().flatMap(c -> c.get("cards").valueStream()))
                .as("another team's cards asked for by their owner").isEmpty();
        assertThat(theirs.get("openCount").asInt()).isZero();

        // without an expected close date an opportunity has no month: left out of the figures, counted apart
        SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/opportunities", """
                {"customerId":"%s","name":"四期","amount":70000}""".formatted(customer)), 201);
        JsonNode forecast = customers.getJson(mvc, manager, "/api/v1/opportunities/forecast?from=2026-12&months=3&groupBy=REP");
        assertThat(forecast.at("/undated/count").asLong()).isEqualTo(1);
        assertThat(forecast.at("/undated/amount").decimalValue()).isEqualByComparingTo("70000");
        assertThat(forecast.get("currency").asString()).as("its amounts' currency (SPEC §6)").isEqualTo("CNY");
        assertThat(customers.getJson(mvc, westManager, "/api/v1/opportunities/forecast").at("/undated/count").asLong())
                .as("another team's").isZero();
        JsonNode december = forecast.get("company").get("months").get("2026-12");
        assertThat(december.get("pipeline").decimalValue()).isEqualByComparingTo("400000");
        assertThat(december.get("bestCase").decimalValue()).isEqualByComparingTo("500000");
        assertThat(december.get("weighted").decimalValue()).isEqualByComparingTo("240000");
        assertThat(forecast.get("rows").get(0).get("label").asString()).isEqualTo(team.rep().displayName());
    }

    /**
     * Walk finding: with two proposals of 10 000.01 and 1.01 the board weighed the column's total (40 % of 10 001.02 =
     * 4 000.41) while each opportunity shows its own weighted amount (4 000.00 and 0.40), and the forecast weighed each
     * cell's total. O1 — every weighted total adds up the opportunities' weighted amounts, each rounded to the fen
     * (decision 0012): the board's column and header, with a product line too, and the forecast's cell and total; after
     * the stage's probability changes, at the new one.
     */
    @Test
    void O1_everyWeightedTotalAddsUpTheOpportunitiesWeightedAmountsEachRoundedToTheFen() {
        clock.set(TestClock.START);
        var team = sales.team("weighfen");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州分毫电子有限公司", "钱经理", "qian@weighfen.test");
        List<String> ids = new java.util.ArrayList<>();
        for (String[] o : new String[][] {{"大单", "10000.01"}, {"小单", "1.01"}}) {
            String id = sales.opportunity(mvc, rep, customer, o[0], o[1]).get("id").asString();
            sales.qualify(mvc, team, id);
            sales.move(mvc, rep, id, "PROPOSAL");
            ids.add(id);
        }
        assertThat(weighedApart(rep, ids)).as("4 000.00 + 0.40 at 40 %").isEqualByComparingTo("4000.40");
        assertThat(weightedTotals(rep)).as("board column, header, with a product line; forecast cell, total")
                .containsOnly(weighedApart(rep, ids).setScale(2));

        String admin = "Bearer " + fixtures.token(mvc, "admin");
        proposalProbability(admin, "50");
        try {
            assertThat(weighedApart(rep, ids)).as("5 000.01 + 0.51 at 50 %").isEqualByComparingTo("5000.52");
            assertThat(weightedTotals(rep)).as("at the probability in force").containsOnly(new java.math.BigDecimal("5000.52"));
        } finally {
            proposalProbability(admin, "40");
        }
        assertThat(weightedTotals(rep)).containsOnly(new java.math.BigDecimal("4000.40"));
    }

    @Autowired com.lead2cash.testing.Fixtures fixtures;

    /** The opportunities' weighted amounts as each shows it, added up. */
    private java.math.BigDecimal weighedApart(String rep, List<String> ids) {
        return ids.stream().map(id -> customers.getJson(mvc, rep, "/api/v1/opportunities/" + id).get("weightedAmount")
                .decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    /** The rep's weighted totals: the board's proposal column and header, with the product line, the forecast's month and total. */
    private java.util.Set<java.math.BigDecimal> weightedTotals(String rep) {
        JsonNode board = customers.getJson(mvc, rep, "/api/v1/opportunities/board");
        JsonNode security = customers.getJson(mvc, rep, "/api/v1/opportunities/board?productLine=安防");
        JsonNode forecast = customers.getJson(mvc, rep, "/api/v1/opportunities/forecast?from=2026-12&months=1&groupBy=REP");
        return java.util.stream.Stream.of(board.get("columns").get(2).get("weighted"), board.get("openWeighted"),
                        security.get("columns").get(2).get("weighted"), security.get("openWeighted"),
                        forecast.at("/company/months/2026-12/weighted"), forecast.at("/company/total/weighted"))
                .map(n -> n.decimalValue().setScale(2)).collect(java.util.stream.Collectors.toSet());
    }

    private void proposalProbability(String admin, String percent) {
        long version = fixtures.json(mvc.get().uri("/api/v1/policy").header(org.springframework.http.HttpHeaders.AUTHORIZATION,
                admin)).get("version").asLong();
        assertThat(mvc.post().uri("/api/v1/policy").header(org.springframework.http.HttpHeaders.AUTHORIZATION, admin)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                        {"reason":"概率调整","version":%d,"changes":[{"rule":"O1","parameter":"proposalProbability","value":"%s"}]}"""
                        .formatted(version, percent))).hasStatus(201);
    }

    /** The board answers a team outside the filter's choices as the forecast does: 404, not an empty board. */
    @Test
    void aBoardOfATeamUnknownOrOutsideTheReadersChoicesIsNotFound() {
        var team = sales.team("board-team-404");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州看板团队科技有限公司", "周经理", null);
        sales.opportunity(mvc, rep, customer, "团队看板商机", "100000");
        String manager = sales.bearer(mvc, team.manager());
        for (String teamId : List.of(team.company().west().toString(), java.util.UUID.randomUUID().toString())) {
            var refused = customers.get(mvc, manager, "/api/v1/opportunities/board?teamId=" + teamId);
            assertThat(refused).as(teamId).hasStatus(404);
            assertThat(customers.get(mvc, manager, "/api/v1/opportunities/forecast?teamId=" + teamId))
                    .as("the forecast alike").hasStatus(404);
        }
        JsonNode own = customers.getJson(mvc, manager, "/api/v1/opportunities/board?teamId=" + team.company().east());
        assertThat(own.get("openCount").asInt()).as("their own team's board").isEqualTo(1);
        assertThat(customers.getJson(mvc, sales.bearer(mvc, team.director()),
                "/api/v1/opportunities/board?teamId=" + team.company().east()).get("openCount").asInt())
                .as("a team of the director's choices").isEqualTo(1);
    }

    /** The opportunity list answers a team outside the filter's choices as the board does: 404, not an empty list. */
    @Test
    void aListOfATeamUnknownOrOutsideTheReadersChoicesIsNotFound() {
        var team = sales.team("list-team-404");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "湖州列表团队科技有限公司", "钱经理", null);
        String id = sales.opportunity(mvc, rep, customer, "团队列表商机", "100000").get("id").asString();
        String manager = sales.bearer(mvc, team.manager());
        for (String teamId : List.of(team.company().west().toString(), java.util.UUID.randomUUID().toString())) {
            assertThat(customers.get(mvc, manager, "/api/v1/opportunities?teamId=" + teamId)).as(teamId).hasStatus(404);
            assertThat(customers.get(mvc, manager, "/api/v1/opportunities?stage=WON&teamId=" + teamId))
                    .as("a stage's list alike, " + teamId).hasStatus(404);
        }
        assertThat(listed(manager, "/api/v1/opportunities?teamId=" + team.company().east()))
                .as("their own team's list").containsExactly(id);
        assertThat(listed(sales.bearer(mvc, team.director()), "/api/v1/opportunities?teamId=" + team.company().east()))
                .as("a team of the director's choices").containsExactly(id);
    }

    @Test
    void aForecastOfNoMonthsOrOfMoreThanTheApiServesIsRefusedNamingMonths() {
        var team = sales.team("forecast-months");
        String manager = sales.bearer(mvc, team.manager());
        for (String months : List.of("0", "-1", "25", "100000")) {
            var refused = customers.get(mvc, manager, "/api/v1/opportunities/forecast?months=" + months);
            assertThat(refused).as(months).hasStatus(400);
            assertThat(customers.json(refused).at("/errors/0/field").asString()).as(months).isEqualTo("months");
            assertThat(customers.json(refused).at("/errors/0/code").asString()).as(months)
                    .isEqualTo("opportunity.forecast.months.invalid");
        }
        assertThat(customers.getJson(mvc, manager, "/api/v1/opportunities/forecast?months=24").get("months").size())
                .isEqualTo(24);
        assertThat(customers.getJson(mvc, manager, "/api/v1/opportunities/forecast?months=1").get("months").size())
                .isEqualTo(1);
    }

    @Test
    void theListPagesTheOpenOpportunitiesInScopeByCloseDate() {
        var team = sales.team("list");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "台州机电有限公司", "周经理", "zhou@tz.test");
        String third = twoInDiscoveryOneInProposal(team, rep, customer, "甲 100000", "乙 200000", "丙 300000");

        String owner = "/api/v1/opportunities?ownerId=" + team.rep().id() + "&size=2";
        JsonNode first = customers.getJson(mvc, rep, owner);
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = customers.getJson(mvc, rep, owner + "&cursor=" + first.get("nextCursor").asString());
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("nextCursor").isNull()).as("the last page").isTrue();
        assertThat(java.util.stream.Stream.concat(first.get("items").valueStream(), second.get("items").valueStream())
                .map(c -> c.get("name").asString())).containsExactlyInAnyOrder("甲", "乙", "丙");

        JsonNode proposal = customers.getJson(mvc, rep, owner + "&stage=PROPOSAL").get("items");
        assertThat(proposal.size()).isEqualTo(1);
        JsonNode card = proposal.get(0);
        assertThat(card.get("id").asString()).isEqualTo(third);
        assertThat(card.get("stage").asString()).isEqualTo("PROPOSAL");
        assertThat(card.get("amount").decimalValue()).isEqualByComparingTo("300000");
        assertThat(card.get("currency").asString()).as("money with its currency (SPEC §6)").isEqualTo("CNY");
        assertThat(first.get("items").valueStream().map(c -> c.get("currency").asString())).containsOnly("CNY");
        assertThat(card.get("customerName").asString()).isEqualTo("台州机电有限公司");
        assertThat(card.get("ownerName").asString()).isEqualTo(team.rep().displayName());
        assertThat(card.get("expectedCloseDate").isNull()).isFalse();
        assertThat(card.get("version").asLong()).isPositive();

        String westManager = sales.bearer(mvc, team.company().westManager());
        assertThat(customers.getJson(mvc, westManager, owner).get("items").size()).as("another team's rep's list").isZero();
    }

    /** Three opportunities of the team's rep, each "name amount": the first two in DISCOVERY, the third moved to PROPOSAL. */
    private String twoInDiscoveryOneInProposal(SalesTestSupport.Team team, String rep, String customer, String... opportunities) {
        String last = null;
        for (String o : opportunities) {
            String[] nameAndAmount = o.split(" ");
            last = sales.opportunity(mvc, rep, customer, nameAndAmount[0], nameAndAmount[1]).get("id").asString();
        }
        sales.qualify(mvc, team, last);
        sales.move(mvc, rep, last, "PROPOSAL");
        return last;
    }

    @Test
    void aContractSignedWhileTheOpportunityStoodEarlierLetsTheRepMarkItWonByHand() {
        var r = contracts.reviewers("wonhand", CustomerTestSupport.HIRED.minusYears(10));
        String rep = contracts.bearer(mvc, r.rep());
        String opportunity = contracts.opportunityAtContractStage(mvc, r, "常州手动赢单有限公司", "600000.00");
        String draft = contracts.draft(mvc, rep, opportunity, "600000.00", "LOW").get("id").asString();
        sales.move(mvc, rep, opportunity, "NEGOTIATION");

        signing.signDraft(mvc, r, draft, "2026-12-01");
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("stage").asString())
                .as("the signing wins only from the contract stage").isEqualTo("NEGOTIATION");
        sales.move(mvc, rep, opportunity, "CONTRACT");
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("availableActions").toString())
                .as("its contract is signed: won is offered").contains("MARK_WON");
        assertThat(opportunityPage(r.rep(), opportunity)).contains("<option value=\"WON\"", "赢单")
                .doesNotContain("id=\"won-by-signing\"");

        assertThat(sales.move(mvc, rep, opportunity, "WON").get("stage").asString()).isEqualTo("WON");
    }

    @Test
    void anOpportunityWithAContractUnderWayIsNotMarkedLostUntilTheContractIsTerminated() {
        var r = contracts.reviewers("lostlive");
        String rep = contracts.bearer(mvc, r.rep());
        String opportunity = contracts.opportunityAtContractStage(mvc, r, "常州合同在途输单有限公司", "600000.00");
        JsonNode draft = contracts.draft(mvc, rep, opportunity, "600000.00", "LOW");
        String number = draft.get("number").asString();

        JsonNode before = customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity);
        assertThat(before.get("availableActions").valueStream().map(JsonNode::asString)).as("its contract goes on")
                .contains("MOVE").doesNotContain("MARK_LOST");
        var refused = customers.post(mvc, rep, "/api/v1/opportunities/" + opportunity + "/stage",
                "{\"stage\":\"LOST\",\"version\":%d,\"lostReason\":\"PRICE\"}".formatted(before.get("version").asLong()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("opportunity.lost.contractUnderWay");
        assertThat(customers.json(refused).get("detail").asString()).as("names the contract").contains(number);
        assertThat(customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("stage").asString())
                .as("nothing changed").isEqualTo("CONTRACT");
        assertThat(opportunityPage(r.rep(), opportunity)).as("the page says which contract to end first")
                .contains("id=\"lost-needs-contract-ended\"", number).doesNotContain("id=\"mark-lost\"");

        customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/contracts/" + draft.get("id").asString()
                + "/termination", "{\"reason\":\"客户选择了对手\",\"version\":%d}".formatted(customers.getJson(mvc, rep,
                "/api/v1/contracts/" + draft.get("id").asString()).get("version").asLong())), 200));
        assertThat(opportunityPage(r.rep(), opportunity)).contains("id=\"mark-lost\"")
                .doesNotContain("id=\"lost-needs-contract-ended\"");
        JsonNode lost = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/opportunities/"
                + opportunity + "/stage", "{\"stage\":\"LOST\",\"version\":%d,\"lostReason\":\"PRICE\"}".formatted(
                customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("version").asLong())), 200));
        assertThat(lost.get("stage").asString()).isEqualTo("LOST");
    }

    private String opportunityPage(com.lead2cash.platform.internal.identity.User user, String id) {
        var result = mvc.get().uri("/opportunities/" + id).cookie(customers.session(mvc, user))
                .header("Accept-Language", "zh-CN").exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.lead2cash.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Negotiation minutes over the API (Q3): written in negotiation, versioned, confirmed by the customer's contact. */
@IntegrationTest
@Import(TestClock.class)
class MinutesApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;
    @Autowired Quotes quotes;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired com.lead2cash.testing.HeldFirst heldFirst;

    static final String MINUTES = """
            {"opportunityId":"%s","heldOn":"2026-12-01","agreedPrice":%s,
             "milestones":[{"type":"PREPAYMENT","percent":30,"dueCondition":"合同签订后 7 日内"},
                           {"type":"ON_DELIVERY","percent":60,"dueCondition":"到货验收后 15 日内"},
                           {"type":"RETENTION","amount":%s,"dueCondition":"质保期满一年"}],
             "deliveryStandard":"按技术协议附件一验收","liability":"逾期交付每日按合同额千分之一计违约金",
             "openIssues":["质保期延长至两年待定"],"ourAttendees":["张三（销售）","李四（技术）"],"customerAttendees":["陈静（采购经理）"]}""";

    @Autowired com.lead2cash.testing.Fixtures fixtures;
    @Autowired java.util.List<com.lead2cash.platform.RecordNames> recordNames;

    @Test
    void minutesReadOnTheAuditScreenAsTheVersionOfTheirOpportunitysMinutesLinkedForWhoMayOpenThem() throws Exception {
        clock.set(TestClock.START);
        var team = sales.team("minutes-names");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "常州审计纪要有限公司", "陈工", "chen@audit-minutes.test");
        JsonNode opportunity = sales.opportunity(mvc, rep, customer, "纪要审计", "500000");
        String opportunityId = opportunity.get("id").asString();
        String code = opportunity.get("code").asString();
        sales.qualify(mvc, team, opportunityId);
        sales.move(mvc, rep, opportunityId, "PROPOSAL");
        sales.move(mvc, rep, opportunityId, "NEGOTIATION");
        String id = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunityId, "480000", "48000")), 201)).get("id").asString();
        var admin = fixtures.session(mvc, "admin", com.lead2cash.testing.Fixtures.ADMIN_PASSWORD);

        for (String[] language : new String[][] {{"zh-CN", code + " 纪要审计 的谈判纪要 第1版"},
                {"en", "Negotiation minutes v1 of " + code + " 纪要审计"}}) {
            String rows = mvc.get().uri("/admin/audit?lang=" + language[0] + "&entityType=NegotiationMinutes&entityId=" + id)
                    .cookie(admin).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(rows).contains("href=\"/negotiation-minutes/" + id + "\"", ">" + language[1] + "</a>")
                    .doesNotContain(">" + id + "<");
        }
        var namer = recordNames.stream().filter(n -> n.recordType().equals("NegotiationMinutes")).findFirst().orElseThrow();
        var otherRep = team.otherRep();
        assertThat(new com.lead2cash.platform.CurrentUser(otherRep.id(), otherRep.username(), otherRep.displayName(),
                otherRep.orgUnitId(), otherRep.roleSet()).actAs(() -> namer.names(java.util.List.of(id, "not-a-uuid"))))
                .as("another team's rep reads the name without a link: the page is not theirs").containsOnlyKeys(id)
                .extractingByKey(id).extracting(com.lead2cash.platform.RecordNames.RecordName::link).isNull();
    }

    @Test
    void Q3_milestonesInPercentagesAddUpToTheAgreedPriceToTheFenTheLastPercentageTakingTheRemainder() {
        clock.set(TestClock.START);
        var team = sales.team("q3fen");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "常州分毫纪要有限公司", "陈静", "chen@fen-minutes.test");
        String opportunity = sales.opportunity(mvc, rep, customer, "分毫不差", "128806.44").get("id").asString();
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        sales.move(mvc, rep, opportunity, "NEGOTIATION");

        // 30 % and 60 % of 128 806.44 and 12 880.64 typed: each rounded on its own they made 128 806.43
        JsonNode mixed = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunity, "128806.44", "12880.64")), 201));
        assertThat(amounts(mixed)).containsExactly("38641.93", "77283.87", "12880.64");

        JsonNode percentages = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunity, "128806.44", "0").replace("\"amount\":0", "\"percent\":10")), 201));
        assertThat(amounts(percentages)).as("30 / 60 / 10 %").containsExactly("38641.93", "77283.86", "12880.65");
        assertThat(amounts(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + percentages.get("id").asString())))
                .as("as stored").containsExactly("38641.93", "77283.86", "12880.65");

        var short1 = customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunity, "128806.44", "0").replace("\"amount\":0", "\"percent\":9.99"));
        assertThat(short1).as("percentages that make 99.99 % are a mistake, not rounding").hasStatus(422);
        assertThat(customers.json(short1).at("/errors/0/code").asString()).isEqualTo("minutes.milestones.sum");
        assertThat(customers.json(short1).at("/errors/0/message").asString())
                .as("the sum of the milestones as worked out: 38 641.93 + 77 283.86 + 12 867.76")
                .contains("128,793.55").doesNotContain("128,793.56");
    }

    /**
     * Walk finding: 0.01 % of an agreed price of 10 was written as a milestone of 0.00, and the contract drafted from
     * the confirmed minutes was refused on {@code milestones[0].amount}, a field its caller never sent. The minutes
     * refuse it on that milestone's percentage, in the caller's language, and write nothing.
     */
    @Test
    void Q3_aMilestoneThatRoundsToNothingIsRefusedOnItsPercentageAndNothingIsWritten() {
        Negotiating n = negotiating("q3nothing", "常州零头纪要有限公司", "zhou@nothing-minutes.test");
        String tiny = """
                {"opportunityId":"%s","heldOn":"2026-12-01","agreedPrice":10,
                 "milestones":[{"type":"PREPAYMENT","percent":0.01,"dueCondition":"合同签订后 7 日内"},
                               {"type":"ACCEPTANCE","percent":99.99,"dueCondition":"验收合格后 30 日内"}],
                 "deliveryStandard":"按技术协议附件一验收","liability":"逾期交付每日按合同额千分之一计违约金",
                 "openIssues":[],"ourAttendees":["张三（销售）"],"customerAttendees":["陈静（采购经理）"]}"""
                .formatted(n.opportunity());
        for (String[] language : new String[][] {{"en", "This milestone comes to 0.00"}, {"zh-CN", "该付款节点按成交价折合 0.00"}}) {
            var refused = mvc.post().uri("/api/v1/negotiation-minutes").header(HttpHeaders.AUTHORIZATION, n.rep())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language[0]).contentType(MediaType.APPLICATION_JSON)
                    .content(tiny).exchange();
            assertThat(refused).as(language[0]).hasStatus(422);
            JsonNode body = customers.json(refused);
            assertThat(body.get("errors")).as(language[0]).hasSize(1);
            assertThat(body.at("/errors/0/field").asString()).isEqualTo("milestones[0].percent");
            assertThat(body.at("/errors/0/code").asString()).isEqualTo("minutes.milestone.worth");
            assertThat(body.at("/errors/0/message").asString()).as(language[0]).startsWith(language[1]);
        }
        assertThat(customers.getJson(mvc, n.rep(), "/api/v1/negotiation-minutes?opportunityId=" + n.opportunity())
                .get("items")).as("nothing written").isEmpty();
    }

    /**
     * Walk finding: minutes held on 2199-01-01 were accepted. A negotiation took place: on a business day, from 2000
     * to today by the application's clock.
     */
    @Test
    void minutesHeldBefore2000OrAfterTodayAreRefusedOnHeldOnAndNothingIsWritten() {
        Negotiating n = negotiating("q3days", "常州日期纪要有限公司", "wang@days-minutes.test");
        for (String[] wrong : new String[][] {{"2199-01-01", "error.input.dateInFuture"},
                {"2026-12-02", "error.input.dateInFuture"}, {"1999-12-31", "error.input.dateTooEarly"}}) {
            var refused = customers.post(mvc, n.rep(), "/api/v1/negotiation-minutes",
                    MINUTES.formatted(n.opportunity(), "480000", "48000").replace("2026-12-01", wrong[0]));
            assertThat(refused).as(wrong[0]).hasStatus(422);
            assertThat(customers.json(refused).at("/errors/0/field").asString()).isEqualTo("heldOn");
            assertThat(customers.json(refused).at("/errors/0/code").asString()).as(wrong[0]).isEqualTo(wrong[1]);
        }
        assertThat(customers.getJson(mvc, n.rep(), "/api/v1/negotiation-minutes?opportunityId=" + n.opportunity())
                .get("items")).as("nothing written").isEmpty();
        JsonNode today = customers.json(SalesTestSupport.expect(customers.post(mvc, n.rep(), "/api/v1/negotiation-minutes",
                MINUTES.formatted(n.opportunity(), "480000", "48000")), 201));
        assertThat(today.get("heldOn").asString()).as("today is a day it was held").isEqualTo("2026-12-01");
    }

    /**
     * Every value the input rules refuse is named at once: both milestones' percents with seven places, and the
     * agreed price with three, each as too precise (the money columns keep two), none rounded, nothing written.
     */
    @Test
    void everyTooPreciseValueOfTheMinutesIsNamedAtOnceAndNothingIsWritten() {
        Negotiating n = negotiating("q3precise", "常州精度纪要有限公司", "wu@precise-minutes.test");
        var refused = customers.post(mvc, n.rep(), "/api/v1/negotiation-minutes",
                MINUTES.formatted(n.opportunity(), "480000.555", "48000")
                        .replace("\"percent\":30", "\"percent\":30.1234567")
                        .replace("\"percent\":60", "\"percent\":59.8765433"));
        assertThat(refused).hasStatus(422);
        JsonNode errors = customers.json(refused).get("errors");
        assertThat(errors.valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("agreedPrice", "milestones[0].percent", "milestones[1].percent");
        assertThat(errors.valueStream().map(e -> e.get("code").asString()).distinct().toList())
                .containsExactly("error.input.amountTooPrecise");
        assertThat(customers.getJson(mvc, n.rep(), "/api/v1/negotiation-minutes?opportunityId=" + n.opportunity())
                .get("items")).as("nothing written").isEmpty();
    }

    /** SPEC §6: the agreed price and the milestones' amounts are answered as money, with two places, however typed. */
    @Test
    void theAgreedPriceAndTheMilestonesAreAnsweredWithTwoPlaces() {
        Negotiating n = negotiating("q3places", "常州两位小数纪要有限公司", "chen@places-minutes.test");
        String rep = n.rep();
        String opportunity = n.opportunity();
        var written = customers.post(mvc, rep, "/api/v1/negotiation-minutes", MINUTES.formatted(opportunity, "100000", "10000"));
        String text = com.lead2cash.testing.ContractTestSupport.text(written);
        assertThat(written).as(text).hasStatus(201);
        String read = com.lead2cash.testing.ContractTestSupport.text(customers.get(mvc, rep,
                "/api/v1/negotiation-minutes/" + customers.json(written).get("id").asString()));
        for (String answer : java.util.List.of(text, read)) {
            assertThat(answer).as(answer).contains("\"agreedPrice\":100000.00").contains("\"amount\":30000.00")
                    .contains("\"amount\":60000.00").contains("\"amount\":10000.00")
                    .doesNotContainPattern("\"agreedPrice\":100000[,}]");
        }
    }

    static java.util.List<String> amounts(JsonNode minutes) {
        return java.util.stream.StreamSupport.stream(minutes.get("milestones").spliterator(), false)
                .map(m -> m.get("amount").decimalValue().setScale(2).toPlainString()).toList();
    }

    @Test
    void Q3_minutesAreWrittenInNegotiationVersionedAndConfirmedByTheCustomersContact() {
        clock.set(TestClock.START);
        var team = sales.team("q3");
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "常州轨道交通设备有限公司", "陈静", "chen@changzhou.test");
        String opportunity = sales.opportunity(mvc, rep, customer, "站台监控", "500000").get("id").asString();
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");

        var early = customers.post(mvc, rep, "/api/v1/negotiation-minutes", MINUTES.formatted(opportunity, "480000", "48000"));
        assertThat(early).hasStatus(422);
        assertThat(customers.json(early).get("code").asString()).isEqualTo("minutes.opportunity.notNegotiating");
        assertThat(customers.json(early).get("detail").asString()).as("the stage in words, not its code")
                .contains("Proposal").doesNotContain("PROPOSAL");
        sales.move(mvc, rep, opportunity, "NEGOTIATION");

        var wrongSum = customers.post(mvc, rep, "/api/v1/negotiation-minutes", MINUTES.formatted(opportunity, "480000", "40000"));
        assertThat(wrongSum).hasStatus(422);
        assertThat(customers.json(wrongSum).at("/errors/0/field").asString()).isEqualTo("milestones");

        JsonNode v1 = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunity, "480000", "48000")), 201));
        assertThat(v1.get("revision").asInt()).isEqualTo(1);
        assertThat(v1.at("/milestones/0/amount").decimalValue()).isEqualByComparingTo("144000.00");
        JsonNode v2 = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunity, "470000", "47000")), 201));
        assertThat(v2.get("revision").asInt()).isEqualTo(2);
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + v1.get("id").asString()).get("status").asString())
                .isEqualTo("SUPERSEDED");
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes?opportunityId=" + opportunity).get("items").size())
                .isEqualTo(2);
        assertThat(customers.get(mvc, sales.bearer(mvc, team.otherRep()), "/api/v1/negotiation-minutes/" + v2.get("id").asString()))
                .hasStatus(404);

        assertThat(quotes.confirmedMinutes(java.util.UUID.fromString(opportunity))).as("nothing confirmed yet").isEmpty();
        String contact = customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString();
        JsonNode sent = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/negotiation-minutes/" + v2.get("id").asString() + "/send", "{\"contactId\":\"" + contact + "\"}"), 200));
        assertThat(sent.at("/minutes/status").asString()).isEqualTo("SENT");
        // sent again: the link sent first is withdrawn, only the latest one can be answered
        String first = URI.create(sent.at("/confirmation/url").asString()).getPath();
        sent = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/negotiation-minutes/" + v2.get("id").asString() + "/send", "{\"contactId\":\"" + contact + "\"}"), 200));
        var withdrawn = mvc.get().uri(first).header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(withdrawn).hasStatus(410);
        assertThat(new String(withdrawn.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("此确认请求已撤回").doesNotContain("name=\"outcome\"");
        assertThat(mvc.post().uri(first).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "CONFIRMED").param("name", "陈静").exchange()).as("says it was withdrawn (0044)")
                .hasStatus(410);
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + v2.get("id").asString())
                .get("status").asString()).as("the withdrawn link confirmed nothing").isEqualTo("SENT");
        String url = sent.at("/confirmation/url").asString();
        assertThat(mvc.post().uri(URI.create(url).getPath()).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "CONFIRMED").param("name", "陈静").exchange()).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + v2.get("id").asString())
                        .get("status").asString()).isEqualTo("CONFIRMED"));
        assertThat(customers.getJson(mvc, rep, "/api/v1/confirmations/" + first.split("/")[2]).get("state").asString())
                .as("the rep sees the first link withdrawn").isEqualTo("WITHDRAWN");
        Quotes.ConfirmedMinutes confirmed = quotes.confirmedMinutes(java.util.UUID.fromString(opportunity)).orElseThrow();
        assertThat(confirmed.revision()).as("the contract drafts from the confirmed version").isEqualTo(2);
        assertThat(confirmed.agreedPrice()).isEqualByComparingTo("470000");
        assertThat(confirmed.milestones()).extracting(Quotes.Milestone::amount)
                .containsExactly(new java.math.BigDecimal("141000.00"), new java.math.BigDecimal("282000.00"),
                        new java.math.BigDecimal("47000.00"));
    }

    @Test
    void minutesOfALostOpportunityAreRefusedByItsState422NotByWhoAsks() {
        Negotiating n = negotiating("q3lost", "无锡港口机械有限公司", "wang@wuxi.test");
        var team = n.team();
        String rep = n.rep();
        String customer = n.customer();
        String opportunity = n.opportunity();
        JsonNode written = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(opportunity, "300000", "30000")), 201));
        String minutes = written.get("id").asString();
        assertThat(written.get("actions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("SEND", "REVISE");
        assertThat(customers.getJson(mvc, sales.bearer(mvc, team.manager()), "/api/v1/negotiation-minutes/" + minutes)
                .get("actions").valueStream().map(JsonNode::asString)).as("the manager above the owner works it too")
                .containsExactlyInAnyOrder("SEND", "REVISE");
        long version = customers.getJson(mvc, rep, "/api/v1/opportunities/" + opportunity).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/opportunities/" + opportunity + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
        String contact = customers.getJson(mvc, rep, "/api/v1/customers/" + customer + "/contacts").get("items").get(0).get("id").asString();

        var refused = customers.post(mvc, rep, "/api/v1/negotiation-minutes/" + minutes + "/send",
                "{\"contactId\":\"" + contact + "\"}");
        assertThat(refused).as("the owner asks: the stage refuses").hasStatus(422);
        assertThat(customers.json(refused).get("code").asString()).isEqualTo("minutes.opportunityClosed");
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + minutes);
        assertThat(after.get("status").asString()).as("nothing sent").isEqualTo("DRAFT");
        assertThat(after.get("actions")).as("a lost opportunity's minutes offer nothing").isEmpty();
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes?opportunityId=" + opportunity)
                .at("/items/0/actions")).isEmpty();
        assertThat(customers.post(mvc, sales.bearer(mvc, team.otherRep()), "/api/v1/negotiation-minutes/" + minutes + "/send",
                "{\"contactId\":\"" + contact + "\"}")).as("another team's rep").hasStatus(404);
    }

    /**
     * Roles walk: the team's sales assistant keeps its minutes (SPEC §1, decision 0082) — refused 403 before. They write,
     * revise and send them as the rep does; another team's assistant finds neither the opportunity nor its minutes.
     */
    @Test
    void Q3_theTeamsSalesAssistantWritesRevisesAndSendsTheMinutesAnotherTeamsAssistantFindsNone() {
        Negotiating n = negotiating("q3assist", "常州助理纪要有限公司", "he@assist-minutes.test");
        var company = n.team().company();
        var assistant = fixtures.user("as.q3assist", company.east(), CustomerTestSupport.HIRED,
                com.lead2cash.platform.Role.SALES_ASSISTANT);
        var westAssistant = fixtures.user("was.q3assist", company.west(), CustomerTestSupport.HIRED,
                com.lead2cash.platform.Role.SALES_ASSISTANT);
        String token = sales.bearer(mvc, assistant);

        JsonNode v1 = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/negotiation-minutes",
                MINUTES.formatted(n.opportunity(), "300000", "30000")), 201));
        assertThat(v1.get("authorId").asString()).isEqualTo(assistant.id().toString());
        assertThat(v1.get("actions").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("SEND", "REVISE");
        JsonNode v2 = customers.json(SalesTestSupport.expect(customers.post(mvc, token, "/api/v1/negotiation-minutes",
                MINUTES.formatted(n.opportunity(), "290000", "29000")), 201));
        assertThat(v2.get("revision").asInt()).isEqualTo(2);
        String contact = customers.getJson(mvc, n.rep(), "/api/v1/customers/" + n.customer() + "/contacts")
                .get("items").get(0).get("id").asString();
        JsonNode sent = customers.json(SalesTestSupport.expect(customers.post(mvc, token,
                "/api/v1/negotiation-minutes/" + v2.get("id").asString() + "/send", "{\"contactId\":\"" + contact + "\"}"), 200));
        assertThat(sent.at("/minutes/status").asString()).isEqualTo("SENT");

        String west = sales.bearer(mvc, westAssistant);
        assertThat(customers.post(mvc, west, "/api/v1/negotiation-minutes", MINUTES.formatted(n.opportunity(), "300000", "30000")))
                .as("another team's opportunity").hasStatus(404);
        assertThat(customers.get(mvc, west, "/api/v1/negotiation-minutes/" + v2.get("id").asString())).hasStatus(404);
        assertThat(customers.post(mvc, west, "/api/v1/negotiation-minutes/" + v2.get("id").asString() + "/send",
                "{\"contactId\":\"" + contact + "\"}")).hasStatus(404);
        assertThat(customers.getJson(mvc, n.rep(), "/api/v1/negotiation-minutes?opportunityId=" + n.opportunity())
                .get("items").size()).as("nothing written by the other team's assistant").isEqualTo(2);
    }

    /** Minutes written and sent to the customer's first contact: their id, the public link's path and the confirmation. */
    private record Sent(String minutes, String link, String confirmation) {
    }

    private Sent writtenAndSent(Negotiating n) {
        String rep = n.rep();
        String minutes = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/negotiation-minutes",
                MINUTES.formatted(n.opportunity(), "300000", "30000")), 201)).get("id").asString();
        String contact = customers.getJson(mvc, rep, "/api/v1/customers/" + n.customer() + "/contacts").get("items").get(0).get("id").asString();
        JsonNode sent = customers.json(SalesTestSupport.expect(customers.post(mvc, rep,
                "/api/v1/negotiation-minutes/" + minutes + "/send", "{\"contactId\":\"" + contact + "\"}"), 200));
        return new Sent(minutes, URI.create(sent.at("/confirmation/url").asString()).getPath(),
                sent.at("/confirmation/id").asString());
    }

    @Test
    void Q3_aLostOpportunityWithdrawsItsMinutesOpenLinkAndTheContactCanNoLongerConfirmThem() {
        Negotiating n = negotiating("q3withdraw", "南通船舶配套有限公司", "wang@q3withdraw.test");
        String rep = n.rep();
        Sent sent = writtenAndSent(n);
        String minutes = sent.minutes();
        String link = sent.link();
        String confirmation = sent.confirmation();

        long version = customers.getJson(mvc, rep, "/api/v1/opportunities/" + n.opportunity()).get("version").asLong();
        SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/opportunities/" + n.opportunity() + "/stage",
                "{\"stage\":\"LOST\",\"lostReason\":\"PRICE\",\"version\":" + version + "}"), 200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customers.getJson(mvc, rep, "/api/v1/confirmations/" + confirmation).get("state").asString())
                        .isEqualTo("WITHDRAWN"));

        assertThat(mvc.post().uri(link).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "CONFIRMED").param("name", "王芳").exchange())
                .as("the withdrawn link takes no answer, and says it was withdrawn").hasStatus(410);
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + minutes).get("status").asString())
                .isEqualTo("SENT");
        assertThat(quotes.confirmedMinutes(java.util.UUID.fromString(n.opportunity()))).isEmpty();
    }

    /**
     * The contact's confirmation posted as the opportunity is set LOST, the loss committed first and the minutes' link
     * not yet withdrawn: the answer finds the opportunity lost under its lock and is refused, nothing recorded.
     */
    @Test
    void Q3_aConfirmationArrivingAsTheOpportunityIsLostIsWithdrawnNotRecorded() {
        Negotiating n = negotiating("q3race", "南通船舶竞争配套有限公司", "wang@q3race.test");
        String rep = n.rep();
        Sent sent = writtenAndSent(n);
        String minutes = sent.minutes();
        String link = sent.link();
        String confirmation = sent.confirmation();
        jdbc.sql("update opportunity_opportunity set stage = 'LOST', lost_reason = 'PRICE', version = version + 1 where id = :id")
                .param("id", java.util.UUID.fromString(n.opportunity())).update();

        assertThat(mvc.post().uri(link).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "CONFIRMED").param("name", "王芳").exchange()).hasStatus(410);
        assertThat(customers.getJson(mvc, rep, "/api/v1/confirmations/" + confirmation).get("state").asString())
                .as("not recorded as confirmed").isEqualTo("WITHDRAWN");
        assertThat(customers.getJson(mvc, rep, "/api/v1/negotiation-minutes/" + minutes).get("status").asString())
                .isEqualTo("SENT");
    }

    @Test
    void minutesSentTwiceAtOnceAreWrittenOnceAndTheSecondIsToldSoNotByTheDatabasesKey() throws Exception {
        Negotiating n = negotiating("q3twice", "常州双击纪要设备有限公司", "chen@twice.test");
        String body = MINUTES.formatted(n.opportunity(), "480000", "48000");

        // the first is written but not committed when the second arrives
        var sent = heldFirst.race(() -> customers.post(mvc, n.rep(), "/api/v1/negotiation-minutes", body),
                () -> customers.post(mvc, n.rep(), "/api/v1/negotiation-minutes", body));

        assertThat(sent.first()).hasStatus(201);
        assertThat(sent.second()).hasStatus(409);
        assertThat(customers.json(sent.second()).get("code").asString()).as("refused by the service, not the unique key")
                .isEqualTo("minutes.writtenMeanwhile");
        assertThat(customers.getJson(mvc, n.rep(), "/api/v1/negotiation-minutes?opportunityId=" + n.opportunity())
                .get("items").size()).isEqualTo(1);
    }

    /** A team, its rep's token, the rep's customer (with a contact) and opportunity, qualified and in negotiation. */
    record Negotiating(SalesTestSupport.Team team, String rep, String customer, String opportunity) {
    }

    Negotiating negotiating(String tag, String customerName, String email) {
        clock.set(TestClock.START);
        var team = sales.team(tag);
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), customerName, "王芳", email);
        String opportunity = sales.opportunity(mvc, rep, customer, "岸桥监控", "300000").get("id").asString();
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        sales.move(mvc, rep, opportunity, "NEGOTIATION");
        return new Negotiating(team, rep, customer, opportunity);
    }
}

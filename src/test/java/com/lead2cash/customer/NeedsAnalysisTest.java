package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The needs-analysis report (需求分析报告) and its confirmation by the customer (C6): written after the
 * interview, sent to a contact within the window, versioned, confirmed in writing through the link.
 */
@IntegrationTest
class NeedsAnalysisTest {

    static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z"); // Tuesday 14:00 in Shanghai
    static final Instant INTERVIEW = Instant.parse("2026-12-01T02:00:00Z");
    /**
     * C6's default, 24 working hours (decision 0111), from the interview on Tuesday 10:00 in Shanghai: 8 h on Tuesday,
     * 9 on Wednesday, 7 on Thursday — Thursday 16:00.
     */
    static final Instant DUE = Instant.parse("2026-12-03T08:00:00Z");

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired CustomerDirectory directory;

    int tags;
    CustomerTestSupport.Company company;
    String rep;
    String customerId;
    String wangId;
    String liId;

    @BeforeEach
    void aCustomerWithTwoContacts() {
        clock.set(NOW);
        company = support.company("na" + (++tags) + java.util.UUID.randomUUID().toString().substring(0, 8));
        rep = support.bearer(mvc, company.eastRep());
        customerId = registered("上海需求测试有限公司" + tags);
        wangId = support.postJson(mvc, rep, "/api/v1/customers/" + customerId + "/contacts", """
                {"name":"王伟","title":"总经理","email":"wang.wei@customer.test","role":"DECISION_MAKER"}""")
                .get("id").asString();
        liId = support.postJson(mvc, rep, "/api/v1/customers/" + customerId + "/contacts", """
                {"name":"李娜","title":"销售主管","role":"USER"}""").get("id").asString();
    }

    /** A customer of the east rep, registered through the customer module's own interface. */
    private String registered(String name) {
        return directory.register(new CustomerDirectory.NewCustomer(name, null, "制造业", null,
                company.eastRep().id(), "REFERRAL", null)).id().toString();
    }

    private static String report(Instant interviewedAt, String firstPainPoint) {
        return """
                {"interviewedAt":"%s","background":"制造业，员工 800 人，去年营收 3 亿元。",
                 "currentState":"客户跟进靠 Excel 和微信群。","painPoints":["%s","回款逾期多","报表靠手工"],
                 "goals":"半年内销售过程全部线上化。","budget":"50–80 万元，分两期",
                 "decisionProcess":"总经理拍板，销售主管试用后给意见。",
                 "customerWords":"我们每月因为跟进不及时流失约 5%% 的客户。"}
                """.formatted(interviewedAt, firstPainPoint);
    }

    private JsonNode write(String body) {
        MvcTestResult result = support.post(mvc, rep, "/api/v1/customers/" + customerId + "/needs-analyses", body);
        assertThat(result).hasStatus(201);
        return support.json(result);
    }

    private JsonNode send(String analysisId, String contactId) {
        MvcTestResult result = support.post(mvc, rep, "/api/v1/needs-analyses/" + analysisId + "/send",
                "{\"contactId\":\"" + contactId + "\"}");
        assertThat(result).hasStatusOk();
        return support.json(result);
    }

    private MvcTestResult open(String url) {
        return mvc.get().uri(URI.create(url).getPath()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
    }

    private MvcTestResult answer(String url, String outcome, String comment) {
        var post = mvc.post().uri(URI.create(url).getPath()).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", outcome).param("name", "王伟");
        return (comment == null ? post : post.param("comment", comment)).exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String customerStatus() {
        return support.getJson(mvc, rep, "/api/v1/customers/" + customerId).get("status").asString();
    }

    private String reportId(JsonNode analysis) {
        return analysis.get("reportId").asString();
    }

    @Test
    void C6_theReportIsDueTwentyFourWorkingHoursAfterTheInterviewAndSendingItMeetsTheDeadline() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.at("/confirmation/state").asString()).isEqualTo("NOT_SENT");
        assertThat(v1.at("/confirmation/sentAt").isNull()).isTrue();
        assertThat(Instant.parse(v1.at("/confirmation/dueAt").asString())).isEqualTo(DUE);
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:OPEN");
        // the decision chain names the contacts with a role in it, as they are now
        assertThat(v1.get("decisionMakers").valueStream().map(m -> m.get("name").asString())).containsExactly("王伟", "李娜");

        clock.advance(Duration.ofHours(3));
        JsonNode sent = send(v1.get("id").asString(), wangId);
        assertThat(sent.at("/confirmation/state").asString()).isEqualTo("SENT");
        assertThat(sent.at("/confirmation/url").asString()).contains("/c/" + sent.at("/confirmation/id").asString() + "/");
        assertThat(sent.at("/confirmation/emailed").asBoolean()).isFalse(); // no mail server in this test
        assertThat(Instant.parse(sent.at("/confirmation/expiresAt").asString())).isAfter(clock.instant());
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:MET");

        JsonNode after = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(after.at("/confirmation/state").asString()).isEqualTo("SENT");
        assertThat(Instant.parse(after.at("/confirmation/sentAt").asString())).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(after.at("/confirmation/dueState").asString()).isEqualTo("MET");

        // the contact reads exactly this report: pain points by priority, the named decision chain, their own words
        String page = body(open(sent.at("/confirmation/url").asString()));
        assertThat(page).contains("需求分析报告（第 1 版）· 上海需求测试有限公司", "核心痛点（按优先级）", "客户跟进靠 Excel",
                "决策链", "销售主管", "决策人", "我们每月因为跟进不及时流失约 5% 的客户。", "50–80 万元，分两期");
    }

    /**
     * Decision 0089: sent with no language named, the report is written in the language its contact prefers — English
     * for one who prefers en, and so is the page their link opens whatever their browser asks; a language named wins.
     */
    @Test
    void aReportSentWithNoLanguageIsInTheContactsPreferredOneAndANamedLanguageWins() {
        String smith = support.postJson(mvc, rep, "/api/v1/customers/" + customerId + "/contacts", """
                {"name":"John Smith","email":"john.smith@customer.test","language":"en"}""").get("id").asString();
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));

        String english = body(open(send(v1.get("id").asString(), smith).at("/confirmation/url").asString()));
        assertThat(english).as("English for a browser asking Chinese")
                .contains("Needs analysis (version 1) · 上海需求测试有限公司").doesNotContain("需求分析报告（第 1 版）");

        MvcTestResult named = support.post(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString() + "/send",
                "{\"contactId\":\"" + smith + "\",\"locale\":\"zh-CN\"}");
        assertThat(named).hasStatusOk();
        String chinese = body(mvc.get().uri(URI.create(support.json(named).at("/confirmation/url").asString()).getPath())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange());
        assertThat(chinese).as("the sender's zh-CN wins, the page with it")
                .contains("需求分析报告（第 1 版）· 上海需求测试有限公司").doesNotContain("Needs analysis (version 1)");
    }

    @Test
    void aBudgetTypedAsABareAmountReadsGroupedOnThePageAndInTheDocumentSent() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel").replace("50–80 万元，分两期", "300000"));
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        assertThat(body(mvc.get().uri("/customers/" + customerId + "/needs-analyses?lang=zh-CN").cookie(session)
                .exchange())).contains("300,000.00").doesNotContain("300000");
        JsonNode sent = send(v1.get("id").asString(), wangId);
        assertThat(body(open(sent.at("/confirmation/url").asString()))).as("the document the customer confirms")
                .contains("预算", "300,000.00 元").doesNotContain("300000");
        assertThat(support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString()).get("budget")
                .asString()).as("kept as typed").isEqualTo("300000");
    }

    @Test
    void C6_aReportSentAfterTheWindowMeetsItLate() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        clock.set(DUE.plus(Duration.ofMinutes(1)));
        send(v1.get("id").asString(), liId);
        JsonNode after = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(after.at("/confirmation/dueState").asString()).isEqualTo("MET_LATE");
    }

    @Test
    void C6_aReportSentTheDayAfterTheInterviewPastTwentyFourCalendarHoursIsStillOnTime() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        clock.set(INTERVIEW.plus(Duration.ofHours(30))); // Wednesday 16:00: 15 of the 24 working hours gone
        send(v1.get("id").asString(), liId);
        JsonNode after = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(after.at("/confirmation/dueState").asString()).isEqualTo("MET");
    }

    @Test
    void C6_theCustomerConfirmingTheCurrentVersionMovesTheCustomerToNeedsConfirmed() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        JsonNode sent = send(v1.get("id").asString(), wangId);
        assertThat(customerStatus()).isEqualTo("PROSPECT");

        assertThat(answer(sent.at("/confirmation/url").asString(), "CONFIRMED", null)).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customerStatus()).isEqualTo("NEEDS_CONFIRMED"));
        JsonNode after = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(after.at("/confirmation/state").asString()).isEqualTo("CONFIRMED");
        assertThat(after.at("/confirmations/0/answeredName").asString()).isEqualTo("王伟");

        JsonNode timeline = support.getJson(mvc, rep, "/api/v1/customers/" + customerId + "/timeline");
        assertThat(timeline.get("items").valueStream().map(e -> e.get("messageKey").asString()))
                .contains("customer.needs.timeline.written", "customer.needs.timeline.sent",
                        "customer.needs.timeline.answered");
    }

    /**
     * C6 — the report sent to 王伟 confirmed by someone typing another name: the version's confirmation, its page and the
     * customer's timeline name who signed as typed and say it is not the recipient's name, as the confirmation's page does.
     */
    @Test
    void C6_aConfirmationSignedWithAnotherNameSaysItIsNotTheRecipientsName() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        JsonNode sent = send(v1.get("id").asString(), wangId);
        assertThat(mvc.post().uri(URI.create(sent.at("/confirmation/url").asString()).getPath())
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("outcome", "CONFIRMED").param("name", "张三")
                .exchange()).hasStatus3xxRedirection();
        JsonNode after = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(after.at("/confirmations/0/answeredName").asString()).isEqualTo("张三");
        assertThat(after.at("/confirmations/0/nameMatchesRecipient").asBoolean()).isFalse();

        JsonNode timeline = support.getJson(mvc, rep, "/api/v1/customers/" + customerId + "/timeline");
        assertThat(timeline.get("items").valueStream()
                .filter(e -> e.get("messageKey").asString().equals("customer.needs.timeline.answeredNotRecipient")))
                .singleElement().satisfies(e -> assertThat(e.get("args").valueStream().map(JsonNode::asString))
                        .contains("张三", "王伟"));
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        assertThat(body(mvc.get().uri("/customers/" + customerId + "/needs-analyses?lang=zh-CN").cookie(session).exchange()))
                .contains("张三", "confirmation-name-differs", "与收件人姓名不一致");
    }

    @Test
    void C6_theConfirmationByTheRecipientIsNotSaidToDiffer() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        assertThat(answer(send(v1.get("id").asString(), wangId).at("/confirmation/url").asString(), "CONFIRMED", null))
                .hasStatus3xxRedirection();
        JsonNode after = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(after.at("/confirmations/0/nameMatchesRecipient").asBoolean()).isTrue();
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        assertThat(body(mvc.get().uri("/customers/" + customerId + "/needs-analyses?lang=zh-CN").cookie(session).exchange()))
                .contains("王伟").doesNotContain("confirmation-name-differs", "与收件人姓名不一致");
    }

    @Test
    void C6_aNewVersionSupersedesThePreviousAndItsOpenConfirmationAndNeedsItsOwn() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        String v1Link = send(v1.get("id").asString(), wangId).at("/confirmation/url").asString();
        assertThat(answer(v1Link, "CHANGES_REQUESTED", "预算应为 80–100 万元")).hasStatus3xxRedirection();
        String v1Again = send(v1.get("id").asString(), liId).at("/confirmation/url").asString();

        // a revision after a new conversation: a new version, a new clock
        Instant secondTalk = NOW.plus(Duration.ofHours(1));
        clock.set(secondTalk.plus(Duration.ofHours(1)));
        JsonNode v2 = write(report(secondTalk, "回款逾期多"));
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("reportId").asString()).isEqualTo(reportId(v1));
        JsonNode v1Now = support.getJson(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString());
        assertThat(v1Now.get("current").asBoolean()).isFalse();
        assertThat(v1Now.get("confirmations").valueStream().map(c -> c.get("state").asString()))
                .containsExactly("SUPERSEDED", "CHANGES_REQUESTED");
        assertThat(open(v1Again).getResponse().getStatus()).isEqualTo(410);
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:MET", "C6:OPEN");

        // the old version can no longer be sent; the new one needs its own confirmation
        assertThat(support.post(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString() + "/send",
                "{\"contactId\":\"" + wangId + "\"}")).hasStatus(422);
        assertThat(v2.at("/confirmation/state").asString()).isEqualTo("NOT_SENT");
        String v2Link = send(v2.get("id").asString(), wangId).at("/confirmation/url").asString();
        assertThat(body(open(v2Link))).contains("第 2 版", "回款逾期多");
        assertThat(answer(v2Link, "CONFIRMED", null)).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customerStatus()).isEqualTo("NEEDS_CONFIRMED"));
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:MET", "C6:MET");
    }

    @Test
    void aCurrentVersionNotYetSentShowsAsNotSentOnTheScreens() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        send(v1.get("id").asString(), wangId);
        clock.advance(Duration.ofHours(1));
        JsonNode v2 = write(report(INTERVIEW, "回款逾期多"));
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        String page = "/customers/" + customerId + "/needs-analyses";
        for (String screen : List.of(page, page + "/card")) {
            assertThat(body(mvc.get().uri(screen + "?lang=en").cookie(session).exchange())).as(screen)
                    .contains("Not sent yet").doesNotContain("??", "NOT_SENT");
            assertThat(body(mvc.get().uri(screen + "?lang=zh-CN").cookie(session).exchange())).as(screen)
                    .contains("尚未发送").doesNotContain("??", "NOT_SENT");
        }
        // the version's list of links sent says so once: the shared list's own words, not the page's beside them
        String current = body(mvc.get().uri(page + "?lang=zh-CN").cookie(session).exchange());
        String sentList = current.substring(current.indexOf("id=\"needs-sent-list\""), current.indexOf("id=\"send-needs\""));
        assertThat(sentList).containsOnlyOnce("尚未发送").contains("尚未发送给客户确认");
        String version = body(mvc.get().uri("/needs-analyses/" + v2.get("id").asString() + "?lang=en").cookie(session)
                .exchange());
        assertThat(version).containsOnlyOnce("Not sent").contains("Not sent for confirmation yet.");
    }

    @Test
    void C6_aCorrectionWithoutANewInterviewKeepsTheRunningClock() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        clock.advance(Duration.ofHours(1));
        JsonNode v2 = write(report(INTERVIEW, "客户跟进全靠 Excel"));
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:OPEN");
        assertThat(v2.at("/confirmation/dueAt").asString()).isEqualTo(v1.at("/confirmation/dueAt").asString());
        send(v2.get("id").asString(), wangId);
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:MET");
    }

    /**
     * C6 runs from the interview: one dated before the customer was registered in the product (1900 for 2026), or
     * ahead of now, is refused on the API and the screen with the interview's own range — from the registration day
     * to now — and starts no clock that would count the report late however soon it is sent.
     */
    @Test
    void C6_anInterviewBeforeTheDayTheCustomerWasRegisteredOrAheadOfNowIsRefusedAndStartsNoClock() {
        String range = "访谈时间须在客户建档当日（2026-12-01）至现在之间。";
        for (String typed : List.of("1900-01-01T10:00:00+08:00", "1800-01-01T10:00:00+08:00", "2026-11-30T23:59:00+08:00",
                "2026-12-01T15:00:00+08:00", "2999-01-01T10:00:00+08:00")) {
            MvcTestResult refused = mvc.post().uri("/api/v1/customers/" + customerId + "/needs-analyses")
                    .header(HttpHeaders.AUTHORIZATION, rep).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(report(java.time.OffsetDateTime.parse(typed).toInstant(), "客户跟进靠 Excel")).exchange();
            assertThat(refused).as(typed).hasStatus(422);
            JsonNode error = support.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString()).as(typed).isEqualTo("interviewedAt");
            assertThat(error.get("message").asString()).as(typed).isEqualTo(range);
        }
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        String page = "/customers/" + customerId + "/needs-analyses";
        String html = body(mvc.post().uri(page + "?lang=zh-CN").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("interviewedAt", "1900-01-01T10:00")
                .param("background", "制造业").exchange());
        assertThat(html).contains(range, "is-invalid").doesNotContain("1900-01-01 至 2199-12-31");
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + customerId + "/needs-analyses").get("items").size())
                .as("nothing stored").isZero();
        // the picker offers the same range: the registration day (Shanghai) to now (14:00)
        assertThat(body(mvc.get().uri(page + "/new").cookie(session).exchange())).containsPattern(
                "<input(?=[^>]*id=\"interviewedAt\")(?=[^>]*min=\"2026-12-01T00:00\")(?=[^>]*max=\"2026-12-01T14:00\")[^>]*>");

        // the first minute of the registration day is an interview of this customer, its clock counted from it: 24
        // working hours from Tuesday 09:00 (Shanghai) — Tuesday's 9, Wednesday's 9, Thursday's first 6 — Thursday 15:00
        JsonNode v1 = write(report(Instant.parse("2026-11-30T16:00:00Z"), "客户跟进靠 Excel"));
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:OPEN");
        assertThat(Instant.parse(v1.at("/confirmation/dueAt").asString()))
                .isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
    }

    @Test
    void aReportNeedsAnInterviewTimeAndSomeContentAndGoesOnlyToTheCustomersOwnContacts() {
        MvcTestResult empty = support.post(mvc, rep, "/api/v1/customers/" + customerId + "/needs-analyses",
                "{\"painPoints\":[\" \"]}");
        assertThat(empty).hasStatus(422);
        assertThat(support.json(empty).get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("interviewedAt", "painPoints");
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + customerId + "/needs-analyses",
                report(NOW.plus(Duration.ofHours(1)), "x"))).hasStatus(422);

        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        String stranger = support.postJson(mvc, rep, "/api/v1/customers/" + registered("别家公司" + tags) + "/contacts",
                "{\"name\":\"赵六\",\"email\":\"zhao@other.test\"}").get("id").asString();
        MvcTestResult refused = support.post(mvc, rep, "/api/v1/needs-analyses/" + v1.get("id").asString() + "/send",
                "{\"contactId\":\"" + stranger + "\"}");
        assertThat(refused).hasStatus(422);
        assertThat(support.deadlines("NeedsAnalysis", reportId(v1))).containsExactly("C6:OPEN");
    }

    @Test
    void onlyPeopleWhoMayWorkTheCustomerSeeOrSendItsReport() {
        JsonNode v1 = write(report(INTERVIEW, "客户跟进靠 Excel"));
        String id = v1.get("id").asString();
        String westRep = support.bearer(mvc, company.westRep());
        assertThat(support.get(mvc, westRep, "/api/v1/needs-analyses/" + id)).hasStatus(404);
        assertThat(support.get(mvc, westRep, "/api/v1/customers/" + customerId + "/needs-analyses")).hasStatus(404);
        assertThat(support.post(mvc, westRep, "/api/v1/needs-analyses/" + id + "/send",
                "{\"contactId\":\"" + wangId + "\"}")).hasStatus(404);
        assertThat(support.post(mvc, westRep, "/api/v1/customers/" + customerId + "/needs-analyses",
                report(INTERVIEW, "x"))).hasStatus(404);
        Cookie westSession = fixtures.session(mvc, company.westRep().username(), Fixtures.PASSWORD);
        for (String screen : List.of("/customers/" + customerId + "/needs-analyses", "/customers/" + customerId
                + "/needs-analyses/new", "/customers/" + customerId + "/needs-analyses/card", "/needs-analyses/" + id)) {
            assertThat(mvc.get().uri(screen).cookie(westSession)).as(screen).hasStatus(404);
        }
        assertThat(mvc.post().uri("/needs-analyses/" + id + "/send").cookie(westSession).param("contactId", wangId)
                .with(SecurityMockMvcRequestPostProcessors.csrf())).hasStatus(404);
        var marketing = fixtures.user("mkt.na" + tags + java.util.UUID.randomUUID().toString().substring(0, 8), fixtures.rootUnit(),
                CustomerTestSupport.HIRED, Role.MARKETING);
        assertThat(support.get(mvc, support.bearer(mvc, marketing), "/api/v1/needs-analyses/" + id)).hasStatus(403);
        // the manager above the rep sees it; finance sees it but its role may not write one
        assertThat(support.get(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/needs-analyses/" + id))
                .hasStatusOk();
        assertThat(support.post(mvc, support.bearer(mvc, company.finance()),
                "/api/v1/customers/" + customerId + "/needs-analyses", report(INTERVIEW, "x"))).hasStatus(403);
        assertThat(support.getJson(mvc, rep, "/api/v1/customers/" + customerId + "/needs-analyses").get("items").size())
                .isEqualTo(1);
    }

    @Test
    void theScreensWriteAVersionShowItAndSendItWithAQrCode() {
        Cookie session = fixtures.session(mvc, company.eastRep().username(), Fixtures.PASSWORD);
        String page = "/customers/" + customerId + "/needs-analyses";
        assertThat(body(mvc.get().uri(page + "/card?lang=zh-CN").cookie(session).exchange()))
                .contains("尚无需求分析报告", "id=\"card-write-needs\"");
        for (String lang : List.of("zh-CN", "en")) {
            assertThat(body(mvc.get().uri(page + "?lang=" + lang).cookie(session).exchange())).doesNotContain("??");
            assertThat(body(mvc.get().uri(page + "/card?lang=" + lang).cookie(session).exchange())).doesNotContain("??");
            assertThat(body(mvc.get().uri(page + "/new?lang=" + lang).cookie(session).exchange())).doesNotContain("??");
        }
        MvcTestResult saved = mvc.post().uri(page).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("interviewedAt", "2026-12-01T10:00").param("background", "制造业")
                .param("painPoints", "客户跟进靠 Excel\n回款逾期多\n").param("decisionContactIds", wangId)
                .param("customerWords", "“越快越好”").exchange();
        assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl(page);
        JsonNode v1 = support.getJson(mvc, rep, "/api/v1/customers/" + customerId + "/needs-analyses").at("/items/0");
        assertThat(v1.get("painPoints").valueStream().map(JsonNode::asString)).containsExactly("客户跟进靠 Excel", "回款逾期多");
        assertThat(v1.get("decisionMakers").valueStream().map(m -> m.get("name").asString())).containsExactly("王伟");
        assertThat(Instant.parse(v1.get("interviewedAt").asString())).isEqualTo(INTERVIEW);

        String html = body(mvc.get().uri(page + "?lang=zh-CN").cookie(session).exchange());
        assertThat(html).contains("需求分析报告（第 1 版）", "回款逾期多", "id=\"send-needs\"", "待发送");
        assertThat(body(mvc.get().uri("/needs-analyses/" + v1.get("id").asString() + "?lang=en").cookie(session)
                .exchange())).contains("Needs analysis (version 1)").doesNotContain("??");
        String fragment = body(mvc.post().uri("/needs-analyses/" + v1.get("id").asString() + "/send").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("contactId", wangId).param("language", "zh-CN").exchange());
        assertThat(fragment).contains("data:image/png;base64,", "/c/");
        assertThat(fragment).as("the page's list of links sent lists it at once, swapped out of band")
                .contains("id=\"needs-sent-list\" hx-swap-oob=\"true\"", "confirmation-list", "王伟")
                .doesNotContain("尚未发送");
        assertThat(fragment).as("the C6 badge above the list says it was sent on time at once, swapped out of band")
                .contains("id=\"needs-due\" hx-swap-oob=\"true\"", "id=\"needs-due-state\"", "已按时发送")
                .doesNotContain("待发送");
        assertThat(fragment).as("the versions table below marks v1 sent at once, swapped out of band")
                .containsPattern("<div id=\"needs-versions-list\"[^>]*hx-swap-oob=\"true\"")
                .containsPattern("id=\"needs-versions\"[\\s\\S]*>待客户答复</a>");
        assertThat(body(mvc.get().uri(page + "?lang=zh-CN").cookie(session).exchange())).contains("已按时发送", "待客户答复");
        assertThat(body(mvc.get().uri(page + "/card?lang=en").cookie(session).exchange()))
                .contains("Version 1", "Awaiting the customer", "Open the report").doesNotContain("??");
        // the form is refused field by field, nothing is written
        assertThat(body(mvc.post().uri(page).cookie(session).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").param("background", "x").exchange()))
                .contains("请填写访谈时间。");
    }
}

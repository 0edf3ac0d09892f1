package com.lead2cash.customer;

import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.internal.activity.FollowUpFeed;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.internal.identity.IdentityService;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Follow-ups as SOP deadlines: the cadence of grade and pursuit mode (C2, C3) is a deadline that a
 * follow-up meets and opens anew, and that a change of grade or mode moves; every contact is counted
 * by C4 and late ones count as breaches; demos and negotiations owe minutes (C5).
 */
@IntegrationTest
@Import(TestClock.class)
class CustomerFollowUpTest {

    static final Instant NOW = TestClock.START;

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport support;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired FollowUpFeed feed;
    @Autowired IdentityService identity;

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
    }

    private Instant due(String customerId) {
        return jdbc.sql("select due_at from sop_deadline where subject_type = 'Customer' and subject_id = :id and state in ('OPEN','BREACHED')")
                .param("id", customerId).query(java.sql.Timestamp.class).single().toInstant();
    }

    private JsonNode log(String token, String customerId, String type, Instant occurredAt, String extra) {
        var result = support.post(mvc, token, "/api/v1/activities", """
                {"customerId":"%s","type":"%s","occurredAt":"%s","summary":"沟通记录"%s}
                """.formatted(customerId, type, occurredAt, extra == null ? "" : "," + extra));
        assertThat(result).hasStatus(201);
        return support.json(result);
    }

    /**
     * A summary (or note) longer than the general limit of any text is refused naming the field's own limit, as one
     * just past that limit is: "over 10,000" for 10 001 characters and "at most 2,000" for 10 000 named two limits.
     */
    @Test
    void aFollowUpsTextPastTheGeneralLimitIsRefusedNamingItsOwnLimit() throws Exception {
        var company = support.company("cadlen");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "长度上限测试公司", "\"grade\":\"B\"").get("id").asString();
        for (String[] field : new String[][] {{"summary", "2,000"}, {"nextStep", "1,000"}}) {
            for (int length : new int[] {InputRules.MAX_TEXT, InputRules.MAX_TEXT + 1, 3 * InputRules.MAX_TEXT}) {
                String extra = field[0].equals("summary") ? "" : ",\"summary\":\"沟通记录\"";
                var refused = support.post(mvc, rep, "/api/v1/activities", """
                        {"customerId":"%s","type":"VISIT","occurredAt":"%s","%s":"%s"%s}
                        """.formatted(id, NOW.minus(Duration.ofHours(1)), field[0], "长".repeat(length), extra));
                assertThat(refused).as(field[0] + " " + length).hasStatus(422);
                String message = com.jayway.jsonpath.JsonPath.read(
                        refused.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.errors[0].message");
                assertThat(message).as(field[0] + " " + length).contains(field[1]).doesNotContain("10,000");
            }
        }
        assertThat(support.deadlines("Customer", id)).as("nothing logged").containsExactly("C2:OPEN");
    }

    @Test
    void C2_aNewGradeBCustomerOwesAFollowUpWithinFourteenDaysAndAFollowUpMeetsItAndOpensTheNext() {
        var company = support.company("cad1");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "节奏测试一公司", "\"grade\":\"B\"").get("id").asString();
        assertThat(support.deadlines("Customer", id)).containsExactly("C2:OPEN");
        assertThat(due(id)).isEqualTo(NOW.plus(Duration.ofDays(14)));

        clock.set(NOW.plus(Duration.ofDays(3)));
        Instant visit = NOW.plus(Duration.ofDays(3)).minus(Duration.ofHours(2));
        log(rep, id, "VISIT", visit, null);
        assertThat(support.deadlines("Customer", id)).containsExactly("C2:MET", "C2:OPEN");
        assertThat(due(id)).isEqualTo(visit.plus(Duration.ofDays(14)));
        assertThat(jdbc.sql("select met_at from sop_deadline where subject_id = :id and state = 'MET'").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(visit);
    }

    @Test
    void aGradeOrPursuitModeChangeMovesTheNextDueDate() {
        var company = support.company("cad2");
        String rep = support.bearer(mvc, company.eastRep());
        JsonNode c = support.customer(mvc, rep, "节奏测试二公司", "\"grade\":\"C\"");
        String id = c.get("id").asString();
        assertThat(due(id)).isEqualTo(NOW.plus(Duration.ofDays(30)));

        clock.set(NOW.plus(Duration.ofDays(2)));
        JsonNode graded = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/grade",
                "{\"grade\":\"A\",\"industryPosition\":\"HIGH\",\"urgency\":\"HIGH\",\"budget\":\"HIGH\",\"potential\":\"MEDIUM\",\"version\":"
                        + c.get("version").asLong() + "}");
        assertThat(graded.get("grade").asString()).isEqualTo("A");
        assertThat(graded.get("gradeGuidance").asString()).isEqualTo("A");
        assertThat(due(id)).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(support.deadlines("Customer", id)).containsExactly("C2:CANCELLED", "C2:OPEN");

        JsonNode pursued = support.postJson(mvc, rep, "/api/v1/customers/" + id + "/pursuit-mode",
                "{\"mode\":\"ACTIVE_PURSUIT\",\"version\":" + graded.get("version").asLong() + "}");
        assertThat(pursued.get("followUpRule").asString()).isEqualTo("C3");
        // A in pursuit is daily: a day after the last follow-up (creation) has passed, so a day from the change
        assertThat(due(id)).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(support.deadlines("Customer", id)).containsExactly("C2:CANCELLED", "C2:CANCELLED", "C3:OPEN");
    }

    @Test
    void C3_aGradeAProspectInActivePursuitIsDueTheNextDay() {
        var company = support.company("cad3");
        String rep = support.bearer(mvc, company.eastRep());
        JsonNode c = support.customer(mvc, rep, "攻坚测试公司", "\"grade\":\"A\"");
        support.postJson(mvc, rep, "/api/v1/customers/" + c.get("id").asString() + "/pursuit-mode",
                "{\"mode\":\"ACTIVE_PURSUIT\",\"version\":" + c.get("version").asLong() + "}");
        assertThat(due(c.get("id").asString())).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void aFollowUpPlannedOrLoggedOutsideTheYearsARecordCanHaveIsRefusedAndNothingIsLogged() {
        var company = support.company("cad9");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "远期测试公司", null).get("id").asString();
        String call = "{\"customerId\":\"" + id + "\",\"type\":\"CALL\",\"summary\":\"沟通记录\",";
        Map<String, String> refusedOn = Map.of(
                "occurredAt", call + "\"occurredAt\":\"1899-12-31T00:00:00Z\"",
                "nextFollowUpAt", call + "\"occurredAt\":\"" + NOW.minus(Duration.ofHours(1))
                        + "\",\"nextFollowUpAt\":\"9999-01-01T00:00:00Z\"");
        for (Map.Entry<String, String> wrong : refusedOn.entrySet()) {
            var refused = support.post(mvc, rep, "/api/v1/activities", wrong.getValue() + "}");
            assertThat(refused).as(wrong.getKey()).hasStatus(422);
            JsonNode error = support.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(wrong.getKey());
            assertThat(error.get("code").asString()).isEqualTo("error.input.dateOutOfRange");
        }
        assertThat(support.getJson(mvc, rep, "/api/v1/activities?customerId=" + id).get("items")).isEmpty();
    }

    /**
     * Walk finding: a follow-up dated 1901 was logged and counted by C4 as a contact, one planned for 2199 was kept.
     * A follow-up happened on a business day (from 2000 to now); its next one lies at most ten years ahead.
     */
    @Test
    void aFollowUpLoggedBefore2000OrPlannedBeyondTenYearsIsRefusedAndNothingIsLoggedOrCounted() {
        var company = support.company("cadYears");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "荒谬日期测试公司", null).get("id").asString();
        String call = "{\"customerId\":\"" + id + "\",\"type\":\"CALL\",\"summary\":\"沟通记录\",";
        Map<String, String[]> refusedOn = Map.of(
                "occurredAt", new String[] {call + "\"occurredAt\":\"1901-06-01T02:00:00Z\"", "error.input.dateTooEarly"},
                "nextFollowUpAt", new String[] {call + "\"occurredAt\":\"" + NOW.minus(Duration.ofHours(1))
                        + "\",\"nextFollowUpAt\":\"2199-01-01T00:00:00Z\"", "error.input.dateTooFarAhead"});
        for (Map.Entry<String, String[]> wrong : refusedOn.entrySet()) {
            var refused = support.post(mvc, rep, "/api/v1/activities", wrong.getValue()[0] + "}");
            assertThat(refused).as(wrong.getKey()).hasStatus(422);
            JsonNode error = support.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(wrong.getKey());
            assertThat(error.get("code").asString()).isEqualTo(wrong.getValue()[1]);
        }
        // nothing logged: nothing for C4 to count
        assertThat(support.getJson(mvc, rep, "/api/v1/activities?customerId=" + id).get("items")).isEmpty();

        // the first day of 2000 and the next follow-up ten years ahead are still business days
        log(rep, id, "CALL", Instant.parse("2000-01-01T00:00:00Z"),
                "\"nextFollowUpAt\":\"" + NOW.plus(Duration.ofDays(365 * 10)) + "\"");
    }

    @Test
    void aFollowUpNamingMoreContactsThanTheLimitIsRefusedOnContactIdsAndNothingIsLogged() {
        var company = support.company("cad10");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "联系人过多公司", null).get("id").asString();
        java.util.function.IntFunction<String> naming = n -> "{\"customerId\":\"" + id
                + "\",\"type\":\"CALL\",\"summary\":\"沟通记录\",\"occurredAt\":\"" + NOW.minus(Duration.ofHours(1))
                + "\",\"contactIds\":[" + String.join(",", java.util.stream.Stream.generate(() -> "\"" + UUID.randomUUID() + "\"")
                .limit(n).toList()) + "]}";
        // 100 000 ids passed PostgreSQL's limit of parameters and came back as a database error; such a body is
        // past l2c.web.max-body-size now (413), 40 000 (1.6 MB) is not
        for (int n : new int[] {501, 40_000}) {
            var refused = support.post(mvc, rep, "/api/v1/activities", naming.apply(n));
            assertThat(refused).as("%d contacts", n).hasStatus(422);
            JsonNode error = support.json(refused).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("contactIds");
            assertThat(error.get("code").asString()).isEqualTo("activity.contacts.tooMany");
            assertThat(error.get("message").asString()).contains("500");
        }
        // at the limit the list is read and its ids checked against the customer's contacts
        var atLimit = support.post(mvc, rep, "/api/v1/activities", naming.apply(500));
        assertThat(atLimit).hasStatus(422);
        assertThat(support.json(atLimit).get("errors").get(0).get("code").asString()).isEqualTo("activity.contacts.unknown");
        assertThat(support.getJson(mvc, rep, "/api/v1/activities?customerId=" + id).get("items")).isEmpty();
    }

    @Test
    void C4_aContactLoggedMoreThanTwentyFourWorkingHoursAfterItHappenedIsLateAndCountsAsABreach() {
        var company = support.company("cad4");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "补录测试公司", null).get("id").asString();
        // logged now, Tuesday 1 December 10:00 in Shanghai; 24 working hours of 09:00–18:00 weekdays (decision 0111)
        // from Thursday 14:00: 4 h on Thursday, 9 on Friday, 9 on Monday, 2 on Tuesday — due Tuesday 11:00
        JsonNode onTime = log(rep, id, "CALL", shanghai("2026-11-26T14:00"), null);
        // from Thursday 12:00: 6 h on Thursday, 9 on Friday, 9 on Monday — due Monday 18:00
        JsonNode late = log(rep, id, "CALL", shanghai("2026-11-26T12:00"), null);
        assertThat(Instant.parse(onTime.get("logDueAt").asString())).isEqualTo(shanghai("2026-12-01T11:00"));
        assertThat(Instant.parse(late.get("logDueAt").asString())).isEqualTo(shanghai("2026-11-30T18:00"));
        assertThat(onTime.get("late").asBoolean()).as("92 calendar hours after, within 24 working hours").isFalse();
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(support.deadlines("Activity", onTime.get("id").asString())).containsExactly("C4:MET");
        assertThat(support.deadlines("Activity", late.get("id").asString())).containsExactly("C4:MET");

        JsonNode compliance = support.getJson(mvc, support.bearer(mvc, company.director()),
                "/api/v1/compliance?groupBy=rule&from=2026-11-29&to=2026-12-02");
        JsonNode c4 = compliance.get("rows").valueStream().filter(r -> r.get("key").asString().equals("C4"))
                .findFirst().orElseThrow();
        assertThat(c4.get("met").asInt()).isEqualTo(1);
        assertThat(c4.get("breached").asInt()).isEqualTo(1);
    }

    @Test
    void C5_aDemoOwesDetailedMinutesWhichMeetTheDeadlineWhenWritten() {
        var company = support.company("cad5");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "演示测试公司", null).get("id").asString();
        JsonNode demo = log(rep, id, "DEMO", NOW.minus(Duration.ofHours(2)), null);
        assertThat(demo.get("minutesOwed").asBoolean()).isTrue();
        // a demo at 08:00 on Tuesday: 24 working hours from 09:00 — 9 on Tuesday, 9 on Wednesday, 6 on Thursday
        assertThat(Instant.parse(demo.get("minutesDueAt").asString())).isEqualTo(shanghai("2026-12-03T15:00"));
        String activity = demo.get("id").asString();
        assertThat(support.deadlines("Activity", activity)).containsExactly("C4:MET", "C5:OPEN");

        clock.set(NOW.plus(Duration.ofHours(3)));
        JsonNode written = support.postJson(mvc, rep, "/api/v1/activities/" + activity + "/minutes",
                "{\"minutes\":\"演示报表与权限，客户关注数据迁移\",\"version\":" + demo.get("version").asLong() + "}");
        assertThat(written.get("minutesOwed").asBoolean()).isFalse();
        assertThat(support.deadlines("Activity", activity)).containsExactly("C4:MET", "C5:MET");

        JsonNode negotiation = log(rep, id, "NEGOTIATION", NOW.plus(Duration.ofHours(2)),
                "\"minutes\":\"价格谈判纪要：同意分期付款\"");
        assertThat(support.deadlines("Activity", negotiation.get("id").asString())).containsExactly("C4:MET", "C5:MET");
    }

    private UUID openOwner(String rule, String activity) {
        return jdbc.sql("select owner_id from sop_deadline where rule_id = :r and subject_type = 'Activity' and subject_id = :s"
                        + " and state in ('OPEN','BREACHED')").param("r", rule).param("s", activity).query(UUID.class).single();
    }

    @Test
    void C5_minutesOwedOnACustomerReleasedToThePoolAreCancelledNotBreachedAndTheClaimantMayStillWriteThem() {
        var company = support.company("cad5pool");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "演示后放公海公司", null).get("id").asString();
        JsonNode demo = log(rep, id, "DEMO", NOW.minus(Duration.ofHours(2)), null);
        String activity = demo.get("id").asString();
        assertThat(support.post(mvc, rep, "/api/v1/customers/" + id + "/release", "{\"reason\":\"无暇跟进\"}")).hasStatusOk();
        assertThat(support.deadlines("Activity", activity))
                .as("the author can no longer open the customer: his minutes deadline is cancelled, not left to breach")
                .containsExactly("C4:MET", "C5:CANCELLED");

        String rep2 = support.bearer(mvc, company.eastRep2());
        assertThat(support.post(mvc, rep2, "/api/v1/customers/" + id + "/claim", null)).hasStatusOk();
        assertThat(support.get(mvc, rep, "/api/v1/activities/" + activity)).as("another's customer now").hasStatus(404);
        clock.set(NOW.plus(Duration.ofDays(2)));
        JsonNode written = support.postJson(mvc, rep2, "/api/v1/activities/" + activity + "/minutes",
                "{\"minutes\":\"据前任记录补写的演示纪要\",\"version\":" + demo.get("version").asLong() + "}");
        assertThat(written.get("minutesOwed").asBoolean()).isFalse();
        assertThat(support.deadlines("Activity", activity)).as("nothing owed by the claimant, nothing breached")
                .containsExactly("C4:MET", "C5:CANCELLED");
    }

    @Test
    void C5_minutesOwedOnATransferredCustomerAreTheNewOwnersWhoMayWriteThemButNotCorrectTheAuthorsRecord() {
        var company = support.company("cad5move");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "演示后转交公司", null).get("id").asString();
        JsonNode demo = log(rep, id, "DEMO", NOW.minus(Duration.ofHours(2)), null);
        String activity = demo.get("id").asString();
        long version = support.getJson(mvc, rep, "/api/v1/customers/" + id).get("version").asLong();
        support.postJson(mvc, support.bearer(mvc, company.eastManager()), "/api/v1/customers/" + id + "/transfer",
                "{\"ownerId\":\"%s\",\"reason\":\"调岗\",\"version\":%d}".formatted(company.eastRep2().id(), version));
        assertThat(openOwner("C5", activity)).isEqualTo(company.eastRep2().id());

        String rep2 = support.bearer(mvc, company.eastRep2());
        var correction = support.put(mvc, rep2, "/api/v1/activities/" + activity,
                "{\"summary\":\"改写别人的记录\",\"version\":" + demo.get("version").asLong() + "}");
        assertThat(correction).as("who asks, about a record they see (decision 0014)").hasStatus(403)
                .bodyJson().extractingPath("$.code").isEqualTo("activity.ownOnly");
        JsonNode written = support.postJson(mvc, rep2, "/api/v1/activities/" + activity + "/minutes",
                "{\"minutes\":\"接手后补写的演示纪要\",\"version\":" + demo.get("version").asLong() + "}");
        assertThat(written.get("minutesOwed").asBoolean()).isFalse();
        assertThat(support.deadlines("Activity", activity)).containsExactly("C4:MET", "C5:MET");
    }

    @Test
    void aFollowUpWithANextDateShowsOnTheRepsDuePanelAndCountsForTheManager() throws Exception {
        var company = support.company("cad6");
        String rep = support.bearer(mvc, company.eastRep());
        String id = support.customer(mvc, rep, "计划测试公司", "\"grade\":\"A\"").get("id").asString();
        Instant next = NOW.plus(Duration.ofDays(1));
        log(rep, id, "CALL", NOW.minus(Duration.ofHours(1)), "\"nextFollowUpAt\":\"" + next + "\"");
        JsonNode customer = support.getJson(mvc, rep, "/api/v1/customers/" + id);
        assertThat(Instant.parse(customer.get("plannedFollowUpAt").asString())).isEqualTo(next);

        clock.set(NOW.plus(Duration.ofDays(8)));
        var panel = mvc.get().uri("/customers/follow-ups/team/panel")
                .cookie(support.session(mvc, company.eastManager())).exchange();
        assertThat(panel).hasStatusOk();
        assertThat(panel.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(company.eastRep().displayName());
    }

    private MvcTestResult calendar(String secret) {
        return mvc.get().uri("/api/v1/public/customer-follow-ups/" + secret + ".ics").exchange();
    }

    @Test
    void aRepSeesTheirPlannedFollowUpsInACalendarFeedWhoseSecretCanBeReplacedOrRevoked() throws Exception {
        var company = support.company("ics");
        String rep = support.bearer(mvc, company.eastRep());
        String mine = support.customer(mvc, rep, "日历订阅测试公司", "\"grade\":\"A\"").get("id").asString();
        support.customer(mvc, support.bearer(mvc, company.westRep()), "别人的日历公司", "\"grade\":\"A\"");
        String secret = feed.issue(company.eastRep().id(), Locale.SIMPLIFIED_CHINESE);

        MvcTestResult answer = calendar(secret);
        assertThat(answer).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
        // iCalendar folds long lines; unfolded, each event is one follow-up of the rep's own customers
        String ics = answer.getResponse().getContentAsString(StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT", "日历订阅测试公司",
                "UID:customer-follow-up-" + mine + "@lead2cash").doesNotContain("别人的日历公司");

        String replacement = feed.issue(company.eastRep().id(), Locale.SIMPLIFIED_CHINESE);
        assertThat(calendar(secret)).hasStatus(404);
        assertThat(calendar(replacement)).hasStatusOk();
        feed.revoke(company.eastRep().id());
        assertThat(calendar(replacement)).hasStatus(404);
        assertThat(calendar("not-a-secret")).hasStatus(404);
    }

    @Test
    void anUnknownCalendarFeedIsA404ThatNamesTheFeedWithoutAPlaceholderOrTheSecret() {
        MvcTestResult unknown = calendar("garbage-feed-secret");
        assertThat(unknown).hasStatus(404).bodyJson().extractingPath("$.detail").asString()
                .isEqualTo("Calendar feed was not found.");
        MvcTestResult zh = mvc.get().uri("/api/v1/public/customer-follow-ups/garbage-feed-secret.ics")
                .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(zh).hasStatus(404).bodyJson().extractingPath("$.detail").asString().isEqualTo("未找到日历订阅。");
    }

    @Test
    void aDeactivatedRepsCalendarFeedStopsAtOnce() throws Exception {
        var company = support.company("icsoff");
        String rep = support.bearer(mvc, company.eastRep());
        support.customer(mvc, rep, "离职日历测试公司", "\"grade\":\"A\"");
        String secret = feed.issue(company.eastRep().id(), Locale.SIMPLIFIED_CHINESE);
        assertThat(calendar(secret)).hasStatusOk();

        identity.setActive(company.eastRep().id(), false, identity.user(company.eastRep().id()).version());

        MvcTestResult answer = calendar(secret);
        assertThat(answer).as("the feed is the deactivated rep's credential too").hasStatus(404);
        assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("离职日历测试公司");
    }
}

package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.internal.TitleRenderer;
import com.lead2cash.platform.BackgroundTasks;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.sop.internal.deadline.DeadlineSweeper;
import com.lead2cash.sop.internal.policy.PolicyService;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.RecordingNotifier;
import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Deadlines are first-class, computed on the working calendar, reminded, breached and escalated exactly once. */
@IntegrationTest
@TestPropertySource(properties = {"l2c.sop.deadlines.sweep-interval=200ms", "l2c.scheduler.polling-interval=100ms"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlinesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(at(2026, 11, 23, 8, 0));
        }

        /** Reminders and breaches are asserted as notifications handed to the notifier, not as deliveries. */
        @Bean
        @Primary
        RecordingNotifier recordingNotifier() {
            return new RecordingNotifier();
        }
    }

    @Autowired Deadlines deadlines;
    @Autowired DeadlineSweeper sweeper;
    @Autowired BackgroundTasks.Node appScheduler;
    @Autowired @Qualifier("deadlineSweepTask") RecurringTask<Void> sweepTask;
    @Autowired PolicyService policy;
    @Autowired MutableClock clock;
    @Autowired RecordingNotifier notifier;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;
    @Autowired TransactionTemplate tx;
    @Autowired TitleRenderer titles;
    @Autowired CustomerTestSupport customers;

    User manager, rep, rep2, otherRep;

    static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void team() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        UUID unit = fixtures.unit("Team " + s);
        UUID other = fixtures.unit("Other " + s);
        manager = fixtures.user("mgr" + s, unit, LocalDate.of(2020, 1, 1), Role.SALES_MANAGER);
        fixtures.appointManager(unit, manager.id());
        rep = fixtures.user("rep" + s, unit, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        rep2 = fixtures.user("rpb" + s, unit, LocalDate.of(2024, 1, 1), Role.SALES_REP);
        otherRep = fixtures.user("oth" + s, other, LocalDate.of(2024, 1, 1), Role.SALES_REP);
    }

    /** Another application node on the same database, with the application's sweep (every 200 ms here). */
    private BackgroundTasks.Node node(String name) {
        return BackgroundTasks.node(dataSource, List.of(sweepTask), BackgroundTasks.Settings.polling(Duration.ofMillis(100)),
                name);
    }

    private static SubjectRef lead() {
        return SubjectRef.of("Lead", UUID.randomUUID());
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("select * from sop_deadline where id = :id").param("id", id).query().singleRow();
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }

    /** Notices of a subject no module describes (a made-up lead): named by its id. */
    private List<Notification> sent(String kind, SubjectRef subject) {
        return notifier.sent(kind).stream().filter(n -> n.args().get(3).equals(subject.id())).toList();
    }

    /** Notices of a rule about a record its module describes, which name it by its number. */
    private List<Notification> sent(String kind, String rule, String recordCode) {
        return notifier.sent(kind).stream()
                .filter(n -> n.args().get(0).equals(rule) && String.valueOf(n.args().get(3)).startsWith(recordCode + " "))
                .toList();
    }

    /** A customer the rep registers (its follow-up deadlines are theirs): its id and code. */
    private JsonNode customerOfRep(String name) {
        return customers.customer(mvc, customers.bearer(mvc, rep), name, "\"grade\":\"B\"");
    }

    private String zh(Notification n) {
        return titles.render(n.titleKey(), n.args(), Locale.SIMPLIFIED_CHINESE);
    }

    private String en(Notification n) {
        return titles.render(n.titleKey(), n.args(), Locale.ENGLISH);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    /** Runs the sweep on several threads at once, as several nodes would. */
    private void sweepConcurrently(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(sweeper::sweep);
            }
            for (var f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void l1ScreeningWindowOfThirtyBusinessMinutesFromFriday1750IsMonday0920() {
        UUID id = deadlines.open("L1", lead(), rep.id(), at(2026, 11, 20, 17, 50));
        Map<String, Object> row = row(id);
        assertThat(instant(row.get("due_at"))).isEqualTo(at(2026, 11, 23, 9, 20));
        assertThat(row.get("state")).isEqualTo("OPEN");
        assertThat(((Number) row.get("policy_version")).longValue()).isEqualTo(policy.current().version());
        // 50 % and 90 % of the working time: 15 and 27 business minutes
        assertThat(jdbc.sql("select reminder_at::text from sop_deadline where id = :id").param("id", id)
                .query(String.class).single()).contains("2026-11-23 01:05:00+00", "2026-11-23 01:17:00+00");
    }

    @Test
    @Order(2)
    void openingTheSameRuleForTheSameSubjectAgainReturnsTheRunningDeadline() {
        SubjectRef subject = lead();
        UUID first = deadlines.open("L7", subject, rep.id(), at(2026, 11, 23, 10, 0));
        assertThat(deadlines.open("L7", subject, rep.id(), at(2026, 11, 23, 11, 0))).isEqualTo(first);
        assertThat(deadlines.open("L6", subject, rep.id(), at(2026, 11, 23, 11, 0))).isNotEqualTo(first);
    }

    @Test
    @Order(3)
    void aRunningDeadlineKeepsItsDueTimeWhenThePolicyChanges() {
        UUID before = deadlines.open("L7", lead(), rep.id(), at(2026, 11, 23, 10, 0));
        long oldVersion = policy.current().version();
        User admin = manager;
        policy.change("Shorter first response", List.of(new PolicyService.Change("L7", "window", "2h")),
                new CurrentUser(admin.id(), admin.username(), admin.displayName(), admin.orgUnitId(), Set.of(Role.ADMIN)));
        assertThat(instant(row(before).get("due_at"))).isEqualTo(at(2026, 11, 23, 14, 0));
        assertThat(((Number) row(before).get("policy_version")).longValue()).isEqualTo(oldVersion);
        UUID after = deadlines.open("L7", lead(), rep.id(), at(2026, 11, 23, 10, 0));
        assertThat(instant(row(after).get("due_at"))).isEqualTo(at(2026, 11, 23, 12, 0));
        assertThat(((Number) row(after).get("policy_version")).longValue()).isEqualTo(oldVersion + 1);
        policy.change("Back to the SOP", List.of(new PolicyService.Change("L7", "window", "4h")),
                new CurrentUser(admin.id(), admin.username(), admin.displayName(), admin.orgUnitId(), Set.of(Role.ADMIN)));
    }

    @Test
    @Order(4)
    void G1_remindersAtHalfAndNinetyPercentAndTheBreachFireExactlyOnceEachWithTwoNodes() throws Exception {
        BackgroundTasks.Node node2 = node("node-2");
        node2.start();
        try {
            SubjectRef subject = lead();
            clock.set(at(2026, 11, 23, 10, 0));
            UUID id = deadlines.open("L7", subject, rep.id(), clock.instant());
            assertThat(instant(row(id).get("due_at"))).isEqualTo(at(2026, 11, 23, 14, 0));

            clock.set(at(2026, 11, 23, 11, 59));
            sweepConcurrently(4);
            assertThat(sent("deadline.reminder", subject)).isEmpty();

            clock.set(at(2026, 11, 23, 12, 0));
            await(() -> sent("deadline.reminder", subject).size() == 1);
            sweepConcurrently(4);
            assertThat(sent("deadline.reminder", subject)).hasSize(1);
            assertThat(row(id).get("reminders_sent")).isEqualTo(1);
            Notification first = sent("deadline.reminder", subject).get(0);
            assertThat(first.recipientId()).isEqualTo(rep.id());
            assertThat(first.titleKey()).isEqualTo("deadline.notify.reminder");
            assertThat(first.link()).isEqualTo("/deadlines");

            clock.set(at(2026, 11, 23, 13, 36));
            await(() -> sent("deadline.reminder", subject).size() == 2);
            sweepConcurrently(4);
            assertThat(sent("deadline.reminder", subject)).hasSize(2);

            clock.set(at(2026, 11, 23, 14, 0));
            await(() -> sent("deadline.breached", subject).size() == 2);
            sweepConcurrently(4);
            clock.advance(Duration.ofHours(1));
            sweepConcurrently(4);
            assertThat(sent("deadline.breached", subject)).hasSize(2)
                    .extracting(Notification::recipientId).containsExactlyInAnyOrder(rep.id(), manager.id());
            assertThat(sent("deadline.breached", subject)).allMatch(n -> n.urgency() == Notification.Urgency.URGENT);
            assertThat(sent("deadline.reminder", subject)).hasSize(2);
            Map<String, Object> row = row(id);
            assertThat(row.get("state")).isEqualTo("BREACHED");
            assertThat(instant(row.get("breached_at"))).isEqualTo(at(2026, 11, 23, 14, 0));
        } finally {
            node2.stop();
        }
    }

    @Test
    @Order(5)
    void metByTheDueTimeIsOnTimeAndMetAfterTheBreachKeepsTheBreach() {
        clock.set(at(2026, 11, 24, 10, 0));
        SubjectRef onTime = lead();
        UUID a = deadlines.open("L7", onTime, rep.id(), clock.instant());
        deadlines.meet("L7", onTime, at(2026, 11, 24, 14, 0));
        assertThat(row(a).get("state")).isEqualTo("MET");
        assertThat(row(a).get("breached_at")).isNull();

        SubjectRef late = lead();
        UUID b = deadlines.open("L7", late, rep.id(), clock.instant());
        clock.set(at(2026, 11, 24, 14, 1));
        sweeper.sweep();
        assertThat(row(b).get("state")).isEqualTo("BREACHED");
        deadlines.meet("L7", late, at(2026, 11, 24, 15, 0));
        assertThat(row(b).get("state")).isEqualTo("MET");
        assertThat(row(b).get("breached_at")).isNotNull();
        assertThat(instant(row(b).get("met_at"))).isEqualTo(at(2026, 11, 24, 15, 0));
        // meeting again is a no-op
        deadlines.meet("L7", late, at(2026, 11, 24, 16, 0));
        assertThat(instant(row(b).get("met_at"))).isEqualTo(at(2026, 11, 24, 15, 0));
    }

    @Test
    @Order(6)
    void aCancelledDeadlineNeverFiresAndATransferredOneRemindsTheNewOwner() {
        clock.set(at(2026, 11, 25, 10, 0));
        SubjectRef cancelled = lead();
        UUID c = deadlines.open("L7", cancelled, rep.id(), clock.instant());
        deadlines.cancel("L7", cancelled);
        SubjectRef moved = lead();
        deadlines.open("L7", moved, rep.id(), clock.instant());
        deadlines.transfer("L7", moved, rep2.id());
        clock.set(at(2026, 11, 25, 12, 0));
        sweeper.sweep();
        assertThat(row(c).get("state")).isEqualTo("CANCELLED");
        assertThat(sent("deadline.reminder", cancelled)).isEmpty();
        assertThat(sent("deadline.reminder", moved)).extracting(Notification::recipientId).containsExactly(rep2.id());
    }

    @Test
    @Order(7)
    void aRepSeesOnlyOwnDeadlinesAndAManagerSeesTheTeams() {
        clock.set(at(2026, 11, 26, 10, 0));
        deadlines.open("L6", lead(), rep.id(), clock.instant());
        deadlines.open("L6", lead(), rep2.id(), clock.instant());
        deadlines.open("L6", lead(), otherRep.id(), clock.instant());
        String repToken = "Bearer " + fixtures.token(mvc, rep.username());
        JsonNode mine = fixtures.json(mvc.get().uri("/api/v1/deadlines?rule=L6&size=50").header(HttpHeaders.AUTHORIZATION, repToken));
        assertThat(mine.get("items").valueStream().map(i -> i.get("ownerId").asString()).distinct().toList())
                .containsExactly(rep.id().toString());
        String managerToken = "Bearer " + fixtures.token(mvc, manager.username());
        JsonNode team = fixtures.json(mvc.get().uri("/api/v1/deadlines?rule=L6&size=50").header(HttpHeaders.AUTHORIZATION, managerToken));
        assertThat(team.get("items").valueStream().map(i -> i.get("ownerId").asString()).distinct().toList())
                .containsExactlyInAnyOrder(rep.id().toString(), rep2.id().toString());
        JsonNode managerOwn = fixtures.json(mvc.get().uri("/api/v1/deadlines?rule=L6&scope=mine")
                .header(HttpHeaders.AUTHORIZATION, managerToken));
        assertThat(managerOwn.get("items").size()).isZero();
        JsonNode filtered = fixtures.json(mvc.get().uri("/api/v1/deadlines?rule=L6&ownerId=" + otherRep.id())
                .header(HttpHeaders.AUTHORIZATION, managerToken));
        assertThat(filtered.get("items").size()).isZero();
        JsonNode item = team.get("items").get(0);
        assertThat(item.get("state").asString()).isEqualTo("OPEN");
        assertThat(item.get("dueAt").asString()).isNotBlank();
        assertThat(item.get("policyVersion").asLong()).isPositive();
    }

    @Test
    @Order(8)
    void theListPagesByDueTimeWithACursor() {
        clock.set(at(2026, 11, 27, 9, 0));
        for (int i = 0; i < 3; i++) {
            deadlines.open("L1", lead(), otherRep.id(), clock.instant().plus(Duration.ofMinutes(i)));
        }
        String token = "Bearer " + fixtures.token(mvc, otherRep.username());
        JsonNode first = fixtures.json(mvc.get().uri("/api/v1/deadlines?rule=L1&state=OPEN&size=2")
                .header(HttpHeaders.AUTHORIZATION, token));
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = fixtures.json(mvc.get().uri("/api/v1/deadlines?rule=L1&state=OPEN&size=2&cursor="
                + first.get("nextCursor").asString()).header(HttpHeaders.AUTHORIZATION, token));
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    @Order(9)
    void myDeadlinesPanelHighlightsTheOverdueOnes() {
        clock.set(at(2026, 11, 30, 10, 0));
        deadlines.open("L7", lead(), rep2.id(), at(2026, 11, 27, 9, 0));
        deadlines.open("L7", lead(), rep2.id(), clock.instant());
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", rep2.username())
                .param("password", Fixtures.PASSWORD).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/deadlines/panel").cookie(session)).hasStatusOk().bodyText()
                .contains("my-deadlines", "deadline-overdue", "4 h 0 min left")
                .as("days overdue in days and hours, not 69 h").containsPattern("overdue by \\d+ d \\d+ h");
        assertThat(mvc.get().uri("/deadlines").cookie(session)).hasStatusOk().bodyText().contains("deadlines-table");
        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText().contains("/deadlines/panel");
    }

    @Test
    @Order(10)
    void aDeadlineOfANewSubjectWaitsForTheCommitYetTheEnginesOwnCallsInItsTransactionSeeIt() {
        clock.set(at(2026, 11, 30, 12, 0));
        Instant due = at(2026, 12, 7, 12, 0);
        SubjectRef kept = SubjectRef.of("Customer", UUID.randomUUID());
        SubjectRef met = SubjectRef.of("Customer", UUID.randomUUID());
        SubjectRef alone = SubjectRef.of("Customer", UUID.randomUUID());
        UUID[] ids = tx.execute(s -> {
            UUID k = deadlines.openUntilForNew("C2", kept, rep.id(), clock.instant(), due);
            UUID m = deadlines.openUntilForNew("C2", met, rep.id(), clock.instant(), due);
            assertThat(jdbc.sql("select count(*) from sop_deadline where subject_id in (:k, :m)")
                    .param("k", kept.id()).param("m", met.id()).query(Long.class).single())
                    .as("waiting with the transaction's deferred inserts").isZero();
            // opening again, meeting and listing send them first: never a second running deadline
            assertThat(deadlines.openUntil("C2", kept, rep.id(), clock.instant(), due)).isEqualTo(k);
            deadlines.meet("C2", met, at(2026, 12, 1, 9, 0));
            assertThat(deadlines.of(kept, clock.instant(), 10)).extracting(Deadlines.DeadlineRecord::id).containsExactly(k);
            return new UUID[] {k, m};
        });
        UUID opened = deadlines.openUntil("C2", alone, rep.id(), clock.instant(), due);

        Map<String, Object> row = row(ids[0]);
        Map<String, Object> expected = row(opened);
        assertThat(row.get("state")).isEqualTo("OPEN");
        for (String column : List.of("rule_id", "subject_type", "owner_id", "policy_version", "started_at", "due_at",
                "reminders_sent", "next_fire_at", "version")) {
            assertThat(row.get(column)).as(column).isEqualTo(expected.get(column));
        }
        assertThat(jdbc.sql("select reminder_at::text from sop_deadline where id = :id").param("id", ids[0])
                .query(String.class).single()).isEqualTo(jdbc.sql("select reminder_at::text from sop_deadline where id = :id")
                .param("id", opened).query(String.class).single());
        assertThat(row(ids[1]).get("state")).isEqualTo("MET");
        assertThat(jdbc.sql("select count(*) from sop_deadline where subject_id = :k").param("k", kept.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(11)
    void noticesNameTheRecordByNumberAndNameTheRuleByIdAndNameInTheReadersLanguageAndLinkToTheRecordsPage() {
        clock.set(at(2026, 12, 3, 10, 0));
        JsonNode customer = customerOfRep("超时测试一号有限公司");
        String id = customer.get("id").asString();
        String code = customer.get("code").asString();
        deadlines.open("L7", SubjectRef.of("Customer", id), rep.id(), clock.instant());

        clock.set(at(2026, 12, 3, 12, 0));
        sweeper.sweep();
        Notification reminder = sent("deadline.reminder", "L7", code).get(0);
        assertThat(zh(reminder)).isEqualTo("提醒：客户 " + code + " 超时测试一号有限公司 的 SOP L7 首次响应 将于 2026-12-03 14:00 到期。");
        assertThat(en(reminder))
                .isEqualTo("Reminder: SOP L7 First response for Customer " + code + " 超时测试一号有限公司 is due at 2026-12-03 14:00.");
        assertThat(reminder.link()).isEqualTo("/customers/" + id);

        clock.set(at(2026, 12, 3, 14, 0));
        sweeper.sweep();
        List<Notification> breached = sent("deadline.breached", "L7", code);
        assertThat(breached).extracting(Notification::recipientId).containsExactlyInAnyOrder(rep.id(), manager.id());
        Notification own = breached.stream().filter(n -> n.recipientId().equals(rep.id())).findFirst().orElseThrow();
        Notification team = breached.stream().filter(n -> n.recipientId().equals(manager.id())).findFirst().orElseThrow();
        assertThat(zh(own)).isEqualTo("已超时：客户 " + code + " 超时测试一号有限公司 的 SOP L7 首次响应 已于 2026-12-03 14:00 到期。");
        assertThat(zh(team)).isEqualTo("团队超时：客户 " + code + " 超时测试一号有限公司（" + rep.displayName()
                + "）的 SOP L7 首次响应 已于 2026-12-03 14:00 到期。");
        assertThat(en(team)).isEqualTo("Overdue in your team: SOP L7 First response for Customer " + code
                + " 超时测试一号有限公司 (" + rep.displayName() + ") was due at 2026-12-03 14:00.");
        assertThat(breached).extracting(Notification::link).containsOnly("/customers/" + id);
    }

    @Test
    @Order(12)
    void aNoticeAboutARecordTheRecipientMayNotOpenNamesItAndLinksToTheDeadlinesList() {
        clock.set(at(2026, 12, 4, 10, 0));
        JsonNode customer = customerOfRep("超时测试二号有限公司");
        String code = customer.get("code").asString();
        // a rep of another team holds a deadline on it: the customer's page is not theirs to open
        deadlines.open("L7", SubjectRef.of("Customer", customer.get("id").asString()), otherRep.id(), clock.instant());
        clock.set(at(2026, 12, 4, 12, 0));
        sweeper.sweep();
        Notification reminder = sent("deadline.reminder", "L7", code).get(0);
        assertThat(reminder.recipientId()).isEqualTo(otherRep.id());
        assertThat(zh(reminder)).startsWith("提醒：客户 " + code + " 超时测试二号有限公司 的 SOP L7");
        assertThat(reminder.link()).isEqualTo("/deadlines");
    }

    @Test
    @Order(13)
    void aBreachOfAUnitsHeadEscalatesToTheNextManagerUpAndAtTheTopToTheSalesDirectorNeverToThemselves() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        UUID sales = fixtures.unit("销售部 " + s);
        User director = fixtures.user("dir" + s, sales, LocalDate.of(2018, 1, 1), Role.SALES_DIRECTOR);
        fixtures.appointManager(sales, director.id());
        UUID region = fixtures.unit("华东 " + s, sales);
        User regional = fixtures.user("reg" + s, region, LocalDate.of(2019, 1, 1), Role.REGIONAL_MANAGER);
        fixtures.appointManager(region, regional.id());
        UUID marketing = fixtures.unit("市场部 " + s);
        User head = fixtures.user("mkt" + s, marketing, LocalDate.of(2020, 1, 1), Role.MARKETING);
        fixtures.appointManager(marketing, head.id());

        clock.set(at(2026, 12, 7, 10, 0));
        SubjectRef ofHead = lead();
        SubjectRef ofRegional = lead();
        SubjectRef ofDirector = lead();
        deadlines.open("L1", ofHead, head.id(), clock.instant());
        deadlines.open("L1", ofRegional, regional.id(), clock.instant());
        deadlines.open("L1", ofDirector, director.id(), clock.instant());
        clock.set(at(2026, 12, 7, 11, 0));
        sweeper.sweep();

        // 市场部 sits under the company, which has no manager: the sales director hears of it
        assertThat(sent("deadline.breached", ofHead)).extracting(Notification::recipientId)
                .containsExactlyInAnyOrder(head.id(), director.id());
        assertThat(sent("deadline.breached", ofHead)).filteredOn(n -> n.recipientId().equals(director.id()))
                .extracting(Notification::titleKey).containsExactly("deadline.notify.breachedTeam");
        // the head of 华东 answers to the head of 销售部 above
        assertThat(sent("deadline.breached", ofRegional)).extracting(Notification::recipientId)
                .containsExactlyInAnyOrder(regional.id(), director.id());
        // nobody above the sales director: told once, as the owner
        assertThat(sent("deadline.breached", ofDirector)).extracting(Notification::titleKey)
                .containsExactly("deadline.notify.breached");
    }

    @Test
    @Order(14)
    void aMovedDeadlineIsTheSameOneCountingToItsNewDueTimeAndABreachedOneIsNotMoved() {
        clock.set(at(2026, 12, 8, 10, 0));
        SubjectRef moved = lead();
        UUID id = deadlines.openUntil("C2", moved, rep.id(), clock.instant(), at(2026, 12, 11, 0, 0));
        assertThat(deadlines.moveDue("C2", moved, at(2027, 1, 11, 0, 0))).isTrue();
        assertThat(row(id).get("state")).isEqualTo("OPEN");
        assertThat(instant(row(id).get("started_at"))).as("its start kept").isEqualTo(at(2026, 12, 8, 10, 0));
        assertThat(instant(row(id).get("due_at"))).isEqualTo(at(2027, 1, 11, 0, 0));
        assertThat(deadlines.of(moved, clock.instant(), 10)).as("one deadline, not a cancelled one and another")
                .extracting(Deadlines.DeadlineRecord::id).containsExactly(id);
        clock.set(at(2026, 12, 11, 1, 0));
        sweeper.sweep();
        assertThat(row(id).get("state")).as("the old due time passed: nothing breached").isEqualTo("OPEN");

        SubjectRef late = lead();
        UUID b = deadlines.openUntil("C2", late, rep.id(), clock.instant(), at(2026, 12, 11, 2, 0));
        clock.set(at(2026, 12, 11, 3, 0));
        sweeper.sweep();
        assertThat(row(b).get("state")).isEqualTo("BREACHED");
        assertThat(deadlines.moveDue("C2", late, at(2027, 1, 11, 0, 0))).as("a breach stands").isFalse();
        assertThat(instant(row(b).get("due_at"))).isEqualTo(at(2026, 12, 11, 2, 0));
        assertThat(deadlines.moveDue("C2", lead(), at(2027, 1, 11, 0, 0))).as("none running").isFalse();
    }

    @Test
    @Order(99)
    void aBreachDueWhileNoSchedulerRanFiresOnceWhenANewNodeStarts() {
        appScheduler.stop();
        clock.set(at(2026, 12, 1, 10, 0));
        SubjectRef subject = lead();
        UUID id = deadlines.open("L6", subject, rep.id(), clock.instant());
        clock.set(at(2026, 12, 2, 10, 0));
        assertThat(row(id).get("state")).isEqualTo("OPEN");
        BackgroundTasks.Node node3 = node("node-3");
        node3.start();
        try {
            await(() -> "BREACHED".equals(row(id).get("state")));
            sweeper.sweep();
            assertThat(sent("deadline.breached", subject)).hasSize(2);
            // both reminder steps had passed unseen; no stale reminder goes out after the breach
            assertThat(sent("deadline.reminder", subject)).isEmpty();
        } finally {
            node3.stop();
        }
    }
}

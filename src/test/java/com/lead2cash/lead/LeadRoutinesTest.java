package com.lead2cash.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.Task;
import com.lead2cash.lead.internal.LeadJobsProbe;
import com.lead2cash.notification.Notification;
import com.lead2cash.platform.BackgroundTasks;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.LeadTestSupport;
import com.lead2cash.testing.LeadTestSupport.Company;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The lead routines — the daily summary and the weekly nurture batch — do each period once, with
 * the record of the period and the work in one transaction, and catch up a period missed while no
 * node ran.
 */
@IntegrationTest
@TestPropertySource(properties = {"l2c.lead.routines.enabled=true", "l2c.notification.digest.enabled=true",
        "l2c.scheduler.enabled=false", "l2c.lead.nurture-page-size=2"})
class LeadRoutinesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** A notifier that records, and refuses once when told to: a failure halfway through a routine. */
    static class FlakyNotifier extends RecordingNotifier {
        volatile boolean failNext;
        /** Refuses, once, the first notification that names this (a lead's company). */
        volatile String failFor;

        @Override
        public void send(Notification notification) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("the notifier is down");
            }
            if (failFor != null && notification.args().contains(failFor)) {
                failFor = null;
                throw new IllegalStateException("the notifier is down");
            }
            super.send(notification);
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(at("2026-11-23T10:00"));
        }

        @Bean
        @Primary
        FlakyNotifier flakyNotifier() {
            return new FlakyNotifier();
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired LeadTestSupport support;
    @Autowired LeadJobsProbe routines;
    @Autowired MutableClock clock;
    @Autowired FlakyNotifier notifier;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired List<Task<?>> tasks;

    static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant();
    }

    private boolean done(String job, String period) {
        return jdbc.sql("select count(*) from lead_job_run where job = :j and period = :p").param("j", job)
                .param("p", period).query(Integer.class).single() == 1;
    }

    private List<Notification> summariesTo(UUID manager) {
        return notifier.sent("lead.dailySummary").stream().filter(n -> n.recipientId().equals(manager)).toList();
    }

    @Test
    void L2_theSummaryOfADayMissedWhileNoNodeRanIsSentOnceWhenTheRoutinesRunAgain() {
        clock.set(at("2026-11-24T10:00"));
        Company co = support.company(mvc, "sum");
        // nothing ran on the 24th at 17:00; the next morning the 24th is caught up, once
        clock.set(at("2026-11-25T08:00"));
        routines.runDue();
        routines.runDue();
        assertThat(done("daily-summary", "2026-11-24")).isTrue();
        assertThat(summariesTo(co.eastManager().id())).hasSize(1);
        assertThat(summariesTo(co.director().id())).hasSize(1);
        assertThat(summariesTo(co.senior().id())).isEmpty();
        // the 25th's summary waits for its time
        assertThat(done("daily-summary", "2026-11-25")).isFalse();
        clock.set(at("2026-11-25T17:00"));
        routines.runDue();
        assertThat(done("daily-summary", "2026-11-25")).isTrue();
        assertThat(summariesTo(co.eastManager().id())).hasSize(2);
    }

    @Test
    void L2_aSummaryThatFailsHalfwayLeavesItsDayUndoneAndTheNextRunSendsIt() {
        clock.set(at("2026-11-26T10:00"));
        Company co = support.company(mvc, "fail");
        clock.set(at("2026-11-26T17:30"));
        notifier.failNext = true;
        assertThatThrownBy(() -> routines.runDue()).hasMessageContaining("the notifier is down");
        assertThat(done("daily-summary", "2026-11-26")).isFalse();
        assertThat(summariesTo(co.eastManager().id())).isEmpty();

        routines.runDue();
        assertThat(done("daily-summary", "2026-11-26")).isTrue();
        assertThat(summariesTo(co.eastManager().id())).hasSize(1);
    }

    @Test
    void L4_theWeeklyBatchHandsOutTheWholeNurturePoolPageByPage() {
        // every test of this class has a week of its own: this one the week of Monday 14 December
        clock.set(at("2026-12-10T10:00"));
        Company co = support.company(mvc, "nur");
        String marketing = support.bearer(mvc, co.marketing().username());
        List<String> nurtured = nurtured(marketing, "培育公司", co.region());
        // a nurtured lead no territory covers stays in the pool, and the batch still ends
        String unroutable = cLead(marketing, "培育无区域", "西藏");

        clock.set(at("2026-12-14T09:30"));
        routines.runDue();

        String manager = support.bearer(mvc, co.eastManager().username());
        for (String id : nurtured) {
            JsonNode lead = support.getJson(mvc, manager, "/api/v1/leads/" + id);
            assertThat(lead.get("status").asString()).as(id).isEqualTo("ASSIGNED");
            assertThat(lead.get("ownerId").asString()).isIn(co.senior().id().toString(), co.junior().id().toString());
            assertThat(support.deadlines(UUID.fromString(id))).contains("L7:OPEN");
        }
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads/" + unroutable).get("status").asString())
                .isEqualTo("NURTURING");
        assertThat(done("nurture-batch", "2026-W51")).isTrue();
        // the week is done: a later lead in the pool waits for next week
        String late = cLead(marketing, "培育迟到", co.region());
        routines.runDue();
        assertThat(support.getJson(mvc, marketing, "/api/v1/leads/" + late).get("status").asString())
                .isEqualTo("NURTURING");
    }

    @Test
    void L4_aWeeklyBatchCutShortKeepsWhatItHandedOutAndTheNextRunFinishesTheWeek() {
        // the week of Monday 21 December
        clock.set(at("2026-12-17T10:00"));
        Company co = support.company(mvc, "cut");
        List<String> nurtured = nurtured(support.bearer(mvc, co.marketing().username()), "中断培育", co.region());
        clock.set(at("2026-12-21T09:30"));
        // pages of two: handing out the third lead fails, so its page rolls back and the page before stays
        notifier.failFor = "中断培育2";
        assertThatThrownBy(() -> routines.runDue()).hasMessageContaining("the notifier is down");
        assertThat(done("nurture-batch", "2026-W52")).isFalse();
        String manager = support.bearer(mvc, co.eastManager().username());
        assertThat(nurtured.stream().filter(id -> "ASSIGNED".equals(
                support.getJson(mvc, manager, "/api/v1/leads/" + id).get("status").asString()))).isNotEmpty()
                .hasSizeLessThan(nurtured.size());

        routines.runDue();
        assertThat(done("nurture-batch", "2026-W52")).isTrue();
        for (String id : nurtured) {
            assertThat(support.getJson(mvc, manager, "/api/v1/leads/" + id).get("status").asString()).as(id)
                    .isEqualTo("ASSIGNED");
            // handed out once: the leads of the committed page were not handed out again
            assertThat(notifier.sent("lead.assigned").stream().filter(n -> n.link().endsWith(id))).as(id).hasSize(1);
        }
    }

    /** Five C leads in the nurture pool, {@code prefix}0 to {@code prefix}4, in the order captured. */
    private List<String> nurtured(String token, String prefix, String region) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(cLead(token, prefix + i, region));
        }
        return ids;
    }

    private String cLead(String token, String company, String region) {
        JsonNode lead = support.postJson(mvc, token, "/api/v1/leads", """
                {"companyName":"%s","contactName":"孙","region":"%s","industry":"餐饮业","source":"REFERRAL",
                 "budget":1000,"purchaseDate":"%s","decisionMakerKnown":false}
                """.formatted(company, region, support.today().plusYears(1)));
        assertThat(lead.get("status").asString()).isEqualTo("NURTURING");
        return lead.get("id").asString();
    }

    @Test
    void everyRoutineIsABackgroundTaskOfTheNodesScheduler() {
        assertThat(tasks.stream().map(Task::getName))
                .contains("lead-routines", "notification-digest", "notification-delivery", "sop-deadline-sweep", "sop-compliance-fold", "lead-import");
    }

    @Test
    void L2_aNodeStartingAfterDowntimeCatchesUpTheMissedSummaryOnTheBackgroundScheduler() {
        clock.set(at("2026-12-03T09:00"));
        assertThat(done("daily-summary", "2026-12-02")).isFalse();
        BackgroundTasks.Node restarted = BackgroundTasks.node(dataSource,
                tasks.stream().filter(t -> t.getName().equals("lead-routines")).toList(),
                BackgroundTasks.Settings.polling(Duration.ofMillis(100)), "restarted");
        restarted.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> done("daily-summary", "2026-12-02"));
        } finally {
            restarted.stop();
        }
    }
}

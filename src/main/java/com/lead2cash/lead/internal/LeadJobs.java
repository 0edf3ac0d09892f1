package com.lead2cash.lead.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SopPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead module's routines: the daily lead summary to managers (L2, at the policy's time) and the
 * weekly batch assignment of the nurture pool (L4, on the policy's day and time). Each node checks
 * every minute; a row per job and period makes each run happen once across nodes and catch up after
 * a restart.
 */
@Component
class LeadJobs {

    static final String DAILY_SUMMARY = "daily-summary";
    static final String NURTURE_BATCH = "nurture-batch";
    static final int NURTURE_BATCH_LIMIT = 500;

    private final SopPolicy policy;
    private final LeadService leads;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    LeadJobs(SopPolicy policy, LeadService leads, Notifier notifier, OrgDirectory directory, JdbcClient jdbc,
             Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.policy = policy;
        this.leads = leads;
        this.notifier = notifier;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** Tests that drive the jobs themselves push the first run out with {@code l2c.lead.jobs-delay}. */
    @Scheduled(fixedDelayString = "${l2c.lead.jobs-interval:60s}", initialDelayString = "${l2c.lead.jobs-delay:30s}")
    void tick() {
        runDue();
    }

    /** Runs whatever is due now; answers how many jobs ran (for tests and operations). */
    int runDue() {
        ZonedDateTime now = clock.instant().atZone(zone);
        LeadRules rules = policy.current().bind(LeadRules.class);
        int ran = 0;
        if (!now.toLocalTime().isBefore(rules.dailySummaryTime())) {
            ran += dailySummary(now.toLocalDate()) ? 1 : 0;
        }
        DayOfWeek day = rules.nurtureBatchDay();
        if (now.getDayOfWeek() == day && !now.toLocalTime().isBefore(rules.nurtureBatchTime())) {
            String week = now.get(IsoFields.WEEK_BASED_YEAR) + "-W" + now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            ran += nurtureBatch(week) ? 1 : 0;
        }
        return ran;
    }

    /** L2 — today's leads, by grade, and what still waits unassigned, to every sales manager. */
    @Transactional
    boolean dailySummary(LocalDate day) {
        if (!claim(DAILY_SUMMARY, day.toString())) {
            return false;
        }
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        var counts = jdbc.sql("""
                select count(*) as total,
                       count(*) filter (where grade = 'A') as a,
                       count(*) filter (where grade = 'B') as b,
                       count(*) filter (where grade = 'C') as c
                from lead_lead where created_at >= :from and created_at < :to
                """).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new long[] {rs.getLong("total"), rs.getLong("a"), rs.getLong("b"), rs.getLong("c")})
                .single();
        long waiting = jdbc.sql("select count(*) from lead_lead where owner_id is null and status in ('NEW', 'SCREENED')")
                .query(Long.class).single();
        Stream.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER)
                .flatMap(r -> directory.activeWithRole(r).stream()).map(OrgDirectory.Person::id).distinct()
                .forEach(manager -> notifier.send(Notification.of(manager, "lead.dailySummary", "lead.notify.dailySummary",
                        "/leads", day, counts[0], counts[1], counts[2], counts[3], waiting)));
        return true;
    }

    /** L4 — the weekly batch of the nurture pool. */
    @Transactional
    boolean nurtureBatch(String week) {
        if (!claim(NURTURE_BATCH, week)) {
            return false;
        }
        leads.assignNurturePool(NURTURE_BATCH_LIMIT);
        return true;
    }

    private boolean claim(String job, String period) {
        return jdbc.sql("insert into lead_job_run (job, period, ran_at) values (:j, :p, :t) on conflict do nothing")
                .param("j", job).param("p", period).param("t", Timestamp.from(clock.instant())).update() == 1;
    }
}

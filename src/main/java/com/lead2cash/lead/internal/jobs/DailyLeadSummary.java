package com.lead2cash.lead.internal.jobs;

import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * L2 — the daily lead summary (每日线索汇总), decided here: at the policy's
 * time every sales director and manager gets the day's leads by grade and what still waits unassigned
 * — once per day, however many nodes run and whenever a missed day is caught up.
 */
@Component
public class DailyLeadSummary {

    static final String JOB = "daily-summary";

    private final LeadJobRuns runs;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    DailyLeadSummary(LeadJobRuns runs, Notifier notifier, OrgDirectory directory, JdbcClient jdbc,
                     @Value("${l2c.zone}") ZoneId zone) {
        this.runs = runs;
        this.notifier = notifier;
        this.directory = directory;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** The latest day whose summary time has come: today from the policy's time on, else yesterday. */
    static LocalDate dueDay(LeadRules rules, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        return now.toLocalTime().isBefore(rules.dailySummaryTime()) ? today.minusDays(1) : today;
    }

    /** Sends the day's summary unless it went out already; the record of the day and the notices commit together. */
    @Transactional
    public boolean send(LocalDate day) {
        if (!runs.claim(JOB, day.toString())) {
            return false;
        }
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        long[] counts = jdbc.sql("""
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
                .forEach(manager -> notifier.send(Notification.of(manager, NotificationKind.LEAD_DAILY_SUMMARY,
                        "lead.notify.dailySummary", "/leads", day, counts[0], counts[1], counts[2], counts[3], waiting)));
        return true;
    }
}

package com.lead2cash.receivable.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.receivable.internal.domain.AgingBucket;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import com.lead2cash.sop.Deadlines;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collection routine (回款跟踪), run by a background task every few minutes on one node at a time:
 * P1 — a plan whose reminder time came reminds its rep, who reminds the customer (a deadline due when
 * the plan falls due, met when the rep confirms or the plan is paid); the plans' states follow the
 * calendar (DUE on the due date, OVERDUE after it); P2 — an overdue plan is escalated as it ages: its
 * owner in the first bucket, the owner's manager and then the sales director in the buckets the policy
 * names. Rows being changed at that moment are skipped and taken by the next run.
 */
@Component
public class CollectionRoutine {

    static final int MAX_PER_RUN = 2000;
    private static final Logger log = LoggerFactory.getLogger(CollectionRoutine.class);

    private final JdbcClient jdbc;
    private final ReceivableRepository plans;
    private final ReceivablePolicy policy;
    private final Deadlines deadlines;
    private final Notifier notifier;
    private final OrgDirectory org;

    CollectionRoutine(JdbcClient jdbc, ReceivableRepository plans, ReceivablePolicy policy, Deadlines deadlines,
                      Notifier notifier, OrgDirectory org) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.policy = policy;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.org = org;
    }

    /** What one run did. */
    public record Run(int reminded, int changedState, int escalated) {
    }

    @Transactional
    public Run run() {
        Instant now = policy.now();
        LocalDate today = policy.today();
        ReceivableRules rules = policy.rules();
        int reminded = remind(now);
        int changed = refreshStates(today);
        int escalated = escalate(rules, today);
        if (reminded + changed + escalated > 0) {
            log.info("Collection routine: {} reminded, {} changed state, {} escalated", reminded, changed, escalated);
        }
        return new Run(reminded, changed, escalated);
    }

    /** P1 — the rep hears of a plan due in the window, and owns the deadline to remind the customer. */
    private int remind(Instant now) {
        List<UUID> due = jdbc.sql("select id from receivable_plan where remind_at <= :now and state in "
                        + ReceivableRepository.OPEN + " order by remind_at, id limit :max for update skip locked")
                .param("now", Timestamp.from(now)).param("max", MAX_PER_RUN).query(UUID.class).list();
        for (UUID id : due) {
            Receivable r = plans.findById(id).orElseThrow();
            Instant startedAt = r.remindAt();
            r.reminded(now);
            plans.save(r);
            deadlines.open(ReceivableRules.REMINDER, ReceivablePlanning.subject(r), r.ownerId(), startedAt);
            notifier.send(Notification.of(r.ownerId(), NotificationKind.RECEIVABLE_REMINDER,
                    "receivable.notify.reminder",
                    "/receivables/" + r.id(), r.contractNumber(), MoneyText.of(r.outstanding()), r.dueDate()));
        }
        return due.size();
    }

    private int refreshStates(LocalDate today) {
        List<UUID> changing = jdbc.sql("""
                select id from receivable_plan
                where (state = 'PLANNED' and due_date <= :today)
                   or (state in ('DUE', 'PARTIALLY_PAID') and due_date < :today)
                order by due_date, id limit :max for update skip locked""")
                .param("today", Date.valueOf(today)).param("max", MAX_PER_RUN).query(UUID.class).list();
        for (UUID id : changing) {
            Receivable r = plans.findById(id).orElseThrow();
            if (r.refresh(today)) {
                plans.save(r);
            }
        }
        return changing.size();
    }

    /** P2 — escalation up to the level the plan's bucket calls for; each level is told once. */
    private int escalate(ReceivableRules rules, LocalDate today) {
        // the first overdue day of the manager's and the director's buckets
        long managerDays = firstDayOf(rules, rules.managerFromBucket());
        long directorDays = firstDayOf(rules, rules.directorFromBucket());
        List<UUID> ids = jdbc.sql("""
                select id from receivable_plan where state = 'OVERDUE'
                  and (escalation_level < 1
                       or (escalation_level < 2 and due_date <= :managerDay)
                       or (escalation_level < 3 and due_date <= :directorDay))
                order by due_date, id limit :max for update skip locked""")
                .param("managerDay", Date.valueOf(today.minusDays(managerDays)))
                .param("directorDay", Date.valueOf(today.minusDays(directorDays)))
                .param("max", MAX_PER_RUN).query(UUID.class).list();
        for (UUID id : ids) {
            Receivable r = plans.findById(id).orElseThrow();
            long days = r.daysOverdue(today);
            AgingBucket bucket = rules.bucket(days);
            int level = rules.escalationLevel(bucket);
            Set<UUID> told = new LinkedHashSet<>();
            for (int l = r.escalationLevel() + 1; l <= level; l++) {
                for (UUID person : recipients(r, l)) {
                    if (told.add(person)) {
                        notifier.send(Notification.of(person, NotificationKind.RECEIVABLE_OVERDUE,
                                "receivable.notify.overdue",
                                "/receivables/" + r.id(), r.contractNumber(), MoneyText.of(r.outstanding()), days)
                                .urgent());
                    }
                }
            }
            r.escalatedTo(level);
            plans.save(r);
        }
        return ids.size();
    }

    private List<UUID> recipients(Receivable r, int level) {
        return switch (level) {
            case 1 -> List.of(r.ownerId());
            case 2 -> org.managerOf(r.ownerId()).map(p -> List.of(p.id())).orElse(List.of());
            default -> org.activeWithRole(Role.SALES_DIRECTOR).stream().map(OrgDirectory.Person::id).toList();
        };
    }

    /** The first day overdue of bucket {@code n} (1–4): 1, then one past each limit. */
    static long firstDayOf(ReceivableRules rules, int n) {
        return switch (n) {
            case 1 -> 1;
            case 2 -> rules.bucket1Days() + 1L;
            case 3 -> rules.bucket2Days() + 1L;
            default -> rules.bucket3Days() + 1L;
        };
    }
}

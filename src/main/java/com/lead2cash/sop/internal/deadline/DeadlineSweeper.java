package com.lead2cash.sop.internal.deadline;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SubjectDescriber;
import com.lead2cash.sop.SubjectRef;
import com.lead2cash.sop.Subjects;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires what is due: reminders before the due time and the breach at it. Each batch
 * claims its deadlines with {@code FOR UPDATE SKIP LOCKED} on the indexed next-fire time, marks
 * them and sends their notifications in one transaction, so two nodes sweeping at once never fire
 * the same step twice, and a crash before commit leaves the step to the next sweep. The cost of a
 * sweep is proportional to what is due, not to how many deadlines run.
 */
@Component
public class DeadlineSweeper {

    static final int BATCH = 100;
    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private record Due(UUID id, String rule, String subjectType, String subjectId, UUID owner, Instant dueAt,
                       List<Instant> reminders, int remindersSent) {

        SubjectRef subject() {
            return new SubjectRef(subjectType, subjectId);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Notifier notifier;
    private final OrgDirectory org;
    private final Subjects subjects;
    private final Clock clock;
    private final ZoneId zone;

    DeadlineSweeper(JdbcClient jdbc, TransactionTemplate tx, Notifier notifier, OrgDirectory org, Subjects subjects,
                    Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifier = notifier;
        this.org = org;
        this.subjects = subjects;
        this.clock = clock;
        this.zone = zone;
    }

    /** Fires every reminder and breach due by now; returns how many deadlines it handled. */
    public int sweep() {
        Instant now = clock.instant();
        int total = 0;
        while (true) {
            Integer handled = tx.execute(status -> sweepBatch(now));
            total += handled == null ? 0 : handled;
            if (handled == null || handled < BATCH) {
                return total;
            }
        }
    }

    private int sweepBatch(Instant now) {
        List<Due> due = jdbc.sql("""
                        select id, rule_id, subject_type, subject_id, owner_id, due_at, reminder_at, reminders_sent
                        from sop_deadline where state = 'OPEN' and next_fire_at <= :now
                        order by next_fire_at limit :batch for update skip locked""")
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .query((rs, i) -> new Due(rs.getObject("id", UUID.class), rs.getString("rule_id"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getObject("owner_id", UUID.class),
                        rs.getTimestamp("due_at").toInstant(), instants(rs.getArray("reminder_at")),
                        rs.getInt("reminders_sent")))
                .list();
        List<Due> breached = due.stream().filter(d -> !now.isBefore(d.dueAt())).toList();
        if (!breached.isEmpty()) {
            breach(breached, now);
        }
        due.stream().filter(d -> now.isBefore(d.dueAt())).forEach(d -> remind(d, now));
        return due.size();
    }

    /** Breaches in one update; owners and whom they escalate to read once for the whole batch. */
    private void breach(List<Due> breached, Instant now) {
        jdbc.sql("""
                        update sop_deadline set state = 'BREACHED', breached_at = :now, next_fire_at = null,
                            version = version + 1 where id in (:ids)""")
                .param("now", Timestamp.from(now)).param("ids", breached.stream().map(Due::id).toList()).update();
        Set<UUID> owners = breached.stream().map(Due::owner).collect(Collectors.toSet());
        Map<UUID, OrgDirectory.Person> managers = org.managersOf(owners);
        Map<UUID, OrgDirectory.Person> people = org.people(owners);
        Map<UUID, List<Due>> byOwner = breached.stream().collect(Collectors.groupingBy(Due::owner));
        byOwner.forEach((owner, dues) -> {
            OrgDirectory.Person person = people.get(owner);
            Map<String, SubjectDescriber.SubjectLabel> labels = labels(person, dues);
            for (Due d : dues) {
                notifier.send(notice(d, NotificationKind.DEADLINE_BREACHED,
                        "deadline.notify.breached", labels, "/deadlines").urgent());
            }
            String ownerName = person == null ? "" : person.displayName();
            for (OrgDirectory.Person above : escalation(owner, managers.get(owner))) {
                Map<String, SubjectDescriber.SubjectLabel> theirs = labels(above, dues);
                for (Due d : dues) {
                    notifier.send(notice(d, above.id(), NotificationKind.DEADLINE_BREACHED,
                            "deadline.notify.breachedTeam", theirs,
                            "/deadlines?scope=team", ownerName).urgent());
                }
            }
        });
    }

    /**
     * Whom an owner's breach escalates to: their line manager — for the head of a unit, the next manager up the
     * tree — and at the top, where no unit above has a manager (the head of a department under the company), the
     * sales director. Never the owner themselves.
     */
    private List<OrgDirectory.Person> escalation(UUID owner, OrgDirectory.Person manager) {
        if (manager != null) {
            return manager.id().equals(owner) ? List.of() : List.of(manager);
        }
        return org.activeWithRole(Role.SALES_DIRECTOR).stream().filter(p -> !p.id().equals(owner)).toList();
    }

    private void remind(Due d, Instant now) {
        int reached = (int) d.reminders().stream().filter(r -> !r.isAfter(now)).count();
        Instant next = reached < d.reminders().size() ? d.reminders().get(reached) : d.dueAt();
        jdbc.sql("update sop_deadline set reminders_sent = :sent, next_fire_at = :next, version = version + 1 where id = :id")
                .param("sent", Math.max(reached, d.remindersSent())).param("next", Timestamp.from(next))
                .param("id", d.id()).update();
        if (reached > d.remindersSent()) {
            // several steps passed at once (a node was down): one reminder says it all
            Map<String, SubjectDescriber.SubjectLabel> labels = labels(org.person(d.owner()).orElse(null), List.of(d));
            // about the deadline: settled when it is met, cancelled or moved to someone else (DeadlineService)
            notifier.send(notice(d, DeadlineService.REMINDER_NOTICE,
                    "deadline.notify.reminder", labels, "/deadlines").about(d.id()));
        }
    }

    /** How the subjects read to this person, with a link only to a page they may open (no one known: no link). */
    private Map<String, SubjectDescriber.SubjectLabel> labels(OrgDirectory.Person reader, List<Due> dues) {
        List<SubjectRef> refs = dues.stream().map(Due::subject).distinct().toList();
        return reader == null ? Map.of() : CurrentUser.of(reader).actAs(() -> subjects.labels(refs));
    }

    private Notification notice(Due d, NotificationKind kind, String key,
                                Map<String, SubjectDescriber.SubjectLabel> labels, String elsewhere) {
        return notice(d, d.owner(), kind, key, labels, elsewhere);
    }

    /**
     * A deadline's notice as people know its parts: the rule by id and name (as the compliance page names rules), the
     * record by its type and label (its number and name; the raw id only when its module does not describe it), the
     * due time as the screens write it; the link to the record's page, else to the deadlines list.
     */
    private Notification notice(Due d, UUID recipient, NotificationKind kind, String key,
                                Map<String, SubjectDescriber.SubjectLabel> labels, String elsewhere, Object... more) {
        SubjectDescriber.SubjectLabel label = labels.get(Subjects.key(d.subject()));
        List<Object> args = new ArrayList<>(List.of(d.rule(), Notification.Words.of("rule." + d.rule() + ".name", ""),
                Notification.Words.of("record.type." + d.subjectType(), d.subjectType()),
                label == null ? d.subjectId() : label.label(), DUE_FORMAT.format(d.dueAt().atZone(zone))));
        args.addAll(List.of(more));
        String link = label != null && label.link() != null ? label.link() : elsewhere;
        return Notification.of(recipient, kind, key, link, args.toArray());
    }

    private static List<Instant> instants(Array array) throws SQLException {
        List<Instant> list = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                list.add(((Timestamp) o).toInstant());
            }
        }
        return list;
    }
}

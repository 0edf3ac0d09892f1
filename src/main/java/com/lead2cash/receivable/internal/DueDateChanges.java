package com.lead2cash.receivable.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.receivable.internal.domain.Receivable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payment plan's history of due dates set by hand (回款计划记录): one append-only line each, with who, the date
 * before and after and the reason, and an audit entry. A date finance moved is told to the plan's rep (who reminds
 * the customer) and the rep's manager: a later date holds the plan back from aging, P2 and the collection rate.
 */
@Component
public class DueDateChanges {

    public enum Kind { DUE_DATE_SET, DUE_DATE_MOVED }

    /** One line: what, who, the dates and the reason given. */
    public record Event(long id, Kind kind, UUID actorId, LocalDate before, LocalDate after, String reason, Instant at) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final OrgDirectory org;

    DueDateChanges(JdbcClient jdbc, AuditTrail audit, Notifier notifier, OrgDirectory org) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifier = notifier;
        this.org = org;
    }

    /** The rep (or finance) fixed the date of a plan that had none. */
    void set(Receivable r, String reason, UUID actor, Instant at) {
        insert(r, Kind.DUE_DATE_SET, actor, null, reason == null || reason.isBlank() ? null : reason.strip(), at);
        audit.record("RECEIVABLE_DUE_DATE_SET", ReceivableAccess.SUBJECT, r.id(), "receivable.audit.dueDateSet",
                r.contractNumber(), r.position(), r.dueDate());
    }

    /** Finance moved a date already set, for {@code reason}: kept, audited, and told to the rep and their manager. */
    void moved(Receivable r, LocalDate before, String reason, UUID actor, Instant at) {
        insert(r, Kind.DUE_DATE_MOVED, actor, before, reason, at);
        audit.record("RECEIVABLE_DUE_DATE_MOVED", ReceivableAccess.SUBJECT, r.id(), "receivable.audit.dueDateMoved",
                r.contractNumber(), r.position(), before, r.dueDate(), reason);
        Set<UUID> told = new LinkedHashSet<>();
        told.add(r.ownerId());
        org.managerOf(r.ownerId()).ifPresent(m -> told.add(m.id()));
        told.remove(actor);
        for (UUID person : told) {
            notifier.send(Notification.of(person, NotificationKind.RECEIVABLE_DUE_DATE_MOVED,
                    "receivable.notify.dueDateMoved",
                    "/receivables/" + r.id(), r.contractNumber(), r.position(), before, r.dueDate(), reason));
        }
    }

    private void insert(Receivable r, Kind kind, UUID actor, LocalDate before, String reason, Instant at) {
        jdbc.sql("""
                        insert into receivable_plan_event (plan_id, kind, actor_id, due_before, due_after, reason, occurred_at)
                        values (:plan, :kind, :actor, :before, :after, :reason, :at)""")
                .param("plan", r.id()).param("kind", kind.name()).param("actor", actor)
                .param("before", before == null ? null : Date.valueOf(before)).param("after", Date.valueOf(r.dueDate()))
                .param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** The plan's lines, newest first. */
    public List<Event> of(UUID planId) {
        return jdbc.sql("""
                        select id, kind, actor_id, due_before, due_after, reason, occurred_at
                        from receivable_plan_event where plan_id = :plan order by id desc""")
                .param("plan", planId)
                .query((rs, i) -> new Event(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("actor_id", UUID.class),
                        rs.getDate("due_before") == null ? null : rs.getDate("due_before").toLocalDate(),
                        rs.getDate("due_after").toLocalDate(), rs.getString("reason"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}

package com.lead2cash.sop.internal.deadline;

import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.DeadlineUncountableException;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import com.lead2cash.sop.WorkingCalendar;
import com.lead2cash.sop.internal.policy.PolicyService;
import com.lead2cash.sop.internal.policy.PolicyVersion;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SOP deadlines (时限) other modules open, meet, cancel and transfer. The due time is computed
 * once, when the deadline opens, from the policy version current then: a later policy change does
 * not move a running deadline.
 *
 * <p>States: OPEN → MET (done by the due time: on time) · OPEN → BREACHED (the sweep found it past
 * due) → MET (done late; {@code breached_at} stays, so compliance counts it as breached) ·
 * OPEN/BREACHED → CANCELLED. A deadline is "running" while OPEN or BREACHED; there is at most one
 * running deadline per rule and subject.
 *
 * <p>A reminder asks its deadline's owner to do the work: it is sent {@linkplain DeadlineSweeper about the deadline}
 * and settled when the deadline is met, cancelled or transferred to someone else ({@link #settleReminders}). A breach
 * is a fact and stays as it was told.
 */
@Service
class DeadlineService implements Deadlines {

    /** A reminder asks the deadline's owner to do the work: sent about the deadline (DeadlineSweeper), settled here. */
    static final NotificationKind REMINDER_NOTICE = NotificationKind.DEADLINE_REMINDER;

    private final JdbcClient jdbc;
    private final DeferredInserts inserts;
    private final PolicyService policy;
    private final BusinessCalendar calendar;
    private final Notifier notifier;
    private final Clock clock;
    /** Set in a transaction while deadlines of new subjects wait in its deferred inserts. */
    private final Object openedForNew = new Object();
    /** The owners' units read in a transaction ({@link #unitOf}). */
    private final Object unitsRead = new Object();
    private final OrgDirectory org;

    DeadlineService(JdbcClient jdbc, DeferredInserts inserts, PolicyService policy, BusinessCalendar calendar,
                    Notifier notifier, Clock clock, OrgDirectory org) {
        this.org = org;
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.policy = policy;
        this.calendar = calendar;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID open(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt) {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(startedAt, "startedAt");
        PolicyVersion snapshot = policy.current();
        DeadlineWindow window = snapshot.deadlineWindow(ruleId);
        WorkingCalendar workingCalendar = calendar.current();
        Instant due;
        List<Instant> reminders;
        try {
            due = workingCalendar.due(startedAt, window);
            reminders = ReminderSchedule.of(startedAt, due, window, snapshot.reminderFractions(), workingCalendar);
        } catch (IllegalArgumentException e) {
            // a window the calendar cannot count: refused, naming the rule, the work that opens it rolled back (422)
            throw new DeadlineUncountableException(ruleId, window);
        }
        return insertOpen(ruleId, subject, ownerId, snapshot.version(), startedAt, due, reminders);
    }

    private UUID insertOpen(String ruleId, SubjectRef subject, UUID ownerId, long policyVersion, Instant startedAt,
                            Instant due, List<Instant> reminders) {
        // a deadline of a new subject may still wait in this transaction: the conflict check must see it
        sendOpenedForNew();
        Instant nextFire = reminders.isEmpty() ? due : reminders.get(0);
        UUID id = Ids.newId();
        int inserted = jdbc.sql("""
                        insert into sop_deadline (id, rule_id, subject_type, subject_id, owner_id, org_unit_id,
                            policy_version, started_at, due_at, reminder_at, state, reminders_sent, next_fire_at, version,
                            created_at)
                        values (:id, :rule, :type, :subject, :owner, :unit, :policyVersion, :started, :due,
                            cast(:reminders as timestamptz[]), 'OPEN', 0, :next, 0, :now)
                        on conflict (rule_id, subject_type, subject_id) where state in ('OPEN', 'BREACHED') do nothing""")
                .param("id", id).param("rule", ruleId).param("type", subject.type()).param("subject", subject.id())
                .param("owner", ownerId).param("unit", unitOf(ownerId)).param("policyVersion", policyVersion)
                .param("started", Timestamp.from(startedAt)).param("due", Timestamp.from(due))
                .param("reminders", timestamps(reminders))
                .param("next", Timestamp.from(nextFire)).param("now", Timestamp.from(clock.instant()))
                .update();
        // one was already running, or a concurrent open of the same rule and subject won: answer its deadline
        return inserted == 1 ? id : running(ruleId, subject);
    }

    @Override
    @Transactional
    public UUID openUntil(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt, Instant dueAt) {
        PolicyVersion snapshot = policy.current();
        List<Instant> reminders = remindersUntil(snapshot, subject, ruleId, ownerId, startedAt, dueAt);
        return insertOpen(ruleId, subject, ownerId, snapshot.version(), startedAt, dueAt, reminders);
    }

    /**
     * The subject is new in this transaction, so no deadline of it can be running and the insert needs no
     * conflict check: it waits with the transaction's deferred inserts. Should one be running after all,
     * the partial unique index refuses the commit, so there is never a second running deadline.
     */
    @Override
    @Transactional
    public UUID openUntilForNew(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt, Instant dueAt) {
        PolicyVersion snapshot = policy.current();
        List<Instant> reminders = remindersUntil(snapshot, subject, ruleId, ownerId, startedAt, dueAt);
        UUID id = Ids.newId();
        PerTransaction.mark(openedForNew);
        inserts.add("""
                        insert into sop_deadline (id, rule_id, subject_type, subject_id, owner_id, org_unit_id,
                            policy_version, started_at, due_at, reminder_at, state, reminders_sent, next_fire_at, version,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamptz[]), 'OPEN', 0, ?, 0, ?)""",
                id, ruleId, subject.type(), subject.id(), ownerId, unitOf(ownerId), snapshot.version(), Timestamp.from(startedAt),
                Timestamp.from(dueAt), timestamps(reminders),
                Timestamp.from(reminders.isEmpty() ? dueAt : reminders.get(0)), Timestamp.from(clock.instant()));
        return id;
    }

    private List<Instant> remindersUntil(PolicyVersion snapshot, SubjectRef subject, String ruleId, UUID ownerId,
                                         Instant startedAt, Instant dueAt) {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        // the window's basis is all the reminder schedule needs; its length is the given due time
        DeadlineWindow calendarTime = DeadlineWindow.calendar(com.lead2cash.sop.BusinessDuration.ofMinutes(0));
        return ReminderSchedule.of(startedAt, dueAt, calendarTime, snapshot.reminderFractions(), calendar.current());
    }

    /**
     * Sends the deadlines of new subjects this transaction still holds back, before a statement that must
     * see them; a transaction that opened none (a lead import batch, whose other rows wait on purpose)
     * sends nothing early.
     */
    private void sendOpenedForNew() {
        if (PerTransaction.isMarked(openedForNew)) {
            inserts.flush();
            PerTransaction.forget(openedForNew);
        }
    }

    /** A list of instants as a PostgreSQL array literal of timestamptz. */
    private static String timestamps(List<Instant> instants) {
        return "{" + String.join(",", instants.stream().map(Instant::toString).toList()) + "}";
    }

    @Override
    @Transactional
    public UUID recordMet(String ruleId, SubjectRef subject, UUID ownerId, Instant at) {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(at, "at");
        PolicyVersion snapshot = policy.current();
        Instant due;
        try {
            due = calendar.current().due(at, snapshot.deadlineWindow(ruleId));
        } catch (IllegalArgumentException e) {
            throw new DeadlineUncountableException(ruleId, snapshot.deadlineWindow(ruleId));
        }
        UUID id = Ids.newId();
        // born MET, it never conflicts with a running deadline and nothing updates it: it can wait for the commit
        inserts.add("""
                        insert into sop_deadline (id, rule_id, subject_type, subject_id, owner_id, org_unit_id,
                            policy_version, started_at, due_at, reminder_at, state, met_at, reminders_sent, next_fire_at,
                            version, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast('{}' as timestamptz[]), 'MET', ?, 0, null, 0, ?)""",
                id, ruleId, subject.type(), subject.id(), ownerId, unitOf(ownerId), snapshot.version(), Timestamp.from(at),
                Timestamp.from(due), Timestamp.from(at), Timestamp.from(clock.instant()));
        return id;
    }

    @Override
    @Transactional
    public void meet(String ruleId, SubjectRef subject, Instant metAt) {
        Objects.requireNonNull(metAt, "metAt");
        sendOpenedForNew();
        settleReminders(jdbc.sql("""
                        update sop_deadline set state = 'MET', met_at = :metAt, next_fire_at = null, version = version + 1
                        where rule_id = :rule and subject_type = :type and subject_id = :subject
                          and state in ('OPEN', 'BREACHED')
                        returning id, reminders_sent""")
                .param("metAt", Timestamp.from(metAt)).param("rule", ruleId).param("type", subject.type())
                .param("subject", subject.id()).query(DeadlineService::reminded).list());
    }

    @Override
    @Transactional
    public void cancel(String ruleId, SubjectRef subject) {
        sendOpenedForNew();
        settleReminders(jdbc.sql("""
                        update sop_deadline set state = 'CANCELLED', cancelled_at = :now, next_fire_at = null,
                            version = version + 1
                        where rule_id = :rule and subject_type = :type and subject_id = :subject
                          and state in ('OPEN', 'BREACHED')
                        returning id, reminders_sent""")
                .param("now", Timestamp.from(clock.instant())).param("rule", ruleId).param("type", subject.type())
                .param("subject", subject.id()).query(DeadlineService::reminded).list());
    }

    @Override
    @Transactional
    public boolean moveDue(String ruleId, SubjectRef subject, Instant dueAt) {
        Objects.requireNonNull(dueAt, "dueAt");
        sendOpenedForNew();
        record Open(UUID id, UUID owner, Instant startedAt, int remindersSent) {
        }
        Open open = jdbc.sql("""
                        select id, owner_id, started_at, reminders_sent from sop_deadline where rule_id = :rule
                          and subject_type = :type and subject_id = :subject and state = 'OPEN' for update""")
                .param("rule", ruleId).param("type", subject.type()).param("subject", subject.id())
                .query((rs, i) -> new Open(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                        rs.getTimestamp("started_at").toInstant(), rs.getInt("reminders_sent")))
                .optional().orElse(null);
        if (open == null) {
            return false;
        }
        List<Instant> reminders = remindersUntil(policy.current(), subject, ruleId, open.owner(), open.startedAt(), dueAt);
        // the steps already passed count as sent: the owner is reminded of what is still ahead
        Instant now = clock.instant();
        int passed = (int) reminders.stream().filter(r -> !r.isAfter(now)).count();
        Instant nextFire = reminders.stream().filter(r -> r.isAfter(now)).findFirst().orElse(dueAt);
        jdbc.sql("""
                        update sop_deadline set due_at = :due, reminder_at = cast(:reminders as timestamptz[]),
                            reminders_sent = :sent, next_fire_at = :next, version = version + 1 where id = :id""")
                .param("due", Timestamp.from(dueAt)).param("reminders", timestamps(reminders)).param("sent", passed)
                .param("next", Timestamp.from(nextFire)).param("id", open.id()).update();
        if (passed == 0 && open.remindersSent() > 0) {
            // no step of the new schedule has come yet: the reminders sent before (of the old due time) ask for nothing
            // now, and the count that would have settled them later is back to none; the next step reminds anew
            settleReminders(List.of(open.id()));
        }
        return true;
    }

    @Override
    @Transactional
    public void transfer(String ruleId, SubjectRef subject, UUID newOwnerId) {
        Objects.requireNonNull(newOwnerId, "newOwnerId");
        sendOpenedForNew();
        // locked first, so a reminder the sweep is sending at this moment is seen once it is sent
        List<UUID> remindedSomeoneElse = jdbc.sql("""
                        select id, owner_id, reminders_sent from sop_deadline
                        where rule_id = :rule and subject_type = :type and subject_id = :subject
                          and state in ('OPEN', 'BREACHED') for update""")
                .param("rule", ruleId).param("type", subject.type()).param("subject", subject.id())
                .query((rs, i) -> newOwnerId.equals(rs.getObject("owner_id", UUID.class)) ? null : reminded(rs, i))
                .list();
        jdbc.sql("""
                        update sop_deadline set owner_id = :owner, org_unit_id = :unit, version = version + 1
                        where rule_id = :rule and subject_type = :type and subject_id = :subject
                          and state in ('OPEN', 'BREACHED')""")
                .param("owner", newOwnerId).param("unit", unitOf(newOwnerId)).param("rule", ruleId).param("type", subject.type())
                .param("subject", subject.id()).update();
        settleReminders(remindedSomeoneElse);
    }

    /**
     * The unit the owner belongs to now, recorded on the deadline as the team it counts for (decision 0124); read once
     * per transaction and owner (an import opens hundreds of deadlines for a few owners). Null for an unknown person.
     */
    private UUID unitOf(UUID ownerId) {
        java.util.Map<UUID, java.util.Optional<UUID>> units = PerTransaction.get(unitsRead, java.util.HashMap::new);
        return units.computeIfAbsent(ownerId, o -> org.person(o).map(OrgDirectory.Person::orgUnitId)).orElse(null);
    }

    /** The deadline of this row if it has reminded its owner (column {@code reminders_sent}), else null. */
    private static UUID reminded(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return rs.getInt("reminders_sent") > 0 ? rs.getObject("id", UUID.class) : null;
    }

    /**
     * The reminders of these deadlines (met, cancelled, or moved to someone else) ask their reader for nothing any
     * more: they are settled. A deadline that reminded nobody (a null here) has none to settle and costs no statement.
     */
    private void settleReminders(List<UUID> deadlines) {
        deadlines.stream().filter(Objects::nonNull).forEach(id -> notifier.settle(REMINDER_NOTICE, id));
    }

    @Override
    public List<DeadlineRecord> of(SubjectRef subject, Instant startedAtOrBefore, int limit) {
        return of(subject.type(), List.of(subject.id()), startedAtOrBefore, limit);
    }

    @Override
    public List<DeadlineRecord> of(String subjectType, Collection<String> subjectIds, Instant startedAtOrBefore, int limit) {
        sendOpenedForNew();
        return jdbc.sql("""
                        select id, rule_id, subject_id, owner_id, started_at, due_at, state, met_at, breached_at from sop_deadline
                        where subject_type = :type and subject_id in (:subjects) and started_at <= :before
                        order by started_at desc, id desc limit :limit""")
                .param("type", subjectType).param("subjects", subjectIds)
                .param("before", Timestamp.from(startedAtOrBefore)).param("limit", limit)
                .query((rs, i) -> new DeadlineRecord(rs.getObject("id", UUID.class), rs.getString("rule_id"),
                        SubjectRef.of(subjectType, rs.getString("subject_id")),
                        rs.getObject("owner_id", UUID.class), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant(), rs.getString("state"), instant(rs, "met_at"),
                        instant(rs, "breached_at")))
                .list();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private UUID running(String ruleId, SubjectRef subject) {
        return jdbc.sql("""
                        select id from sop_deadline where rule_id = :rule and subject_type = :type
                          and subject_id = :subject and state in ('OPEN', 'BREACHED')""")
                .param("rule", ruleId).param("type", subject.type()).param("subject", subject.id())
                .query(UUID.class).optional().orElse(null);
    }
}

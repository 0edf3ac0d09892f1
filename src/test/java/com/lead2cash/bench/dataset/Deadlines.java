package com.lead2cash.bench.dataset;

import com.lead2cash.notification.Notification;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.WorkingCalendar;
import com.lead2cash.sop.internal.deadline.BenchReminders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * SOP deadlines (时限) as the SOP engine keeps them: opened with the due time and reminder instants of
 * the current policy on the working calendar, swept every half minute (reminders at 50 %/90 %, the
 * breach at the due time, each with its notifications), then met or cancelled — the row written is
 * the one the product would hold at the end of generation.
 */
public final class Deadlines {

    public static final String TABLE = "sop_deadline";
    public static final List<String> COLUMNS = List.of("id", "rule_id", "subject_type", "subject_id", "owner_id",
            "policy_version", "started_at", "due_at", "reminder_at", "state", "met_at", "breached_at", "cancelled_at",
            "reminders_sent", "next_fire_at", "version", "created_at", "org_unit_id");
    /** The background sweep runs every 30 s: a step fires on average this long after its instant. */
    private static final Duration SWEEP_LAG = Duration.ofSeconds(15);
    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The rule's name and the record type as the sweeper's notices carry them: words each reader's bundle says. */
    static Notification.Words ruleName(String rule) {
        return Notification.Words.of("rule." + rule + ".name", "");
    }

    static Notification.Words recordType(String subjectType) {
        return Notification.Words.of("record.type." + subjectType, subjectType);
    }

    private final Rows rows;
    private final PolicySnapshot policy;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final BenchOrg org;
    private final SplittableRandom random;
    private final Instant now;
    private final ZoneId zone;
    private long open;

    public Deadlines(Rows rows, PolicySnapshot policy, WorkingCalendar calendar, Notifications notifications,
                     BenchOrg org, SplittableRandom random, Instant now, ZoneId zone) {
        this.rows = rows;
        this.policy = policy;
        this.calendar = calendar;
        this.notifications = notifications;
        this.org = org;
        this.random = random;
        this.now = now;
        this.zone = zone;
    }

    /** Deadlines written that are still open at the end of generation. */
    public long openCount() {
        return open;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** One running (or, for {@link #recordMet}, settled) deadline. */
    public final class Deadline {
        private final UUID id;
        private final String rule;
        private final String subjectType;
        private final String subjectId;
        private final UUID owner;
        private final Instant started;
        private final Instant due;
        private final List<Instant> reminders;
        private String state = "OPEN";
        private Instant metAt;
        private Instant breachedAt;
        private Instant cancelledAt;
        private int remindersSent;
        private long version;
        private Instant sweptUntil;

        private Deadline(String rule, String subjectType, String subjectId, UUID owner, Instant started,
                         boolean withReminders) {
            this(rule, subjectType, subjectId, owner, started, BenchReminders.window(policy, rule), null, withReminders);
        }

        /** With {@code due} given (a customer's cadence) the window only says how reminders count time. */
        private Deadline(String rule, String subjectType, String subjectId, UUID owner, Instant started,
                         DeadlineWindow window, Instant due, boolean withReminders) {
            this.id = BenchIds.uuid7(started, random);
            this.rule = rule;
            this.subjectType = subjectType;
            this.subjectId = subjectId;
            this.owner = owner;
            this.started = started;
            this.due = due != null ? due : calendar.due(started, window);
            this.reminders = withReminders
                    ? BenchReminders.of(started, this.due, window, BenchReminders.fractions(policy), calendar) : List.of();
            this.sweptUntil = started;
        }

        public Instant due() {
            return due;
        }

        public String state() {
            return state;
        }

        /** What the sweeps until {@code t} (and never beyond the end of generation) did to it. */
        private void sweepUntil(Instant t) {
            Instant until = t.isAfter(now) ? now : t;
            if (!"OPEN".equals(state) || !until.isAfter(sweptUntil)) {
                return;
            }
            for (int i = remindersSent; i < reminders.size(); i++) {
                Instant fired = reminders.get(i).plus(SWEEP_LAG);
                if (fired.isAfter(until)) {
                    break;
                }
                remindersSent = i + 1;
                version++;
                notifications.send(owner, "deadline.reminder", "deadline.notify.reminder", "/deadlines", false, fired,
                        rule, ruleName(rule), recordType(subjectType), subjectId, DUE_FORMAT.format(due.atZone(zone)));
            }
            Instant breach = due.plus(SWEEP_LAG);
            if (!breach.isAfter(until)) {
                state = "BREACHED";
                breachedAt = breach;
                version++;
                String dueText = DUE_FORMAT.format(due.atZone(zone));
                notifications.send(owner, "deadline.breached", "deadline.notify.breached", "/deadlines", true, breach,
                        rule, ruleName(rule), recordType(subjectType), subjectId, dueText);
                BenchOrg.Member manager = org.managerOf(owner);
                if (manager != null) {
                    notifications.send(manager.id(), "deadline.breached", "deadline.notify.breachedTeam",
                            "/deadlines?scope=team", true, breach, rule, ruleName(rule), recordType(subjectType),
                            subjectId, dueText,
                            org.member(owner).displayName());
                }
            }
            sweptUntil = until;
        }

        /** The work was done at {@code at} (late if the breach fired before). */
        public void meet(Instant at) {
            meet(at, at);
        }

        /**
         * The work done at {@code at} was recorded at {@code recordedAt} (a follow-up logged after it happened):
         * the sweeps until then did what they did, and the deadline is met as of {@code at}.
         */
        public void meet(Instant at, Instant recordedAt) {
            sweepUntil(recordedAt);
            if ("OPEN".equals(state) || "BREACHED".equals(state)) {
                state = "MET";
                metAt = at;
                version++;
            }
        }

        public void cancel(Instant at) {
            sweepUntil(at);
            if ("OPEN".equals(state) || "BREACHED".equals(state)) {
                state = "CANCELLED";
                cancelledAt = at;
                version++;
            }
        }

        /** Sweeps up to the end of generation and writes the row as it then stands. */
        public void write() {
            sweepUntil(now);
            Instant next = null;
            if ("OPEN".equals(state)) {
                open++;
                next = remindersSent < reminders.size() ? reminders.get(remindersSent) : due;
            }
            rows.insert(TABLE, COLUMNS, id, rule, subjectType, subjectId, owner, policy.version(), started, due,
                    new ArrayList<>(reminders), state, metAt, breachedAt, cancelledAt, remindersSent, next, version,
                    started, org.unitOf(owner));
        }
    }

    /** {@code Deadlines.open}: the clock starts now, with reminders. */
    public Deadline open(String rule, String subjectType, String subjectId, UUID owner, Instant at) {
        return new Deadline(rule, subjectType, subjectId, owner, at, true);
    }

    /**
     * {@code Deadlines.openUntil}: a clock whose due time its module computed (a customer's follow-up cadence,
     * C2 / C3), reminders counted in calendar time as the deadline service counts them.
     */
    public Deadline openUntil(String rule, String subjectType, String subjectId, UUID owner, Instant at, Instant due) {
        return new Deadline(rule, subjectType, subjectId, owner, at,
                DeadlineWindow.calendar(com.lead2cash.sop.BusinessDuration.ofMinutes(0)), due, true);
    }

    /** {@code Deadlines.recordMet}: done at once (met at its start, no reminders); written immediately. */
    public void recordMet(String rule, String subjectType, String subjectId, UUID owner, Instant at) {
        Deadline d = new Deadline(rule, subjectType, subjectId, owner, at, false);
        d.state = "MET";
        d.metAt = at;
        d.write();
    }

    /**
     * Open deadlines that make up the size's count of running deadlines beyond those the generated leads,
     * customers, contracts and receivables keep, so the sweep looks for its due ones among as many as the
     * size names. They
     * are marked with the subject type {@code BenchSweep}, due in the future and never touched by
     * anything but the sweep benchmark.
     */
    public void haystack(long count, List<UUID> owners) {
        for (long k = 0; k < count; k++) {
            Instant start = now.minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            Instant due = now.plus(Duration.ofMinutes(2 * 24 * 60 + random.nextInt(58 * 24 * 60)));
            rows.insert(TABLE, COLUMNS, BenchIds.uuid7(start, random), "L7", "BenchSweep", "sweep-" + k,
                    owners.get((int) (k % owners.size())), policy.version(), start, due, List.of(), "OPEN", null, null,
                    null, 0, due, 0L, start, org.unitOf(owners.get((int) (k % owners.size()))));
            open++;
        }
    }
}

package com.lead2cash.sop.internal.replay;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.RoutingReplay;
import com.lead2cash.sop.SubjectDescriber;
import com.lead2cash.sop.SubjectRef;
import com.lead2cash.sop.Subjects;
import com.lead2cash.sop.WorkingCalendar;
import com.lead2cash.sop.internal.policy.PolicyService;
import com.lead2cash.sop.internal.policy.PolicyVersion;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy change's replay (SPEC §2): before a change of one rule is saved, the last 90 days of that rule's
 * work decided again under the proposed values, beside what happened. Deadlines of a rule with a window get
 * their due time recomputed from the proposed window by the engine's own calculation
 * ({@link WorkingCalendar#due}) and are classified by what their work did; grading and routing are replayed
 * by the modules that decide them ({@link RoutingReplay}). It reads only, in a read-only transaction.
 */
@Service
public class PolicyReplay {

    /** How far back the replay looks: "the last 90 days of work" (SPEC §2), a bound of the tool, not an SOP rule. */
    public static final Duration PERIOD = Duration.ofDays(90);
    /** The changed deadlines listed, newest first; the counts cover all of them. */
    static final int CHANGED_LIMIT = 50;
    /** The people listed whose breaches would change, most changed first. */
    static final int OWNER_LIMIT = 20;

    /** What the rule's values drive, so what is replayed. */
    public enum Kind { DEADLINES, ROUTING, NONE }

    /** The answer: what was replayed over {@code [from, to]} against the version in force, {@code baseVersion}. */
    public record Result(String rule, long baseVersion, Instant from, Instant to, Kind kind, DeadlineReplay deadlines,
                         List<RoutingReplay.Outcome> routing) {
    }

    /**
     * Deadlines started in the period: {@code replayed} recomputed; {@code notReplayed} left out because their due
     * time was not the rule's window on today's working calendar (timed by their module from other facts, or the
     * calendar changed since); cancelled ones have no outcome and are not counted.
     */
    public record DeadlineReplay(String windowParameter, String proposedWindow, long replayed, long notReplayed,
                                 List<OutcomeCount> outcomes, long changed, List<ChangedDeadline> changes,
                                 List<OwnerTally> owners) {
    }

    /** One outcome counted as it happened and under the proposed values. */
    public record OutcomeCount(DeadlineOutcome outcome, long actual, long proposed) {
    }

    /** A deadline whose outcome the proposed values would change. */
    public record ChangedDeadline(UUID id, String subjectType, String subjectId, String subjectLabel, String link,
                                  UUID ownerId, String ownerName, Instant startedAt, long policyVersion,
                                  Instant actualDueAt, Instant proposedDueAt, DeadlineOutcome actual,
                                  DeadlineOutcome proposed) {
    }

    /** A person's breaches in the period, as they were and under the proposed values. */
    public record OwnerTally(UUID ownerId, String ownerName, long deadlines, long actualBreached, long proposedBreached) {
    }

    private record Row(UUID id, String subjectType, String subjectId, UUID ownerId, long policyVersion,
                       Instant startedAt, Instant dueAt, String state, Instant metAt, Instant breachedAt) {
    }

    /** A replayed deadline whose outcome changes, before its subject and owner are named. */
    private record Changed(Row row, Instant proposedDue, DeadlineOutcome actual, DeadlineOutcome proposed) {
    }

    private final PolicyService policy;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Subjects labels;
    private final OrgDirectory directory;
    private final List<RoutingReplay> routingReplays;
    private final Clock clock;

    PolicyReplay(PolicyService policy, JdbcClient jdbc, BusinessCalendar calendar, Subjects labels,
                 OrgDirectory directory, List<RoutingReplay> routingReplays, Clock clock) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.labels = labels;
        this.directory = directory;
        this.routingReplays = routingReplays;
        this.clock = clock;
    }

    /**
     * Replays a proposed change of {@code rule}'s values. The changes are checked as the change itself checks
     * them (422 with the same field errors); one naming another rule is refused, since the replay is of one rule.
     */
    @Transactional(readOnly = true)
    public Result replay(RuleCatalog.RuleDef rule, List<PolicyService.Change> changes) {
        List<FieldValidationException.FieldError> others = changes == null ? List.of() : changes.stream()
                .filter(c -> c.rule() != null && !c.rule().equals(rule.id()))
                .map(c -> new FieldValidationException.FieldError(c.rule() + "." + c.parameter(),
                        "policy.replay.error.otherRule", rule.id()))
                .toList();
        if (!others.isEmpty()) {
            throw new FieldValidationException(others);
        }
        PolicyVersion current = policy.current();
        PolicyVersion proposed = policy.proposed(changes);
        Instant to = clock.instant();
        Instant from = to.minus(PERIOD);
        if (rule.windowParam() != null) {
            return new Result(rule.id(), current.version(), from, to, Kind.DEADLINES,
                    deadlines(rule, proposed, from, to), List.of());
        }
        List<RoutingReplay.Outcome> routing = routingReplays.stream().filter(r -> r.rules().contains(rule.id()))
                .map(r -> r.replay(rule.id(), current, proposed, from, to)).toList();
        return new Result(rule.id(), current.version(), from, to, routing.isEmpty() ? Kind.NONE : Kind.ROUTING, null,
                routing);
    }

    private DeadlineReplay deadlines(RuleCatalog.RuleDef rule, PolicyVersion proposed, Instant from, Instant to) {
        // one range scan of the due-time index: a deadline is never due before it starts, so every one started
        // in the period is due in it or after; the rule and state filter on the index's included columns
        List<Row> rows = jdbc.sql("""
                        select id, subject_type, subject_id, owner_id, policy_version, started_at, due_at, state, met_at,
                               breached_at
                        from sop_deadline
                        where due_at >= :from and started_at >= :from and started_at <= :to and rule_id = :rule
                          and state <> 'CANCELLED'""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("rule", rule.id())
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getObject("owner_id", UUID.class), rs.getLong("policy_version"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                        rs.getString("state"), instant(rs, "met_at"), instant(rs, "breached_at")))
                .list();
        WorkingCalendar workingCalendar = calendar.current();
        DeadlineWindow proposedWindow = proposed.deadlineWindow(rule.id());
        Map<Long, DeadlineWindow> windowOfVersion = new HashMap<>();
        Map<DeadlineOutcome, long[]> counts = new EnumMap<>(DeadlineOutcome.class);
        for (DeadlineOutcome o : DeadlineOutcome.values()) {
            counts.put(o, new long[2]);
        }
        Map<UUID, long[]> byOwner = new HashMap<>();
        List<Changed> changed = new ArrayList<>();
        long replayed = 0;
        long notReplayed = 0;
        for (Row row : rows) {
            DeadlineWindow window = windowOfVersion.computeIfAbsent(row.policyVersion(),
                    v -> policy.version(v).deadlineWindow(rule.id()));
            if (!workingCalendar.due(row.startedAt(), window).equals(row.dueAt())) {
                // its due time did not come from the window (a module computed it): the window cannot replay it
                notReplayed++;
                continue;
            }
            replayed++;
            Instant proposedDue = workingCalendar.due(row.startedAt(), proposedWindow);
            DeadlineOutcome actual = DeadlineOutcome.actual(row.dueAt(), row.state(), row.metAt(), row.breachedAt(), to);
            DeadlineOutcome underProposed = DeadlineOutcome.under(proposedDue, row.state(), row.metAt(), to);
            counts.get(actual)[0]++;
            counts.get(underProposed)[1]++;
            long[] owner = byOwner.computeIfAbsent(row.ownerId(), id -> new long[3]);
            owner[0]++;
            owner[1] += actual.breached() ? 1 : 0;
            owner[2] += underProposed.breached() ? 1 : 0;
            if (actual != underProposed) {
                changed.add(new Changed(row, proposedDue, actual, underProposed));
            }
        }
        List<Changed> newest = changed.stream()
                .sorted(Comparator.comparing((Changed c) -> c.row().startedAt()).thenComparing(c -> c.row().id()).reversed())
                .limit(CHANGED_LIMIT).toList();
        List<Map.Entry<UUID, long[]>> owners = byOwner.entrySet().stream().filter(e -> e.getValue()[1] != e.getValue()[2])
                .sorted(Comparator.comparingLong((Map.Entry<UUID, long[]> e) -> -Math.abs(e.getValue()[2] - e.getValue()[1]))
                        .thenComparing(e -> e.getKey()))
                .limit(OWNER_LIMIT).toList();
        Set<UUID> people = new HashSet<>();
        newest.forEach(c -> people.add(c.row().ownerId()));
        owners.forEach(e -> people.add(e.getKey()));
        Map<UUID, OrgDirectory.Person> names = people.isEmpty() ? Map.of() : directory.people(people);
        Map<String, SubjectDescriber.SubjectLabel> subjectLabels = labels.labels(
                newest.stream().map(c -> new SubjectRef(c.row().subjectType(), c.row().subjectId())).toList());
        List<ChangedDeadline> described = newest.stream().map(c -> {
            Row r = c.row();
            SubjectDescriber.SubjectLabel label = subjectLabels.get(Subjects.key(new SubjectRef(r.subjectType(), r.subjectId())));
            return new ChangedDeadline(r.id(), r.subjectType(), r.subjectId(),
                    label == null ? r.subjectType() + " " + r.subjectId() : label.label(),
                    label == null ? null : label.link(), r.ownerId(), name(names, r.ownerId()), r.startedAt(),
                    r.policyVersion(), r.dueAt(), c.proposedDue(), c.actual(), c.proposed());
        }).toList();
        List<OwnerTally> ownerTallies = owners.stream().map(e -> new OwnerTally(e.getKey(), name(names, e.getKey()),
                e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<OutcomeCount> outcomes = counts.entrySet().stream()
                .map(e -> new OutcomeCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new DeadlineReplay(rule.windowParam(), proposed.text(rule.id(), rule.windowParam()), replayed,
                notReplayed, outcomes, changed.size(), described, ownerTallies);
    }

    private static String name(Map<UUID, OrgDirectory.Person> people, UUID id) {
        OrgDirectory.Person p = people.get(id);
        return p == null ? String.valueOf(id) : p.displayName();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

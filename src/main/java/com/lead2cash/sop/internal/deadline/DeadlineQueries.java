package com.lead2cash.sop.internal.deadline;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.Scope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists of deadlines, always inside the caller's data scope, keyset-paginated by due time. */
@Component
public class DeadlineQueries {

    static final Set<String> STATES = Set.of("OPEN", "MET", "BREACHED", "CANCELLED");

    /** How the compliance report counts a deadline (met on time, breached, open), as {@code sop_compliance_category} says. */
    static final List<String> OUTCOMES = List.of("met", "breached", "open");

    /**
     * The filters of a deadline list; {@code scope} "mine" narrows to the caller's own. {@code owners}, when not
     * null, are the owners to show (one person, or a team's members); due in [{@code dueFrom}, {@code dueBefore}).
     */
    record Filter(String rule, String state, String outcome, Collection<UUID> owners, Instant dueFrom,
                  Instant dueBefore, String scope) {

        Filter(String rule, String state, UUID ownerId, Instant dueBefore, String scope) {
            this(rule, state, null, ownerId == null ? null : List.of(ownerId), null, dueBefore, scope);
        }
    }

    /** One deadline as lists show it. */
    public record Row(UUID id, String rule, String subjectType, String subjectId, UUID ownerId, Instant dueAt, String state,
               Instant startedAt, Instant metAt, Instant breachedAt, long policyVersion) {

        public boolean running() {
            return "OPEN".equals(state) || "BREACHED".equals(state);
        }

        public boolean overdue(Instant now) {
            return running() && !now.isBefore(dueAt);
        }

        /** Met after its due time ({@link com.lead2cash.sop.Deadlines.DeadlineRecord#metLate}). */
        public boolean metLate() {
            return asRecord().metLate();
        }

        /** Late as of {@code now} ({@link com.lead2cash.sop.Deadlines.DeadlineRecord#lateAt}). */
        public boolean lateAt(Instant now) {
            return asRecord().lateAt(now);
        }

        private com.lead2cash.sop.Deadlines.DeadlineRecord asRecord() {
            return new com.lead2cash.sop.Deadlines.DeadlineRecord(id, rule, new com.lead2cash.sop.SubjectRef(subjectType,
                    subjectId), ownerId, startedAt, dueAt, state, metAt, breachedAt);
        }

        /** Whole minutes from now to the due time; negative when overdue. */
        public long minutesLeft(Instant now) {
            return Duration.between(now, dueAt).toMinutes();
        }
    }

    private final JdbcClient jdbc;
    private final DataScope dataScope;
    private final Clock clock;

    DeadlineQueries(JdbcClient jdbc, DataScope dataScope, Clock clock) {
        this.jdbc = jdbc;
        this.dataScope = dataScope;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    CursorPage<Row> list(Filter filter, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        Scope scope = dataScope.current();
        StringBuilder sql = new StringBuilder("""
                select id, rule_id, subject_type, subject_id, owner_id, due_at, state, started_at, met_at, breached_at,
                       policy_version
                from sop_deadline where""").append(" ").append(scope.ownerPredicate("owner_id"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if ("mine".equals(filter.scope())) {
            sql.append(" and owner_id = :me");
            params.put("me", CurrentUser.require().id());
        } else if (filter.scope() != null && !filter.scope().isBlank() && !"team".equals(filter.scope())) {
            throw new BadRequestException("scope", "deadline.error.scope", filter.scope());
        }
        if (filter.rule() != null && !filter.rule().isBlank()) {
            sql.append(" and rule_id = :rule");
            params.put("rule", filter.rule().strip());
        }
        if (filter.state() != null && !filter.state().isBlank()) {
            if (!STATES.contains(filter.state())) {
                throw new BadRequestException("state", "deadline.error.state", filter.state());
            }
            sql.append(" and state = :state");
            params.put("state", filter.state());
        }
        if (filter.outcome() != null && !filter.outcome().isBlank()) {
            if (!OUTCOMES.contains(filter.outcome())) {
                throw new BadRequestException("outcome", "deadline.error.outcome", filter.outcome());
            }
            // the compliance report's own categories, so a drill-down lists exactly the deadlines it counted
            sql.append(" and sop_compliance_category(state, breached_at, met_at, due_at) = :outcome");
            params.put("outcome", filter.outcome());
        }
        if (filter.owners() != null) {
            if (filter.owners().isEmpty()) {
                sql.append(" and false");
            } else {
                sql.append(" and owner_id in (:owners)");
                params.put("owners", filter.owners());
            }
        }
        if (filter.dueFrom() != null) {
            sql.append(" and due_at >= :dueFrom");
            params.put("dueFrom", Timestamp.from(filter.dueFrom()));
        }
        if (filter.dueBefore() != null) {
            sql.append(" and due_at < :dueBefore");
            params.put("dueBefore", Timestamp.from(filter.dueBefore()));
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("deadline", cursor, 2);
            sql.append(" and (due_at, id) > (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        sql.append(" order by due_at, id limit ").append(size + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> row(rs)).list();
        return CursorPage.of("deadline", rows, size, r -> List.of(r.dueAt(), r.id()));
    }

    /** The running deadlines of one person, soonest due first. */
    List<Row> runningOf(UUID ownerId, int limit) {
        return jdbc.sql("""
                        select id, rule_id, subject_type, subject_id, owner_id, due_at, state, started_at, met_at,
                               breached_at, policy_version
                        from sop_deadline where owner_id = :owner and state in ('OPEN', 'BREACHED')
                        order by due_at, id limit :limit""")
                .param("owner", ownerId).param("limit", limit)
                .query((rs, i) -> row(rs)).list();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("rule_id"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getObject("owner_id", UUID.class), rs.getTimestamp("due_at").toInstant(),
                rs.getString("state"), rs.getTimestamp("started_at").toInstant(), instant(rs, "met_at"),
                instant(rs, "breached_at"), rs.getLong("policy_version"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

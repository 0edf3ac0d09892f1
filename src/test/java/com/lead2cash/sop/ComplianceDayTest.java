package com.lead2cash.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.sop.internal.compliance.ComplianceFold;
import com.lead2cash.sop.internal.compliance.ComplianceQueries;
import com.lead2cash.testing.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compliance counted by day (decision 0019) says what counting the deadlines themselves says, for any period —
 * whole UTC days, days of another zone, a few hours — whatever happened to the deadlines (opened, met on time or
 * late, breached, cancelled before or after the breach, moved, handed to another owner, deleted), before and
 * after the background fold.
 */
@IntegrationTest
class ComplianceDayTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String OWNERS = "owner_id in (:o0, :o1, :o2)";

    @Autowired JdbcClient jdbc;
    @Autowired ComplianceFold fold;

    private final SplittableRandom random = new SplittableRandom(20261204);
    private final UUID[] owners = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    private final List<UUID> ids = new ArrayList<>();

    @Test
    void theDaysCountWhatTheDeadlinesSay() {
        for (int i = 0; i < 300; i++) {
            insert();
        }
        assertSameCounts("after the inserts, nothing folded");
        assertThat(fold.fold()).isPositive();
        assertThat(jdbc.sql("select count(*) from sop_compliance_delta").query(Long.class).single()).isZero();
        assertSameCounts("folded");
        for (int i = 0; i < 300; i++) {
            change();
        }
        assertSameCounts("changed after the fold");
        fold.fold();
        assertSameCounts("changed and folded");
    }

    private void insert() {
        UUID id = UUID.randomUUID();
        Instant due = START.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
        Instant started = due.minus(Duration.ofHours(24));
        String state = List.of("OPEN", "MET", "BREACHED", "CANCELLED").get(random.nextInt(4));
        Instant met = "MET".equals(state) ? due.plus(Duration.ofMinutes(random.nextInt(-120, 120))) : null;
        Instant breached = "BREACHED".equals(state) || ("CANCELLED".equals(state) && random.nextBoolean())
                || ("MET".equals(state) && met.isAfter(due) && random.nextBoolean()) ? due : null;
        jdbc.sql("""
                insert into sop_deadline (id, rule_id, subject_type, subject_id, owner_id, policy_version, started_at,
                    due_at, reminder_at, state, met_at, breached_at, cancelled_at, version, created_at)
                values (:id, :rule, 'ComplianceDayTest', :id::text, :owner, 1, :started, :due, '{}', :state, :met,
                    :breached, :cancelled, 0, :started)
                """).param("id", id).param("rule", "T" + random.nextInt(3)).param("owner", owners[random.nextInt(3)])
                .param("started", Timestamp.from(started)).param("due", Timestamp.from(due)).param("state", state)
                .param("met", ts(met)).param("breached", ts(breached))
                .param("cancelled", "CANCELLED".equals(state) ? Timestamp.from(due.plusSeconds(60)) : null).update();
        ids.add(id);
    }

    private void change() {
        UUID id = ids.get(random.nextInt(ids.size()));
        String sql = switch (random.nextInt(7)) {
            case 0 -> "update sop_deadline set state = 'MET', met_at = due_at - interval '1 hour' where id = :id "
                    + "and state = 'OPEN'";
            case 1 -> "update sop_deadline set state = 'MET', met_at = due_at + interval '1 hour' where id = :id "
                    + "and state in ('OPEN', 'BREACHED')";
            case 2 -> "update sop_deadline set state = 'BREACHED', breached_at = due_at where id = :id and state = 'OPEN'";
            case 3 -> "update sop_deadline set state = 'CANCELLED', cancelled_at = due_at where id = :id "
                    + "and state in ('OPEN', 'BREACHED')";
            case 4 -> "update sop_deadline set due_at = due_at + interval '19 hours' where id = :id";
            case 5 -> "update sop_deadline set owner_id = :owner where id = :id";
            default -> "update sop_deadline set reminders_sent = reminders_sent + 1, version = version + 1 where id = :id";
        };
        var statement = jdbc.sql(sql).param("id", id);
        if (sql.contains(":owner")) {
            statement = statement.param("owner", owners[random.nextInt(3)]);
        }
        statement.update();
        if (random.nextInt(40) == 0) {
            jdbc.sql("delete from sop_deadline where id = :id").param("id", id).update();
        }
    }

    /** Periods of whole UTC days, of China's days, and of a few hours within a day, by rule and by owner. */
    private void assertSameCounts(String when) {
        List<Instant[]> periods = new ArrayList<>();
        periods.add(new Instant[] {START, START.plus(Duration.ofDays(10))});
        periods.add(new Instant[] {START.minus(Duration.ofHours(8)), START.plus(Duration.ofDays(5)).minus(Duration.ofHours(8))});
        periods.add(new Instant[] {START.plus(Duration.ofHours(30)), START.plus(Duration.ofHours(35))});
        for (int i = 0; i < 20; i++) {
            Instant from = START.plus(Duration.ofMinutes(random.nextInt(-24 * 60, 11 * 24 * 60)));
            periods.add(new Instant[] {from, from.plus(Duration.ofMinutes(1 + random.nextInt(6 * 24 * 60)))});
        }
        for (Instant[] period : periods) {
            for (String key : List.of("rule_id", "owner_id::text")) {
                assertThat(byDay(key, period[0], period[1])).as("%s: by %s, %s – %s", when, key, period[0], period[1])
                        .isEqualTo(direct(key, period[0], period[1]));
            }
        }
    }

    private Map<String, List<Long>> byDay(String key, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>(ComplianceQueries.Period.of(from, to).params());
        params.putAll(owners());
        return counts(jdbc.sql(ComplianceQueries.statement(key, OWNERS)).params(params));
    }

    /** The deadlines themselves, counted as the report defines it (ComplianceQueries). */
    private Map<String, List<Long>> direct(String key, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>(owners());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        return counts(jdbc.sql("select " + key + """
                 as k, count(*) filter (where state = 'MET' and breached_at is null and met_at <= due_at) as met,
                 count(*) filter (where breached_at is not null or met_at > due_at) as breached,
                 count(*) filter (where state = 'OPEN') as open
                from sop_deadline where due_at >= :from and due_at < :to and\s""" + OWNERS + " group by k")
                .params(params));
    }

    private static Map<String, List<Long>> counts(JdbcClient.StatementSpec statement) {
        Map<String, List<Long>> counts = new TreeMap<>();
        statement.query((rs, i) -> counts.put(rs.getString("k"),
                List.of(rs.getLong("met"), rs.getLong("breached"), rs.getLong("open")))).list();
        // a key whose changes cancel out is no line of the report
        counts.values().removeIf(c -> c.stream().allMatch(n -> n == 0));
        return counts;
    }

    private Map<String, Object> owners() {
        return Map.of("o0", owners[0], "o1", owners[1], "o2", owners[2]);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

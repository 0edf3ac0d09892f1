package com.lead2cash.sop.internal.compliance;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SOP compliance (SOP 执行率): per rule, person or team, how many deadlines of a period were met on
 * time. A deadline belongs to the period its due time falls in ({@code from} inclusive, {@code to}
 * exclusive), so a period's figures settle once its deadlines are done. Met = met at or before the
 * due time; breached = the breach fired or the work was done after the due time (met late or not at
 * all, even if later cancelled); open = still running and not breached; a deadline cancelled before
 * its breach counts nowhere. On-time rate = met / (met + breached), null when both are 0. A team is the unit recorded on
 * each deadline when it was opened or handed over, not its owner's unit now; a manager's team view counts the deadlines
 * recorded in their units, the other views the owners they see (decision 0124).
 */
@Component
public class ComplianceQueries {

    public enum GroupBy { RULE, OWNER, TEAM }

    /** One line of the compliance table. */
    public record Row(String key, String label, long met, long breached, long open, Double onTimeRate) {
    }

    private record Counts(String key, long met, long breached, long open) {
    }

    private static final String SCOPE_UNITS = "scopeUnits";

    private final JdbcClient jdbc;
    private final DataScope dataScope;
    private final OrgDirectory org;
    private final MessageSource messages;

    ComplianceQueries(JdbcClient jdbc, DataScope dataScope, OrgDirectory org, MessageSource messages) {
        this.jdbc = jdbc;
        this.dataScope = dataScope;
        this.org = org;
        this.messages = messages;
    }

    public List<Row> report(Instant from, Instant to, GroupBy groupBy, Locale locale) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new FieldValidationException("to", "compliance.error.period");
        }
        Scope scope = dataScope.current();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(Period.of(from, to).params());
        String key = switch (groupBy) {
            case RULE -> "rule_id";
            case OWNER -> "owner_id::text";
            // the team a deadline counts for is the unit recorded on it (decision 0124), not its owner's unit now
            case TEAM -> "coalesce(org_unit_id::text, '?')";
        };
        String predicate = scope.ownerPredicate("owner_id");
        if (groupBy == GroupBy.TEAM && scope.kind() == ScopeKind.TEAM) {
            // a manager's teams are their unit and those below it, with the deadlines recorded there at the time
            params.put(SCOPE_UNITS, teamUnits());
            predicate = "org_unit_id in (:" + SCOPE_UNITS + ")";
        }
        List<Counts> counts = jdbc.sql(statement(key, predicate))
                .params(params)
                .query((rs, i) -> new Counts(rs.getString("k"), rs.getLong("met"), rs.getLong("breached"),
                        rs.getLong("open")))
                .list();
        List<Row> rows = new ArrayList<>();
        switch (groupBy) {
            case RULE -> counts.forEach(c -> rows.add(row(c.key(),
                    c.key() + " " + messages.getMessage("rule." + c.key() + ".name", null, c.key(), locale), c)));
            case OWNER -> {
                Map<UUID, OrgDirectory.Person> people = owners(counts);
                counts.forEach(c -> rows.add(row(c.key(), Optional.ofNullable(people.get(UUID.fromString(c.key())))
                        .map(OrgDirectory.Person::displayName).orElse(c.key()), c)));
            }
            case TEAM -> counts.forEach(c -> rows.add(row(c.key(), teamLabel(c.key(), locale), c)));
        }
        rows.removeIf(r -> r.met() + r.breached() + r.open() == 0);
        rows.sort(Comparator.comparing(Row::label).thenComparing(Row::key));
        return rows;
    }

    /**
     * The counts of a period by {@code key} ({@code rule_id}, {@code owner_id::text} or an expression of {@code org_unit_id}) within an owner predicate,
     * in one statement (one snapshot): its whole UTC days from {@code sop_compliance_day} and the changes not
     * folded into them yet ({@code sop_compliance_delta}), the parts of days at either end from the deadlines
     * themselves. Parameters: {@link Period#params()} and the predicate's. The benchmark's raw twin runs it too.
     */
    public static String statement(String key, String ownerPredicate) {
        return """
                select %1$s as k, sum(met) as met, sum(breached) as breached, sum(open) as open from (
                    select rule_id, owner_id, org_unit_id, met, breached, open from sop_compliance_day
                    where day >= :fromDay and day < :toDay and %2$s
                    union all
                    select rule_id, owner_id, org_unit_id, met, breached, open from sop_compliance_delta
                    where day >= :fromDay and day < :toDay and %2$s
                    union all
                    %3$s
                    union all
                    %4$s
                ) counted
                group by k""".formatted(key, ownerPredicate, counted(":from", ":headEnd", ownerPredicate),
                counted(":tailStart", ":to", ownerPredicate));
    }

    /**
     * The deadlines due in [from, to) counted as the days count them: by {@code sop_compliance_category}, the
     * one place the migration spells the categories (PostgreSQL inlines it). Each end is its own index range.
     */
    private static String counted(String from, String to, String ownerPredicate) {
        return """
                select rule_id, owner_id, org_unit_id, count(*) filter (where c = 'met'),
                       count(*) filter (where c = 'breached'), count(*) filter (where c = 'open')
                from (select rule_id, owner_id, org_unit_id, sop_compliance_category(state, breached_at, met_at, due_at) as c
                      from sop_deadline where due_at >= %s and due_at < %s and %s) d
                group by rule_id, owner_id, org_unit_id""".formatted(from, to, ownerPredicate);
    }

    /**
     * A period [from, to) cut into its whole UTC days [fromDay, toDay) and the parts before and after them,
     * [from, headEnd) and [tailStart, to); a period within one day is all head.
     */
    public record Period(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {

        public static Period of(Instant from, Instant to) {
            LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
            LocalDate fromDay = startOf(first).equals(from) ? first : first.plusDays(1);
            LocalDate toDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
            return fromDay.isBefore(toDay) ? new Period(from, to, fromDay, toDay) : new Period(from, to, toDay, toDay);
        }

        Instant headEnd() {
            return fromDay.equals(toDay) ? to : startOf(fromDay);
        }

        Instant tailStart() {
            return fromDay.equals(toDay) ? to : startOf(toDay);
        }

        public Map<String, Object> params() {
            return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to), "fromDay", fromDay, "toDay", toDay,
                    "headEnd", Timestamp.from(headEnd()), "tailStart", Timestamp.from(tailStart()));
        }

        private static Instant startOf(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** The units of the current manager's TEAM scope ({@link DataScope#teamUnits}). */
    private List<UUID> teamUnits() {
        List<UUID> units = dataScope.teamUnits(CurrentUser.require());
        // an empty list would be no valid SQL "in ()": a unit id nobody has stands for none
        return units.isEmpty() ? List.of(new UUID(0, 0)) : units;
    }

    /** The owners of the counted deadlines, read at once (a report names a few hundred). */
    private Map<UUID, OrgDirectory.Person> owners(List<Counts> counts) {
        return org.people(counts.stream().map(c -> UUID.fromString(c.key())).toList());
    }

    private String teamLabel(String unitId, Locale locale) {
        if ("?".equals(unitId)) {
            return unitId;
        }
        UUID unit = UUID.fromString(unitId);
        String name = org.unitName(unit).orElse(unitId);
        // a team is its unit, with whoever answers for it: its manager or the nearest one above
        return org.managerOfUnit(unit)
                .map(m -> messages.getMessage("compliance.teamOf", new Object[] {name, m.displayName()}, locale))
                .orElse(name);
    }

    private static Row row(String key, String label, Counts c) {
        long decided = c.met() + c.breached();
        return new Row(key, label, c.met(), c.breached(), c.open(), decided == 0 ? null : (double) c.met() / decided);
    }
}

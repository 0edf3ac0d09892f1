package com.lead2cash.sop.internal.compliance;

import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * its breach counts nowhere. On-time rate = met / (met + breached), null when both are 0.
 */
@Component
public class ComplianceQueries {

    public enum GroupBy { RULE, OWNER, TEAM }

    /** One line of the compliance table. */
    public record Row(String key, String label, long met, long breached, long open, Double onTimeRate) {
    }

    private record Counts(String key, long met, long breached, long open) {
    }

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
        String key = groupBy == GroupBy.RULE ? "rule_id" : "owner_id::text";
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));
        List<Counts> counts = jdbc.sql("select " + key + " as k,"
                        + """
                         count(*) filter (where state = 'MET' and breached_at is null and met_at <= due_at) as met,
                         count(*) filter (where breached_at is not null or met_at > due_at) as breached,
                         count(*) filter (where state = 'OPEN') as open
                        from sop_deadline
                        where due_at >= :from and due_at < :to and\s""" + scope.ownerPredicate("owner_id")
                        + " group by k")
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
            case TEAM -> {
                Map<UUID, OrgDirectory.Person> people = owners(counts);
                Map<String, Counts> byUnit = new LinkedHashMap<>();
                for (Counts c : counts) {
                    String unit = Optional.ofNullable(people.get(UUID.fromString(c.key())))
                            .map(p -> String.valueOf(p.orgUnitId())).orElse("?");
                    byUnit.merge(unit, new Counts(unit, c.met(), c.breached(), c.open()), (a, b) ->
                            new Counts(unit, a.met() + b.met(), a.breached() + b.breached(), a.open() + b.open()));
                }
                byUnit.values().forEach(c -> rows.add(row(c.key(), teamLabel(c.key(), locale), c)));
            }
        }
        rows.removeIf(r -> r.met() + r.breached() + r.open() == 0);
        rows.sort(Comparator.comparing(Row::label).thenComparing(Row::key));
        return rows;
    }

    /** The owners of the counted deadlines, read at once (a report names a few hundred). */
    private Map<UUID, OrgDirectory.Person> owners(List<Counts> counts) {
        return org.people(counts.stream().map(c -> UUID.fromString(c.key())).toList());
    }

    private String teamLabel(String unitId, Locale locale) {
        if ("?".equals(unitId)) {
            return unitId;
        }
        // the org directory names a unit's manager, not the unit: the team is named after its manager
        return org.managerOfUnit(UUID.fromString(unitId))
                .map(m -> messages.getMessage("compliance.teamOf", new Object[] {m.displayName()}, locale))
                .orElse(unitId);
    }

    private static Row row(String key, String label, Counts c) {
        long decided = c.met() + c.breached();
        return new Row(key, label, c.met(), c.breached(), c.open(), decided == 0 ? null : (double) c.met() / decided);
    }
}

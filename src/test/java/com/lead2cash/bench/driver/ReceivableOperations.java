package com.lead2cash.bench.driver;

import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.driver.Operation.Kind;
import com.lead2cash.receivable.internal.ReceivableRules;
import java.sql.Connection;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The receivables' aging report (账龄分析, P2: GET /api/v1/receivables/aging) — for finance, whose scope is the
 * whole company, and for a sales manager, whose scope is their team — each with its raw twin: the statements the
 * request runs ({@code ReceivableQueries.aging}, then {@code CollectionRates.repsDueByToday} with the owners'
 * names), in the same order, bound the same way, over plain JDBC.
 */
public final class ReceivableOperations {

    private static final String OPEN = "('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE')";

    /**
     * {@code ReceivableQueries.aging}'s statement: the buckets of the open plans overdue on {@code :today} (the old
     * months from their read model), the owners' condition in both {@code %s}.
     */
    public static final String AGING = """
            select bucket, sum(plans) as plans, sum(outstanding) as outstanding from (
                select 4 as bucket, open_plans as plans, outstanding from receivable_plan_month
                where month < :oldMonths and open_plans > 0 and %s
                union all
                select case when due_date >= :b1 then 1 when due_date >= :b2 then 2 when due_date >= :b3 then 3 else 4 end,
                       1, amount - paid_amount
                from receivable_plan
                where state in """ + OPEN + """
             and due_date >= :oldMonths and due_date < :today and %s) as d
            group by bucket""";

    private final BenchOrg org;
    private final Http http;
    private final int clients;
    private final LocalDate today;
    private final ReceivableRules rules;

    /** @param rules the policy's P1–P2, bound as the product binds them (the buckets' limits) */
    public ReceivableOperations(BenchOrg org, Http http, int clients, Instant now, ZoneId zone, ReceivableRules rules) {
        this.org = org;
        this.http = http;
        this.clients = clients;
        this.today = LocalDate.ofInstant(now, zone);
        this.rules = rules;
    }

    private BenchOrg.Team team(long i) {
        List<BenchOrg.Team> teams = org.teams();
        return teams.get((int) Math.floorMod(i, teams.size()));
    }

    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("receivable.aging", Kind.REPORT, clients,
                (c, i) -> LeadOperations.expect(http.get("/api/v1/receivables/aging", org.finance().token()), 200,
                        "\"buckets\""),
                (conn, c, i) -> aging(conn, null), "finance's aging report: every overdue plan by bucket, collection "
                        + "rates of every rep, API"));
        ops.add(new Operation("receivable.aging.team", Kind.REPORT, clients, (c, i) -> LeadOperations.expect(
                http.get("/api/v1/receivables/aging", team(i).manager().token()), 200, "\"buckets\""),
                (conn, c, i) -> aging(conn, team(i).manager()), "a sales manager's aging report of their team, API"));
        return ops;
    }

    // ---- the raw side ----

    /**
     * The request's statements: the reader's team when the scope is TEAM (read once for the report), the policy's
     * version (the aging's transaction), the buckets, the rates by owner and the owners' names.
     */
    private void aging(Connection c, BenchOrg.Member manager) {
        JdbcClient jdbc = CustomerOperations.jdbc(c);
        Set<UUID> scope = manager == null ? null : team(jdbc, manager);
        jdbc.sql("select coalesce(max(version), 0) from sop_policy_version").query(Long.class).single();
        String owners = scope == null ? "true" : "owner_id in (:scopeOwners)";
        Map<String, Object> scopeParams = scope == null ? Map.of() : Map.of("scopeOwners", scope);
        LocalDate b3 = today.minusDays(rules.bucket3Days());
        jdbc.sql(AGING.formatted(owners, owners))
                .params(scopeParams)
                .param("today", Date.valueOf(today))
                .param("oldMonths", Date.valueOf(b3.withDayOfMonth(1)))
                .param("b1", Date.valueOf(today.minusDays(rules.bucket1Days())))
                .param("b2", Date.valueOf(today.minusDays(rules.bucket2Days())))
                .param("b3", Date.valueOf(b3))
                .query().listOfRows();

        Map<String, Object> params = new LinkedHashMap<>(scopeParams);
        params.put("until", Date.valueOf(today));
        params.put("tailFrom", Date.valueOf(today.withDayOfMonth(1)));
        List<String> parts = List.of(
                "select owner_id, due, collected from receivable_plan_month where month < :tailFrom and " + owners,
                "select owner_id, amount as due, paid_amount as collected from receivable_plan where "
                        + "due_date >= :tailFrom and due_date <= :until and " + owners);
        Set<UUID> reps = new LinkedHashSet<>();
        jdbc.sql("select owner_id, sum(due) as due, sum(collected) as collected from (" + String.join(" union all ", parts)
                + ") as d group by owner_id").params(params).query().listOfRows()
                .forEach(r -> reps.add((UUID) r.get("owner_id")));
        if (!reps.isEmpty()) {
            jdbc.sql(LeadOperations.PERSON + "\n where u.id in (:ids)").param("ids", new HashSet<>(reps)).query()
                    .listOfRows();
        }
    }

    /** The TEAM scope as the product reads it: everyone in the reader's unit and below, and them. */
    private static Set<UUID> team(JdbcClient jdbc, BenchOrg.Member reader) {
        Set<UUID> owners = new HashSet<>(jdbc.sql("""
                select u.id from platform_user u join platform_org_unit o on o.id = u.org_unit_id
                where o.path like (select path from platform_org_unit where id = :unit) || '%'
                """).param("unit", reader.unitId()).query(UUID.class).list());
        owners.add(reader.id());
        return owners;
    }
}

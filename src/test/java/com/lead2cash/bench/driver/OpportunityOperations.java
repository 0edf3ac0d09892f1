package com.lead2cash.bench.driver;

import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.bench.driver.Operation.Kind;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pipeline's reads of issue 14 — a manager's pipeline board of their team (商机看板), the director's board
 * of the whole company and the director's forecast by team (销售预测) — each with its raw twin: the statements
 * {@code PipelineQueries.board} and {@code ForecastQueries.forecast} run for the same reader and filter, bound the
 * same way, over plain JDBC.
 */
public final class OpportunityOperations {

    /** Cards per board column, as the API asks for them. */
    static final int CARDS = 20;
    /** The forecast's months from the current one, as the API's default. */
    static final int MONTHS = 6;
    private static final String OPEN = "'DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT'";
    /** A card's columns, as {@code PipelineQueries} reads them. */
    private static final String CARD_COLUMNS = "o.id, o.code, o.name, o.customer_id, o.amount, o.expected_close_date, o.closed_at,"
            + " o.owner_id, o.stage, o.evaluation_score, o.version";

    private final BenchOrg org;
    private final Http http;
    private final int clients;
    private final YearMonth month;
    private final ZoneId zone;
    private final Map<String, Object> probabilities;

    /**
     * @param probabilities the policy's probability per open stage (O1), bound as the forecast binds them
     */
    public OpportunityOperations(BenchOrg org, Http http, int clients, Instant now, ZoneId zone,
                                 Map<String, java.math.BigDecimal> probabilities) {
        this.org = org;
        this.http = http;
        this.clients = clients;
        this.zone = zone;
        this.month = YearMonth.from(LocalDate.ofInstant(now, zone));
        this.probabilities = new LinkedHashMap<>();
        probabilities.forEach((stage, p) -> this.probabilities.put("p" + stage, p));
    }

    private BenchOrg.Team team(long i) {
        List<BenchOrg.Team> teams = org.teams();
        return teams.get((int) Math.floorMod(i, teams.size()));
    }

    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("opportunity.board", Kind.REPORT, clients, (c, i) -> {
            BenchOrg.Team team = team(i);
            return LeadOperations.expect(http.get("/api/v1/opportunities/board?teamId=" + team.unitId(),
                    team.manager().token()), 200, "\"columns\"");
        }, (conn, c, i) -> board(conn, team(i)), "a manager's pipeline board of their team, 20 cards a column, API"));
        ops.add(new Operation("opportunity.board.company", Kind.REPORT, clients,
                (c, i) -> LeadOperations.expect(http.get("/api/v1/opportunities/board", org.director().token()), 200,
                        "\"columns\""),
                (conn, c, i) -> companyBoard(conn), "the director's pipeline board of the whole company, 20 cards a column, API"));
        ops.add(new Operation("opportunity.forecast", Kind.REPORT, clients,
                (c, i) -> LeadOperations.expect(http.get("/api/v1/opportunities/forecast?groupBy=TEAM&months=" + MONTHS,
                        org.director().token()), 200, "\"company\""),
                (conn, c, i) -> forecast(conn), "the director's forecast of six months by team, the company's total, API"));
        return ops;
    }

    // ---- the raw side ----

    /**
     * The board: the team's members within the manager's scope, each column's count and total from the
     * forecast's cells, the first cards of each column (each owner's first, then the first of those), the
     * cards' owners and customers.
     */
    private void board(Connection c, BenchOrg.Team team) {
        JdbcClient jdbc = CustomerOperations.jdbc(c);
        Map<String, Object> params = boardParams(jdbc, team);
        jdbc.sql(BOARD_TOTALS).params(params).query().listOfRows();
        names(jdbc, jdbc.sql(BOARD_CARDS).params(params).query().listOfRows());
    }

    /** The company's board: every owner's cells summed, each column's first cards over all owners, their names. */
    private void companyBoard(Connection c) {
        JdbcClient jdbc = CustomerOperations.jdbc(c);
        Map<String, Object> params = closedMonthParams();
        jdbc.sql(COMPANY_BOARD_TOTALS).params(params).query().listOfRows();
        names(jdbc, jdbc.sql(COMPANY_BOARD_CARDS).params(params).query().listOfRows());
    }

    /** The cards' owners and customers, one statement each. */
    private static void names(JdbcClient jdbc, List<Map<String, Object>> cards) {
        Set<UUID> people = new LinkedHashSet<>();
        Set<UUID> customers = new LinkedHashSet<>();
        cards.forEach(r -> {
            people.add((UUID) r.get("owner_id"));
            customers.add((UUID) r.get("customer_id"));
        });
        if (!people.isEmpty()) {
            jdbc.sql(LeadOperations.PERSON + " where u.id in (:ids)").param("ids", people).query().listOfRows();
            jdbc.sql("select id, name, owner_id, merged_into_id from customer_customer where id in (:ids)")
                    .param("ids", customers).query().listOfRows();
        }
    }

    private static final String OPEN_CARDS = "o.stage not in ('WON','LOST')";
    private static final String OPEN_ORDER = "o.expected_close_date, o.id";
    private static final String CLOSED_CARDS = "o.stage in ('WON','LOST') and o.closed_at >= :closedFrom and o.closed_at < :closedTo";
    private static final String CLOSED_ORDER = "o.closed_at desc, o.id";
    /** The board's count and total per column, from the forecast's cells of the team's members in scope. */
    private static final String BOARD_TOTALS = totals("owner_id in (:scopeOwners) and owner_id in (:teamMembers)");
    /** The board's first cards of every column, for the team's members in scope (the card owners). */
    private static final String BOARD_CARDS = cards(column("true and " + OPEN_CARDS, OPEN_ORDER),
            column("true and " + CLOSED_CARDS, CLOSED_ORDER));
    /** The company board's count and total per column: every owner's cells. */
    private static final String COMPANY_BOARD_TOTALS = totals("true");
    /** The company board's first cards of every column, over all owners. */
    private static final String COMPANY_BOARD_CARDS = cards(companyColumn(OPEN_CARDS, OPEN_ORDER),
            companyColumn(CLOSED_CARDS, CLOSED_ORDER));

    /** Count and total per column from the forecast's cells of the owners in {@code owners}. */
    private static String totals(String owners) {
        return "select stage, sum(opportunities) as n, coalesce(sum(amount), 0) as total from opportunity_forecast_month "
                + "where " + owners + " and (stage in (" + OPEN + ") or stage in ('WON','LOST') and month = :closedMonth)"
                + " group by stage";
    }

    /** The open columns' and the closed columns' first cards, in one statement. */
    private static String cards(String openColumn, String closedColumn) {
        return """
                select c.* from unnest(array[%s]) s(stage)
                cross join lateral (%s) c
                union all
                select c.* from unnest(array['WON','LOST']) s(stage)
                cross join lateral (%s) c
                """.formatted(OPEN, openColumn, closedColumn);
    }

    /** The board's parameters: the manager's scope, the team's members in it (read as the product reads them). */
    private Map<String, Object> boardParams(JdbcClient jdbc, BenchOrg.Team team) {
        Set<UUID> scope = org.scopeOf(team.manager());
        Set<UUID> members = new LinkedHashSet<>();
        for (Map<String, Object> row : jdbc.sql(LeadOperations.PERSON + "\n" + """
                 join platform_org_unit o on o.id = u.org_unit_id
                 where u.active and o.path like (select path from platform_org_unit where id = :unit) || '%'
                 order by u.username""").param("unit", team.unitId()).query().listOfRows()) {
            if (scope.contains((UUID) row.get("id"))) {
                members.add((UUID) row.get("id"));
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("scopeOwners", scope);
        params.put("teamMembers", members);
        params.putAll(closedMonthParams());
        params.put("cardOwners", members.toArray(new UUID[0]));
        return params;
    }

    /** The closed columns' month (this one) and the cards per column. */
    private Map<String, Object> closedMonthParams() {
        Map<String, Object> params = new HashMap<>();
        params.put("closedMonth", Date.valueOf(month.atDay(1)));
        params.put("closedFrom", Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()));
        params.put("closedTo", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        params.put("perColumn", CARDS);
        return params;
    }

    /**
     * {@code EXPLAIN (ANALYZE, BUFFERS)} of the board's two main statements for the first team's manager
     * and for the director's company board.
     */
    public String plans(DataSource db) throws SQLException {
        StringBuilder md = new StringBuilder();
        try (Connection c = db.getConnection()) {
            JdbcClient jdbc = CustomerOperations.jdbc(c);
            Map<String, Object> team = boardParams(jdbc, team(0));
            Map<String, Object> company = closedMonthParams();
            record Explained(String title, String sql, Map<String, Object> params) {
            }
            for (Explained e : List.of(new Explained("opportunity.board: cards", BOARD_CARDS, team),
                    new Explained("opportunity.board: totals", BOARD_TOTALS, team),
                    new Explained("opportunity.board.company: cards", COMPANY_BOARD_CARDS, company),
                    new Explained("opportunity.board.company: totals", COMPANY_BOARD_TOTALS, company))) {
                md.append("## ").append(e.title()).append("\n\n```sql\n").append(e.sql().strip())
                        .append("\n```\n\n```\n").append(String.join("\n", jdbc.sql("explain (analyze, buffers) "
                                + e.sql()).params(e.params()).query(String.class).list())).append("\n```\n\n");
            }
        }
        return md.toString();
    }

    /** A column's first cards under {@code condition}, as {@code PipelineQueries.column} reads them. */
    private static String firstCards(String condition, String order) {
        return "select " + CARD_COLUMNS + " from opportunity_opportunity o where o.stage = s.stage and " + condition
                + " order by " + order + " limit :perColumn";
    }

    /** A column's first cards over all owners, as {@code PipelineQueries.column} without known owners. */
    private static String companyColumn(String condition, String order) {
        return firstCards("true and " + condition, order);
    }

    /** A column's first cards: the first of each known owner's first, as {@code PipelineQueries.column}. */
    private static String column(String condition, String order) {
        return "select o.* from unnest(cast(:cardOwners as uuid[])) w(owner_id) cross join lateral ("
                + firstCards("o.owner_id = w.owner_id and " + condition, order) + ") o order by " + order
                + " limit :perColumn";
    }

    /**
     * The forecast over the whole company: one row per owner and month summed from the forecast's cells,
     * the owners, and each team's manager for its label.
     */
    private void forecast(Connection c) {
        JdbcClient jdbc = CustomerOperations.jdbc(c);
        Map<String, Object> params = new LinkedHashMap<>(probabilities);
        params.put("from", Date.valueOf(month.atDay(1)));
        params.put("to", Date.valueOf(month.plusMonths(MONTHS).atDay(1)));
        StringBuilder probability = new StringBuilder("case stage");
        probabilities.keySet().forEach(p -> probability.append(" when '").append(p.substring(1))
                .append("' then cast(:").append(p).append(" as numeric)"));
        probability.append(" end");
        List<Map<String, Object>> rows = jdbc.sql("""
                with open_cells as (
                    select owner_id, case when month < :from then null else month end as month,
                           stage, forecast_category, sum(opportunities) as n, sum(amount) as amount
                    from opportunity_forecast_month
                    where stage not in ('WON', 'LOST') and month < :to and true
                    group by 1, 2, 3, 4
                )
                select owner_id, month,
                       coalesce(sum(amount) filter (where forecast_category = 'PIPELINE'), 0) as pipeline,
                       coalesce(sum(amount) filter (where forecast_category = 'BEST_CASE'), 0) as best_case,
                       coalesce(sum(amount) filter (where forecast_category = 'COMMIT'), 0) as commit_amount,
                       coalesce(sum(round(amount * %1$s / 100, 2)) filter (where forecast_category <> 'OMITTED'), 0) as weighted,
                       0 as won, coalesce(sum(n) filter (where forecast_category <> 'OMITTED'), 0) as open_count, 0 as won_count
                from open_cells
                group by 1, 2
                union all
                select owner_id, month, 0, 0, 0, 0, sum(amount), 0, sum(opportunities)
                from opportunity_forecast_month
                where stage = 'WON' and month >= :from and month < :to and true
                group by 1, 2
                """.formatted(probability)).params(params).query().listOfRows();
        Set<UUID> owners = new LinkedHashSet<>();
        rows.forEach(r -> owners.add((UUID) r.get("owner_id")));
        Set<UUID> units = new LinkedHashSet<>();
        for (Map<String, Object> person : jdbc.sql(LeadOperations.PERSON + " where u.id in (:ids)").param("ids", owners)
                .query().listOfRows()) {
            units.add((UUID) person.get("org_unit_id"));
        }
        for (UUID unit : units) {
            jdbc.sql(LeadOperations.PERSON + "\n" + """
                     join platform_org_unit o on o.manager_id = u.id
                     join platform_org_unit unit on unit.id = :unit
                     where unit.path like o.path || '%' and u.active
                     order by length(o.path) desc limit 1""").param("unit", unit).query().listOfRows();
        }
    }
}

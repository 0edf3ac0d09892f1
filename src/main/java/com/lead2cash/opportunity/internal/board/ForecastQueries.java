package com.lead2cash.opportunity.internal.board;

import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales forecast (销售预测): for each close month, open opportunities by forecast category (pipeline,
 * best case, commit), the weighted pipeline (amount × the stage's probability) and what was won that
 * month, per rep, per team and for the company within the reader's scope. Open opportunities whose close
 * date has passed are shown apart as overdue, those without one are counted apart as undated. It reads the cells of {@code opportunity_forecast_month}
 * (owner, month, stage, category; the database keeps them as opportunities change), never the
 * opportunities themselves; the roll-ups are summed here.
 */
@Component
public class ForecastQueries {

    public enum GroupBy { COMPANY, TEAM, REP }

    /** One cell: amounts by category, the weighted pipeline, and the won amount. */
    public record ForecastCell(BigDecimal pipeline, BigDecimal bestCase, BigDecimal commit, BigDecimal weighted, BigDecimal won,
                       long openCount, long wonCount) {

        static final ForecastCell EMPTY = new ForecastCell(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, 0);

        ForecastCell plus(ForecastCell o) {
            return new ForecastCell(pipeline.add(o.pipeline), bestCase.add(o.bestCase), commit.add(o.commit),
                    weighted.add(o.weighted), won.add(o.won), openCount + o.openCount, wonCount + o.wonCount);
        }

        /** Open amounts forecast to close: every category but omitted. */
        public BigDecimal open() {
            return pipeline.add(bestCase).add(commit);
        }
    }

    /** A row of the forecast: a rep, a team or the company; its cells by month, overdue and the total. */
    public record ForecastRow(GroupBy level, UUID id, String label, Map<YearMonth, ForecastCell> months, ForecastCell overdue, ForecastCell total) {
        public ForecastCell month(YearMonth m) {
            return months.getOrDefault(m, ForecastCell.EMPTY);
        }
    }

    /**
     * The forecast; {@code undated}: the open opportunities (not omitted) it leaves out because they have no expected
     * close date, so no month — counted apart so that the reader knows the figures miss them; {@code currency}: the
     * currency of every amount in it (SPEC §6).
     */
    public record Forecast(List<YearMonth> months, List<ForecastRow> rows, ForecastRow company, Undated undated,
                           @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                                   description = "The currency of every amount in the forecast (CNY)") String currency) {
    }

    /** Open opportunities without an expected close date: how many and their amount. */
    public record Undated(long count, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final TeamScope teams;
    private final ForecastWeights weights;

    ForecastQueries(JdbcClient jdbc, TeamScope teams, ForecastWeights weights) {
        this.weights = weights;
        this.jdbc = jdbc;
        this.teams = teams;
    }

    /** The months a forecast covers unless asked otherwise. */
    public static final int DEFAULT_MONTHS = 6;
    /** The most months the API serves in one forecast. */
    public static final int MAX_MONTHS_API = 24;
    /** The most months the forecast screen lays out. */
    public static final int MAX_MONTHS_SCREEN = 12;

    /** A requested number of months: none is the default; fewer than one or more than {@code max} is refused (400). */
    public static int months(Integer requested, int max) {
        if (requested == null) {
            return DEFAULT_MONTHS;
        }
        if (requested < 1 || requested > max) {
            throw new com.lead2cash.platform.BadRequestException("months", "opportunity.forecast.months.invalid", max);
        }
        return requested;
    }

    /** {@code months} months from {@code from}; rows at the given level, the company row always. */
    @Transactional(readOnly = true)
    public Forecast forecast(YearMonth from, int months, GroupBy groupBy, UUID teamId, Scope scope,
                             OpportunityRules rules) {
        weights.inForce(rules);
        YearMonth to = from.plusMonths(months);
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        String owners = scope.ownerPredicate("owner_id");
        if (teamId != null) {
            teams.requireTeam(teamId, scope);
            Set<UUID> members = teams.members(teamId, scope);
            owners = members.isEmpty() ? "false" : owners + " and owner_id in (:teamMembers)";
            params.put("teamMembers", members.isEmpty() ? Set.of(new UUID(0, 0)) : members);
        }
        params.put("from", Date.valueOf(from.atDay(1)));
        params.put("to", Date.valueOf(to.atDay(1)));
        // the weighted pipeline adds up the opportunities' weighted amounts, each rounded on its own, as the cells keep
        // them (ForecastWeights, PipelineQueries.weighted): the board's columns add up the same
        // one row per owner and month (null: overdue), summed in the database from the cells
        String sql = """
                with open_cells as (
                    select owner_id, case when month < :from then null else month end as month,
                           stage, forecast_category, sum(opportunities) as n, sum(amount) as amount,
                           sum(weighted) as weighted
                    from opportunity_forecast_month
                    where stage not in ('WON', 'LOST') and month < :to and %1$s
                    group by 1, 2, 3, 4
                )
                select owner_id, month,
                       coalesce(sum(amount) filter (where forecast_category = 'PIPELINE'), 0) as pipeline,
                       coalesce(sum(amount) filter (where forecast_category = 'BEST_CASE'), 0) as best_case,
                       coalesce(sum(amount) filter (where forecast_category = 'COMMIT'), 0) as commit_amount,
                       coalesce(sum(weighted) filter (where forecast_category <> 'OMITTED'), 0) as weighted,
                       0 as won, coalesce(sum(n) filter (where forecast_category <> 'OMITTED'), 0) as open_count, 0 as won_count
                from open_cells
                group by 1, 2
                union all
                select owner_id, month, 0, 0, 0, 0, sum(amount), 0, sum(opportunities)
                from opportunity_forecast_month
                where stage = 'WON' and month >= :from and month < :to and %1$s
                group by 1, 2
                """.formatted(owners);
        var statement = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        record Group(UUID owner, YearMonth month, ForecastCell cell) {
        }
        List<Group> groups = statement.query((rs, i) -> {
            Date m = rs.getDate("month");
            ForecastCell cell = new ForecastCell(rs.getBigDecimal("pipeline"), rs.getBigDecimal("best_case"),
                    rs.getBigDecimal("commit_amount"), rs.getBigDecimal("weighted"), rs.getBigDecimal("won"),
                    rs.getLong("open_count"), rs.getLong("won_count"));
            return new Group(rs.getObject("owner_id", UUID.class), m == null ? null : YearMonth.from(m.toLocalDate()), cell);
        }).list();

        List<YearMonth> monthList = new ArrayList<>();
        for (YearMonth m = from; m.isBefore(to); m = m.plusMonths(1)) {
            monthList.add(m);
        }
        Set<UUID> ownerIds = new HashSet<>();
        groups.forEach(g -> ownerIds.add(g.owner()));
        Map<UUID, OrgDirectory.Person> people = teams.people(ownerIds);
        Map<String, Totals> rows = new LinkedHashMap<>();
        Totals company = new Totals(GroupBy.COMPANY, null, null);
        for (Group g : groups) {
            company.add(g.month(), g.cell());
            if (groupBy == GroupBy.COMPANY) {
                continue;
            }
            OrgDirectory.Person person = people.get(g.owner());
            UUID key = groupBy == GroupBy.REP ? g.owner() : (person == null ? null : person.orgUnitId());
            // the label is looked up once per row, not once per cell (a team's manager is a query)
            rows.computeIfAbsent(String.valueOf(key), x -> new Totals(groupBy, key,
                    groupBy == GroupBy.REP ? (person == null ? "?" : person.displayName()) : teams.managerName(key)))
                    .add(g.month(), g.cell());
        }
        List<ForecastRow> sorted = new ArrayList<>(rows.values().stream().map(Totals::row).toList());
        sorted.sort(Comparator.comparing((ForecastRow r) -> r.total().weighted()).reversed()
                .thenComparing(r -> r.label() == null ? "" : r.label()));
        return new Forecast(monthList, sorted, company.row(), undated(owners, params), Opportunity.CURRENCY);
    }

    /** The open cells without a month (no expected close date) in the same scope and team as the forecast. */
    private Undated undated(String owners, Map<String, Object> params) {
        var statement = jdbc.sql("""
                select coalesce(sum(opportunities), 0) as n, coalesce(sum(amount), 0) as amount
                from opportunity_forecast_month
                where stage not in ('WON', 'LOST') and month is null and forecast_category <> 'OMITTED' and %s
                """.formatted(owners));
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        return statement.query((rs, i) -> new Undated(rs.getLong("n"), rs.getBigDecimal("amount"))).single();
    }

    /** A row being summed: its cells by month, overdue and the total. */
    private static final class Totals {
        private final GroupBy level;
        private final UUID id;
        private final String label;
        private final Map<YearMonth, ForecastCell> months = new LinkedHashMap<>();
        private ForecastCell overdue = ForecastCell.EMPTY;
        private ForecastCell total = ForecastCell.EMPTY;

        Totals(GroupBy level, UUID id, String label) {
            this.level = level;
            this.id = id;
            this.label = label;
        }

        void add(YearMonth month, ForecastCell cell) {
            if (month == null) {
                overdue = overdue.plus(cell);
            } else {
                months.merge(month, cell, ForecastCell::plus);
            }
            total = total.plus(cell);
        }

        ForecastRow row() {
            return new ForecastRow(level, id, label, months, overdue, total);
        }
    }
}

package com.lead2cash.opportunity.internal.board;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.opportunity.internal.domain.ForecastCategory;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales forecast (销售预测): for each close month, open opportunities by forecast category (pipeline,
 * best case, commit), the weighted pipeline (amount × the stage's probability) and what was won that
 * month, per rep, per team and for the company within the reader's scope. Open opportunities whose close
 * date has passed are shown apart as overdue. The database groups by owner, month, stage and category;
 * the roll-ups are summed here.
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

    public record Forecast(List<YearMonth> months, List<ForecastRow> rows, ForecastRow company) {
    }

    private final JdbcClient jdbc;
    private final TeamScope teams;
    private final ZoneId zone;

    ForecastQueries(JdbcClient jdbc, TeamScope teams, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.zone = zone;
    }

    /** {@code months} months from {@code from}; rows at the given level, the company row always. */
    @Transactional(readOnly = true)
    public Forecast forecast(YearMonth from, int months, GroupBy groupBy, UUID teamId, Scope scope,
                             OpportunityRules rules) {
        YearMonth to = from.plusMonths(months);
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        String owners = scope.ownerPredicate("owner_id");
        if (teamId != null) {
            Set<UUID> members = teams.members(teamId, scope);
            owners = members.isEmpty() ? "false" : owners + " and owner_id in (:teamMembers)";
            params.put("teamMembers", members.isEmpty() ? Set.of(new UUID(0, 0)) : members);
        }
        params.put("from", Date.valueOf(from.atDay(1)));
        params.put("to", Date.valueOf(to.atDay(1)));
        params.put("fromTs", Timestamp.from(from.atDay(1).atStartOfDay(zone).toInstant()));
        params.put("toTs", Timestamp.from(to.atDay(1).atStartOfDay(zone).toInstant()));
        params.put("zone", zone.getId());
        String sql = """
                select owner_id, case when expected_close_date < :from then null
                                      else date_trunc('month', expected_close_date)::date end as month,
                       stage, forecast_category, count(*) as n, sum(amount) as amount
                from opportunity_opportunity
                where stage not in ('WON', 'LOST') and expected_close_date < :to and %1$s
                group by 1, 2, 3, 4
                union all
                select owner_id, date_trunc('month', closed_at at time zone :zone)::date, 'WON', 'CLOSED', count(*), sum(amount)
                from opportunity_opportunity
                where stage = 'WON' and closed_at >= :fromTs and closed_at < :toTs and %1$s
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
            Stage stage = Stage.valueOf(rs.getString("stage"));
            ForecastCategory category = ForecastCategory.valueOf(rs.getString("forecast_category"));
            BigDecimal amount = rs.getBigDecimal("amount");
            long n = rs.getLong("n");
            ForecastCell cell;
            if (stage == Stage.WON) {
                cell = new ForecastCell(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, amount, 0, n);
            } else {
                BigDecimal weighted = category == ForecastCategory.OMITTED ? BigDecimal.ZERO
                        : PipelineQueries.weighted(amount, rules.probability(stage));
                cell = new ForecastCell(category == ForecastCategory.PIPELINE ? amount : BigDecimal.ZERO,
                        category == ForecastCategory.BEST_CASE ? amount : BigDecimal.ZERO,
                        category == ForecastCategory.COMMIT ? amount : BigDecimal.ZERO, weighted, BigDecimal.ZERO,
                        category == ForecastCategory.OMITTED ? 0 : n, 0);
            }
            return new Group(rs.getObject("owner_id", UUID.class), m == null ? null : YearMonth.from(m.toLocalDate()), cell);
        }).list();

        List<YearMonth> monthList = new ArrayList<>();
        for (YearMonth m = from; m.isBefore(to); m = m.plusMonths(1)) {
            monthList.add(m);
        }
        Set<UUID> ownerIds = new HashSet<>();
        groups.forEach(g -> ownerIds.add(g.owner()));
        Map<UUID, OrgDirectory.Person> people = teams.people(ownerIds);
        Map<String, ForecastRow> rows = new LinkedHashMap<>();
        ForecastRow company = new ForecastRow(GroupBy.COMPANY, null, null, new LinkedHashMap<>(), ForecastCell.EMPTY, ForecastCell.EMPTY);
        for (Group g : groups) {
            company = add(company, g.month(), g.cell());
            if (groupBy == GroupBy.COMPANY) {
                continue;
            }
            OrgDirectory.Person person = people.get(g.owner());
            UUID key = groupBy == GroupBy.REP ? g.owner() : (person == null ? null : person.orgUnitId());
            String label = groupBy == GroupBy.REP ? (person == null ? "?" : person.displayName())
                    : teams.managerName(key);
            String k = String.valueOf(key);
            ForecastRow row = rows.computeIfAbsent(k, x -> new ForecastRow(groupBy, key, label, new LinkedHashMap<>(), ForecastCell.EMPTY, ForecastCell.EMPTY));
            rows.put(k, add(row, g.month(), g.cell()));
        }
        List<ForecastRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing((ForecastRow r) -> r.total().weighted()).reversed()
                .thenComparing(r -> r.label() == null ? "" : r.label()));
        return new Forecast(monthList, sorted, company);
    }

    private static ForecastRow add(ForecastRow row, YearMonth month, ForecastCell cell) {
        Map<YearMonth, ForecastCell> months = new LinkedHashMap<>(row.months());
        ForecastCell overdue = row.overdue();
        if (month == null) {
            overdue = overdue.plus(cell);
        } else {
            months.merge(month, cell, ForecastCell::plus);
        }
        return new ForecastRow(row.level(), row.id(), row.label(), months, overdue, row.total().plus(cell));
    }
}

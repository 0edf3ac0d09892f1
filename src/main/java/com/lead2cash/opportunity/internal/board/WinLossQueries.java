package com.lead2cash.opportunity.internal.board;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Win/loss analysis (赢单/输单分析) of the opportunities closed in a period within the reader's scope: win
 * rate by count and amount, lost by reason, results against each competitor, per owner, and the average
 * days the closed opportunities spent in each stage.
 */
@Component
public class WinLossQueries {

    public record WinLossTally(long won, long lost, BigDecimal wonAmount, BigDecimal lostAmount) {
        /** Won of closed, in percent to one decimal; null when nothing closed. */
        public BigDecimal winRate() {
            long closed = won + lost;
            return closed == 0 ? null : BigDecimal.valueOf(won * 100L).divide(BigDecimal.valueOf(closed), 1, RoundingMode.HALF_UP);
        }

        public BigDecimal amountWinRate() {
            BigDecimal closed = wonAmount.add(lostAmount);
            return closed.signum() == 0 ? null
                    : wonAmount.multiply(BigDecimal.valueOf(100)).divide(closed, 1, RoundingMode.HALF_UP);
        }
    }

    public record LostReasonCount(String reason, long count, BigDecimal amount) {
    }

    public record WinLossGroup(String key, String label, WinLossTally tally) {
    }

    public record WinLossAnalysis(WinLossTally total, List<LostReasonCount> reasons, List<WinLossGroup> competitors, List<WinLossGroup> owners,
                           Map<Stage, BigDecimal> averageDaysInStage) {
    }

    private final JdbcClient jdbc;
    private final TeamScope teams;

    WinLossQueries(JdbcClient jdbc, TeamScope teams) {
        this.jdbc = jdbc;
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public WinLossAnalysis analyse(Instant from, Instant to, Scope scope) {
        String closed = "stage in ('WON','LOST') and closed_at >= :from and closed_at < :to and "
                + scope.ownerPredicate("owner_id");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", Timestamp.from(from));
        params.put("to", Timestamp.from(to));

        Map<UUID, long[]> counts = new LinkedHashMap<>();
        Map<UUID, BigDecimal[]> amounts = new LinkedHashMap<>();
        query("select owner_id, stage, count(*) as n, coalesce(sum(amount), 0) as amount from opportunity_opportunity where "
                + closed + " group by 1, 2", params, rs -> {
            UUID owner = rs.getObject("owner_id", UUID.class);
            boolean won = "WON".equals(rs.getString("stage"));
            counts.computeIfAbsent(owner, k -> new long[2])[won ? 0 : 1] += rs.getLong("n");
            amounts.computeIfAbsent(owner, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[won ? 0 : 1] =
                    rs.getBigDecimal("amount");
        });
        Map<UUID, OrgDirectory.Person> people = teams.people(new HashSet<>(counts.keySet()));
        List<WinLossGroup> owners = counts.keySet().stream().map(o -> new WinLossGroup(String.valueOf(o),
                people.containsKey(o) ? people.get(o).displayName() : "?",
                new WinLossTally(counts.get(o)[0], counts.get(o)[1], amounts.get(o)[0], amounts.get(o)[1])))
                .sorted(java.util.Comparator.comparing((WinLossGroup t) -> t.tally().wonAmount()).reversed()).toList();
        WinLossTally total = owners.stream().map(WinLossGroup::tally).reduce(new WinLossTally(0, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                (a, b) -> new WinLossTally(a.won() + b.won(), a.lost() + b.lost(), a.wonAmount().add(b.wonAmount()),
                        a.lostAmount().add(b.lostAmount())));

        List<LostReasonCount> reasons = new java.util.ArrayList<>();
        query("select lost_reason, count(*) as n, coalesce(sum(amount), 0) as amount from opportunity_opportunity where "
                + closed + " and stage = 'LOST' group by 1 order by 2 desc, 3 desc", params,
                rs -> reasons.add(new LostReasonCount(rs.getString("lost_reason"), rs.getLong("n"), rs.getBigDecimal("amount"))));

        Map<String, long[]> rivalCounts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> rivalAmounts = new LinkedHashMap<>();
        query("""
                select rival, won, count(*) as n, coalesce(sum(amount), 0) as amount from (
                    select unnest(competitors) as rival, true as won, amount from opportunity_opportunity where %1$s and stage = 'WON'
                    union all
                    select lost_to, false, amount from opportunity_opportunity where %1$s and stage = 'LOST' and lost_to is not null
                ) r group by 1, 2""".formatted(closed), params, rs -> {
            String rival = rs.getString("rival");
            boolean won = rs.getBoolean("won");
            rivalCounts.computeIfAbsent(rival, k -> new long[2])[won ? 0 : 1] += rs.getLong("n");
            rivalAmounts.computeIfAbsent(rival, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[won ? 0 : 1] =
                    rs.getBigDecimal("amount");
        });
        List<WinLossGroup> competitors = rivalCounts.keySet().stream().map(r -> new WinLossGroup(r, r,
                new WinLossTally(rivalCounts.get(r)[0], rivalCounts.get(r)[1], rivalAmounts.get(r)[0], rivalAmounts.get(r)[1])))
                .sorted(java.util.Comparator.comparing((WinLossGroup t) -> t.tally().won() + t.tally().lost()).reversed()
                        .thenComparing(WinLossGroup::label)).toList();

        Map<Stage, BigDecimal> days = new EnumMap<>(Stage.class);
        query("""
                select to_stage, avg(extract(epoch from (next_at - changed_at)) / 86400.0) as days from (
                    select c.to_stage, c.changed_at,
                           lead(c.changed_at) over (partition by c.opportunity_id order by c.changed_at, c.id) as next_at
                    from opportunity_stage_change c
                    where c.opportunity_id in (select id from opportunity_opportunity where %s)
                ) s where next_at is not null group by 1""".formatted(closed), params,
                rs -> days.put(Stage.valueOf(rs.getString("to_stage")),
                        rs.getBigDecimal("days").setScale(1, RoundingMode.HALF_UP)));
        return new WinLossAnalysis(total, reasons, competitors, owners, days);
    }

    private void query(String sql, Map<String, Object> params, RowHandler handler) {
        var statement = jdbc.sql(sql);
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        statement.query((java.sql.ResultSet rs) -> {
            handler.handle(rs);
        });
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(java.sql.ResultSet rs) throws java.sql.SQLException;
    }
}

package com.lead2cash.opportunity.internal.board;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
 * The pipeline board (销售漏斗看板) and the opportunity list: per stage the count, total and weighted total
 * (total × the stage's probability from the policy) and the first cards by close date, within the
 * reader's scope and the filters (owner, team, product line, close month). Open stages count every open
 * opportunity; the won and lost columns those closed in the close month (this month when none is chosen).
 */
@Component
public class PipelineQueries {

    public record Filter(UUID ownerId, UUID teamId, String productLine, YearMonth closeMonth) {
    }

    public record OpportunityCard(UUID id, String code, String name, UUID customerId, String customerName, BigDecimal amount,
                       LocalDate expectedCloseDate, UUID ownerId, String ownerName, Stage stage,
                       BigDecimal evaluationScore, long version, boolean overdue) {
    }

    public record BoardColumn(Stage stage, BigDecimal probability, long count, BigDecimal total, BigDecimal weighted,
                         List<OpportunityCard> cards) {
        public boolean more() {
            return count > cards.size();
        }
    }

    public record PipelineBoard(List<BoardColumn> columns, long openCount, BigDecimal openTotal, BigDecimal openWeighted,
                        YearMonth closedMonth) {
        public BoardColumn column(Stage stage) {
            return columns.stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
        }
    }

    private final JdbcClient jdbc;
    private final TeamScope teams;
    private final CustomerDirectory customers;
    private final ZoneId zone;

    PipelineQueries(JdbcClient jdbc, TeamScope teams, CustomerDirectory customers,
                    @org.springframework.beans.factory.annotation.Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.customers = customers;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public PipelineBoard board(Filter filter, Scope scope, OpportunityRules rules, LocalDate today, int cardsPerColumn) {
        Where where = where(filter, scope, "");
        YearMonth closedMonth = filter.closeMonth() != null ? filter.closeMonth() : YearMonth.from(today);
        Map<Stage, long[]> counts = new EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> totals = new EnumMap<>(Stage.class);
        String openMonth = filter.closeMonth() == null ? ""
                : " and expected_close_date >= :monthStart and expected_close_date < :monthEnd";
        var open = jdbc.sql("select stage, count(*) as n, coalesce(sum(amount), 0) as total from opportunity_opportunity "
                + "where stage in ('DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT') and " + where.sql
                + openMonth + " group by stage");
        var closed = jdbc.sql("select stage, count(*) as n, coalesce(sum(amount), 0) as total from opportunity_opportunity "
                + "where stage in ('WON','LOST') and closed_at >= :closedFrom and closed_at < :closedTo and " + where.sql
                + " group by stage");
        for (var statement : List.of(bind(open, where, filter), bind(closed, where, filter))) {
            statement.param("closedFrom", Timestamp.from(closedMonth.atDay(1).atStartOfDay(zone).toInstant()))
                    .param("closedTo", Timestamp.from(closedMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                    .query((rs, i) -> {
                        Stage s = Stage.valueOf(rs.getString("stage"));
                        counts.put(s, new long[] {rs.getLong("n")});
                        totals.put(s, rs.getBigDecimal("total"));
                        return s;
                    }).list();
        }
        List<OpportunityCard> cards = cards(filter, where(filter, scope, "o."), closedMonth, today, cardsPerColumn);
        Map<Stage, List<OpportunityCard>> byStage = new EnumMap<>(Stage.class);
        cards.forEach(c -> byStage.computeIfAbsent(c.stage(), s -> new ArrayList<>()).add(c));
        List<BoardColumn> columns = new ArrayList<>();
        long openCount = 0;
        BigDecimal openTotal = BigDecimal.ZERO;
        BigDecimal openWeighted = BigDecimal.ZERO;
        for (Stage s : Stage.values()) {
            long n = counts.getOrDefault(s, new long[] {0})[0];
            BigDecimal total = totals.getOrDefault(s, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            BigDecimal p = rules.probability(s);
            BigDecimal weighted = weighted(total, p);
            columns.add(new BoardColumn(s, p, n, total, weighted, byStage.getOrDefault(s, List.of())));
            if (s.isOpen()) {
                openCount += n;
                openTotal = openTotal.add(total);
                openWeighted = openWeighted.add(weighted);
            }
        }
        return new PipelineBoard(columns, openCount, openTotal, openWeighted, closedMonth);
    }

    /** The weighted amount: total × probability %, to the fen, half up. */
    public static BigDecimal weighted(BigDecimal total, BigDecimal probabilityPercent) {
        return total.multiply(probabilityPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** One page of the list view: opportunities of a stage (or all open ones) by close date, keyset paged. */
    @Transactional(readOnly = true)
    public CursorPage<OpportunityCard> list(Filter filter, Stage stage, Scope scope, LocalDate today, String cursor, Integer size) {
        int n = CursorPage.size(size);
        Where where = where(filter, scope, "");
        StringBuilder sql = new StringBuilder("select * from opportunity_opportunity where ").append(where.sql);
        if (stage != null) {
            sql.append(" and stage = :stage");
        } else {
            sql.append(" and stage not in ('WON','LOST')");
        }
        if (filter.closeMonth() != null) {
            sql.append(" and expected_close_date >= :monthStart and expected_close_date < :monthEnd");
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode(cursor, 2);
            sql.append(" and (coalesce(expected_close_date, date '9999-12-31'), id) > (:afterDate, :afterId)");
            where.params.put("afterDate", Date.valueOf(key.date(0)));
            where.params.put("afterId", key.uuid(1));
        }
        sql.append(" order by coalesce(expected_close_date, date '9999-12-31'), id limit :limit");
        var statement = bind(jdbc.sql(sql.toString()), where, filter).param("limit", n + 1);
        if (stage != null) {
            statement = statement.param("stage", stage.name());
        }
        List<OpportunityCard> rows = withNames(statement.query((rs, i) -> card(rs, today)).list());
        return CursorPage.of(rows, n, c -> List.of(c.expectedCloseDate() == null ? "9999-12-31"
                : c.expectedCloseDate().toString(), c.id()));
    }

    private List<OpportunityCard> cards(Filter filter, Where where, YearMonth closedMonth, LocalDate today, int perColumn) {
        String openMonth = filter.closeMonth() == null ? ""
                : " and o.expected_close_date >= :monthStart and o.expected_close_date < :monthEnd";
        String sql = """
                select c.* from unnest(array['DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT','WON','LOST']) s(stage)
                cross join lateral (
                    select o.* from opportunity_opportunity o
                    where o.stage = s.stage and %s
                      and (s.stage not in ('WON','LOST') %s or (o.closed_at >= :closedFrom and o.closed_at < :closedTo))
                    order by case when s.stage in ('WON','LOST') then null else o.expected_close_date end nulls last,
                             o.closed_at desc, o.id
                    limit :perColumn) c
                """.formatted(where.sql, openMonth);
        var statement = bind(jdbc.sql(sql), where, filter).param("perColumn", perColumn)
                .param("closedFrom", Timestamp.from(closedMonth.atDay(1).atStartOfDay(zone).toInstant()))
                .param("closedTo", Timestamp.from(closedMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        return withNames(statement.query((rs, i) -> card(rs, today)).list());
    }

    private static OpportunityCard card(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        Date close = rs.getDate("expected_close_date");
        Stage stage = Stage.valueOf(rs.getString("stage"));
        LocalDate closeDate = close == null ? null : close.toLocalDate();
        return new OpportunityCard(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getObject("customer_id", UUID.class), null, rs.getBigDecimal("amount"), closeDate,
                rs.getObject("owner_id", UUID.class), null, stage, rs.getBigDecimal("evaluation_score"),
                rs.getLong("version"), stage.isOpen() && closeDate != null && closeDate.isBefore(today));
    }

    /** Owner and customer names for the cards shown (never more than a board's worth). */
    private List<OpportunityCard> withNames(List<OpportunityCard> cards) {
        Set<UUID> owners = new HashSet<>();
        cards.forEach(c -> owners.add(c.ownerId()));
        Map<UUID, OrgDirectory.Person> people = teams.people(owners);
        Map<UUID, String> customerNames = new HashMap<>();
        for (OpportunityCard c : cards) {
            customerNames.computeIfAbsent(c.customerId(), id -> customers.find(id)
                    .map(CustomerDirectory.CustomerRef::name).orElse(""));
        }
        return cards.stream().map(c -> new OpportunityCard(c.id(), c.code(), c.name(), c.customerId(),
                customerNames.get(c.customerId()), c.amount(), c.expectedCloseDate(), c.ownerId(),
                people.containsKey(c.ownerId()) ? people.get(c.ownerId()).displayName() : null, c.stage(),
                c.evaluationScore(), c.version(), c.overdue())).toList();
    }

    /** The scope and the owner, team and product-line filters as one SQL condition. */
    private Where where(Filter filter, Scope scope, String alias) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        parts.add(scope.ownerPredicate(alias + "owner_id"));
        if (filter.ownerId() != null) {
            parts.add(alias + "owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.teamId() != null) {
            Set<UUID> members = teams.members(filter.teamId(), scope);
            if (members.isEmpty()) {
                parts.add("false");
            } else {
                parts.add(alias + "owner_id in (:teamMembers)");
                params.put("teamMembers", members);
            }
        }
        if (filter.productLine() != null && !filter.productLine().isBlank()) {
            parts.add(alias + "product_lines @> array[cast(:productLine as text)]");
            params.put("productLine", filter.productLine().strip());
        }
        if (filter.closeMonth() != null) {
            params.put("monthStart", Date.valueOf(filter.closeMonth().atDay(1)));
            params.put("monthEnd", Date.valueOf(filter.closeMonth().plusMonths(1).atDay(1)));
        }
        return new Where(String.join(" and ", parts), params);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Where where, Filter filter) {
        for (var e : where.params.entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        return statement;
    }

    private record Where(String sql, Map<String, Object> params) {
    }
}

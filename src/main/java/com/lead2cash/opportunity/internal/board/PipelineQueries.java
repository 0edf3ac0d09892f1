package com.lead2cash.opportunity.internal.board;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityAccess;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.opportunity.internal.domain.Opportunity;
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
 * (the sum of its opportunities' weighted amounts, each amount × the stage's probability from the policy rounded to the
 * fen: {@link #weighted}, {@link ForecastWeights}) and the first cards by close date, within the
 * reader's scope and the filters (owner, team, product line, close month). Open stages count every open
 * opportunity; the won and lost columns those closed in the close month (this month when none is chosen).
 */
@Component
public class PipelineQueries {

    public record Filter(UUID ownerId, UUID teamId, String productLine, YearMonth closeMonth) {
    }

    /** One opportunity as a list or a board column shows it; its amount with its currency (SPEC §6). */
    public record OpportunityCard(UUID id, String code, String name, UUID customerId, String customerName, BigDecimal amount,
                       @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                               description = "The currency of the amount (CNY)") String currency, LocalDate expectedCloseDate, UUID ownerId, String ownerName, Stage stage,
                       BigDecimal evaluationScore, long version, boolean overdue) {
    }

    public record BoardColumn(Stage stage, BigDecimal probability, long count, BigDecimal total, BigDecimal weighted,
                         List<OpportunityCard> cards) {
        public boolean more() {
            return count > cards.size();
        }
    }

    /** The board; {@code currency}: the currency of every amount and sum on it (SPEC §6). */
    public record PipelineBoard(List<BoardColumn> columns, long openCount, BigDecimal openTotal, BigDecimal openWeighted,
                        YearMonth closedMonth,
                        @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                                description = "The currency of every amount and sum on the board (CNY)") String currency) {
        public BoardColumn column(Stage stage) {
            return columns.stream().filter(c -> c.stage() == stage).findFirst().orElseThrow();
        }
    }

    /**
     * An open opportunity's row in SQL, derived from {@link Stage#OPEN}: its stage none of the others, named as literals
     * in the enum's order — {@code stage not in ('WON', 'LOST')}, the predicate of the partial index
     * {@code opportunity_open_close_idx}, which PostgreSQL uses only when the query states it.
     */
    static final String OPEN_STAGE = java.util.Arrays.stream(Stage.values()).filter(Stage::isClosed)
            .map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", ", "stage not in (", ")"));

    private final JdbcClient jdbc;
    private final TeamScope teams;
    private final CustomerDirectory customers;
    private final ForecastWeights weights;
    private final ZoneId zone;

    PipelineQueries(JdbcClient jdbc, TeamScope teams, CustomerDirectory customers, ForecastWeights weights,
                    @org.springframework.beans.factory.annotation.Value("${l2c.zone}") ZoneId zone) {
        this.weights = weights;
        this.jdbc = jdbc;
        this.teams = teams;
        this.customers = customers;
        this.zone = zone;
    }

    /**
     * The board within the scope and the filters; a team the filter names outside the reader's choices (another team,
     * an unknown id) is not found (404), as the forecast answers it ({@link TeamScope#requireTeam}), never an empty board.
     */
    @Transactional(readOnly = true)
    public PipelineBoard board(Filter filter, Scope scope, OpportunityRules rules, LocalDate today, int cardsPerColumn) {
        requireTeam(filter, scope);
        weights.inForce(rules);
        // the team's members are read once: the totals' and the cards' conditions and the card owners all use them
        Set<UUID> teamMembers = teamMembers(filter, scope);
        Where where = where(filter, scope, teamMembers, "");
        YearMonth closedMonth = filter.closeMonth() != null ? filter.closeMonth() : YearMonth.from(today);
        Map<Stage, long[]> counts = new EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> totals = new EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> weightedSums = new EnumMap<>(Stage.class);
        totals(filter, where, rules).param("closedMonth", Date.valueOf(closedMonth.atDay(1)))
                .param("closedFrom", Timestamp.from(closedMonth.atDay(1).atStartOfDay(zone).toInstant()))
                .param("closedTo", Timestamp.from(closedMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                .query((rs, i) -> {
                    Stage s = Stage.valueOf(rs.getString("stage"));
                    counts.put(s, new long[] {rs.getLong("n")});
                    totals.put(s, rs.getBigDecimal("total"));
                    weightedSums.put(s, rs.getBigDecimal("weighted"));
                    return s;
                }).list();
        Statement cardsStatement = cards(filter, scope, teamMembers, closedMonth, zone, cardsPerColumn);
        List<OpportunityCard> cards = withNames(jdbc.sql(cardsStatement.sql()).params(cardsStatement.params())
                .query((rs, i) -> card(rs, today)).list());
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
            // an open column's weighted total adds up its opportunities' weighted amounts, each rounded on its own (a
            // won one weighs its amount, a lost one nothing: nothing to round)
            BigDecimal weighted = s.isOpen()
                    ? weightedSums.getOrDefault(s, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP) : weighted(total, p);
            columns.add(new BoardColumn(s, p, n, total, weighted, byStage.getOrDefault(s, List.of())));
            if (s.isOpen()) {
                openCount += n;
                openTotal = openTotal.add(total);
                openWeighted = openWeighted.add(weighted);
            }
        }
        return new PipelineBoard(columns, openCount, openTotal, openWeighted, closedMonth, Opportunity.CURRENCY);
    }

    /**
     * Count and total per column in one statement. Without a product-line filter they are the sums of the
     * forecast's cells ({@code opportunity_forecast_month}: per owner, month, stage and category, kept by the
     * database), a few hundred rows for a team; a product line is not in those cells, so with one the
     * opportunities themselves are counted, open and closed columns in one pass.
     */
    private JdbcClient.StatementSpec totals(Filter filter, Where where, OpportunityRules rules) {
        if (filter.productLine() == null || filter.productLine().isBlank()) {
            String openMonth = filter.closeMonth() == null ? "" : " and month = :monthStart";
            return bind(jdbc.sql("select stage, sum(opportunities) as n, coalesce(sum(amount), 0) as total, "
                    + "coalesce(sum(weighted), 0) as weighted "
                    + "from opportunity_forecast_month where " + where.sql
                    + " and (stage in ('DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT')" + openMonth
                    + " or stage in ('WON','LOST') and month = :closedMonth) group by stage"), where, filter);
        }
        String openMonth = filter.closeMonth() == null ? ""
                : " and expected_close_date >= :monthStart and expected_close_date < :monthEnd";
        // each opportunity weighed on its own, as PipelineQueries.weighted weighs it and the cells keep it
        StringBuilder probability = new StringBuilder("case stage");
        for (Stage stage : Stage.OPEN) {
            probability.append(" when '").append(stage.name()).append("' then ").append(rules.probability(stage).toPlainString());
        }
        probability.append(" else 0 end");
        return bind(jdbc.sql("select stage, count(*) as n, coalesce(sum(amount), 0) as total, "
                + "coalesce(sum(round(amount * " + probability + " / 100, 2)), 0) as weighted from opportunity_opportunity "
                + "where " + where.sql + " and (stage in ('DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT')"
                + openMonth + " or stage in ('WON','LOST') and closed_at >= :closedFrom and closed_at < :closedTo)"
                + " group by stage"), where, filter);
    }

    /**
     * The weighted amount of an opportunity: amount × probability %, to the fen, half up — the one rule; a weighted total
     * adds these up (the forecast's cells keep the sums, {@link ForecastWeights}).
     */
    public static BigDecimal weighted(BigDecimal total, BigDecimal probabilityPercent) {
        return total.multiply(probabilityPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * One page of the list view: opportunities of a stage (or all open ones) by close date, keyset paged — those the
     * reader sees ({@link OpportunityAccess#sight}: their scope's, and those they are invited to evaluate). A team the
     * filter names outside the reader's choices is not found (404), as the board and the forecast answer it, never an
     * empty list.
     */
    @Transactional(readOnly = true)
    public CursorPage<OpportunityCard> list(Filter filter, Stage stage, OpportunityAccess.Sight sight, LocalDate today,
                                            String cursor, Integer size) {
        requireTeam(filter, sight.scope());
        int n = CursorPage.size(size);
        Where where = where(filter, sight.predicate(""), sight.params(), teamMembers(filter, sight.scope()), "");
        StringBuilder sql = new StringBuilder("select " + CARD_COLUMNS + " from opportunity_opportunity o where ")
                .append(where.sql);
        if (stage != null) {
            sql.append(" and stage = :stage");
        } else {
            sql.append(" and ").append(OPEN_STAGE);
        }
        if (filter.closeMonth() != null) {
            sql.append(" and expected_close_date >= :monthStart and expected_close_date < :monthEnd");
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("pipeline", cursor, 2);
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
        return CursorPage.of("pipeline", rows, n, c -> List.of(c.expectedCloseDate() == null ? "9999-12-31"
                : c.expectedCloseDate().toString(), c.id()));
    }

    /**
     * The first cards of each column. Open columns are ordered by close date, closed ones by the time they
     * closed; when the board is about known owners (a rep, a team, a limited scope) each column takes the
     * first cards of each owner from the index {@code (owner_id, stage, …)} and keeps the first of those, so
     * it reads a few hundred rows whatever the team holds (reading all of a team's opportunities of a
     * stage to sort them was the board's cost: 125 ms of 20 000 page reads at 25 000 opportunities a team).
     * Each column also names its stages as literals: the closed-column and close-date indexes are partial,
     * and PostgreSQL uses a partial index only when the query states its predicate — {@code s.stage} is
     * known only at run time (without it a team's closed columns read 13 600 pages at L, docs/performance.md).
     */
    static Statement cards(Filter filter, Scope scope, Set<UUID> teamMembers, YearMonth closedMonth, ZoneId zone,
                           int perColumn) {
        Set<UUID> owners = knownOwners(filter, scope, teamMembers);
        // known owners are read one by one, so the scope, owner and team conditions are met already; repeated
        // in each owner's look-up, they made PostgreSQL cost it as one descent per owner listed and walk the
        // month's closed opportunities of all owners instead (13 000 rows for a team's closed columns at L)
        Where where = owners == null ? where(filter, scope, teamMembers, "o.") : attributes(filter, "o.");
        String openMonth = filter.closeMonth() == null ? ""
                : " and o.expected_close_date >= :monthStart and o.expected_close_date < :monthEnd";
        String open = column(owners, where.sql + " and o.stage not in ('WON','LOST')" + openMonth,
                "o.expected_close_date, o.id");
        String closed = column(owners, where.sql + " and o.stage in ('WON','LOST')"
                + " and o.closed_at >= :closedFrom and o.closed_at < :closedTo", "o.closed_at desc, o.id");
        String sql = """
                select c.* from unnest(array['DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT']) s(stage)
                cross join lateral (%s) c
                union all
                select c.* from unnest(array['WON','LOST']) s(stage)
                cross join lateral (%s) c
                """.formatted(open, closed);
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        params.put("perColumn", perColumn);
        params.put("closedFrom", Timestamp.from(closedMonth.atDay(1).atStartOfDay(zone).toInstant()));
        params.put("closedTo", Timestamp.from(closedMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        if (owners != null) {
            params.put("cardOwners", owners.toArray(new UUID[0]));
        }
        return new Statement(sql, params);
    }

    /** A statement and its parameters, for reading and for its plan. */
    record Statement(String sql, Map<String, Object> params) {
    }

    /**
     * What a card shows and its column sorts by, in the order {@link #card} reads them: the row's arrays and
     * notes were read and dropped for every card.
     */
    private static final String CARD_COLUMNS = "o.id, o.code, o.name, o.customer_id, o.amount, o.expected_close_date, o.closed_at,"
            + " o.owner_id, o.stage, o.evaluation_score, o.version, o.currency";

    /** The first cards of column {@code s.stage}: over all owners, or the first of each known owner's first. */
    private static String column(Set<UUID> owners, String condition, String order) {
        String first = "select " + CARD_COLUMNS + " from opportunity_opportunity o where o.stage = s.stage and %s order by %s"
                + " limit :perColumn";
        if (owners == null) {
            return first.formatted(condition, order);
        }
        return ("select o.* from unnest(cast(:cardOwners as uuid[])) w(owner_id) cross join lateral ("
                + first.formatted("o.owner_id = w.owner_id and " + condition, order) + ") o order by %s limit :perColumn")
                .formatted(order);
    }

    /** The team a filter names, when it names one, must be one of the reader's choices: else not found (404). */
    public void requireTeam(Filter filter, Scope scope) {
        if (filter.teamId() != null) {
            teams.requireTeam(filter.teamId(), scope);
        }
    }

    /** The owners a team filter stands for within the scope; null without one. */
    private Set<UUID> teamMembers(Filter filter, Scope scope) {
        return filter.teamId() == null ? null : teams.members(filter.teamId(), scope);
    }

    /** The owners the board is limited to, when it is: the owner filter, the team's members, or the scope's owners. */
    private static Set<UUID> knownOwners(Filter filter, Scope scope, Set<UUID> members) {
        Set<UUID> owners = scope.isAll() ? null : new HashSet<>(scope.owners());
        if (filter.ownerId() != null) {
            owners = owners == null || owners.contains(filter.ownerId()) ? Set.of(filter.ownerId()) : Set.of();
        }
        if (members != null) {
            owners = owners == null ? members : owners.stream().filter(members::contains).collect(java.util.stream.Collectors.toSet());
        }
        return owners;
    }

    /**
     * A card from a row of {@link #CARD_COLUMNS}, read by position: looking each column up by name (and a date
     * through a calendar) was most of the mapping's time, itself a seventh of a board's CPU at S.
     */
    private static OpportunityCard card(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        LocalDate closeDate = rs.getObject(6, LocalDate.class);
        Stage stage = Stage.valueOf(rs.getString(9));
        return new OpportunityCard(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), null, rs.getBigDecimal(5), rs.getString(12), closeDate, rs.getObject(8, UUID.class), null,
                stage, rs.getBigDecimal(10), rs.getLong(11), stage.isOpen() && closeDate != null && closeDate.isBefore(today));
    }

    /** Owner and customer names for the cards shown (never more than a board's worth). */
    private List<OpportunityCard> withNames(List<OpportunityCard> cards) {
        Set<UUID> owners = new HashSet<>();
        cards.forEach(c -> owners.add(c.ownerId()));
        Map<UUID, OrgDirectory.Person> people = teams.people(owners);
        Set<UUID> customerIds = new HashSet<>();
        cards.forEach(c -> customerIds.add(c.customerId()));
        // one query for the board's customers (each looked up on its own was most of the board's time)
        Map<UUID, String> customerNames = customers.names(customerIds);
        return cards.stream().map(c -> new OpportunityCard(c.id(), c.code(), c.name(), c.customerId(),
                customerNames.getOrDefault(c.customerId(), ""), c.amount(), c.currency(), c.expectedCloseDate(), c.ownerId(),
                people.containsKey(c.ownerId()) ? people.get(c.ownerId()).displayName() : null, c.stage(),
                c.evaluationScore(), c.version(), c.overdue())).toList();
    }

    /** The scope and the owner, team ({@code members}: its owners) and product-line filters as one SQL condition. */
    private static Where where(Filter filter, Scope scope, Set<UUID> members, String alias) {
        return where(filter, scope.ownerPredicate(alias + "owner_id"), scope.params(), members, alias);
    }

    /** The filters after the reader's condition {@code visible} (and its parameters). */
    private static Where where(Filter filter, String visible, Map<String, Object> visibleParams, Set<UUID> members,
                               String alias) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>(visibleParams);
        parts.add(visible);
        if (filter.ownerId() != null) {
            parts.add(alias + "owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (members != null) {
            if (members.isEmpty()) {
                parts.add("false");
            } else {
                parts.add(alias + "owner_id in (:teamMembers)");
                params.put("teamMembers", members);
            }
        }
        return attributes(filter, alias, parts, params);
    }

    /** The product-line filter and the close month's parameters alone (the owners are known otherwise). */
    private static Where attributes(Filter filter, String alias) {
        return attributes(filter, alias, new ArrayList<>(), new LinkedHashMap<>());
    }

    /** The product-line filter and the close month's parameters, after the {@code parts} given. */
    private static Where attributes(Filter filter, String alias, List<String> parts, Map<String, Object> params) {
        if (filter.productLine() != null && !filter.productLine().isBlank()) {
            parts.add(alias + "product_lines @> array[cast(:productLine as text)]");
            params.put("productLine", filter.productLine().strip());
        }
        if (filter.closeMonth() != null) {
            params.put("monthStart", Date.valueOf(filter.closeMonth().atDay(1)));
            params.put("monthEnd", Date.valueOf(filter.closeMonth().plusMonths(1).atDay(1)));
        }
        return new Where(parts.isEmpty() ? "true" : String.join(" and ", parts), params);
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

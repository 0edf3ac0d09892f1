package com.lead2cash.opportunity.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.testing.IntegrationTest;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board's closed columns (won and lost this month) are read from the partial indexes on closed
 * opportunities, and the company board's open columns from the partial close-date index: each column
 * states its stages as literals, as a partial index needs. A team's closed columns take each owner's
 * last closed from {@code opportunity_owner_closed_idx}. Both were found at L (docs/performance.md):
 * first a team's won and lost columns walked each owner's opportunities of the stage by close date and
 * dropped those closed in other months (13 600 pages, 44 ms of 56); then, with the stages stated, they
 * walked the month's closed opportunities of every owner (13 000 rows), because the scope's and the
 * team's owner lists, repeated in each owner's look-up, priced it as a descent per listed owner. The
 * cards are also checked against the same cards read plainly.
 */
@IntegrationTest
class PipelineBoardPlanTest {

    private static final int OPPORTUNITIES = 60_000;
    private static final int OWNERS = 200;
    private static final YearMonth CLOSED_MONTH = YearMonth.of(2026, 6);
    /** The stages in their order: the last two (WON, LOST) are the closed ones. */
    private static final String[] STAGES = Arrays.stream(Stage.values()).map(Stage::name).toArray(String[]::new);

    @Autowired JdbcClient jdbc;
    @Value("${l2c.zone}") ZoneId zone;

    private static UUID owner(int i) {
        return new UUID(7, i);
    }

    @Test
    void closedColumnsReadThePartialIndexesAndShowTheMonthsLastClosed() {
        UUID[] owners = new UUID[OWNERS];
        for (int o = 0; o < OWNERS; o++) {
            owners[o] = owner(o);
        }
        // opportunity i: owner i % 200, stage i % 7, closed (won or lost) on one of the 1 000 days up to 3 June 2026:
        // June is the last month closed, as this month is on a live board, so PostgreSQL thinks it nearly empty
        jdbc.sql("""
                insert into opportunity_opportunity (id, code, customer_id, name, amount, currency, stage, owner_id,
                       version, created_at, expected_close_date, forecast_category, closed_at, stage_changed_at, updated_at)
                select gen_random_uuid(), 'O-PLAN-' || i, gen_random_uuid(), '计划商机' || i, 1000 + i, 'CNY',
                       (cast(:stages as text[]))[i % 7 + 1], (cast(:owners as uuid[]))[i % :ownerCount + 1], 0, now(),
                       date '2026-01-01' + i % 700, 'PIPELINE',
                       case when i % 7 >= 5 then timestamptz '2026-06-03 08:00+08' - (i % 1000) * interval '1 day'
                                                 + (i % 97) * interval '1 minute' end, now(), now()
                from generate_series(0, :n - 1) i
                """).param("stages", STAGES).param("owners", owners).param("ownerCount", OWNERS)
                .param("n", OPPORTUNITIES).update();
        jdbc.sql("analyze opportunity_opportunity").update();

        Set<UUID> team = new HashSet<>();
        for (int o = 0; o < 11; o++) {
            team.add(owner(o));
        }
        // a manager's board of their team: the scope's owners and the team's members are the same eleven
        var teamStatement = PipelineQueries.cards(new PipelineQueries.Filter(null, UUID.randomUUID(), null, null),
                new Scope(ScopeKind.TEAM, owner(0), team), team, CLOSED_MONTH, zone, 20);
        assertThat(plan(teamStatement)).contains("opportunity_owner_closed_idx").contains("opportunity_owner_stage_idx");
        var companyStatement = PipelineQueries.cards(new PipelineQueries.Filter(null, null, null, null),
                new Scope(ScopeKind.ALL, owner(0), null), null, CLOSED_MONTH, zone, 20);
        // over the whole company either closed index serves (PostgreSQL 18 skips through the owners of the one)
        assertThat(plan(companyStatement)).contains("opportunity_open_close_idx").doesNotContain("Seq Scan")
                .containsPattern("opportunity_(owner_)?closed_idx");

        // the team's won column: the 20 of its owners' won opportunities that closed last in June
        List<String> won = jdbc.sql(teamStatement.sql()).params(teamStatement.params())
                .query((rs, i) -> rs.getString("stage") + " " + rs.getString("code")).list()
                .stream().filter(c -> c.startsWith("WON ")).map(c -> c.substring(4)).toList();
        List<String> expected = jdbc.sql("""
                select code from opportunity_opportunity where stage = 'WON' and owner_id in (:team)
                and closed_at >= :from and closed_at < :to order by closed_at desc, id limit 20""")
                .param("team", team).param("from", teamStatement.params().get("closedFrom"))
                .param("to", teamStatement.params().get("closedTo")).query(String.class).list();
        assertThat(expected).hasSize(20);
        assertThat(won).isEqualTo(expected);
    }

    private String plan(PipelineQueries.Statement statement) {
        return String.join("\n", jdbc.sql("explain " + statement.sql()).params(statement.params())
                .query(String.class).list());
    }
}

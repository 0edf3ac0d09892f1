package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Benchmark (run with {@code mvn verify -Pbench}, not part of {@code mvn verify}): 500 000 opportunities
 * of 200 reps in 20 teams and 1 000 000 quote lines (100 000 quotes of 10 lines), generated in SQL on the
 * product's schema; then a team's pipeline board and the company forecast through the API, and a quote's
 * PDF. It asserts the answers, never the time; the figures go to docs/performance.md.
 */
@IntegrationTest
class PipelineQuoteBench {

    static final int TEAMS = 20;
    static final int REPS_PER_TEAM = 10;
    static final int OPPORTUNITIES = 500_000;
    static final int QUOTES = 100_000;
    static final int LINES_PER_QUOTE = 10;
    static final int RUNS = 40;

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired SalesTestSupport sales;
    @Autowired CustomerDirectory directory;
    @Autowired JdbcClient jdbc;

    @Test
    void boardForecastAndPdfAtHalfAMillionOpportunities() {
        BenchDurability.assertDurable(jdbc);
        java.time.LocalDate hired = java.time.LocalDate.of(2020, 1, 1);
        List<UUID> reps = new ArrayList<>();
        List<UUID> teams = new ArrayList<>();
        String firstManager = null;
        for (int t = 0; t < TEAMS; t++) {
            UUID unit = fixtures.unit("基准团队" + t);
            teams.add(unit);
            var manager = fixtures.user("bench.m" + t, unit, hired, Role.SALES_MANAGER);
            fixtures.appointManager(unit, manager.id());
            if (firstManager == null) {
                firstManager = manager.username();
            }
            for (int r = 0; r < REPS_PER_TEAM; r++) {
                reps.add(fixtures.user("bench.r" + t + "." + r, unit, hired, Role.SALES_REP).id());
            }
        }
        fixtures.user("bench.dir", fixtures.rootUnit(), hired, Role.SALES_DIRECTOR);
        List<UUID> customers = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            customers.add(directory.register(new CustomerDirectory.NewCustomer("基准客户" + c + "有限公司", null, "制造业", null,
                    reps.get(c % reps.size()), "OTHER", null)).id());
        }
        long started = System.nanoTime();
        jdbc.sql("""
                insert into opportunity_opportunity (id, code, customer_id, name, amount, currency, stage, owner_id, version,
                       created_at, expected_close_date, product_lines, forecast_category, closed_at, stage_changed_at,
                       updated_at, lost_reason)
                select gen_random_uuid(), 'O-BENCH-' || g, (:customers)[1 + g % 200], '基准商机' || g, 10000 + (g % 997) * 1000,
                       'CNY', st.stage, (:reps)[1 + g % 200], 0, now(), date '2026-06-01' + (g % 540),
                       array['安防'], case when st.stage in ('NEGOTIATION', 'CONTRACT') then 'COMMIT'
                                         when st.stage = 'PROPOSAL' then 'BEST_CASE' else 'PIPELINE' end,
                       case when st.stage in ('WON', 'LOST') then timestamptz '2026-01-01' + (g % 330) * interval '1 day' end,
                       now(), now(), case when st.stage = 'LOST' then 'PRICE' end
                from generate_series(1, :n) g
                cross join lateral (select (array['DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT','WON','LOST'])[1 + g % 7] as stage) st
                """).param("customers", customers.toArray(new UUID[0])).param("reps", reps.toArray(new UUID[0]))
                .param("n", OPPORTUNITIES).update();
        jdbc.sql("""
                insert into quote_quote (id, number, revision, opportunity_id, customer_id, author_id, status, currency,
                       quoted_on, subtotal, tax, total, list_total, max_discount, required_authority, created_at, updated_at, version)
                select gen_random_uuid(), 'Q-BENCH-' || g, 1, o.id, o.customer_id, o.owner_id, 'APPROVED', 'CNY', date '2026-11-01',
                       10000, 1300, 11300, 10000, 0, 'REP', now(), now(), 0
                from generate_series(1, :n) g
                join lateral (select id, customer_id, owner_id from opportunity_opportunity where code = 'O-BENCH-' || g) o on true
                """).param("n", QUOTES).update();
        jdbc.sql("""
                insert into quote_line (quote, quote_key, product_id, product_code, product_name, specification, unit, list_price,
                       reference_price, unit_price, quantity, discount_percent, tax_rate, line_total)
                select q.id, k, gen_random_uuid(), 'P-' || k, '工业网关 ' || k, '4G 双卡', '台', 1000, 1000, 1000, 1, 0, 13, 1000
                from quote_quote q cross join generate_series(0, :lines - 1) k where q.number like 'Q-BENCH-%'
                """).param("lines", LINES_PER_QUOTE).update();
        // as autovacuum does after a bulk load: statistics and the visibility map (index-only scans)
        jdbc.sql("vacuum analyze opportunity_opportunity").update();
        // the load above built the cells through the trigger, 500 000 updates in one statement, which leaves
        // their table several times its size; a database migrated with its opportunities gets them from one
        // insert … select, and everyday changes update a cell in place: compact them as that database has them
        jdbc.sql("vacuum full analyze opportunity_forecast_month").update();
        jdbc.sql("vacuum analyze quote_quote").update();
        jdbc.sql("vacuum analyze quote_line").update();
        System.out.printf("BENCH generated %d opportunities and %d quote lines in %.1f s%n", OPPORTUNITIES,
                QUOTES * LINES_PER_QUOTE, (System.nanoTime() - started) / 1e9);

        String manager = "Bearer " + fixtures.token(mvc, firstManager);
        String director = "Bearer " + fixtures.token(mvc, "bench.dir");
        String board = "/api/v1/opportunities/board?teamId=" + teams.get(0);
        MvcTestResult boardAnswer = get(board, manager);
        assertThat(boardAnswer).hasStatusOk();
        long teamOpen = jdbc.sql("select count(*) from opportunity_opportunity where owner_id = any(:reps) and stage not in ('WON', 'LOST')")
                .param("reps", reps.subList(0, REPS_PER_TEAM).toArray(new UUID[0])).query(Long.class).single();
        assertThat(boardAnswer).bodyJson().extractingPath("$.openCount").asNumber().isEqualTo((int) teamOpen);
        plans(reps.subList(0, REPS_PER_TEAM));
        report("team pipeline board (25 000 opportunities of the team)", () -> get(board, manager));
        String forecast = "/api/v1/opportunities/forecast?from=2026-06&months=12&groupBy=TEAM";
        assertThat(get(forecast, director)).hasStatusOk();
        report("company forecast, 12 months by team", () -> get(forecast, director));

        String quoteId = jdbc.sql("select id from quote_quote where number = 'Q-BENCH-7'").query(String.class).single();
        MvcTestResult pdf = get("/api/v1/quotes/" + quoteId + "/pdf", director);
        assertThat(pdf).hasStatusOk();
        assertThat(pdf.getResponse().getContentAsByteArray()).startsWith("%PDF-".getBytes());
        report("quote PDF (10 lines)", () -> get("/api/v1/quotes/" + quoteId + "/pdf", director));
        report("an opportunity's quotes", () -> get("/api/v1/quotes?opportunityId="
                + jdbc.sql("select opportunity_id from quote_quote where number = 'Q-BENCH-7'").query(String.class).single(), director));
    }

    /**
     * The board's statements for a manager's team (scope and team filter: the team's reps), as
     * {@code PipelineQueries} writes them, under {@code EXPLAIN (ANALYZE, BUFFERS)}; printed and written to
     * {@code target/pipeline-board-plans.txt}.
     */
    private void plans(List<UUID> team) {
        java.time.YearMonth month = java.time.YearMonth.of(2026, 11);
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        var statements = new java.util.LinkedHashMap<String, String>();
        String owners = "owner_id in (:scopeOwners) and owner_id in (:teamMembers)";
        statements.put("column totals before: open columns", "select stage, count(*) as n, coalesce(sum(amount), 0) as total "
                + "from opportunity_opportunity where stage in ('DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT') and "
                + owners + " group by stage");
        statements.put("column totals before: closed columns", "select stage, count(*) as n, coalesce(sum(amount), 0) as total "
                + "from opportunity_opportunity where stage in ('WON','LOST') and closed_at >= :closedFrom and closed_at < :closedTo and "
                + owners + " group by stage");
        statements.put("column totals after: one pass over the forecast's cells", "select stage, sum(opportunities) as n, "
                + "coalesce(sum(amount), 0) as total from opportunity_forecast_month where " + owners
                + " and (stage in ('DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT') or stage in ('WON','LOST') "
                + "and month = :closedMonth) group by stage");
        statements.put("column totals after, with a product line: one pass over the opportunities",
                "select stage, count(*) as n, coalesce(sum(amount), 0) as total from opportunity_opportunity where " + owners
                + " and product_lines @> array['安防'] and (stage in ('DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT') "
                + "or stage in ('WON','LOST') and closed_at >= :closedFrom and closed_at < :closedTo) group by stage");
        statements.put("cards before: each column sorts all of the team's opportunities of its stage", """
                select c.* from unnest(array['DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT','WON','LOST']) s(stage)
                cross join lateral (
                    select o.* from opportunity_opportunity o
                    where o.stage = s.stage and o.owner_id in (:scopeOwners) and o.owner_id in (:teamMembers)
                      and (s.stage not in ('WON','LOST') or (o.closed_at >= :closedFrom and o.closed_at < :closedTo))
                    order by case when s.stage in ('WON','LOST') then null else o.expected_close_date end nulls last,
                             o.closed_at desc, o.id
                    limit 20) c""");
        statements.put("cards after: each column the first of each owner's first", """
                select c.* from unnest(array['DISCOVERY','EVALUATION','PROPOSAL','NEGOTIATION','CONTRACT']) s(stage)
                cross join lateral (select o.* from unnest(cast(:cardOwners as uuid[])) w(owner_id) cross join lateral (
                    select o.* from opportunity_opportunity o where o.stage = s.stage and o.owner_id = w.owner_id
                      and o.owner_id in (:scopeOwners) and o.owner_id in (:teamMembers)
                    order by o.expected_close_date, o.id limit 20) o order by o.expected_close_date, o.id limit 20) c
                union all
                select c.* from unnest(array['WON','LOST']) s(stage)
                cross join lateral (select o.* from unnest(cast(:cardOwners as uuid[])) w(owner_id) cross join lateral (
                    select o.* from opportunity_opportunity o where o.stage = s.stage and o.owner_id = w.owner_id
                      and o.owner_id in (:scopeOwners) and o.owner_id in (:teamMembers)
                      and o.closed_at >= :closedFrom and o.closed_at < :closedTo
                    order by o.closed_at desc, o.id limit 20) o order by o.closed_at desc, o.id limit 20) c""");
        statements.put("forecast (the director: every owner), 12 months from 2026-06", """
                select owner_id, case when month < date '2026-06-01' then null else month end as month,
                       stage, forecast_category, sum(opportunities) as n, sum(amount) as amount
                from opportunity_forecast_month
                where stage not in ('WON', 'LOST') and month < date '2027-06-01' and true
                group by 1, 2, 3, 4
                union all
                select owner_id, month, 'WON', 'CLOSED', sum(opportunities), sum(amount)
                from opportunity_forecast_month
                where stage = 'WON' and month >= date '2026-06-01' and month < date '2027-06-01' and true
                group by 1, 2""");
        StringBuilder out = new StringBuilder();
        statements.forEach((what, sql) -> {
            String plan = String.join("\n", jdbc.sql("explain (analyze, buffers) " + sql)
                    .param("scopeOwners", team).param("teamMembers", team).param("cardOwners", team.toArray(new UUID[0]))
                    .param("closedMonth", java.sql.Date.valueOf(month.atDay(1)))
                    .param("closedFrom", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
                    .param("closedTo", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
                    .query(String.class).list());
            out.append("== ").append(what).append("\n").append(sql).append("\n").append(plan).append("\n\n");
        });
        System.out.println("BENCH plans\n" + out);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "pipeline-board-plans.txt"), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private MvcTestResult get(String path, String token) {
        return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private static void report(String what, Supplier<MvcTestResult> call) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            assertThat(call.get()).hasStatusOk();
            micros.add((System.nanoTime() - t) / 1_000);
        }
        micros.sort(null);
        System.out.printf("BENCH %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n", what, micros.get(RUNS / 2) / 1000.0,
                micros.get((int) Math.ceil(RUNS * 0.95) - 1) / 1000.0, micros.get(RUNS - 1) / 1000.0, RUNS);
    }
}

package com.lead2cash.opportunity.internal.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The forecast's cells ({@code opportunity_forecast_month}) equal the aggregation of the opportunities
 * themselves, per owner, month, stage and category, after any series of changes: written straight in SQL
 * (every path the database sees, several rows in one statement included) and through the product.
 */
@IntegrationTest
@Import(TestClock.class)
class ForecastMonthCellsTest {

    private static final String[] STAGES = {"DISCOVERY", "EVALUATION", "PROPOSAL", "NEGOTIATION", "CONTRACT", "WON", "LOST"};
    private static final String[] CATEGORIES = {"PIPELINE", "BEST_CASE", "COMMIT", "OMITTED", "CLOSED"};
    private static final Instant FIRST_CLOSE = Instant.parse("2025-12-31T16:00:00Z");

    @Autowired JdbcClient jdbc;
    @Autowired MockMvcTester mvc;
    @Autowired SalesTestSupport sales;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;
    @Autowired com.lead2cash.opportunity.Opportunities opportunities;
    @Value("${l2c.zone}") String zone;

    /** One change: what to do ({@code kind}), to which of the opportunities written so far, and a value to derive from. */
    record Change(int kind, int target, int value) {
    }

    private static Gen<List<Change>> changes() {
        Gen<Change> change = integers().between(0, 9).zip(integers().between(0, 1_000), integers().between(0, 1_000_000),
                Change::new);
        return lists().of(change).ofSizeBetween(1, 30);
    }

    @Autowired ForecastWeights weights;
    @Autowired com.lead2cash.sop.SopPolicy policy;

    @Test
    void theCellsEqualTheOpportunitiesAfterAnySeriesOfChanges() {
        // the cells weigh each opportunity at the policy's probabilities (O1), as the board and the forecast read them
        weights.inForce(policy.current().bind(com.lead2cash.opportunity.internal.OpportunityRules.class));
        qt().withExamples(60).forAll(changes()).checkAssert(series -> {
            List<UUID> owners = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<UUID> opportunities = new ArrayList<>();
            for (Change c : series) {
                apply(c, owners, opportunities);
            }
            assertThat(cells(owners)).as("after %s", series).isEqualTo(aggregated(owners));
        });
    }

    @Test
    void theCellsFollowOpportunitiesChangedThroughTheProduct() {
        clock.set(TestClock.START);
        var team = sales.team("cells");
        String rep = sales.bearer(mvc, team.rep());
        String manager;
        String customer = sales.customerWithContact(team.rep(), "湖州安防工程有限公司", "沈工", "shen@hz.test");
        List<UUID> owners = List.of(team.rep().id(), team.otherRep().id(), team.company().eastRep2().id());

        String edited = sales.opportunity(mvc, rep, customer, "一期", "100000").get("id").asString();
        assertThat(customers.put(mvc, rep, "/api/v1/opportunities/" + edited, """
                {"name":"一期","amount":150000,"expectedCloseDate":"2027-03-15","version":0}""")).hasStatus(200);
        assertThat(cells(owners)).isEqualTo(aggregated(owners));

        String won = sales.opportunity(mvc, rep, customer, "二期", "600000").get("id").asString();
        sales.qualify(mvc, team, won);
        for (String stage : new String[] {"PROPOSAL", "NEGOTIATION", "CONTRACT"}) {
            sales.move(mvc, rep, won, stage);
        }
        long version = customers.getJson(mvc, rep, "/api/v1/opportunities/" + won).get("version").asLong();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + won + "/forecast-category",
                "{\"forecastCategory\":\"BEST_CASE\",\"version\":" + version + "}")).hasStatus(200);
        clock.advance(Duration.ofDays(40));
        rep = sales.bearer(mvc, team.rep());
        manager = sales.bearer(mvc, team.manager());
        // won by its contract's signing, at the contract's amount (decision 0087): the cells follow stage and amount at once
        opportunities.contractSigned(java.util.UUID.fromString(won), "HT-CELLS-0001", new java.math.BigDecimal("650000.00"),
                clock.instant());
        assertThat(cells(owners)).isEqualTo(aggregated(owners));
        // a signed amendment of the contract: the won amount follows it, and the cells with it
        opportunities.contractAmended(java.util.UUID.fromString(won), "HT-CELLS-0001", "HT-CELLS-0001-B1",
                new java.math.BigDecimal("660000.00"));
        assertThat(cells(owners)).isEqualTo(aggregated(owners));

        String lost = sales.opportunity(mvc, rep, customer, "三期", "80000").get("id").asString();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"PRICE\"}")).hasStatus(200);
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/reopen", "{\"version\":1}")).hasStatus(200);
        String moved = sales.opportunity(mvc, rep, customer, "四期", "50000").get("id").asString();
        assertThat(customers.post(mvc, manager, "/api/v1/opportunities/" + moved + "/owner",
                "{\"ownerId\":\"" + team.company().eastRep2().id() + "\",\"version\":0}")).hasStatus(200);

        assertThat(cells(owners)).isEqualTo(aggregated(owners));
        JsonNode forecast = customers.getJson(mvc, manager, "/api/v1/opportunities/forecast?from=2026-12&months=6&groupBy=REP");
        assertThat(forecast.get("company").get("total").get("won").decimalValue()).as("the amended contract's amount")
                .isEqualByComparingTo("660000");
        assertThat(forecast.get("company").get("total").get("pipeline").decimalValue())
                .as("一期 150 000, 三期 80 000 reopened, 四期 50 000").isEqualByComparingTo("280000");
    }

    @Test
    void theBoardCountsItsColumnsFromTheCellsAndWithAProductLineFromTheOpportunities() {
        clock.set(TestClock.START);
        var team = sales.team("cellboard");
        String rep = sales.bearer(mvc, team.rep());
        String manager = sales.bearer(mvc, team.manager());
        String customer = sales.customerWithContact(team.rep(), "绍兴门禁有限公司", "金工", "jin@sx.test");
        sales.opportunity(mvc, rep, customer, "安防一期", "100000");
        String gate = sales.opportunity(mvc, rep, customer, "安防二期", "300000").get("id").asString();
        sales.qualify(mvc, team, gate);
        sales.move(mvc, rep, gate, "PROPOSAL");
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities", """
                {"customerId":"%s","name":"门禁","amount":70000,"expectedCloseDate":"2027-01-20","productLines":["门禁"]}"""
                .formatted(customer))).hasStatus(201);
        String lost = sales.opportunity(mvc, rep, customer, "安防三期", "20000").get("id").asString();
        assertThat(customers.post(mvc, rep, "/api/v1/opportunities/" + lost + "/stage",
                "{\"stage\":\"LOST\",\"version\":0,\"lostReason\":\"PRICE\"}")).hasStatus(200);

        String board = "/api/v1/opportunities/board?teamId=" + team.company().east();
        JsonNode all = customers.getJson(mvc, manager, board);
        assertThat(column(all, "DISCOVERY")).isEqualTo("2 170000");
        assertThat(column(all, "PROPOSAL")).isEqualTo("1 300000");
        assertThat(column(all, "LOST")).as("closed this month").isEqualTo("1 20000");
        assertThat(all.get("openCount").asInt()).isEqualTo(3);
        JsonNode december = customers.getJson(mvc, manager, board + "&closeMonth=2026-12");
        assertThat(column(december, "DISCOVERY")).isEqualTo("1 100000");
        JsonNode security = customers.getJson(mvc, manager, board + "&productLine=安防");
        assertThat(column(security, "DISCOVERY")).isEqualTo("1 100000");
        assertThat(column(security, "PROPOSAL")).isEqualTo("1 300000");
        assertThat(column(security, "LOST")).isEqualTo("1 20000");
        JsonNode accessInJanuary = customers.getJson(mvc, manager, board + "&productLine=门禁&closeMonth=2027-01");
        assertThat(column(accessInJanuary, "DISCOVERY")).isEqualTo("1 70000");
        assertThat(accessInJanuary.get("openCount").asInt()).isEqualTo(1);
    }

    private static String column(JsonNode board, String stage) {
        for (JsonNode c : board.get("columns")) {
            if (c.get("stage").asString().equals(stage)) {
                return c.get("count").asInt() + " " + c.get("total").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("no column " + stage);
    }

    private void apply(Change c, List<UUID> owners, List<UUID> opportunities) {
        int v = c.value();
        if (c.kind() == 0 || opportunities.isEmpty()) {
            UUID id = UUID.randomUUID();
            String stage = STAGES[v % STAGES.length];
            jdbc.sql("""
                    insert into opportunity_opportunity (id, code, customer_id, name, amount, currency, stage, owner_id,
                           version, created_at, stage_changed_at, updated_at, expected_close_date, forecast_category, closed_at)
                    values (:id, :code, :customer, '性质测试', :amount, 'CNY', :stage, :owner, 0, :at, :at, :at,
                            :close, :category, :closed)""")
                    .param("id", id).param("code", "O-CELLS-" + id).param("customer", UUID.randomUUID())
                    .param("amount", amount(v)).param("stage", stage).param("owner", owners.get(v % owners.size()))
                    .param("at", Timestamp.from(FIRST_CLOSE)).param("close", closeDate(v))
                    .param("category", CATEGORIES[(v / 7) % CATEGORIES.length])
                    .param("closed", isClosed(stage) ? closedAt(v) : null).update();
            opportunities.add(id);
            return;
        }
        UUID id = opportunities.get(c.target() % opportunities.size());
        switch (c.kind()) {
            case 1, 2 -> {
                String stage = STAGES[v % STAGES.length];
                jdbc.sql("update opportunity_opportunity set stage = :stage, closed_at = :closed where id = :id")
                        .param("stage", stage).param("closed", isClosed(stage) ? closedAt(v) : null).param("id", id).update();
            }
            case 3 -> jdbc.sql("update opportunity_opportunity set amount = :amount where id = :id")
                    .param("amount", amount(v)).param("id", id).update();
            case 4 -> jdbc.sql("update opportunity_opportunity set expected_close_date = :close where id = :id")
                    .param("close", closeDate(v)).param("id", id).update();
            case 5 -> jdbc.sql("update opportunity_opportunity set owner_id = :owner where id = :id")
                    .param("owner", owners.get(v % owners.size())).param("id", id).update();
            case 6 -> jdbc.sql("update opportunity_opportunity set forecast_category = :category where id = :id")
                    .param("category", CATEGORIES[v % CATEGORIES.length]).param("id", id).update();
            case 7 -> {
                jdbc.sql("delete from opportunity_opportunity where id = :id").param("id", id).update();
                opportunities.remove(id);
            }
            case 8 -> jdbc.sql("""
                    update opportunity_opportunity set amount = amount + :delta, owner_id = :to
                    where owner_id = :from and id in (:ids)""")
                    .param("delta", amount(v)).param("to", owners.get((v + 1) % owners.size()))
                    .param("from", owners.get(v % owners.size())).param("ids", opportunities).update();
            default -> jdbc.sql("update opportunity_opportunity set name = :name, version = version + 1 where id = :id")
                    .param("name", "改名" + v).param("id", id).update();
        }
    }

    private static BigDecimal amount(int v) {
        return BigDecimal.valueOf(v % 50_000, 0).add(BigDecimal.valueOf(v % 100, 2));
    }

    private static Date closeDate(int v) {
        return v % 13 == 0 ? null : Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(v % 500));
    }

    /** Any minute of about a year from midnight of New Year in the company's zone: month ends in both zones. */
    private static Timestamp closedAt(int v) {
        return Timestamp.from(FIRST_CLOSE.plus(Duration.ofMinutes(v % 500_000)));
    }

    private static boolean isClosed(String stage) {
        return stage.equals("WON") || stage.equals("LOST");
    }

    private List<String> cells(List<UUID> owners) {
        return jdbc.sql("""
                select concat_ws('|', owner_id, month, stage, forecast_category, opportunities, amount, weighted)
                from opportunity_forecast_month
                where owner_id in (:owners) order by 1""").param("owners", owners).query(String.class).list();
    }

    /**
     * The oracle: the opportunities grouped as the forecast needs them, the month computed here on its own, and the sum of
     * their weighted amounts, each rounded to the fen at its stage's probability (none for a closed one).
     */
    private List<String> aggregated(List<UUID> owners) {
        return jdbc.sql("""
                select concat_ws('|', owner_id, month, stage, forecast_category, count(*), sum(amount),
                                 sum(coalesce(round(amount * (select p.probability from opportunity_forecast_probability p
                                                              where p.stage = o.stage) / 100, 2), 0.00)))
                from (select owner_id, stage, forecast_category, amount,
                             case when stage in ('WON', 'LOST') then (date_trunc('month', closed_at at time zone :zone))::date
                                  else (date_trunc('month', expected_close_date))::date end as month
                      from opportunity_opportunity where owner_id in (:owners)) o
                group by owner_id, month, stage, forecast_category order by 1""")
                .param("zone", zone).param("owners", owners).query(String.class).list();
    }
}

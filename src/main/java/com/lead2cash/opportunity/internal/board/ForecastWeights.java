package com.lead2cash.opportunity.internal.board;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The probabilities the forecast's cells weigh their opportunities with ({@code opportunity_forecast_probability}), kept
 * equal to the policy's: each cell keeps the sum of its opportunities' weighted amounts, each rounded to the fen as
 * {@link PipelineQueries#weighted} rounds an opportunity's, so that every weighted total (a board column, the board's
 * header, a forecast cell, a row's total) is the sum of the weighted amounts the opportunities show (decision 0012:
 * totals are sums of rounded parts). The database weighs an opportunity as it changes; when the policy's probabilities
 * are no longer those the cells were weighed with, the first read weighs every open cell again, in a transaction of its
 * own, under the lock each weighing shares.
 */
@Component
public class ForecastWeights {

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;

    ForecastWeights(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes the cells' weighted sums those of the policy's probabilities, weighing them again if they changed. */
    public void inForce(OpportunityRules rules) {
        Map<Stage, BigDecimal> wanted = new EnumMap<>(Stage.class);
        Stage.OPEN.forEach(s -> wanted.put(s, rules.probability(s)));
        if (same(stored(), wanted)) {
            return;
        }
        separately.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('opportunity-forecast-probability'))").query().singleRow();
            if (same(stored(), wanted)) {
                return; // another reader weighed them meanwhile
            }
            jdbc.sql("delete from opportunity_forecast_probability").update();
            wanted.forEach((stage, p) -> jdbc.sql("insert into opportunity_forecast_probability (stage, probability) values (:s, :p)")
                    .param("s", stage.name()).param("p", p).update());
            // every open cell from its opportunities, each weighed on its own (the cells keep at least one each)
            jdbc.sql("""
                    update opportunity_forecast_month f set weighted = w.weighted
                    from (select owner_id, opportunity_forecast_month_of(o.stage, o.expected_close_date, o.closed_at) as month,
                                 o.stage, o.forecast_category, sum(round(o.amount * p.probability / 100, 2)) as weighted
                          from opportunity_opportunity o join opportunity_forecast_probability p on p.stage = o.stage
                          group by 1, 2, 3, 4) w
                    where f.stage = w.stage and f.forecast_category = w.forecast_category
                      and coalesce(f.owner_id, cast('00000000-0000-0000-0000-000000000000' as uuid))
                          = coalesce(w.owner_id, cast('00000000-0000-0000-0000-000000000000' as uuid))
                      and coalesce(f.month, date '0001-01-01') = coalesce(w.month, date '0001-01-01')
                      and f.weighted <> w.weighted""").update();
        });
    }

    private Map<Stage, BigDecimal> stored() {
        Map<Stage, BigDecimal> stored = new EnumMap<>(Stage.class);
        jdbc.sql("select stage, probability from opportunity_forecast_probability").query((rs, i) -> {
            stored.put(Stage.valueOf(rs.getString(1)), rs.getBigDecimal(2));
            return null;
        }).list();
        return stored;
    }

    private static boolean same(Map<Stage, BigDecimal> a, Map<Stage, BigDecimal> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }
}

package com.lead2cash.sop.internal.compliance;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Folds the compliance changes the deadlines' trigger appended ({@code sop_compliance_delta}) into the days
 * ({@code sop_compliance_day}), as a recurring background task (db-scheduler, one node at a time). One
 * statement moves them, so a report sees every change once, before the fold or after it; the days are
 * written in one order, so even two overlapping folds cannot deadlock.
 */
@Configuration(proxyBeanMethods = false)
public class ComplianceFold {

    public static final String TASK = "sop-compliance-fold";

    private final JdbcClient jdbc;

    ComplianceFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves every change appended so far into its day; answers how many days it changed. */
    public int fold() {
        return jdbc.sql("""
                with moved as (delete from sop_compliance_delta
                               returning day, rule_id, owner_id, org_unit_id, met, breached, open)
                insert into sop_compliance_day as d (day, rule_id, owner_id, org_unit_id, met, breached, open)
                select day, rule_id, owner_id, org_unit_id, sum(met), sum(breached), sum(open) from moved
                group by owner_id, day, rule_id, org_unit_id
                order by owner_id, day, rule_id, org_unit_id
                on conflict (owner_id, day, rule_id, org_unit_id) do update
                    set met = d.met + excluded.met, breached = d.breached + excluded.breached, open = d.open + excluded.open
                """).update();
    }

    @Bean
    RecurringTask<Void> complianceFoldTask(@Value("${l2c.sop.compliance.fold-interval:30s}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> fold());
    }
}

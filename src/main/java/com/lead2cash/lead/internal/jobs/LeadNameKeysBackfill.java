package com.lead2cash.lead.internal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.lead2cash.customer.CompanyNames;
import com.lead2cash.platform.StoredKeyBackfill;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites the company-name keys of leads stored under an older rule of {@link CompanyNames} (the
 * duplicate check looks leads up by the key), so a lead typed before the rule learned traditional
 * characters or another legal form is still found. A background task that runs at start-up and hourly
 * on one node; once a rule version is done, a run is one primary-key read ({@link StoredKeyBackfill}).
 */
@Component
public class LeadNameKeysBackfill {

    static final String TASK = "lead-name-keys-backfill";

    private static final StoredKeyBackfill LEADS = new StoredKeyBackfill("lead_name_key_backfill", "lead_lead",
            "company_name", "company_name_normalized", CompanyNames.RULE_VERSION, CompanyNames::normalize);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    LeadNameKeysBackfill(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Rewrites what is left to rewrite; answers how many leads' keys changed. */
    public int run() {
        return LEADS.run(jdbc, tx);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> leadNameKeysBackfillTask(LeadNameKeysBackfill backfill) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> backfill.run());
        }
    }
}

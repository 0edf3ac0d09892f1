package com.lead2cash.customer.internal.jobs;

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
 * Rewrites the company-name keys of customers stored under an older rule of {@link CompanyNames} (the
 * duplicate check looks customers up by the key), so a customer typed before the rule learned traditional
 * characters or another legal form is still found. A background task that runs at start-up and hourly
 * on one node; once a rule version is done, a run is one primary-key read ({@link StoredKeyBackfill}).
 */
@Component
public class CustomerNameKeysBackfill {

    static final String TASK = "customer-name-keys-backfill";

    private static final StoredKeyBackfill CUSTOMERS = new StoredKeyBackfill("customer_name_key_backfill", "customer_customer",
            "name", "name_normalized", CompanyNames.RULE_VERSION, CompanyNames::normalize);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    CustomerNameKeysBackfill(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Rewrites what is left to rewrite; answers how many customers' keys changed. */
    public int run() {
        return CUSTOMERS.run(jdbc, tx);
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> customerNameKeysBackfillTask(CustomerNameKeysBackfill backfill) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> backfill.run());
        }
    }
}

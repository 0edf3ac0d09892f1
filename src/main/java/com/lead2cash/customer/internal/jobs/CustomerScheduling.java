package com.lead2cash.customer.internal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.lead2cash.platform.BackgroundTasks;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The customer module's background work, declared as db-scheduler tasks that the node's one scheduler
 * runs with every other module's ({@code platform.BackgroundTasks}): the daily public-pool sweep (C7),
 * customer imports, and the daily fill of search keys for customers stored before they existed.
 * db-scheduler gives each execution to one node at a time and runs a recurring task missed during
 * downtime once at the next start.
 */
@Configuration(proxyBeanMethods = false)
public class CustomerScheduling {

    public static final String POOL_SWEEP = "customer-pool-sweep";
    public static final String IMPORT = "customer-import";
    public static final String SEARCH_BACKFILL = "customer-search-backfill";

    /** Runs an import by id (implemented by the import part). */
    public interface ImportRunner {
        void run(UUID importId);
    }

    /** Queues imports for the node's scheduler, in the caller's transaction. */
    public static final class ImportQueue {
        private final BackgroundTasks background;
        private final OneTimeTask<Void> task;

        ImportQueue(BackgroundTasks background, OneTimeTask<Void> task) {
            this.background = background;
            this.task = task;
        }

        /**
         * Schedules an import to run at once: the node looks for it as soon as the upload commits, instead
         * of at its next poll (up to the polling interval later, which the uploader would wait for nothing).
         */
        public void scheduleImport(UUID importId) {
            background.runSoon(task.instance(importId.toString()));
        }
    }

    /** The pool sweep as a background task; tests that drive it themselves switch it off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "l2c.customer.routines.enabled", havingValue = "true", matchIfMissing = true)
    static class PoolSweepSchedule {

        @Bean
        RecurringTask<Void> customerPoolSweepTask(PoolSweep sweep,
                                                  @Value("${l2c.customer.routines.interval:1m}") Duration interval) {
            return Tasks.recurring(POOL_SWEEP, FixedDelay.of(interval)).execute((instance, context) -> sweep.run());
        }
    }

    @Bean
    RecurringTask<Void> customerSearchBackfillTask(SearchKeysBackfill backfill, @Value("${l2c.zone}") ZoneId zone) {
        return Tasks.recurring(SEARCH_BACKFILL, Schedules.daily(zone, LocalTime.of(3, 0)))
                .execute((instance, context) -> backfill.run());
    }

    @Bean
    OneTimeTask<Void> customerImportTask(ObjectProvider<ImportRunner> imports) {
        return Tasks.oneTime(IMPORT).execute((instance, context) -> imports.getObject().run(UUID.fromString(instance.getId())));
    }

    @Bean
    ImportQueue customerImportQueue(BackgroundTasks background, OneTimeTask<Void> customerImportTask) {
        // the platform's scheduling joins the upload's transaction: an import is queued exactly when it commits
        return new ImportQueue(background, customerImportTask);
    }

    @Bean
    SearchKeysAtStart customerSearchKeysAtStart(SearchKeysBackfill backfill) {
        return new SearchKeysAtStart(backfill);
    }

    /** Customers stored before the search keys existed get them when the application is ready. */
    static final class SearchKeysAtStart {
        private final SearchKeysBackfill backfill;

        SearchKeysAtStart(SearchKeysBackfill backfill) {
            this.backfill = backfill;
        }

        @EventListener(ApplicationReadyEvent.class)
        void fill() {
            backfill.run();
        }
    }
}

package com.lead2cash.customer.internal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * The customer module's background work on db-scheduler, in its own table
 * ({@code customer_scheduled_tasks}): the daily public-pool sweep (C7), customer imports, and the
 * one-time fill of search keys for customers stored before they existed. db-scheduler gives each
 * execution to one node at a time and runs a recurring task missed during downtime at the next start.
 */
@Configuration(proxyBeanMethods = false)
public class CustomerScheduling {

    public static final String POOL_SWEEP = "customer-pool-sweep";
    public static final String IMPORT = "customer-import";
    public static final String SEARCH_BACKFILL = "customer-search-backfill";

    /** Runs an import by id (implemented by the import module part). */
    public interface ImportRunner {
        void run(UUID importId);
    }

    /** This node's customer scheduler: started once when the application is ready, stopped once on close. */
    public static final class CustomerScheduler {
        private final Scheduler scheduler;
        private final OneTimeTask<Void> importTask;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();

        CustomerScheduler(Scheduler scheduler, OneTimeTask<Void> importTask) {
            this.scheduler = scheduler;
            this.importTask = importTask;
        }

        /**
         * Schedules an import to run at once. db-scheduler compares execution times with its own clock,
         * so "at once" is the earliest instant there is, whatever the application's business clock says.
         */
        public void scheduleImport(UUID importId) {
            scheduler.schedule(importTask.instance(importId.toString()), Instant.EPOCH);
        }

        void start() {
            if (started.compareAndSet(false, true)) {
                scheduler.start();
            }
        }

        void stop() {
            if (started.get() && stopped.compareAndSet(false, true)) {
                scheduler.stop();
            }
        }
    }

    @Bean
    CustomerScheduler customerScheduler(DataSource dataSource, PoolSweep sweep, SearchKeysBackfill backfill,
                                        org.springframework.beans.factory.ObjectProvider<ImportRunner> imports, @Value("${l2c.zone}") ZoneId zone,
                                        @Value("${l2c.customer.pool-sweep-time:01:00}") LocalTime sweepTime,
                                        @Value("${l2c.customer.polling-interval:5s}") Duration polling) {
        RecurringTask<Void> poolSweep = Tasks.recurring(POOL_SWEEP, Schedules.daily(zone, sweepTime))
                .execute((instance, context) -> sweep.run());
        RecurringTask<Void> searchBackfill = Tasks.recurring(SEARCH_BACKFILL, Schedules.daily(zone, LocalTime.of(3, 0)))
                .execute((instance, context) -> backfill.run());
        OneTimeTask<Void> importTask = Tasks.oneTime(IMPORT)
                .execute((instance, context) -> imports.getObject().run(UUID.fromString(instance.getId())));
        Scheduler scheduler = Scheduler.create(dataSource, importTask)
                .tableName("customer_scheduled_tasks")
                .startTasks(poolSweep, searchBackfill)
                .pollingInterval(polling)
                .heartbeatInterval(Duration.ofSeconds(30))
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(3))
                .threads(2)
                .build();
        return new CustomerScheduler(scheduler, importTask);
    }

    @Bean
    CustomerSchedulerLifecycle customerSchedulerLifecycle(CustomerScheduler scheduler, SearchKeysBackfill backfill,
                                                          @Value("${l2c.customer.scheduler-enabled:true}") boolean enabled) {
        return new CustomerSchedulerLifecycle(scheduler, backfill, enabled);
    }

    /** Starts the scheduler once migrations ran and the application is ready; stops it, bounded, on close. */
    static final class CustomerSchedulerLifecycle {
        private final CustomerScheduler scheduler;
        private final SearchKeysBackfill backfill;
        private final boolean enabled;

        CustomerSchedulerLifecycle(CustomerScheduler scheduler, SearchKeysBackfill backfill, boolean enabled) {
            this.scheduler = scheduler;
            this.backfill = backfill;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            backfill.run();
            if (enabled) {
                scheduler.start();
            }
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            Thread stopping = new Thread(scheduler::stop, "customer-scheduler-stop");
            stopping.setDaemon(true);
            stopping.start();
            try {
                stopping.join(Duration.ofSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

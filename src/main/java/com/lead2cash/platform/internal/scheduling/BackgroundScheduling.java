package com.lead2cash.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.lead2cash.platform.BackgroundTasks;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the application's background work on db-scheduler: one scheduler per node, built from every
 * {@link Task} bean of every module, started when the application is ready (migrations done) and
 * stopped when the context closes.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundScheduling {

    @Bean
    BackgroundTasks.Node backgroundScheduler(DataSource dataSource, List<Task<?>> tasks,
                                      @Value("${l2c.scheduler.polling-interval:10s}") Duration pollingInterval,
                                      @Value("${l2c.scheduler.heartbeat-interval:30s}") Duration heartbeatInterval,
                                      @Value("${l2c.scheduler.threads:6}") int threads) {
        return BackgroundTasks.node(dataSource, tasks,
                new BackgroundTasks.Settings(pollingInterval, heartbeatInterval, threads), null);
    }

    @Bean
    Lifecycle backgroundSchedulerLifecycle(BackgroundTasks.Node node,
                                           @Value("${l2c.scheduler.enabled:true}") boolean enabled) {
        return new Lifecycle(node, enabled);
    }

    /** Starts the node's scheduler once the application is ready and stops it on close. */
    static final class Lifecycle {
        private static final Duration STOP_WAIT = Duration.ofSeconds(2);
        private final BackgroundTasks.Node node;
        private final boolean enabled;

        Lifecycle(BackgroundTasks.Node node, boolean enabled) {
            this.node = node;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            if (enabled) {
                node.start();
            }
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            // bounded: work cut short rolls back and is revived, so shutdown need not wait for it
            Thread stopping = new Thread(node::stop, "background-scheduler-stop");
            stopping.setDaemon(true);
            stopping.start();
            try {
                stopping.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link BackgroundTasks} on this node's scheduler (looked up late: tasks depend on the services that schedule them). */
    @Component
    static class ScheduledBackgroundTasks implements BackgroundTasks {

        /** db-scheduler compares execution times with the wall clock, not with business time. */
        private final Clock schedulerClock = Clock.systemUTC();
        private final ObjectProvider<BackgroundTasks.Node> node;

        ScheduledBackgroundTasks(ObjectProvider<BackgroundTasks.Node> node) {
            this.node = node;
        }

        @Override
        public void runSoon(TaskInstance<?> instance) {
            runAfter(instance, Duration.ZERO);
        }

        @Override
        public void runAfter(TaskInstance<?> instance, Duration delay) {
            Scheduler scheduler = node.getObject().scheduler();
            Instant at = schedulerClock.instant().plus(delay);
            if (!scheduler.scheduleIfNotExists(instance, at)) {
                scheduler.reschedule(instance, at);
            }
            wakeAfterCommit(scheduler);
        }

        @Override
        public void cancel(TaskInstanceId instance) {
            try {
                node.getObject().scheduler().cancel(instance);
            } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException e) {
                // it runs or has run: nothing left to cancel
            }
        }

        /** Polling finds only committed executions: look again once this transaction is in. */
        private static void wakeAfterCommit(Scheduler scheduler) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                scheduler.triggerCheckForDueExecutions();
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        }
    }
}

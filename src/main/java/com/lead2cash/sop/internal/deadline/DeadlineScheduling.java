package com.lead2cash.sop.internal.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the deadline sweep on db-scheduler: one recurring task in {@code scheduled_tasks}, which
 * db-scheduler hands to one node at a time; the sweep's row locks make even overlapping sweeps
 * safe. The scheduler starts when the application is ready and stops when the context closes.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineScheduling {

    public static final String SWEEP_TASK = "sop-deadline-sweep";

    /** The scheduler of this node, started once and stopped once. */
    public static final class SweepScheduler {
        private final Scheduler scheduler;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();

        SweepScheduler(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        public void start() {
            if (started.compareAndSet(false, true)) {
                scheduler.start();
            }
        }

        public void stop() {
            if (started.get() && stopped.compareAndSet(false, true)) {
                scheduler.stop();
            }
        }
    }

    /** A scheduler running the sweep; tests build a second "node" with it on the same database. */
    public static SweepScheduler newScheduler(DataSource dataSource, DeadlineSweeper sweeper, Duration sweepInterval,
                                              Duration pollingInterval, String nodeName) {
        RecurringTask<Void> sweep = Tasks.recurring(SWEEP_TASK, FixedDelay.of(sweepInterval))
                .execute((instance, context) -> sweeper.sweep());
        var builder = Scheduler.create(dataSource)
                .startTasks(sweep)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat(pollingInterval))
                // a sweep cut short rolls back and the next sweep repeats it: no reason to hold up shutdown
                .shutdownMaxWait(Duration.ofSeconds(3))
                .threads(2);
        if (nodeName != null) {
            builder.schedulerName(new SchedulerName.Fixed(nodeName));
        }
        return new SweepScheduler(builder.build());
    }

    /** Ten polls, between one second and db-scheduler's default of five minutes: a dead node is noticed soon. */
    private static Duration heartbeat(Duration pollingInterval) {
        Duration tenPolls = pollingInterval.multipliedBy(10);
        if (tenPolls.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return tenPolls.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : tenPolls;
    }

    @Bean
    SweepScheduler deadlineSweepScheduler(DataSource dataSource, DeadlineSweeper sweeper,
                                          @Value("${l2c.sop.deadlines.sweep-interval:30s}") Duration sweepInterval,
                                          @Value("${l2c.sop.deadlines.polling-interval:10s}") Duration pollingInterval) {
        return newScheduler(dataSource, sweeper, sweepInterval, pollingInterval, null);
    }

    @Bean
    SchedulerLifecycle deadlineSchedulerLifecycle(SweepScheduler scheduler,
                                                  @Value("${l2c.sop.deadlines.scheduler-enabled:true}") boolean enabled) {
        return new SchedulerLifecycle(scheduler, enabled);
    }

    /** Starts the sweep once the application is ready (migrations done) and stops it on close. */
    static final class SchedulerLifecycle {
        private static final Duration STOP_WAIT = Duration.ofSeconds(2);
        private final SweepScheduler scheduler;
        private final boolean enabled;

        SchedulerLifecycle(SweepScheduler scheduler, boolean enabled) {
            this.scheduler = scheduler;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            if (enabled) {
                scheduler.start();
            }
        }

        @EventListener(ContextClosedEvent.class)
        void stop() {
            // bounded: a sweep cut short rolls back and is repeated, so shutdown need not wait for it
            Thread stopping = new Thread(scheduler::stop, "sop-deadline-scheduler-stop");
            stopping.setDaemon(true);
            stopping.start();
            try {
                stopping.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package com.lead2cash.sop.internal.deadline;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deadline sweep as a recurring background task (db-scheduler, one node at a time); the sweep's
 * row locks make even overlapping sweeps safe.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineScheduling {

    public static final String SWEEP_TASK = "sop-deadline-sweep";

    @Bean
    RecurringTask<Void> deadlineSweepTask(DeadlineSweeper sweeper,
                                          @Value("${l2c.sop.deadlines.sweep-interval:30s}") Duration sweepInterval) {
        return Tasks.recurring(SWEEP_TASK, FixedDelay.of(sweepInterval)).execute((instance, context) -> sweeper.sweep());
    }
}

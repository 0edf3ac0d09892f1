package com.lead2cash.platform;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;

/**
 * Background work (后台任务): every job that runs later or away from the request is a db-scheduler
 * task, declared by its module as a {@code Task} bean and run by the one scheduler of each node
 * (docs/decisions/0005-background-work.md). Executions live in {@code scheduled_tasks}, so they
 * survive restarts, run on one node at a time and are revived elsewhere when their node dies.
 *
 * <p>Scheduling joins the caller's transaction: the execution exists exactly when the business change
 * that asked for it committed.
 */
public interface BackgroundTasks {

    /** Schedules a one-time task instance to run now (or moves it to now); after commit this node looks for it at once. */
    void runSoon(TaskInstance<?> instance);

    /** Schedules a one-time task instance to run after {@code delay}, or moves it there when it is already scheduled. */
    void runAfter(TaskInstance<?> instance, Duration delay);

    /** Removes a scheduled execution that has not started; no-op when there is none. */
    void cancel(TaskInstanceId instance);
}

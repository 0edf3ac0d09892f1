package com.lead2cash.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Work that runs later or in the background (后台任务) runs on db-scheduler, durably in the database.
 * A module declares its db-scheduler tasks as Spring beans — a {@code RecurringTask} for a routine,
 * whose body does its claim and its work in one transaction — and each node runs one scheduler with
 * every task of every module on the table {@code scheduled_tasks}: db-scheduler gives an execution to
 * one node at a time, and a recurring execution that fell due while no node ran runs once when one
 * starts. {@code l2c.scheduler.polling-interval} (10 s) and {@code l2c.scheduler.enabled} (true) tune it.
 */
public final class BackgroundTasks {

    private BackgroundTasks() {
    }

    /** One node's scheduler: started once, stopped once. */
    public static final class Node {
        private final Scheduler scheduler;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();

        Node(Scheduler scheduler) {
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

    /**
     * A scheduler of the given tasks; {@code nodeName} null names it after the host. Tests build a
     * second "node" with it on the same database.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Node node(DataSource dataSource, List<? extends Task<?>> tasks, Duration pollingInterval,
                            String nodeName) {
        List<Task<?>> known = new ArrayList<>();
        List startTasks = new ArrayList<>();
        for (Task<?> task : tasks) {
            if (task instanceof OnStartup) {
                startTasks.add(task);
            } else {
                known.add(task);
            }
        }
        var builder = Scheduler.create(dataSource, known)
                .startTasks(startTasks)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat(pollingInterval))
                // work cut short rolls back and runs again: no reason to hold up shutdown for it
                .shutdownMaxWait(Duration.ofSeconds(3))
                .threads(2);
        if (nodeName != null) {
            builder.schedulerName(new SchedulerName.Fixed(nodeName));
        }
        return new Node(builder.build());
    }

    /** Ten polls, between one second and db-scheduler's default of five minutes: a dead node is noticed soon. */
    private static Duration heartbeat(Duration pollingInterval) {
        Duration tenPolls = pollingInterval.multipliedBy(10);
        if (tenPolls.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return tenPolls.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : tenPolls;
    }
}

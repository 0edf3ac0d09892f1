package com.lead2cash.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Background work (后台任务): everything that runs later or away from the request is a db-scheduler
 * task, durable in the table {@code scheduled_tasks} (docs/decisions/0005-background-work.md). A
 * module declares its tasks as Spring beans — a {@code RecurringTask} for a routine, whose body claims
 * its period and does its work in one transaction; a {@code OneTimeTask} for work a request hands
 * off, scheduled through this interface — and each node runs one scheduler ({@link Node}) knowing
 * every task of every module. An execution runs on one node at a time, is revived elsewhere when its
 * node dies, and a recurring execution that fell due while no node ran runs once when one starts.
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

    /**
     * A scheduler running {@code tasks} on the database; {@code nodeName} null names it after the
     * host. The application builds its node from every task bean; tests build more "nodes" on the same
     * database (two nodes sweeping, a node that dies mid-import and another that revives it).
     */
    static Node node(DataSource dataSource, Collection<? extends Task<?>> tasks, Settings settings, String nodeName) {
        return Node.create(dataSource, tasks, settings, nodeName);
    }

    /**
     * How a node polls and proves it is alive: an execution whose node missed six heartbeats is taken
     * as dead and revived by another node (or by this one after a restart).
     */
    record Settings(Duration pollingInterval, Duration heartbeatInterval, int threads) {

        /** Polling every {@code interval} with a heartbeat of ten polls (1 s to 5 min) and two threads: for test nodes. */
        public static Settings polling(Duration interval) {
            Duration tenPolls = interval.multipliedBy(10);
            Duration heartbeat = tenPolls.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : tenPolls.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : tenPolls;
            return new Settings(interval, heartbeat, 2);
        }
    }

    /**
     * The db-scheduler of one node, started once and stopped once. One scheduler per node that knows
     * all tasks matters: db-scheduler deletes the executions of a task its scheduler does not know once
     * they have looked unknown for a while, so a second scheduler with fewer tasks on the same table
     * would in time delete the others' work.
     */
    final class Node {
        private final Scheduler scheduler;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Node(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        /** Recurring tasks schedule themselves on start; database access joins the caller's Spring transaction. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Node create(DataSource dataSource, Collection<? extends Task<?>> tasks, Settings settings,
                                   String nodeName) {
            DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy ? dataSource
                    : new TransactionAwareDataSourceProxy(dataSource);
            List<Task<?>> known = List.copyOf(tasks);
            List startTasks = known.stream().filter(OnStartup.class::isInstance).toList();
            var builder = Scheduler.create(transactional, known.stream().filter(t -> !(t instanceof OnStartup)).toList())
                    .startTasks(startTasks)
                    .pollingInterval(settings.pollingInterval())
                    .heartbeatInterval(settings.heartbeatInterval())
                    .threads(settings.threads())
                    // work cut short rolls back and is revived or repeated: no reason to hold up shutdown
                    .shutdownMaxWait(Duration.ofSeconds(3));
            if (nodeName != null) {
                builder.schedulerName(new SchedulerName.Fixed(nodeName));
            }
            return new Node(builder.build());
        }

        /** The underlying db-scheduler (for the platform's scheduling and for tests). */
        public Scheduler scheduler() {
            return scheduler;
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
}

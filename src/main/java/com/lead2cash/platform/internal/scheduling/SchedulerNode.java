package com.lead2cash.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The db-scheduler of one application node, knowing every task of the application. One scheduler per
 * node that knows all tasks matters: db-scheduler deletes the executions of a task its scheduler does
 * not know once they have looked unknown for a while, so a second scheduler with fewer tasks on the
 * same table would in time delete the others' work. Tests build more nodes with {@link #create}.
 */
public final class SchedulerNode {

    private final Scheduler scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private SchedulerNode(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A node running {@code tasks}; recurring ones schedule themselves on start. Its database access
     * joins the caller's Spring transaction when there is one, so scheduling commits with the work
     * that asked for it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SchedulerNode create(DataSource dataSource, Collection<? extends Task<?>> tasks, Settings settings,
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
        return new SchedulerNode(builder.build());
    }

    /**
     * How a node polls and proves it is alive: an execution whose node missed six heartbeats is
     * taken as dead and revived by another node (or by this one after a restart).
     */
    public record Settings(Duration pollingInterval, Duration heartbeatInterval, int threads) {
    }

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

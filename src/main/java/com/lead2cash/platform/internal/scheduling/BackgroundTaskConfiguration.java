package com.lead2cash.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.task.Task;
import com.lead2cash.platform.BackgroundTasks;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * This node's scheduler with every module's background tasks ({@link BackgroundTasks}): started when
 * the application is ready (migrations done), stopped when the context closes.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundTaskConfiguration {

    @Bean
    BackgroundTasks.Node backgroundTasks(DataSource dataSource, List<Task<?>> tasks,
                                         @Value("${l2c.scheduler.polling-interval:10s}") Duration pollingInterval) {
        return BackgroundTasks.node(dataSource, tasks, pollingInterval, null);
    }

    @Bean
    Lifecycle backgroundTasksLifecycle(BackgroundTasks.Node node,
                                       @Value("${l2c.scheduler.enabled:true}") boolean enabled) {
        return new Lifecycle(node, enabled);
    }

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
            // bounded: work cut short rolls back and runs again, so shutdown need not wait for it
            Thread stopping = new Thread(node::stop, "background-tasks-stop");
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

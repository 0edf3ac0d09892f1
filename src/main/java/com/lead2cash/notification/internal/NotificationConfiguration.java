package com.lead2cash.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.lead2cash.notification.internal.delivery.DeliveryWorker;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification module's set-up: the delivery worker as a background task of the node's
 * db-scheduler (the digest declares its own, {@link DigestJob}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    @Bean
    NavigationEntry robotsNavigation() {
        return new NavigationEntry("notification.nav.robots", "/admin/integrations/robots", 950, Set.of(Role.ADMIN));
    }

    /** Sends what is due every poll interval; a failed poll is simply the next poll's work. */
    @Bean
    RecurringTask<Void> notificationDeliveryTask(DeliveryWorker worker,
                                                 @Value("${l2c.notification.poll-interval:5s}") Duration interval) {
        return Tasks.recurring(DeliveryWorker.TASK, FixedDelay.of(interval))
                .execute((instance, context) -> worker.runOnce());
    }
}

package com.lead2cash.receivable.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collection routine (P1, P2) as a background task; tests that drive it themselves switch it off. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "l2c.receivable.routines.enabled", havingValue = "true", matchIfMissing = true)
class ReceivableScheduling {

    static final String COLLECTION = "receivable-collection-routine";

    @Bean
    RecurringTask<Void> receivableCollectionTask(CollectionRoutine routine,
                                                 @Value("${l2c.receivable.routines.interval:5m}") Duration interval) {
        return Tasks.recurring(COLLECTION, FixedDelay.of(interval)).execute((instance, context) -> routine.run());
    }
}

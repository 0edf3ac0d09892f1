package com.lead2cash.lead.internal.io;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lead imports as db-scheduler work: the one-time task {@value LeadImportRun#TASK}. A run that dies
 * with its node is revived (db-scheduler's dead-execution detection) and resumes; a run that fails is
 * retried after {@code l2c.lead.import.retry-after}, and after {@link #FAILURES} failures in a row the
 * import ends FAILED with its report.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeadImportSettings.class)
public class LeadImportScheduling {

    static final int FAILURES = 3;

    @Bean
    OneTimeTask<Void> leadImportTask(LeadImportRun run, LeadImportSettings settings) {
        FailureHandler<Void> retryThenGiveUp = (complete, operations) -> {
            if (complete.getExecution().consecutiveFailures + 1 >= FAILURES) {
                run.giveUp(UUID.fromString(complete.getExecution().taskInstance.getId()), "lead.import.failedRepeatedly");
                operations.stop();
            } else {
                operations.reschedule(complete, complete.getTimeDone().plus(settings.retryAfter()));
            }
        };
        return Tasks.oneTime(LeadImportRun.TASK)
                .onFailure(retryThenGiveUp)
                .execute((instance, context) -> run.run(UUID.fromString(instance.getId())));
    }
}

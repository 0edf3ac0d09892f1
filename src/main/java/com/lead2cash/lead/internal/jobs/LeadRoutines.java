package com.lead2cash.lead.internal.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.sop.SopPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The lead module's routines — the daily summary and the weekly nurture batch — at the times the
 * policy sets. One background task looks every minute for the latest period that has come and is not
 * done, so a period missed while no node ran is caught up once, as soon as one runs again.
 */
@Component
public class LeadRoutines {

    static final String TASK = "lead-routines";

    private final SopPolicy policy;
    private final DailyLeadSummary summary;
    private final NurtureBatch nurtureBatch;
    private final Clock clock;
    private final ZoneId zone;

    LeadRoutines(SopPolicy policy, DailyLeadSummary summary, NurtureBatch nurtureBatch, Clock clock,
                 @Value("${l2c.zone}") ZoneId zone) {
        this.policy = policy;
        this.summary = summary;
        this.nurtureBatch = nurtureBatch;
        this.clock = clock;
        this.zone = zone;
    }

    /** Runs whatever is due and not done; answers how many routines ran. */
    public int runDue() {
        LeadRules rules = policy.current().bind(LeadRules.class);
        ZonedDateTime now = clock.instant().atZone(zone);
        int ran = summary.send(DailyLeadSummary.dueDay(rules, now)) ? 1 : 0;
        return ran + (nurtureBatch.run(NurtureBatch.dueWeek(rules, now)) ? 1 : 0);
    }

    /** The routines as a background task; tests that drive them themselves switch it off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "l2c.lead.routines.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        @Bean
        RecurringTask<Void> leadRoutinesTask(LeadRoutines routines,
                                             @Value("${l2c.lead.routines.interval:1m}") Duration interval) {
            return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> routines.runDue());
        }
    }
}

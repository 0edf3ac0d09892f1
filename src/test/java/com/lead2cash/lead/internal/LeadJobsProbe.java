package com.lead2cash.lead.internal;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Lets tests outside the package run the lead jobs for a given period, as the scheduler would. */
@Component
public class LeadJobsProbe {

    private final LeadJobs jobs;

    LeadJobsProbe(LeadJobs jobs) {
        this.jobs = jobs;
    }

    public boolean dailySummary(LocalDate day) {
        return jobs.dailySummary(day);
    }

    public boolean nurtureBatch(String week) {
        return jobs.nurtureBatch(week);
    }
}

package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.jobs.DailyLeadSummary;
import com.lead2cash.lead.internal.jobs.LeadRoutines;
import com.lead2cash.lead.internal.jobs.NurtureBatch;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Lets tests outside the package run the lead routines for a given period, as the background task would. */
@Component
public class LeadJobsProbe {

    private final DailyLeadSummary summary;
    private final NurtureBatch nurtureBatch;
    private final LeadRoutines routines;

    LeadJobsProbe(DailyLeadSummary summary, NurtureBatch nurtureBatch, LeadRoutines routines) {
        this.summary = summary;
        this.nurtureBatch = nurtureBatch;
        this.routines = routines;
    }

    public boolean dailySummary(LocalDate day) {
        return summary.send(day);
    }

    public boolean nurtureBatch(String week) {
        return nurtureBatch.run(week);
    }

    /** Whatever is due now, as the background task runs it every minute. */
    public int runDue() {
        return routines.runDue();
    }
}

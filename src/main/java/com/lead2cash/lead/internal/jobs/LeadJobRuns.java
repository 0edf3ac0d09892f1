package com.lead2cash.lead.internal.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The periods the lead routines have done: one row per job and period ({@code lead_job_run}). A
 * routine writes its row in the same transaction as its work, so a period is done exactly when its
 * work committed — never claimed and left undone, never done twice.
 */
@Component
public class LeadJobRuns {

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadJobRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Marks the period done in the caller's transaction; false when it was done already (another run was first). */
    boolean claim(String job, String period) {
        return jdbc.sql("insert into lead_job_run (job, period, ran_at) values (:j, :p, :t) on conflict do nothing")
                .param("j", job).param("p", period).param("t", Timestamp.from(clock.instant())).update() == 1;
    }

    boolean done(String job, String period) {
        return jdbc.sql("select count(*) from lead_job_run where job = :j and period = :p")
                .param("j", job).param("p", period).query(Integer.class).single() > 0;
    }
}

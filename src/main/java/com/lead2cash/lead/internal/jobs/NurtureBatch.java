package com.lead2cash.lead.internal.jobs;

import com.lead2cash.lead.internal.LeadAssignment;
import com.lead2cash.lead.internal.domain.LeadRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * L4 — the weekly batch of the nurture pool (培育池批量分配):
 * on the policy's weekday and time every unowned nurtured lead is routed like a B lead. It hands out
 * the whole pool, page by page, each page in a transaction of its own; the week is recorded as done
 * in the same transaction as its last page, so a run cut short is finished by the next one.
 */
@Component
public class NurtureBatch {

    static final String JOB = "nurture-batch";

    private final LeadAssignment assignment;
    private final LeadJobRuns runs;
    private final TransactionTemplate transactions;
    private final int pageSize;

    NurtureBatch(LeadAssignment assignment, LeadJobRuns runs, TransactionTemplate transactions,
                 @Value("${l2c.lead.nurture-page-size:200}") int pageSize) {
        this.assignment = assignment;
        this.runs = runs;
        this.transactions = transactions;
        this.pageSize = pageSize;
    }

    /** The ISO week of the latest batch whose day and time have come. */
    static String dueWeek(LeadRules rules, ZonedDateTime now) {
        LocalDate day = now.toLocalDate().with(TemporalAdjusters.previousOrSame(rules.nurtureBatchDay()));
        if (day.equals(now.toLocalDate()) && now.toLocalTime().isBefore(rules.nurtureBatchTime())) {
            day = day.minusWeeks(1);
        }
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Runs the week's batch unless it is done; answers whether this run finished it. */
    public boolean run(String week) {
        if (runs.done(JOB, week)) {
            return false;
        }
        Instant afterCreatedAt = null;
        UUID afterId = null;
        while (true) {
            Instant fromAt = afterCreatedAt;
            UUID fromId = afterId;
            Page page = transactions.execute(tx -> {
                LeadAssignment.NurturePage assigned = assignment.assignNurtured(fromAt, fromId, pageSize);
                boolean last = assigned.seen() < pageSize;
                return new Page(assigned, last && runs.claim(JOB, week), last);
            });
            if (page.last()) {
                return page.finished();
            }
            afterCreatedAt = page.assigned().lastCreatedAt();
            afterId = page.assigned().lastId();
        }
    }

    private record Page(LeadAssignment.NurturePage assigned, boolean finished, boolean last) {
    }
}

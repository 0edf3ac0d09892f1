package com.lead2cash.customer.internal.jobs;

import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerPolicy;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * C7 — the daily return of lapsed customers to the public pool (公海回收): customers in development
 * whose follow-up lapsed (no follow-up for the policy's multiple of their cadence) lose their owner.
 * A background task asks every minute for the latest day whose sweep time ({@code l2c.customer.pool-sweep-time},
 * company time) has come; the claim of that day and the work commit in one transaction, so the run
 * happens once across nodes, and a day missed while no node ran is caught up by the next run, which
 * returns everything lapsed by then. Rows being changed at that moment are skipped and returned by
 * the next day's run.
 */
@Component
public class PoolSweep {

    static final String JOB = "pool-sweep";
    private static final int MAX_PER_RUN = 5000;
    private static final Logger log = LoggerFactory.getLogger(PoolSweep.class);

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final CustomerOwnership ownership;
    private final CustomerPolicy policy;
    private final Clock clock;
    private final LocalTime sweepTime;

    PoolSweep(JdbcClient jdbc, CustomerRepository customers, CustomerOwnership ownership, CustomerPolicy policy,
              Clock clock, @Value("${l2c.customer.pool-sweep-time:01:00}") LocalTime sweepTime) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.ownership = ownership;
        this.policy = policy;
        this.clock = clock;
        this.sweepTime = sweepTime;
    }

    /** One day's run: whether this node ran it (false: another run had the day) and the customers it returned. */
    public record Run(boolean ran, List<UUID> returned) {
    }

    /** Runs the latest due day's sweep unless some node already did. */
    @Transactional
    public Run run() {
        Instant now = clock.instant();
        String period = dueDay(now.atZone(policy.zone()), sweepTime).toString();
        int claimed = jdbc.sql("insert into customer_job_run (job, period, started_at) values (:job, :period, :now) on conflict do nothing")
                .param("job", JOB).param("period", period).param("now", Timestamp.from(now)).update();
        if (claimed == 0) {
            return new Run(false, List.of());
        }
        List<UUID> returned = new java.util.ArrayList<>();
        if (policy.rules().poolEnabled()) {
            List<UUID> lapsed = jdbc.sql("""
                    select id from customer_customer
                    where owner_id is not null and lapses_at <= :now and merged_into_id is null
                    order by lapses_at, id limit :max for update skip locked""")
                    .param("now", Timestamp.from(now)).param("max", MAX_PER_RUN).query(UUID.class).list();
            for (UUID id : lapsed) {
                ownership.lapse(customers.findById(id).orElseThrow());
                returned.add(id);
            }
        }
        jdbc.sql("update customer_job_run set processed = :n where job = :job and period = :period")
                .param("n", returned.size()).param("job", JOB).param("period", period).update();
        log.info("Public pool sweep {}: {} customers returned", period, returned.size());
        return new Run(true, returned);
    }

    /** The latest day whose sweep time has come: today from the sweep time on, yesterday before it. */
    static LocalDate dueDay(ZonedDateTime now, LocalTime sweepTime) {
        return now.toLocalTime().isBefore(sweepTime) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
    }
}

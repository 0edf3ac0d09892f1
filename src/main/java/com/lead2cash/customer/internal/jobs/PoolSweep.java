package com.lead2cash.customer.internal.jobs;

import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerPolicy;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * C7 — the daily return of lapsed customers to the public pool (公海回收): customers in development
 * whose follow-up lapsed (no follow-up for the policy's multiple of their cadence) lose their owner.
 * The claim of the day's period and the work commit in one transaction, so the run happens once across
 * nodes; a day missed while no node ran is caught up by the next run, which returns everything lapsed
 * by then. Rows being changed at that moment are skipped and returned by the next run.
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

    PoolSweep(JdbcClient jdbc, CustomerRepository customers, CustomerOwnership ownership, CustomerPolicy policy,
              Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.ownership = ownership;
        this.policy = policy;
        this.clock = clock;
    }

    /** Runs today's sweep unless some node already did; answers how many customers returned (-1: already run). */
    @Transactional
    public int run() {
        Instant now = clock.instant();
        String period = LocalDate.ofInstant(now, policy.zone()).toString();
        int claimed = jdbc.sql("insert into customer_job_run (job, period, started_at) values (:job, :period, :now) on conflict do nothing")
                .param("job", JOB).param("period", period).param("now", Timestamp.from(now)).update();
        if (claimed == 0) {
            return -1;
        }
        int returned = 0;
        if (policy.rules().poolEnabled()) {
            List<UUID> lapsed = jdbc.sql("""
                    select id from customer_customer
                    where owner_id is not null and lapses_at <= :now and merged_into_id is null
                    order by lapses_at, id limit :max for update skip locked""")
                    .param("now", Timestamp.from(now)).param("max", MAX_PER_RUN).query(UUID.class).list();
            for (UUID id : lapsed) {
                ownership.lapse(customers.findById(id).orElseThrow());
                returned++;
            }
        }
        jdbc.sql("update customer_job_run set processed = :n where job = :job and period = :period")
                .param("n", returned).param("job", JOB).param("period", period).update();
        log.info("Public pool sweep {}: {} customers returned", period, returned);
        return returned;
    }
}

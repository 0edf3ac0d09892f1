package com.lead2cash.customer.internal.jobs;

import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerPolicy;
import com.lead2cash.customer.internal.OpenBusinessCheck;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * C7 — the daily return of lapsed customers to the public pool (公海回收): customers in development
 * whose follow-up lapsed (no follow-up for the policy's multiple of their cadence) lose their owner, unless
 * business with them is still open ({@link OpenBusinessCheck}: they stay, as a release by hand would be refused).
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
    private final OpenBusinessCheck openBusiness;
    private final Clock clock;
    private final LocalTime sweepTime;

    PoolSweep(JdbcClient jdbc, CustomerRepository customers, CustomerOwnership ownership, CustomerPolicy policy,
              OpenBusinessCheck openBusiness, Clock clock,
              @Value("${l2c.customer.pool-sweep-time:01:00}") LocalTime sweepTime) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.ownership = ownership;
        this.policy = policy;
        this.openBusiness = openBusiness;
        this.clock = clock;
        this.sweepTime = sweepTime;
    }

    private record Lapsed(UUID id, Timestamp lapsesAt) {
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
            // a customer with open business stays with its owner (the rule of release by hand too); the run
            // pages past those so that they never hold back customers that lapsed later
            Timestamp afterAt = new Timestamp(0);
            UUID afterId = new UUID(0, 0);
            while (returned.size() < MAX_PER_RUN) {
                List<Lapsed> batch = jdbc.sql("""
                        select id, lapses_at from customer_customer
                        where owner_id is not null and lapses_at <= :now and merged_into_id is null
                        and (lapses_at, id) > (:afterAt, :afterId)
                        order by lapses_at, id limit :max for update skip locked""")
                        .param("now", Timestamp.from(now)).param("afterAt", afterAt).param("afterId", afterId)
                        .param("max", MAX_PER_RUN - returned.size())
                        .query((rs, i) -> new Lapsed(rs.getObject("id", UUID.class), rs.getTimestamp("lapses_at")))
                        .list();
                if (batch.isEmpty()) {
                    break;
                }
                Set<UUID> open = openBusiness.among(batch.stream().map(Lapsed::id).toList());
                for (Lapsed lapsed : batch) {
                    if (!open.contains(lapsed.id())) {
                        ownership.lapse(customers.findById(lapsed.id()).orElseThrow());
                        returned.add(lapsed.id());
                    }
                }
                Lapsed last = batch.get(batch.size() - 1);
                afterAt = last.lapsesAt();
                afterId = last.id();
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

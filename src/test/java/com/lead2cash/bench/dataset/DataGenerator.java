package com.lead2cash.bench.dataset;

import com.lead2cash.bench.BenchSize;
import com.lead2cash.lead.internal.BenchLeads;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.SopPolicy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Fills an empty, migrated Lead2Cash database with a company of the given size (数据生成器): the sales
 * organisation, three years of leads with everything they leave behind, customers with contacts and
 * opportunities, and the open deadlines the sweep has to search. Deterministic for a seed; written
 * with COPY while the big tables have no indexes, which are rebuilt afterwards.
 */
public final class DataGenerator {

    /** The tables the generator fills in bulk. */
    static final Set<String> BULK_TABLES = new LinkedHashSet<>(List.of("lead_lead", "lead_grade_reason", "lead_event",
            "lead_contact_attempt", "sop_deadline", "platform_audit_event", "notification_message", "customer_customer",
            "customer_contact", "opportunity_opportunity"));

    private final ApplicationContext app;
    private final DataSource dataSource;
    private final BenchSize size;
    private final long seed;

    public DataGenerator(ApplicationContext app, DataSource dataSource, BenchSize size, long seed) {
        this.app = app;
        this.dataSource = dataSource;
        this.size = size;
        this.seed = seed;
    }

    /** The company's "today" when the data is generated: hire dates and the three years count from it. */
    public LocalDate anchor() {
        Instant now = app.getBean(Clock.class).instant();
        return LocalDate.ofInstant(now, ZoneId.of(app.getEnvironment().getRequiredProperty("l2c.zone")));
    }

    /** Generates everything; answers a one-line description of what was written. */
    public String generate() throws SQLException {
        long started = System.nanoTime();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant now = app.getBean(Clock.class).instant();
        ZoneId zone = ZoneId.of(app.getEnvironment().getRequiredProperty("l2c.zone"));
        BenchOrg org = OrgWriter.plan(seed, anchor());
        OrgWriter.write(jdbc, org, app.getBean(PasswordEncoder.class).encode(OrgWriter.PASSWORD), now);
        log(started, "organisation: %d people, %d teams".formatted(org.everyone().size(), org.teams().size()));

        BulkLoad load = new BulkLoad(dataSource, BULK_TABLES);
        load.dropIndexes();
        PolicySnapshot policy = app.getBean(SopPolicy.class).current();
        Regions regions = app.getBean(Regions.class);
        Map<String, Long> counts;
        try (CopyRows rows = new CopyRows(dataSource)) {
            SplittableRandom random = new SplittableRandom(seed);
            Notifications notifications = new Notifications(rows, random.split(), now);
            Deadlines deadlines = new Deadlines(rows, policy, app.getBean(BusinessCalendar.class).current(),
                    notifications, org, random.split(), now, zone);
            BenchLeads leads = new BenchLeads(org, policy, regions, deadlines, notifications, new AuditRows(rows),
                    new AggregateRows(app), rows, random.split(), now, zone);
            leads.write(size.leads());
            log(started, "%d leads (%d converted)".formatted(size.leads(), leads.converted()));
            long customers = Math.max(0, size.customers() - leads.customersCreated());
            new BenchCustomers(org, rows, random.split(), now, zone).write(customers,
                    Math.max(customers, size.contacts() - leads.converted()),
                    Math.max(0, size.opportunities() - leads.opportunitiesCreated()), size.leads(),
                    leads.customersCreated(), leads.opportunitiesCreated(), size.leads());
            log(started, "%d further customers".formatted(customers));
            List<UUID> owners = org.reps().stream().map(BenchOrg.Member::id).toList();
            deadlines.haystack(Math.max(0, size.openDeadlines() - deadlines.openCount()), owners);
            rows.commit();
            counts = rows.counts();
            log(started, "copied " + counts);
        }
        load.restoreIndexes(step -> log(started, "index " + step));
        jdbc.sql("select setval('lead_code_seq', :n)").param("n", size.leads()).query(Long.class).single();
        setSequence(jdbc, "customer_code_seq", counts.getOrDefault(BenchLeads.CUSTOMER_TABLE, 0L));
        setSequence(jdbc, "opportunity_code_seq", counts.getOrDefault(BenchLeads.OPPORTUNITY_TABLE, 0L));
        log(started, "done");
        return size + " seed " + seed + ": " + counts;
    }

    private static void setSequence(JdbcClient jdbc, String sequence, long value) {
        if (value > 0) {
            jdbc.sql("select setval('" + sequence + "', :n)").param("n", value).query(Long.class).single();
        }
    }

    private void log(long started, String what) {
        System.out.printf("BENCH %s generate [%4.0f s] %s%n", size, (System.nanoTime() - started) / 1e9, what);
    }
}

package com.lead2cash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.bench.dataset.AggregateRows;
import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.dataset.DataGenerator;
import com.lead2cash.bench.dataset.OrgWriter;
import com.lead2cash.bench.dataset.SampleCheck;
import com.lead2cash.bench.dataset.SingleCaptures;
import com.lead2cash.bench.driver.CaptureOperations;
import com.lead2cash.bench.driver.CpuUse;
import com.lead2cash.bench.driver.CustomerOperations;
import com.lead2cash.bench.driver.Http;
import com.lead2cash.bench.driver.JobOperations;
import com.lead2cash.bench.driver.LatencyPlot;
import com.lead2cash.bench.driver.LeadOperations;
import com.lead2cash.bench.driver.LoadDriver;
import com.lead2cash.bench.driver.Measurement;
import com.lead2cash.bench.driver.Operation;
import com.lead2cash.bench.driver.OpportunityOperations;
import com.lead2cash.bench.driver.ReceivableOperations;
import com.lead2cash.bench.driver.Report;
import com.lead2cash.bench.driver.WarmUp;
import com.lead2cash.customer.internal.CustomerPolicy;
import com.lead2cash.customer.internal.HoldingCheck;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.receivable.internal.ReceivableRules;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.internal.deadline.DeadlineSweeper;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scale benchmark (规模压测), not part of {@code mvn verify}:
 * {@code mvn verify -Pbench -Dtest=ScaleBench -Dbench.size=S} (see {@link BenchSettings} and
 * docs/performance.md). For each size it generates the company once (kept and restored for every
 * run), starts the product on it, checks the generated rows against rows the product makes itself,
 * then drives every operation — the product over HTTP and the same work in SQL over JDBC, one right
 * after the other — and writes {@code report.json}, {@code report.md} and the latency-against-size
 * plot. It fails only on errors or a failed sample check; targets missed are reported, not asserted.
 */
class ScaleBench {

    @Test
    void measureAtScale() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        List<String> failures = new ArrayList<>();
        for (BenchSize size : settings.sizes()) {
            Report.Run run = run(settings, size);
            Report.write(run, settings.results().resolve(size.name()));
            System.out.println("BENCH report: " + settings.results().resolve(size.name()).resolve("report.md"));
            if (!run.sampleCheck().isEmpty()) {
                failures.add(size + ": sample check " + run.sampleCheck());
            }
            run.operations().stream().filter(l -> l.product().errors() > 0 || (l.raw() != null && l.raw().errors() > 0))
                    .forEach(l -> failures.add(size + " " + l.name() + ": " + l.product().errors() + " errors "
                            + l.product().errorSamples() + (l.raw() == null ? "" : " raw " + l.raw().errorSamples())));
        }
        System.out.println("BENCH plot: " + LatencyPlot.write(settings.results()));
        assertThat(failures).isEmpty();
    }

    private Report.Run run(BenchSettings settings, BenchSize size) throws Exception {
        try (BenchDatabase db = BenchDatabase.open(settings, size)) {
            if (db.generatedOn() == null) {
                LocalDate anchor;
                String description;
                try (BenchApp app = BenchApp.start(db, settings.port())) {
                    DataGenerator generator = new DataGenerator(app.context(), db.dataSource(), size, settings.seed());
                    description = generator.generate();
                    anchor = generator.anchor();
                }
                db.markGenerated(anchor, description);
            }
            BenchOrg org = OrgWriter.plan(settings.seed(), db.generatedOn());
            int migrations = db.migrations();
            long started = System.nanoTime();
            BenchApp app = BenchApp.start(db, settings.port());
            if (db.migrations() != migrations) {
                System.out.printf("BENCH %s: the product migrated the data in %.0f s; keeping it migrated%n", size,
                        (System.nanoTime() - started) / 1e9);
                app.close();
                db.keepMigrated();
                app = BenchApp.start(db, settings.port());
            }
            try (BenchApp running = app) {
                return measure(settings, size, db, running, org);
            }
        }
    }

    private Report.Run measure(BenchSettings settings, BenchSize size, BenchDatabase db, BenchApp app, BenchOrg org)
            throws Exception {
        String started = java.time.OffsetDateTime.now().toString();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Clock clock = app.context().getBean(Clock.class);
        ZoneId zone = ZoneId.of(app.context().getEnvironment().getRequiredProperty("l2c.zone"));
        var policy = app.context().getBean(SopPolicy.class).current();
        var calendar = app.context().getBean(BusinessCalendar.class).current();
        AggregateRows aggregates = new AggregateRows(app.context());
        Http http = new Http(app.baseUrl());
        System.out.printf("BENCH %s: product on %s%n", size, app.baseUrl());

        Regions regions = app.context().getBean(Regions.class);
        SingleCaptures captures = new SingleCaptures(org, policy, regions,
                app.context().getBean(com.lead2cash.customer.internal.CustomerRegions.class), calendar, aggregates, zone,
                settings.seed());
        HoldingCheck holding = app.context().getBean(HoldingCheck.class);
        CustomerPolicy customerPolicy = app.context().getBean(CustomerPolicy.class);
        List<String> check = new SampleCheck(org, http, db.dataSource(), clock, captures,
                rep -> customerPolicy.holding().hasRoomFor(holding.held(rep), 1)).run();
        System.out.printf("BENCH %s: sample check %s%n", size, check.isEmpty() ? "passed" : check);

        Path out = settings.results().resolve(size.name());
        java.nio.file.Files.createDirectories(out);
        Statements statements = new Statements(db.dataSource(), db.user());
        LoadDriver driver = new LoadDriver(new WarmUp(settings.warmup(), settings.jitQuiet()), settings.duration(),
                CpuUse.of(db.dataSource()));
        List<Report.Line> lines = new ArrayList<>();
        LeadOperations leadOperations = new LeadOperations(org, http, db.dataSource(), settings.readClients(),
                clock.instant());
        leadOperations.signIn();
        List<Operation> leadReads = leadOperations.operations();
        List<Operation> reads = new ArrayList<>(leadReads);
        CustomerOperations customerOperations = new CustomerOperations(org, http, db.dataSource(), settings.readClients());
        reads.addAll(customerOperations.operations());
        OpportunityRules opportunityRules = policy.bind(OpportunityRules.class);
        Map<String, BigDecimal> probabilities = new LinkedHashMap<>();
        Stage.OPEN.forEach(stage -> probabilities.put(stage.name(), opportunityRules.probability(stage)));
        OpportunityOperations opportunityOperations = new OpportunityOperations(org, http, settings.readClients(),
                clock.instant(), zone, probabilities);
        reads.addAll(opportunityOperations.operations());
        reads.addAll(new ReceivableOperations(org, http, settings.readClients(), clock.instant(), zone,
                policy.bind(ReceivableRules.class)).operations());
        warmUp(settings, reads);
        for (Operation op : reads) {
            if (settings.selected(op.name())) {
                lines.add(measure(driver, op, settings.maxRequests(), db, settings.profile() ? out : null));
            }
        }
        if (leadReads.stream().anyMatch(op -> settings.selected(op.name()))) {
            java.nio.file.Files.writeString(out.resolve("plans.md"), "# Plans of the main read statements, size "
                    + size + "\n\n" + leadOperations.plans(db.dataSource()));
        }
        if (reads.stream().anyMatch(op -> op.name().startsWith("customer.") && settings.selected(op.name()))) {
            java.nio.file.Files.writeString(out.resolve("customer-plans.md"), "# Plans of the customer reads, size "
                    + size + "\n\n" + customerOperations.plans(db.dataSource()));
        }
        if (reads.stream().anyMatch(op -> op.name().startsWith("opportunity.board") && settings.selected(op.name()))) {
            java.nio.file.Files.writeString(out.resolve("opportunity-plans.md"), "# Plans of the pipeline board, size "
                    + size + "\n\n" + opportunityOperations.plans(db.dataSource()));
        }
        List<Operation> writes = new CaptureOperations(org, http, settings.writeClients(), clock, captures,
                db.rawDataSource()).operations();
        for (Operation op : writes) {
            if (settings.selected(op.name())) {
                // captures are bounded so a run adds at most a tenth to the leads it measures against
                lines.add(measure(driver, op, Math.min(settings.maxRequests(), size.leads() / 10), db,
                        settings.profile() ? out : null));
            }
        }
        JobOperations jobs = new JobOperations(db.rawDataSource(), app.context().getBean(DeadlineSweeper.class), http,
                org, clock);
        if (settings.selected("deadline.sweep")) {
            lines.add(Report.line(jobs.sweep()));
            print(lines.get(lines.size() - 1));
        }
        if (settings.selected("lead.export")) {
            lines.add(Report.line(jobs.export()));
            print(lines.get(lines.size() - 1));
        }
        statements.write(out.resolve("statements.md"), size.name());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Report.Run(size.name(), started, java.time.OffsetDateTime.now().toString(),
                Report.map("cores", Runtime.getRuntime().availableProcessors(), "load average before", loadBefore,
                        "load average after", loadAfter, "java", System.getProperty("java.version"),
                        "max heap (MB)", Runtime.getRuntime().maxMemory() / 1048576,
                        "database", JdbcClient.create(db.dataSource()).sql("select version()").query(String.class)
                                .single().replaceAll(" on .*", ""),
                        // whether a commit waited for its log on disk, as in the product
                        "fsync / synchronous_commit", JdbcClient.create(db.dataSource())
                                .sql("select current_setting('fsync') || ' / ' || current_setting('synchronous_commit')")
                                .query(String.class).single()),
                dataset(db), Report.map("warm-up (s)", settings.warmup().toSeconds(), "longer while the JIT compiles, at most (s)",
                        settings.jitQuiet().toSeconds(), "measured (s)",
                        settings.duration().toSeconds(), "request bound", settings.maxRequests(), "seed",
                        settings.seed(), "data generated on", db.generatedOn()), check, lines);
    }

    /**
     * Runs every selected read's product side for {@code bench.jvm-warmup}, unmeasured, before the first is
     * measured. Each operation's own warm-up compiled only its own path: the first operations of a run were
     * timed while the JIT compiled what they share with all others (a quarter of a lead page's CPU at M went to
     * the compilers; docs/performance.md). Captures are left out: a second pass would capture the same companies
     * again (their own warm-up and measurement number them in one sequence).
     */
    private static void warmUp(BenchSettings settings, List<Operation> reads) throws InterruptedException {
        if (settings.jvmWarmup().isZero()) {
            return;
        }
        LoadDriver warming = new LoadDriver(WarmUp.fixed(settings.jvmWarmup()), Duration.ZERO, CpuUse.of(null));
        long started = System.nanoTime();
        int operations = 0;
        for (Operation op : reads) {
            if (settings.selected(op.name())) {
                warming.product(op, 0);
                operations++;
            }
        }
        System.out.printf("BENCH JVM warm-up: %d reads, %.0f s%n", operations, (System.nanoTime() - started) / 1e9);
    }

    private static Report.Line measure(LoadDriver driver, Operation op, long maxRequests, BenchDatabase db,
                                       Path profiles) throws Exception {
        if (op.kind() != Operation.Kind.WRITE) {
            // both sides read with the same pages cached: the raw twin — quick, the same items for the same
            // iterations — first reads everything the two measured passes will read. Without it the product,
            // measured first on a freshly restored L, paid the disk reads the raw twin then found cached.
            driver.raw(op, maxRequests, db.rawDataSource());
        }
        Measurement product;
        if (profiles == null) {
            product = driver.product(op, maxRequests);
        } else {
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                // JFR's profile samples each thread every 10 ms: a few hundred samples in a 15 s pass, too few
                // to tell a request's parts apart; every millisecond gives tens of thousands
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                product = driver.product(op, maxRequests);
                recording.stop();
                recording.dump(profiles.resolve(op.name() + ".jfr"));
            }
        }
        Measurement raw = driver.raw(op, maxRequests, db.rawDataSource());
        Report.Line line = Report.line(op, product, raw);
        print(line);
        return line;
    }

    private static void print(Report.Line l) {
        System.out.printf("BENCH %-20s product %7.1f/s p50 %7.2f p95 %7.2f p99 %7.2f max %8.2f err %d | raw %7.1f/s "
                        + "p95 %7.2f | x%s %s%n", l.name(), l.product().throughput(), l.product().p50(),
                l.product().p95(), l.product().p99(), l.product().max(), l.product().errors(),
                l.raw() == null ? 0 : l.raw().throughput(), l.raw() == null ? 0 : l.raw().p95(), l.ratioP95(),
                l.missed().isEmpty() ? "" : l.missed());
        if (!l.product().cpuMsPerRequest().isEmpty()) {
            System.out.printf("BENCH %-20s CPU ms per request: product side %s after %.0f s of warm-up | raw %s%n",
                    l.name(), l.product().cpuMsPerRequest(), l.product().warmupSeconds(),
                    l.raw() == null ? "" : l.raw().cpuMsPerRequest());
        }
    }

    private static Map<String, Object> dataset(BenchDatabase db) {
        Map<String, Object> counts = new LinkedHashMap<>();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        for (String table : List.of("lead_lead", "lead_event", "sop_deadline", "platform_audit_event",
                "notification_message", "customer_customer", "customer_contact", "customer_activity", "opportunity_opportunity", "quote_quote", "contract_contract",
                "receivable_plan", "receivable_receipt")) {
            counts.put(table, jdbc.sql("select reltuples::bigint from pg_class where relname = :t").param("t", table)
                    .query(Long.class).single());
        }
        counts.put("open deadlines", jdbc.sql("select count(*) from sop_deadline where state = 'OPEN'")
                .query(Long.class).single());
        counts.put("database size", jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))")
                .query(String.class).single());
        return counts;
    }
}

package com.lead2cash.bench.driver;

import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.dataset.OrgWriter;
import com.lead2cash.sop.internal.deadline.DeadlineSweeper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What runs once rather than under load: one deadline sweep that finds its 1 000 due deadlines among
 * all the open ones, and the lead export of up to 100 000 rows (time and heap), each beside the SQL
 * that does the same work.
 */
public final class JobOperations {

    static final int DUE = 1_000;
    static final int EXPORT_ROWS = 100_000;
    static final int RUNS = 3;

    /** A measured job: product and raw side, and facts about it (rows, heap). */
    public record JobResult(String name, String description, Measurement product, Measurement raw,
                            Map<String, Object> facts) {
    }

    private final DataSource db;
    private final DeadlineSweeper sweeper;
    private final Http http;
    private final BenchOrg org;
    private final Clock clock;

    public JobOperations(DataSource db, DeadlineSweeper sweeper, Http http, BenchOrg org, Clock clock) {
        this.db = db;
        this.sweeper = sweeper;
        this.http = http;
        this.org = org;
        this.clock = clock;
    }

    /**
     * Makes {@value #DUE} of the open stand-in deadlines due now (breach at the next sweep); answers how many. The
     * next ones to fire, found on the sweep's own index: picked by id, they were looked for among all 17 million
     * deadlines at L (18 s a run).
     */
    private int makeDue(Connection c) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement st = c.prepareStatement("""
                update sop_deadline set due_at = ?, next_fire_at = ? where id in (
                    select id from sop_deadline where state = 'OPEN' and subject_type = 'BenchSweep'
                    and next_fire_at > ? order by next_fire_at limit ?)""")) {
            Timestamp past = Timestamp.from(now.minusSeconds(60));
            st.setTimestamp(1, past);
            st.setTimestamp(2, past);
            st.setTimestamp(3, Timestamp.from(now));
            st.setInt(4, DUE);
            return st.executeUpdate();
        }
    }

    public JobResult sweep() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            // what a sweep every 30 s would have fired since the data was generated fires first, unmeasured
            facts.put("caughtUpFirst", sweeper.sweep());
            facts.put("openDeadlines", Sql.query(c, "select count(*) from sop_deadline where state = 'OPEN'").get(0)[0]);
            List<Long> product = new ArrayList<>();
            String error = null;
            for (int run = 0; run <= RUNS; run++) {
                int due = makeDue(c);
                long t0 = System.nanoTime();
                int swept = sweeper.sweep();
                long micros = (System.nanoTime() - t0) / 1000;
                // fewer is an error; more is work of the product's own data that fell due meanwhile, fired as it should
                if (swept < due || due != DUE) {
                    error = "swept " + swept + " of " + due + " due";
                } else if (swept > due) {
                    facts.merge("alsoFiredMeanwhile", swept - due, (a, b) -> (Integer) a + (Integer) b);
                }
                if (run > 0) {
                    product.add(micros);
                }
            }
            List<Long> raw = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                makeDue(c);
                long t0 = System.nanoTime();
                rawSweep(c);
                if (run > 0) {
                    raw.add((System.nanoTime() - t0) / 1000);
                }
            }
            return new JobResult("deadline.sweep", "one sweep firing " + DUE + " due deadlines among all open ones "
                    + "(breach, owner and manager notified); " + RUNS + " runs after one warm-up",
                    Measurement.runs(product, error), Measurement.runs(raw, null), facts);
        }
    }

    /** The sweep's statements: claim due deadlines in batches, mark them breached, notify owner and manager. */
    private void rawSweep(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            while (true) {
                List<Object[]> due = Sql.query(c, """
                        select d.id, d.rule_id, d.subject_type, d.subject_id, d.owner_id, d.due_at, m.manager_id
                        from sop_deadline d
                        left join platform_user u on u.id = d.owner_id
                        left join platform_org_unit m on m.id = u.org_unit_id
                        where d.state = 'OPEN' and d.next_fire_at <= now()
                        order by d.next_fire_at limit 100 for update of d skip locked""");
                try (PreparedStatement breach = c.prepareStatement("update sop_deadline set state = 'BREACHED', "
                        + "breached_at = now(), next_fire_at = null, version = version + 1 where id = ?");
                     PreparedStatement notify = c.prepareStatement("insert into notification_message (id, recipient_id, "
                             + "kind, title_key, args, link, urgency, created_at) values (?, ?, 'deadline.breached', ?, "
                             + "cast(? as jsonb), ?, 'URGENT', now())")) {
                    for (Object[] d : due) {
                        breach.setObject(1, d[0]);
                        breach.addBatch();
                        // the sweeper's layout: rule, its name, the record type, the record, the due time
                        String args = "[\"" + d[1] + "\",{\"codes\":[\"rule." + d[1] + ".name\"],\"fallback\":\"\"},"
                                + "{\"codes\":[\"record.type." + d[2] + "\"],\"fallback\":\"" + d[2] + "\"},\""
                                + d[3] + "\",\"" + d[5] + "\"]";
                        addNotification(notify, (UUID) d[4], "deadline.notify.breached", args, "/deadlines");
                        if (d[6] != null && !d[6].equals(d[4])) {
                            addNotification(notify, (UUID) d[6], "deadline.notify.breachedTeam", args,
                                    "/deadlines?scope=team");
                        }
                    }
                    breach.executeBatch();
                    notify.executeBatch();
                }
                c.commit();
                if (due.size() < 100) {
                    return;
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void addNotification(PreparedStatement st, UUID recipient, String title, String args, String link)
            throws SQLException {
        st.setObject(1, UUID.randomUUID());
        st.setObject(2, recipient);
        st.setString(3, title);
        st.setString(4, args);
        st.setString(5, link);
        st.addBatch();
    }

    public JobResult export() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        String director = org.director().username();
        String path = "/leads/export.xlsx";
        http.download(path, director, OrgWriter.PASSWORD);
        List<Long> product = new ArrayList<>();
        String error = null;
        long peak = 0;
        long bytes = 0;
        for (int run = 0; run < RUNS; run++) {
            System.gc();
            long before = heapUsed();
            resetPeaks();
            long t0 = System.nanoTime();
            long[] answer = http.download(path, director, OrgWriter.PASSWORD);
            product.add((System.nanoTime() - t0) / 1000);
            peak = Math.max(peak, heapPeak() - before);
            bytes = answer[1];
            if (answer[0] != 200) {
                error = "HTTP " + answer[0];
            }
        }
        facts.put("file bytes", bytes);
        facts.put("heap growth at peak (MB)", Math.round(peak / 1048576.0));
        List<Long> raw = new ArrayList<>();
        long rows = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                List<Object[]> read = Sql.stream(c, LeadOperations.LEAD_COLUMNS
                        + " order by created_at desc, id desc limit " + EXPORT_ROWS, 1000);
                java.util.Set<UUID> owners = new java.util.HashSet<>();
                read.forEach(r -> {
                    if (r[10] != null) {
                        owners.add((UUID) r[10]);
                    }
                });
                Sql.query(c, LeadOperations.PERSON + " where u.id in (?)", owners);
                raw.add((System.nanoTime() - t0) / 1000);
                rows = read.size();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        facts.put("rows", rows);
        return new JobResult("lead.export", "the director's lead export (.xlsx) of up to " + EXPORT_ROWS
                + " rows; raw: the same rows read in one statement", Measurement.runs(product, error),
                Measurement.runs(raw, null), facts);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any moment. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

package com.lead2cash.bench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.customer.internal.CustomerHistory;
import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerRegions;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * The generated customers' story (customer_event) is the one their rows tell: it starts with the registration,
 * each status change starts where the last one ended and the last ends at the customer's status, and each
 * return to the pool (with its release record) and claim alternate as the owner does.
 */
@IntegrationTest
class BenchCustomersStoryTest {

    private static final int CUSTOMERS = 2_000;

    @Autowired ApplicationContext app;
    @Value("${l2c.zone}") ZoneId zone;

    private MemoryRows generate() {
        Instant now = Instant.parse("2026-12-01T02:00:00Z");
        BenchOrg org = OrgWriter.plan(20261201L, LocalDate.ofInstant(now, zone));
        PolicySnapshot policy = app.getBean(SopPolicy.class).current();
        MemoryRows rows = new MemoryRows();
        SplittableRandom random = new SplittableRandom(7);
        Deadlines deadlines = new Deadlines(rows, policy, app.getBean(BusinessCalendar.class).current(),
                new Notifications(rows, random.split(), now), org, random.split(), now, zone);
        new BenchCustomers(org, policy, rows, new AggregateRows(app), deadlines, app.getBean(CustomerRegions.class),
                random.split(), now, zone, CUSTOMERS, 5).write(CUSTOMERS, CUSTOMERS, 0, 0, 0, 0, 0);
        return rows;
    }

    @Test
    void eachCustomersStoryEndsWhereItsRowIs() {
        MemoryRows rows = generate();

        Map<Object, List<MemoryRows.Row>> stories = new LinkedHashMap<>();
        rows.of(BenchCustomers.EVENT_TABLE).forEach(e -> stories.computeIfAbsent(e.get("customer_id"),
                id -> new ArrayList<>()).add(e));
        Map<Object, Long> releases = new LinkedHashMap<>();
        rows.of(BenchCustomers.RELEASE_TABLE).forEach(r -> releases.merge(r.get("customer_id"), 1L, Long::sum));
        List<MemoryRows.Row> customers = rows.of("customer_customer");
        assertThat(customers).hasSize(CUSTOMERS);
        long lapsed = 0;
        long claimed = 0;
        for (MemoryRows.Row customer : customers) {
            List<MemoryRows.Row> story = stories.get(customer.get("id"));
            assertThat(story).as("story of %s", customer.get("code")).isNotEmpty();
            assertThat(story.get(0).get("message_key")).isEqualTo("customer.history.created");
            String status = "PROSPECT";
            boolean owned = true;
            long toPool = 0;
            for (MemoryRows.Row e : story.subList(1, story.size())) {
                List<String> args = CustomerHistory.args((String) e.get("args"));
                switch ((String) e.get("message_key")) {
                    case "customer.history.status" -> {
                        assertThat(args.get(0)).as("%s %s", customer.get("code"), story).isEqualTo("#customer.status." + status);
                        status = args.get(1).substring("#customer.status.".length());
                        assertThat(e.get("actor_id")).isNotNull();
                    }
                    case "customer.history.lapsed", "customer.history.released" -> {
                        assertThat(owned).as("%s %s", customer.get("code"), story).isTrue();
                        owned = false;
                        toPool++;
                        boolean sweep = e.get("message_key").equals("customer.history.lapsed");
                        assertThat(e.get("actor_id") == null).isEqualTo(sweep);
                        lapsed += sweep ? 1 : 0;
                    }
                    case "customer.history.claimed" -> {
                        assertThat(owned).as("%s %s", customer.get("code"), story).isFalse();
                        owned = true;
                        claimed++;
                    }
                    default -> throw new AssertionError("unexpected entry " + e);
                }
            }
            assertThat(status).as("%s %s", customer.get("code"), story).isEqualTo(customer.get("status").toString());
            assertThat(owned).as("%s %s", customer.get("code"), story).isEqualTo(customer.get("owner_id") != null);
            assertThat(releases.getOrDefault(customer.get("id"), 0L)).isEqualTo(toPool);
        }
        // the generator's every path is taken: lapsed by the sweep, claimed back
        assertThat(lapsed).isPositive();
        assertThat(claimed).isPositive();
        assertThat(rows.of(BenchCustomers.RELEASE_TABLE)).allSatisfy(r -> {
            assertThat(r.get("previous_owner_id")).isInstanceOf(UUID.class);
            assertThat(r.get("reason")).isIn(CustomerOwnership.LAPSED, CustomerOwnership.RELEASED);
        });
    }

    /**
     * C2: the follow-up deadlines of a customer follow one another, each met by a follow-up or cancelled by a
     * change before the next opens, and the last is running exactly when the customer has a cadence, due when the
     * customer is. C4 and C5: each follow-up has its logging deadline, met when it was logged, and a demo or
     * negotiation its minutes' deadline.
     */
    @Test
    void eachScheduleChangeAndFollowUpLeavesItsDeadlines() {
        MemoryRows rows = generate();
        Map<String, List<MemoryRows.Row>> bySubject = new LinkedHashMap<>();
        rows.of(Deadlines.TABLE).forEach(d -> bySubject.computeIfAbsent(d.get("subject_type") + "/" + d.get("rule_id")
                + "/" + d.get("subject_id"), k -> new ArrayList<>()).add(d));
        long met = 0;
        long cancelledAfterBreach = 0;
        for (MemoryRows.Row customer : rows.of("customer_customer")) {
            List<MemoryRows.Row> trail = new ArrayList<>();
            for (String rule : List.of("C2", "C3")) {
                trail.addAll(bySubject.getOrDefault("Customer/" + rule + "/" + customer.get("id"), List.of()));
            }
            trail.sort(java.util.Comparator.comparing(d -> (Instant) d.get("started_at")));
            for (int i = 0; i < trail.size(); i++) {
                MemoryRows.Row d = trail.get(i);
                boolean last = i == trail.size() - 1;
                boolean running = d.get("state").equals("OPEN") || d.get("state").equals("BREACHED");
                assertThat(running).as("%s: only the last one runs: %s", customer.get("code"), trail)
                        .isEqualTo(last && customer.get("cadence_rule") != null);
                if (!running) {
                    Instant settled = (Instant) (d.get("state").equals("MET") ? d.get("met_at") : d.get("cancelled_at"));
                    assertThat(settled).as("%s: %s", customer.get("code"), d).isNotNull();
                    if (!last) {
                        assertThat(settled).as("%s: settled before the next opens: %s", customer.get("code"), trail)
                                .isBeforeOrEqualTo((Instant) trail.get(i + 1).get("started_at"));
                    }
                    met += d.get("state").equals("MET") ? 1 : 0;
                    cancelledAfterBreach += d.get("state").equals("CANCELLED") && d.get("breached_at") != null ? 1 : 0;
                } else {
                    assertThat(d.get("rule_id")).isEqualTo(customer.get("cadence_rule"));
                    assertThat(d.get("due_at")).isEqualTo(customer.get("follow_up_due_at"));
                }
            }
            if (customer.get("cadence_rule") != null) {
                assertThat(trail).as("%s has a running follow-up deadline", customer.get("code")).isNotEmpty();
            }
        }
        // follow-ups met their deadlines; customers that lapsed to the pool had theirs breached first
        assertThat(met).isPositive();
        assertThat(cancelledAfterBreach).isPositive();

        List<MemoryRows.Row> activities = rows.of("customer_activity");
        assertThat(activities).isNotEmpty();
        long demos = 0;
        for (MemoryRows.Row a : activities) {
            List<MemoryRows.Row> logged = bySubject.get("Activity/C4/" + a.get("id"));
            assertThat(logged).as("C4 of %s", a).hasSize(1);
            assertThat(logged.get(0).get("state")).isEqualTo("MET");
            assertThat(logged.get(0).get("started_at")).isEqualTo(a.get("occurred_at"));
            assertThat(logged.get(0).get("met_at")).isEqualTo(a.get("logged_at"));
            assertThat(logged.get(0).get("due_at")).isEqualTo(a.get("log_due_at"));
            List<MemoryRows.Row> minutes = bySubject.get("Activity/C5/" + a.get("id"));
            if (a.get("minutes_due_at") == null) {
                assertThat(minutes).as("C5 of %s", a).isNull();
            } else {
                demos++;
                assertThat(minutes).as("C5 of %s", a).hasSize(1);
                assertThat(minutes.get(0).get("state")).isEqualTo("MET");
                assertThat(minutes.get(0).get("due_at")).isEqualTo(a.get("minutes_due_at"));
            }
        }
        assertThat(demos).isPositive();
    }

    /**
     * Every save leaves its audit entries as the audit listener writes them: a customer's creation, then one entry
     * per field a save changed, so its status entries tell its story again; a contact's and a follow-up's creation.
     */
    @Test
    void eachSaveLeavesItsAuditEntries() {
        MemoryRows rows = generate();
        Map<Object, List<MemoryRows.Row>> byEntity = new LinkedHashMap<>();
        rows.of(AuditRows.TABLE).forEach(e -> byEntity.computeIfAbsent(e.get("entity_type") + "/" + e.get("entity_id"),
                k -> new ArrayList<>()).add(e));
        for (MemoryRows.Row customer : rows.of("customer_customer")) {
            List<MemoryRows.Row> trail = byEntity.get("Customer/" + customer.get("id"));
            assertThat(trail).as("audit of %s", customer.get("code")).isNotEmpty();
            assertThat(trail.get(0).get("action")).isEqualTo("CREATE");
            assertThat(trail.subList(1, trail.size())).allSatisfy(e -> assertThat(e.get("action")).isEqualTo("UPDATE"));
            String status = "PROSPECT";
            for (MemoryRows.Row e : trail.subList(1, trail.size())) {
                if ("status".equals(e.get("field"))) {
                    assertThat(e.get("old_value")).as("%s %s", customer.get("code"), trail).isEqualTo(status);
                    status = (String) e.get("new_value");
                }
            }
            assertThat(status).isEqualTo(customer.get("status").toString());
            assertThat(customer.get("version")).as("a version per save after the first").isEqualTo(
                    (long) trail.stream().map(e -> e.get("occurred_at")).distinct().count() - 1);
        }
        for (String type : List.of("customer_contact/Contact", "customer_activity/Activity")) {
            String[] table = type.split("/");
            assertThat(rows.of(table[0])).allSatisfy(r -> assertThat(byEntity.get(table[1] + "/" + r.get("id")))
                    .as("audit of %s", r.get("id")).singleElement()
                    .satisfies(e -> assertThat(e.get("action")).isEqualTo("CREATE")));
        }
    }
}

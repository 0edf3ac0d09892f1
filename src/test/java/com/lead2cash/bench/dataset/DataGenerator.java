package com.lead2cash.bench.dataset;

import com.lead2cash.bench.BenchSize;
import com.lead2cash.customer.internal.CustomerRegions;
import com.lead2cash.lead.internal.BenchLeads;
import com.lead2cash.receivable.internal.ReceivableRules;
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

    /** The tables the generator fills in bulk (one COPY stream, so one connection, each while it runs). */
    public static final Set<String> BULK_TABLES = new LinkedHashSet<>(List.of("lead_lead", "lead_grade_reason",
            "lead_event", "lead_contact_attempt", "sop_deadline", "platform_audit_event", "notification_message",
            "customer_customer", "customer_contact", "customer_event", "customer_pool_release",
            "opportunity_opportunity", "opportunity_stage_change", "customer_activity",
            "quote_quote", "quote_line", "contract_contract", "contract_section", "contract_milestone", "contract_line",
            "contract_value", "contract_event", "receivable_plan", "receivable_receipt", "receivable_allocation"));

    /** Follow-up activities (跟进记录) per customer: 5 000 000 at L, as issue 13 measures the timeline against. */
    static final int ACTIVITIES_PER_CUSTOMER = 5;

    private final ApplicationContext app;
    private final DataSource dataSource;
    private final BenchSize size;
    private final long seed;
    private final LocalDate anchor;

    public DataGenerator(ApplicationContext app, DataSource dataSource, BenchSize size, long seed) {
        this.app = app;
        this.dataSource = dataSource;
        this.size = size;
        this.seed = seed;
        // the day the generation begins on: an L load crosses midnight in the company's zone, and the people's ids
        // derive from it
        this.anchor = LocalDate.ofInstant(app.getBean(Clock.class).instant(),
                ZoneId.of(app.getEnvironment().getRequiredProperty("l2c.zone")));
    }

    /** The company's "today" when the data is generated: hire dates and the three years count from it. */
    public LocalDate anchor() {
        return anchor;
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

        List<BenchDeals.Product> products = catalog(jdbc, now);
        BenchDeals.Template template = template(jdbc);

        BulkLoad load = new BulkLoad(dataSource, BULK_TABLES);
        load.dropIndexes();
        PolicySnapshot policy = app.getBean(SopPolicy.class).current();
        Regions regions = app.getBean(Regions.class);
        Map<String, Long> counts;
        long followUps;
        try (CopyRows rows = new CopyRows(dataSource)) {
            SplittableRandom random = new SplittableRandom(seed);
            Notifications notifications = new Notifications(rows, random.split(), now);
            Deadlines deadlines = new Deadlines(rows, policy, app.getBean(BusinessCalendar.class).current(),
                    notifications, org, random.split(), now, zone);
            BenchLeads leads = new BenchLeads(org, policy, regions, deadlines, notifications, new AuditRows(rows),
                    new AggregateRows(app), rows, random.split(), now, zone);
            // a stream of its own, so the rest of the data is what this seed gave before deals were written
            SplittableRandom dealsRandom = new SplittableRandom(seed ^ 0xDEA15L);
            Notifications dealNotifications = new Notifications(rows, dealsRandom.split(), now);
            Deadlines dealDeadlines = new Deadlines(rows, policy, app.getBean(BusinessCalendar.class).current(),
                    dealNotifications, org, dealsRandom.split(), now, zone);
            BenchDeals deals = new BenchDeals(policy, rows, new AggregateRows(app), org, dealsRandom, now, zone,
                    products, template, app.getBean(com.lead2cash.platform.Letterhead.class).name(), dealDeadlines,
                    dealNotifications);
            leads.deals(deals);
            // one holder of the customers' lives: the converted leads' customers and the others count against the
            // same holding limit
            BenchCustomers customers = new BenchCustomers(org, policy, rows, new AggregateRows(app), deadlines,
                    app.getBean(CustomerRegions.class), random.split(), now, zone, size.customers(),
                    ACTIVITIES_PER_CUSTOMER).deals(deals);
            leads.customers(customers);
            leads.write(size.leads());
            log(started, "%d leads (%d converted)".formatted(size.leads(), leads.converted()));
            long further = Math.max(0, size.customers() - leads.customersCreated());
            customers.write(further, Math.max(further, size.contacts() - leads.converted()),
                    Math.max(0, size.opportunities() - leads.opportunitiesCreated()), size.leads(),
                    leads.customersCreated(), leads.opportunitiesCreated(), size.leads());
            log(started, "%d further customers, %d follow-ups".formatted(further, customers.activities()));
            followUps = customers.activities();
            log(started, "%d quotes, %d contracts, %d receipts (%.1f s of it)".formatted(deals.quotes(),
                    deals.contracts(), deals.receipts(), deals.seconds()));
            List<UUID> owners = org.reps().stream().map(BenchOrg.Member::id).toList();
            // the open deadlines of the size count the receivables' open P1 reminders too
            deadlines.haystack(Math.max(0, size.openDeadlines() - deadlines.openCount() - dealDeadlines.openCount()),
                    owners);
            rows.commit();
            counts = new java.util.LinkedHashMap<>(rows.counts());
            log(started, "copied " + counts);
        }
        counts.put("customer_activity", followUps);
        load.restoreIndexes(step -> log(started, "index " + step));
        rebuildReadModels(jdbc);
        log(started, "read models rebuilt");
        jdbc.sql("select setval('lead_code_seq', :n)").param("n", size.leads()).query(Long.class).single();
        setSequence(jdbc, "customer_code_seq", counts.getOrDefault(BenchLeads.CUSTOMER_TABLE, 0L));
        setSequence(jdbc, "opportunity_code_seq", counts.getOrDefault(BenchOpportunities.TABLE, 0L));
        // quotes, contracts and receipts number without gaps from a counter per prefix and year
        // (HumanCodes.nextDocumentNumber)
        continueDocumentNumbers(jdbc, "Q", "quote_quote");
        continueDocumentNumbers(jdbc, "HT", "contract_contract");
        continueDocumentNumbers(jdbc, "SK", "receivable_receipt");
        log(started, "payment plans by state " + jdbc.sql("""
                select string_agg(state || '=' || n, ', ' order by state) from (
                    select state, count(*) as n from receivable_plan group by state) s""").query(String.class).single());
        ReceivableRules rules = policy.bind(ReceivableRules.class);
        LocalDate today = LocalDate.ofInstant(now, zone);
        log(started, "overdue plans by aging bucket " + jdbc.sql("""
                select string_agg(bucket || '=' || n, ', ' order by bucket) from (
                    select case when due_date >= :b1 then 'B1' when due_date >= :b2 then 'B2' when due_date >= :b3 then 'B3'
                                else 'B4' end as bucket, count(*) as n
                    from receivable_plan where state in ('DUE', 'PARTIALLY_PAID', 'OVERDUE', 'PLANNED') and due_date < :today
                    group by 1) s""").param("today", java.sql.Date.valueOf(today))
                .param("b1", java.sql.Date.valueOf(today.minusDays(rules.bucket1Days())))
                .param("b2", java.sql.Date.valueOf(today.minusDays(rules.bucket2Days())))
                .param("b3", java.sql.Date.valueOf(today.minusDays(rules.bucket3Days()))).query(String.class).single());
        log(started, "receipts " + jdbc.sql("""
                select string_agg(k || '=' || n, ', ' order by k) from (
                    select case when state = 'REVERSED' then 'reversed' when allocated_amount = amount then 'allocated'
                                when allocated_amount = 0 then 'unallocated' else 'partly allocated' end as k, count(*) as n
                    from receivable_receipt group by 1) s""").query(String.class).single()
                + "; quotes " + jdbc.sql("""
                select string_agg(status || '=' || n, ', ' order by status) from (
                    select status, count(*) as n from quote_quote group by status) s""").query(String.class).single()
                + "; contracts " + jdbc.sql("""
                select string_agg(status || '=' || n, ', ' order by status) from (
                    select status, count(*) as n from contract_contract group by status) s""").query(String.class).single()
                + "; deadlines of contracts and receivables " + jdbc.sql("""
                select string_agg(rule_id || ' ' || state || '=' || n, ', ' order by rule_id, state) from (
                    select rule_id, state, count(*) as n from sop_deadline where subject_type in ('Contract', 'Receivable')
                    group by 1, 2) s""").query(String.class).single()
                + "; audit entries " + jdbc.sql("""
                select string_agg(entity_type || ' ' || action || '=' || n, ', ' order by entity_type, action) from (
                    select entity_type, action, count(*) as n from platform_audit_event
                    where entity_type in ('Quote', 'Contract', 'Receivable', 'Receipt') group by 1, 2) s""")
                .query(String.class).single()
                + "; receivable notifications " + jdbc.sql("""
                select string_agg(kind || '=' || n, ', ' order by kind) from (
                    select kind, count(*) as n from notification_message where kind like 'receivable.%' group by kind) s""")
                .query(String.class).single());
        log(started, "done");
        return size + " seed " + seed + ": " + counts;
    }

    /**
     * The read models the product keeps by triggers, which were off during the load ({@link BulkLoad}), filled
     * from the loaded rows as their migrations fill them (V202612015004__lead_rep_load.sql,
     * V202612023001__opportunity_forecast_month.sql, V202612024301__receivable_plan_month.sql, and the compliance
     * days by the function V202612040101__sop_compliance_day.sql defines for it). The contracts'
     * search keys (V202612024401) are a column of the contract row the generator writes with it.
     */
    private static void rebuildReadModels(JdbcClient jdbc) {
        jdbc.sql("delete from lead_rep_load").update();
        jdbc.sql("""
                insert into lead_rep_load (rep_id, open_ab, last_assigned_at)
                select owner_id, count(*) filter (where grade in ('A', 'B') and status in ('ASSIGNED', 'CONTACTED')),
                       max(assigned_at)
                from lead_lead where owner_id is not null group by owner_id""").update();
        jdbc.sql("delete from opportunity_forecast_month").update();
        // the cells' weighted sums are weighed at the first read, at the policy's probabilities (ForecastWeights)
        jdbc.sql("delete from opportunity_forecast_probability").update();
        jdbc.sql("""
                insert into opportunity_forecast_month (owner_id, month, stage, forecast_category, opportunities, amount)
                select owner_id, opportunity_forecast_month_of(stage, expected_close_date, closed_at), stage,
                       forecast_category, count(*), sum(amount)
                from opportunity_opportunity group by 1, 2, 3, 4""").update();
        jdbc.sql("delete from receivable_plan_month").update();
        jdbc.sql("""
                insert into receivable_plan_month (owner_id, month, plans, due, collected, open_plans, outstanding)
                select owner_id, date_trunc('month', due_date)::date, count(*), sum(amount), sum(paid_amount),
                       count(*) filter (where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE')),
                       coalesce(sum(amount - paid_amount) filter (where state in ('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE')), 0)
                from receivable_plan
                where due_date is not null
                group by 1, 2""").update();
        jdbc.sql("select sop_compliance_refill()").query().listOfRows();
        jdbc.sql("vacuum (analyze) lead_rep_load").update();
        jdbc.sql("vacuum (analyze) sop_compliance_day").update();
        jdbc.sql("vacuum (analyze) receivable_plan_month").update();
        jdbc.sql("vacuum (analyze) opportunity_forecast_month").update();
    }

    /** The catalogue the quotes draw on: three products (standard, professional, a service) of every product line. */
    private static List<BenchDeals.Product> catalog(JdbcClient jdbc, Instant now) {
        List<BenchDeals.Product> products = new java.util.ArrayList<>();
        String[][] kinds = {{"STD", "标准版", "套", "13", "1"}, {"PRO", "专业版", "套", "13", "3"},
            {"SVC", "实施服务", "人天", "6", "0"}};
        SplittableRandom random = new SplittableRandom(0xCA7A1L);
        for (int l = 0; l < ChineseData.PRODUCT_LINES.size(); l++) {
            String line = ChineseData.PRODUCT_LINES.get(l);
            for (String[] k : kinds) {
                long price = "SVC".equals(k[0]) ? 1_500L + 100L * random.nextInt(20)
                        : (20_000L + 1_000L * random.nextInt(80)) * Integer.parseInt(k[4]);
                products.add(new BenchDeals.Product(BenchIds.uuid7(now, random), "P%02d-%s".formatted(l + 1, k[0]),
                        line + k[1], "SVC".equals(k[0]) ? "现场实施与培训" : "含一年维保", k[2], line,
                        java.math.BigDecimal.valueOf(price).setScale(2), new java.math.BigDecimal(k[3]).setScale(2)));
            }
        }
        for (BenchDeals.Product p : products) {
            jdbc.sql("""
                    insert into catalog_product (id, code, name, specification, unit, product_line, list_price, tax_rate,
                                                 active, created_at, updated_at, version)
                    values (:id, :code, :name, :spec, :unit, :line, :price, :tax, true, :now, :now, 0)""")
                    .param("id", p.id()).param("code", p.code()).param("name", p.name()).param("spec", p.specification())
                    .param("unit", p.unit()).param("line", p.productLine()).param("price", p.listPrice())
                    .param("tax", p.taxRate()).param("now", java.sql.Timestamp.from(now)).update();
        }
        return products;
    }

    /** The published standard template (V202612019004) contracts are drafted on. */
    private static BenchDeals.Template template(JdbcClient jdbc) {
        Map<String, Object> t = jdbc.sql("select id, code, template_version from contract_template where state = 'PUBLISHED' "
                + "order by code limit 1").query().singleRow();
        List<com.lead2cash.contract.internal.domain.Contract.TemplateClause> clauses = jdbc.sql(
                "select section_key, heading, body from contract_template_clause where template = :t order by position")
                .param("t", t.get("id")).query((rs, i) -> new com.lead2cash.contract.internal.domain.Contract.TemplateClause(
                        rs.getString("section_key"), rs.getString("heading"), rs.getString("body"))).list();
        return new BenchDeals.Template((UUID) t.get("id"), (String) t.get("code"),
                ((Number) t.get("template_version")).intValue(), clauses);
    }

    /** Sets the counters of {@code prefix} to the highest number each year has in {@code table}. */
    private static void continueDocumentNumbers(JdbcClient jdbc, String prefix, String table) {
        jdbc.sql("""
                insert into platform_document_number (prefix, year, last)
                select :prefix, split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::bigint) from %s
                where number ~ ('^' || :prefix || '-[0-9]{4}-[0-9]{1,18}$') group by split_part(number, '-', 2)
                on conflict (prefix, year) do update set last = greatest(platform_document_number.last, excluded.last)"""
                .formatted(table)).param("prefix", prefix).update();
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

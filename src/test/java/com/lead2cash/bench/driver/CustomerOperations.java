package com.lead2cash.bench.driver;

import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.bench.driver.Operation.Kind;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.ScopeKind;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The customer reads of issue 13 — the customer list (first page, a later page, filtered by grade and by
 * status) and a customer's timeline (客户动态) — each with its raw twin: the very statement
 * {@code CustomerQueries.statement} builds for the same reader and filter, and the timeline's statements
 * (customer, story, activities, merged customers, deadlines, opportunities, needs analyses), over plain JDBC.
 */
public final class CustomerOperations {

    static final int PAGE = 20;
    /** Rows 201–220 of a rep's list: page 11. */
    static final int LATER_OFFSET = 200;

    /** A customer whose timeline is read and whom searches look for, with its owner and a contact's mobile. */
    record SampleCustomer(UUID id, UUID ownerId, String name, String mobile) {

        /** Two characters of the name after the city (杭州宏远科技有限公司 → 宏远): the brand word a person types. */
        String twoCharacters() {
            return name.substring(2, 4);
        }

        /** The pinyin initials of the name's first four characters (杭州宏远… → hzhy). */
        String initials() {
            String all = com.lead2cash.platform.SearchKeys.name(name).initials();
            return all.substring(0, Math.min(4, all.length()));
        }

        /** The first seven digits of the contact's mobile: what the phone search needs at least. */
        String phoneFragment() {
            return mobile.substring(0, 7);
        }
    }

    private final BenchOrg org;
    private final Http http;
    private final int clients;
    private final List<Member> reps = new ArrayList<>();
    private final List<Member> managers = new ArrayList<>();
    private final Map<UUID, String> laterCursors = new HashMap<>();
    private final List<SampleCustomer> samples = new ArrayList<>();
    private final com.lead2cash.platform.SearchKeyStatistics.Counts keyCounts;

    public CustomerOperations(BenchOrg org, Http http, DataSource db, int clients) throws SQLException {
        this.org = org;
        this.http = http;
        this.clients = clients;
        this.managers.addAll(org.teams().stream().map(BenchOrg.Team::manager).toList());
        this.keyCounts = new com.lead2cash.platform.SearchKeyStatistics(JdbcClient.create(db), java.time.Clock.systemUTC())
                .counts("customer_customer", "search_tokens");
        try (Connection c = db.getConnection()) {
            for (Member rep : org.reps()) {
                // a later page: LATER_OFFSET rows in, or half-way through a rep with fewer (size S has ~50 a rep)
                long owned = ((Number) Sql.query(c, "select count(*) from customer_customer where merged_into_id is null "
                        + "and owner_id = ?", rep.id()).get(0)[0]).longValue();
                long offset = Math.min(LATER_OFFSET, owned / 2);
                if (offset < 1) {
                    continue;
                }
                List<Object[]> row = Sql.query(c, "select created_at, id from customer_customer where merged_into_id is null "
                        + "and owner_id = ? order by created_at desc, id desc offset " + (offset - 1) + " limit 1", rep.id());
                if (!row.isEmpty()) {
                    reps.add(rep);
                    laterCursors.put(rep.id(), cursor(((Timestamp) row.get(0)[0]).toInstant(), (UUID) row.get(0)[1]));
                }
            }
            for (Object[] r : Sql.query(c, """
                    select c.id, c.owner_id, c.name, (select k.phone_normalized from customer_contact k
                        where k.customer_id = c.id and k.phone_normalized ~ '^1[0-9]{10}$' limit 1)
                    from customer_customer c where c.owner_id is not null and c.merged_into_id is null
                    order by md5(c.id::text) limit 2000""")) {
                if (org.teamOf((UUID) r[1]) != null && r[3] != null && ((String) r[2]).length() >= 4) {
                    samples.add(new SampleCustomer((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3]));
                }
            }
        }
        if (reps.isEmpty() || samples.isEmpty()) {
            throw new IllegalStateException("no customers to read: the data set has none with their reps");
        }
    }

    static String cursor(Instant createdAt, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("customer\u001f" + createdAt + "\u001f" + id).getBytes(StandardCharsets.UTF_8));
    }

    private Member rep(long i) {
        return reps.get((int) Math.floorMod(i, reps.size()));
    }

    private Member manager(long i) {
        return managers.get((int) Math.floorMod(i, managers.size()));
    }

    private SampleCustomer sample(long i) {
        return samples.get((int) Math.floorMod(i * 7919, samples.size()));
    }

    /** The sample's owner or their manager, in turn. */
    private Member reader(SampleCustomer s, long i) {
        return i % 2 == 0 ? org.member(s.ownerId()) : org.teamOf(s.ownerId()).manager();
    }

    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("customer.list.first", Kind.LIST, clients,
                (c, i) -> expect(http.get("/api/v1/customers?size=" + PAGE, rep(i).token())),
                (conn, c, i) -> list(conn, rep(i), filter(null, null, null)), "a rep's customer list, first page (20), API"));
        ops.add(new Operation("customer.list.later", Kind.LIST, clients,
                (c, i) -> expect(http.get("/api/v1/customers?size=" + PAGE + "&cursor=" + laterCursors.get(rep(i).id()),
                        rep(i).token())),
                (conn, c, i) -> list(conn, rep(i), filter(null, null, laterCursors.get(rep(i).id()))),
                "a rep's customer list, page 11 (rows 201–220), API"));
        ops.add(new Operation("customer.list.grade", Kind.LIST, clients,
                (c, i) -> expect(http.get("/api/v1/customers?size=" + PAGE + "&grade=A", manager(i).token())),
                (conn, c, i) -> list(conn, manager(i), filter(CustomerGrade.A, null, null)),
                "a manager's team customers of grade A, first page, API"));
        ops.add(new Operation("customer.list.status", Kind.LIST, clients,
                (c, i) -> expect(http.get("/api/v1/customers?size=" + PAGE + "&status=SIGNED", org.director().token())),
                (conn, c, i) -> list(conn, org.director(), filter(null, CustomerStatus.SIGNED, null)),
                "the director's signed customers (the whole company), first page, API"));
        ops.add(new Operation("customer.timeline", Kind.LIST, clients, (c, i) -> {
            SampleCustomer s = sample(i);
            return expect(http.get("/api/v1/customers/" + s.id() + "/timeline", reader(s, i).token()));
        }, (conn, c, i) -> timeline(conn, sample(i)), "a customer's timeline, first page (20), by its owner or their manager, API"));
        ops.add(search("customer.search.2char", SampleCustomer::twoCharacters,
                "search by two characters of a customer's name (宏远), by its owner or their manager, API"));
        ops.add(search("customer.search.name", SampleCustomer::name,
                "search by a customer's full name, by its owner or their manager, API"));
        ops.add(search("customer.search.initials", SampleCustomer::initials,
                "search by the pinyin initials of a name's first four characters (hzhy), by its owner or their manager, API"));
        ops.add(search("customer.search.phone", SampleCustomer::phoneFragment,
                "search by the first seven digits of a contact's mobile, by the customer's owner or their manager, API"));
        ops.add(search("customer.search.director", SampleCustomer::twoCharacters,
                "the director's search by two characters of a name, over the whole company, API", true));
        return ops;
    }

    private Operation search(String name, java.util.function.Function<SampleCustomer, String> term, String description) {
        return search(name, term, description, false);
    }

    /** A search for a sample customer's term by its owner or their manager (or the director), first page. */
    private Operation search(String name, java.util.function.Function<SampleCustomer, String> term, String description,
                             boolean director) {
        boolean mustFind = name.equals("customer.search.name");
        return new Operation(name, Kind.LIST, clients, (c, i) -> {
            SampleCustomer s = sample(i);
            Member reader = director ? org.director() : reader(s, i);
            Http.Answer answer = http.get("/api/v1/customers?size=" + PAGE + "&q="
                    + java.net.URLEncoder.encode(term.apply(s), StandardCharsets.UTF_8), reader.token());
            // a full name finds its customer: proof that the search ran over the generated keys
            return LeadOperations.expect(answer, 200, mustFind ? s.id().toString() : "\"items\"");
        }, (conn, c, i) -> {
            SampleCustomer s = sample(i);
            list(conn, director ? org.director() : reader(s, i), search(term.apply(s)));
        }, description);
    }

    private static CustomerQueries.CustomerFilter search(String q) {
        return new CustomerQueries.CustomerFilter(q, null, null, null, null, null, null, PAGE);
    }

    private static CustomerQueries.CustomerFilter filter(CustomerGrade grade, CustomerStatus status, String cursor) {
        return new CustomerQueries.CustomerFilter(null, grade, status, null, null, null, cursor, PAGE);
    }

    static String expect(Http.Answer answer) {
        return LeadOperations.expect(answer, 200, "\"items\"");
    }

    /** The plans ({@code EXPLAIN (ANALYZE, BUFFERS)}) of the list statements and the timeline's, as Markdown. */
    public String plans(DataSource db) throws SQLException {
        Map<String, CustomerQueries.Statement> statements = new java.util.LinkedHashMap<>();
        Member rep = rep(0);
        statements.put("customer.list.first (rep)", statement(filter(null, null, null), scope(rep), PAGE));
        statements.put("customer.list.later (rep)", statement(filter(null, null, laterCursors.get(rep.id())),
                scope(rep), PAGE));
        statements.put("customer.list.grade (manager)", statement(filter(CustomerGrade.A, null, null),
                scope(manager(0)), PAGE));
        statements.put("customer.list.status (director)", statement(filter(null, CustomerStatus.SIGNED, null),
                scope(org.director()), PAGE));
        SampleCustomer sample = samples.get(0);
        Member reader = org.member(sample.ownerId());
        statements.put("customer.search.2char (owner)", statement(search(sample.twoCharacters()),
                scope(reader), PAGE));
        statements.put("customer.search.name (owner)", statement(search(sample.name()), scope(reader), PAGE));
        statements.put("customer.search.initials (owner)", statement(search(sample.initials()),
                scope(reader), PAGE));
        statements.put("customer.search.phone (owner)", statement(search(sample.phoneFragment()),
                scope(reader), PAGE));
        statements.put("customer.search.director", statement(search(sample.twoCharacters()),
                scope(org.director()), PAGE));
        timelineStatements(samples.get(0).id()).forEach((part, st) -> statements.put("customer.timeline: " + part, st));
        StringBuilder md = new StringBuilder();
        try (Connection c = db.getConnection()) {
            for (var e : statements.entrySet()) {
                md.append("## ").append(e.getKey()).append("\n\n```sql\n").append(e.getValue().sql().strip())
                        .append("\n```\n\n```\n").append(String.join("\n", jdbc(c).sql("explain (analyze, buffers) "
                                + e.getValue().sql()).params(e.getValue().params()).query(String.class).list()))
                        .append("\n```\n\n");
            }
        }
        return md.toString();
    }

    // ---- the raw side ----

    /** The reader's data scope as the product computes it ({@link BenchOrg#scopeOf}). */
    static Scope scope(BenchOrg org, Member m) {
        Set<UUID> owners = org.scopeOf(m);
        return owners == null ? new Scope(ScopeKind.ALL, m.id(), null)
                : new Scope(m.role() == Role.SALES_REP ? ScopeKind.SELF : ScopeKind.TEAM, m.id(), owners);
    }

    private Scope scope(Member m) {
        return scope(org, m);
    }

    /** CustomerQueries.list: the statement exactly as the product builds it, then the owners' names. */
    private void list(Connection c, Member reader, CustomerQueries.CustomerFilter filter) throws SQLException {
        CustomerQueries.Statement st = statement(filter, scope(reader), PAGE);
        if (st == null) {
            return; // the product answers an empty page without asking the database
        }
        List<Map<String, Object>> rows = jdbc(c).sql(st.sql()).params(st.params()).query().listOfRows();
        Set<UUID> owners = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.get("owner_id") != null) {
                owners.add((UUID) r.get("owner_id"));
            }
        });
        if (!owners.isEmpty()) {
            Sql.query(c, LeadOperations.PERSON + " where u.id in (?)", owners);
        }
    }

    /** The statement as the product builds it, with the token statistics the product reads. */
    private CustomerQueries.Statement statement(CustomerQueries.CustomerFilter filter, Scope scope, int size) {
        return CustomerQueries.statement(filter, scope, size, keyCounts);
    }

    static JdbcClient jdbc(Connection c) {
        return JdbcClient.create(new SingleConnectionDataSource(c, true));
    }

    /** CustomerTimeline.page: the customer, then each source's first page of entries, newest first. */
    private void timeline(Connection c, SampleCustomer s) throws SQLException {
        for (CustomerQueries.Statement st : timelineStatements(s.id()).values()) {
            jdbc(c).sql(st.sql()).params(st.params()).query().listOfRows();
        }
    }

    /**
     * The timeline's statements as CustomerTimeline and its contributors ask them for the first page: the
     * owner and merged ids, the story with the activities, the deadlines, the opportunities, the needs analyses,
     * the contracts, orders, receipts and invoices.
     */
    private static Map<String, CustomerQueries.Statement> timelineStatements(UUID customer) {
        int limit = PAGE + 1;
        Map<String, CustomerQueries.Statement> statements = new java.util.LinkedHashMap<>();
        statements.put("owner and merged", new CustomerQueries.Statement("select owner_id, array(select m.id from "
                + "customer_customer m where m.merged_into_id = c.id) as merged from customer_customer c where c.id = :c",
                Map.of("c", customer)));
        statements.put("story and activities", new CustomerQueries.Statement("(select 'event', e.id::text, e.occurred_at, "
                + "e.actor_id, e.message_key, e.args, null, null, false from customer_event e where e.customer_id = :c "
                + "order by e.occurred_at desc, e.id desc limit " + limit + ") union all (select 'activity', a.id::text, "
                + "a.occurred_at, a.logged_by, null, null, a.type, a.summary, a.late from customer_activity a "
                + "where a.customer_id = :c order by a.occurred_at desc, a.id desc limit " + limit + ")", Map.of("c", customer)));
        statements.put("deadlines", new CustomerQueries.Statement("select id, rule_id, subject_id, owner_id, started_at, "
                + "due_at, state, met_at, breached_at from sop_deadline where subject_type = 'Customer' and subject_id in (:s) "
                + "and started_at <= :before order by started_at desc, id desc limit " + limit,
                Map.of("s", List.of(customer.toString()), "before", Timestamp.from(Instant.parse("9999-12-31T00:00:00Z")))));
        statements.put("opportunities", new CustomerQueries.Statement("select c.id, c.to_stage, c.from_stage, c.changed_at, "
                + "c.amount, o.id, o.code, o.name, o.currency, o.owner_id, o.lost_reason, r.label_zh, r.label_en "
                + "from opportunity_stage_change c join opportunity_opportunity o on o.id = c.opportunity_id "
                + "left join opportunity_lost_reason r on r.code = o.lost_reason where o.customer_id = :c and (c.from_stage is null "
                + "or c.to_stage in ('WON', 'LOST')) order by c.changed_at desc, c.id desc limit " + limit, Map.of("c", customer)));
        statements.put("needs analyses", new CustomerQueries.Statement("select id, report_id, number, written_at, written_by "
                + "from customer_needs_analysis where customer_id = :c order by written_at desc, id desc", Map.of("c", customer)));
        // the contributors of the contract, order, receivable and invoice modules (their *CustomerTimeline), each one
        // statement through TimelineCursor.pageOf
        String contract = " c.id, c.number, c.title, c.amount, c.currency, c.owner_id, c.submitted_at is not null as submitted";
        statements.put("contracts", firstPage("select 'contract:' || lpad(e.id::text, 19, '0') as key, e.kind,"
                + " e.actor_id, e.detail, e.occurred_at as at," + contract + ", null as amendment, null as amendment_title,"
                + " null::numeric as amount_change, null::date as signed_on"
                + " from contract_contract c join contract_event e on e.contract_id = c.id"
                + " where c.customer_id = :c and e.kind in ('SUBMITTED', 'APPROVED', 'SIGNED', 'TERMINATED')"
                + " union all select 'contract-amendment:' || a.id::text, 'AMENDMENT_SIGNED', a.created_by,"
                + " null, a.created_at," + contract + ", a.number, a.title, a.amount_change, a.signed_on"
                + " from contract_contract c join contract_amendment a on a.contract_id = c.id where c.customer_id = :c",
                limit, customer));
        statements.put("orders", firstPage("select 'CREATED' as kind, 'order:' || o.id::text as key,"
                + " o.created_at as at, p.recorded_by as actor,"
                + " o.id, o.number, o.owner_id, o.contract_number as a1, o.promised_date::text as a2, null as a3,"
                + " null as a4, null as a5 from order_order o"
                + " left join order_promise p on p.order_id = o.id and p.promise_key = 0 where o.customer_id = :c"
                + " union all select 'SHIPPED', 'order-shipment:' || o.id::text || ':' || lpad(s.shipment_key::text, 5, '0'),"
                + " s.recorded_at, s.recorded_by, o.id, o.number, o.owner_id, (s.shipment_key + 1)::text, l.product_name,"
                + " s.quantity::text, s.carrier, s.ship_date::text from order_order o"
                + " join order_shipment s on s.order_id = o.id"
                + " join order_line l on l.order_id = o.id and l.line_key = s.line_key - 1 where o.customer_id = :c"
                + " union all select 'DELIVERED', 'order-delivered:' || o.id::text, o.delivered_at, o.delivered_by, o.id, o.number,"
                + " o.owner_id, o.delivered_on::text, null, null, null, null from order_order o"
                + " where o.customer_id = :c and o.delivered_at is not null"
                + " union all select 'ACCEPTED', 'order-accepted:' || o.id::text, o.accepted_at, o.accepted_by, o.id, o.number,"
                + " o.owner_id, o.accepted_on::text, o.acceptance_signed_by, null, null, null from order_order o"
                + " where o.customer_id = :c and o.accepted_at is not null", limit, customer));
        statements.put("receipts", firstPage("select 'RECORDED' as kind, 'receipt:' || r.id::text as key,"
                + " r.recorded_at as at, r.recorded_by as actor,"
                + " r.number, r.amount, r.currency, r.received_on, r.method, null as reason from receivable_receipt r"
                + " where r.customer_id = :c"
                + " union all select 'REVERSED', 'receipt-reversed:' || r.id::text, r.reversed_at, r.reversed_by, r.number,"
                + " r.amount, r.currency, r.received_on, r.method, r.reversal_reason from receivable_receipt r"
                + " where r.customer_id = :c and r.reversed_at is not null", limit, customer));
        String invoice = " i.id, i.number, i.owner_id, i.type, i.invoice_number, i.amount, i.currency, i.invoiced_on";
        statements.put("invoices", firstPage("select 'ISSUED' as kind, 'invoice:' || i.id::text as key,"
                + " i.issued_at as at, i.issued_by as actor," + invoice + ", null as reason from invoice_invoice i"
                + " where i.customer_id = :c and i.issued_at is not null"
                + " union all select 'RED_REVERSED', 'invoice-red:' || i.id::text, i.red_at, i.red_by," + invoice
                + ", i.red_reason from invoice_invoice i where i.customer_id = :c and i.red_at is not null", limit, customer));
        return statements;
    }

    /** TimelineCursor.pageOf at the start of the timeline: the newest {@code limit} of a contributor's entries. */
    private static CustomerQueries.Statement firstPage(String entries, int limit, UUID customer) {
        return new CustomerQueries.Statement("select * from (" + entries + ") x where true"
                + " order by x.at desc, x.key collate \"C\" desc limit " + limit, Map.of("c", customer));
    }
}

package com.lead2cash.bench.dataset;

import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.bench.driver.Http;
import com.lead2cash.lead.internal.BenchLeads;
import com.lead2cash.platform.SearchKeys;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Proves the generated data is the product's own shape: drafts the generator would capture are sent
 * through the product's API (as a marketing user) and its public endpoint (with a web-to-lead key);
 * the rows the product stored — the lead, its grade reasons, history, deadlines, notifications and
 * audit entry — are compared with the rows the generator writes for the same draft at the same
 * instant. Routing may pick another rep of the same team (loads differ), so owners are compared by
 * team. Customers registered through the API (their row, follow-up deadline, audit entries and history) are
 * compared with the generator's registration of them
 * in the same way. Then generated leads, contracts, quotes and receipts are read back through the API.
 */
public final class SampleCheck {

    /** Company indexes of the check's captures, clear of everything else. */
    static final long BAND = 7_000_000;
    private static final int PER_CHANNEL = 6;
    private static final Pattern CODE = Pattern.compile("L-\\d{4}-\\d{6,}");
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final BenchOrg org;
    private final Http http;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SingleCaptures captures;
    private final Predicate<UUID> roomForOne;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param roomForOne whether C7's holding limit leaves a rep room for one more customer, as the product counts
     *                   it: at M and L some reps hold the most the SOP allows, and the product rightly refuses them
     */
    public SampleCheck(BenchOrg org, Http http, DataSource db, Clock clock, SingleCaptures captures,
                       Predicate<UUID> roomForOne) {
        this.org = org;
        this.roomForOne = roomForOne;
        this.http = http;
        this.jdbc = JdbcClient.create(db);
        this.clock = clock;
        this.captures = captures;
    }


    /** Runs the check; answers what differed (empty: the data is the product's shape). */
    public List<String> run() throws Exception {
        int api = 0;
        int web = 0;
        for (long index = BAND; (api < PER_CHANNEL || web < PER_CHANNEL) && index < BAND + 500; index++) {
            BenchLeads.Request request = captures.leads(new MemoryRows(), index, clock.instant()).request(index, clock.instant());
            boolean viaWeb = "WEB_FORM".equals(request.channel());
            boolean viaApi = "API".equals(request.channel());
            if ((viaWeb && web < PER_CHANNEL) || (viaApi && api < PER_CHANNEL)) {
                compare(index, request, viaWeb);
                if (viaWeb) {
                    web++;
                } else {
                    api++;
                }
            }
        }
        compareCustomers();
        readBack();
        readBackDeals();
        return problems;
    }

    /**
     * Customers registered through the API by reps, each compared with the generator's registration of the same
     * company by the same rep at the same instant: every column of the customer row (a stored column the generator
     * does not write is a problem too), and the running follow-up deadline (C2) of its grade.
     */
    private void compareCustomers() throws Exception {
        String[] grades = {"A", "B", "C"};
        for (int i = 0; i < grades.length; i++) {
            ChineseData.Company company = ChineseData.company(BAND + 600 + i);
            Member rep = repWithRoom(i * 7);
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("name", company.name());
            body.put("uscc", company.uscc());
            body.put("industry", company.industry());
            body.put("region", company.city().province());
            body.put("source", "REFERRAL");
            body.put("grade", grades[i]);
            Http.Answer answer = http.postJson("/api/v1/customers", rep.token(), JSON.writeValueAsString(body));
            String label = "customer " + company.name();
            if (answer.status() != 201) {
                problems.add(label + " answered " + answer.status() + " " + answer.body());
                continue;
            }
            // by the id answered: a run without a pristine copy meets the earlier runs' registrations of the name
            UUID id = UUID.fromString(JSON.readTree(answer.body()).get("id").asString());
            Map<String, Object> stored = jdbc.sql("select * from customer_customer where id = :id")
                    .param("id", id).query().singleRow();
            Instant at = ((Timestamp) stored.get("created_at")).toInstant();
            MemoryRows rows = new MemoryRows();
            captures.customers(rows, at).registered(id, (String) stored.get("code"), company.name(), company.uscc(),
                    company.industry(), company.city().province(), "REFERRAL", grades[i], rep.id(), rep.id(), at);
            MemoryRows.Row generated = rows.of("customer_customer").get(0);
            for (String column : stored.keySet()) {
                if (!generated.columns().contains(column)) {
                    problems.add(label + ": customer_customer." + column + " is not generated");
                } else {
                    same(label + " customer_customer." + column, generated.get(column), stored.get(column));
                }
            }
            same(label + " deadlines", rows.of("sop_deadline").stream().map(r -> deadline(r.asMap(), rep.id())).toList(),
                    jdbc.sql("select * from sop_deadline where subject_type = 'Customer' and subject_id = :id")
                            .param("id", id.toString()).query().listOfRows().stream().map(r -> deadline(r, rep.id()))
                            .toList());
            same(label + " audit", rows.of(AuditRows.TABLE).stream()
                            .map(r -> r.get("action") + "|" + r.get("field") + "|" + r.get("new_value") + "|"
                                    + r.get("actor_id")).toList(),
                    jdbc.sql("""
                            select action, field, new_value, actor_id from platform_audit_event
                            where entity_type = 'Customer' and entity_id = :id order by id""")
                            .param("id", id.toString()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                                    + rs.getString(3) + "|" + rs.getObject(4)).list());
            same(label + " history", rows.of(BenchCustomers.EVENT_TABLE).stream()
                            .map(r -> r.get("message_key") + "|" + r.get("args") + "|" + r.get("actor_id")).toList(),
                    jdbc.sql("select message_key, args, actor_id from customer_event where customer_id = :id order by id")
                            .param("id", id).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                                    + rs.getObject(3)).list());
            if (problems.isEmpty()) {
                System.out.printf("BENCH check: %s (grade %s) matches the product's %s%n", label, grades[i],
                        stored.get("code"));
            }
        }
    }

    /** The first rep from {@code from} on who may take on one more customer. */
    private Member repWithRoom(int from) {
        List<Member> reps = org.reps();
        for (int k = 0; k < reps.size(); k++) {
            Member rep = reps.get((from + k) % reps.size());
            if (roomForOne.test(rep.id())) {
                return rep;
            }
        }
        throw new IllegalStateException("every rep holds the most customers C7 allows");
    }

    private void compare(long index, BenchLeads.Request request, boolean viaWeb) throws Exception {
        Http.Answer answer = viaWeb
                ? http.postPublic("/api/v1/public/leads", org.apiKeys().get(0), "check-" + index + "-" + clock.instant().toEpochMilli(),
                        request.json())
                : http.postJson("/api/v1/leads", request.capturer().token(), request.json());
        // the public endpoint answers the code and status only (no id to a caller without an account)
        Matcher answeredCode = CODE.matcher(answer.body());
        if (answer.status() != 201 || !answeredCode.find()) {
            problems.add("capture " + index + " answered " + answer.status() + " " + answer.body());
            return;
        }
        Map<String, Object> stored = jdbc.sql("select * from lead_lead where code = :code")
                .param("code", answeredCode.group()).query().singleRow();
        UUID leadId = (UUID) stored.get("id");
        Instant at = ((Timestamp) stored.get("created_at")).toInstant();
        MemoryRows rows = new MemoryRows();
        captures.leads(rows, index, at).writeLead(index, at);
        MemoryRows.Row generated = rows.of("lead_lead").get(0);
        String code = (String) stored.get("code");
        String generatedCode = (String) generated.get("code");
        UUID generatedId = (UUID) generated.get("id");
        String label = "lead " + index + " (" + request.channel() + ")";
        for (String column : generated.columns()) {
            if (List.of("id", "code", "owner_id", "search_keys").contains(column)) {
                continue;
            }
            same(label + " lead_lead." + column, generated.get(column), stored.get(column));
        }
        // the keys of the generated lead's own code aside, its search keys are the stored ones
        same(label + " lead_lead.search_keys", searchKeys(generated.asMap(), code), searchKeys(stored, code));
        sameTeam(label + " owner", (UUID) generated.get("owner_id"), (UUID) stored.get("owner_id"));
        same(label + " grade reasons", rows.of("lead_grade_reason").stream()
                        .map(r -> r.get("criterion") + "|" + r.get("met") + "|" + r.get("message_key") + "|" + r.get("args"))
                        .sorted().toList(),
                jdbc.sql("select criterion || '|' || met || '|' || message_key || '|' || coalesce(args, '') "
                        + "from lead_grade_reason where lead_id = :id order by 1").param("id", leadId)
                        .query(String.class).list());
        same(label + " history", rows.of("lead_event").stream()
                        .map(r -> r.get("message_key") + "|" + first(r.get("args")) + "|" + r.get("actor_id")).toList(),
                jdbc.sql("select message_key, args, actor_id from lead_event where lead_id = :id order by id")
                        .param("id", leadId).query((rs, i) -> rs.getString(1) + "|" + first(rs.getString(2)) + "|"
                                + rs.getObject(3)).list());
        same(label + " deadlines", rows.of("sop_deadline").stream()
                        .map(r -> deadline(r.asMap(), (UUID) generated.get("owner_id"))).sorted().toList(),
                jdbc.sql("select * from sop_deadline where subject_type = 'Lead' and subject_id = :id")
                        .param("id", leadId.toString()).query().listOfRows().stream()
                        .map(r -> deadline(r, (UUID) stored.get("owner_id"))).sorted().toList());
        same(label + " notifications", rows.of("notification_message").stream()
                        .map(r -> notification(r.asMap(), generatedCode)).sorted().toList(),
                jdbc.sql("select * from notification_message where link = :link").param("link", "/leads/" + leadId)
                        .query().listOfRows().stream().map(r -> notification(r, code)).sorted().toList());
        List<MemoryRows.Row> audit = rows.of("platform_audit_event");
        List<Map<String, Object>> storedAudit = jdbc.sql("select * from platform_audit_event where entity_type = 'Lead' "
                + "and entity_id = :id order by id").param("id", leadId.toString()).query().listOfRows();
        same(label + " audit entries", audit.size(), storedAudit.size());
        if (audit.size() == 1 && storedAudit.size() == 1) {
            same(label + " audit text",
                    auditText((String) audit.get(0).get("new_value"), generatedCode, generated),
                    auditText((String) storedAudit.get(0).get("new_value"), code, stored));
            same(label + " audit actor", audit.get(0).get("actor_name"), storedAudit.get(0).get("actor_name"));
        }
        if (!generatedId.toString().isEmpty() && problems.isEmpty()) {
            System.out.printf("BENCH check: %s matches the product's %s%n", label, code);
        }
    }

    /** A lead's search keys as its company, contact and phone and the given code make them, sorted. */
    private static List<String> searchKeys(Map<String, Object> lead, String code) {
        String phone = (String) lead.get("phone_normalized");
        return SearchKeys.of(Stream.of((String) lead.get("company_name"), (String) lead.get("contact_name"), code)
                .filter(Objects::nonNull).toList(), phone == null ? List.of() : List.of(phone)).stream().sorted().toList();
    }

    /** Generated leads read back through the API by whoever may see them. */
    private void readBack() throws Exception {
        List<Map<String, Object>> sample = jdbc.sql("""
                select id, code, grade, status, owner_id from lead_lead where owner_id is not null
                order by md5(id::text) limit 20""").query().listOfRows();
        for (Map<String, Object> lead : sample) {
            Member owner = org.member((UUID) lead.get("owner_id"));
            Http.Answer a = http.get("/api/v1/leads/" + lead.get("id"), owner.token());
            if (a.status() != 200 || !a.body().contains("\"" + lead.get("code") + "\"")
                    || !a.body().contains("\"" + lead.get("status") + "\"")) {
                problems.add("generated lead " + lead.get("code") + " read back as " + a.status() + " " + a.body());
            }
        }
    }

    /**
     * Generated contracts (signed, most archived) and their payment plans read back through the API by their owner (GET
     * /api/v1/contracts/{id}, GET /api/v1/receivables?contractId=…), and by finance; quotes by their author, receipts
     * by finance; the plans add up to the
     * contract and each plan has been paid what its allocations say.
     */
    private void readBackDeals() throws Exception {
        List<Map<String, Object>> sample = jdbc.sql("""
                select id, number, owner_id, status from contract_contract order by md5(id::text) limit 10""")
                .query().listOfRows();
        if (sample.isEmpty()) {
            problems.add("no generated contracts");
        }
        for (Map<String, Object> contract : sample) {
            Member owner = org.member((UUID) contract.get("owner_id"));
            String number = (String) contract.get("number");
            Http.Answer a = http.get("/api/v1/contracts/" + contract.get("id"), owner.token());
            if (a.status() != 200 || !a.body().contains("\"" + number + "\"") || !a.body().contains("\"" + contract.get("status") + "\"")) {
                problems.add("generated contract " + number + " read back as " + a.status() + " " + a.body());
            }
            // the contract list's search finds it by its number (its search keys, V202612024401, written with the row)
            Http.Answer found = http.get("/api/v1/contracts?q=" + java.net.URLEncoder.encode(number,
                    java.nio.charset.StandardCharsets.UTF_8), owner.token());
            if (found.status() != 200 || !found.body().contains("\"" + number + "\"")) {
                problems.add("generated contract " + number + " not found by its number: " + found.status() + " "
                        + found.body());
            }
            for (Member reader : List.of(owner, org.finance())) {
                Http.Answer plans = http.get("/api/v1/receivables?contractId=" + contract.get("id"), reader.token());
                if (plans.status() != 200 || !plans.body().contains("\"" + number + "\"")) {
                    problems.add("plans of generated contract " + number + " read back by " + reader.username() + " as "
                            + plans.status() + " " + plans.body());
                }
            }
        }
        for (Map<String, Object> quote : jdbc.sql("""
                select id, number, status, author_id from quote_quote order by md5(id::text) limit 10""")
                .query().listOfRows()) {
            Http.Answer a = http.get("/api/v1/quotes/" + quote.get("id"), org.member((UUID) quote.get("author_id")).token());
            if (a.status() != 200 || !a.body().contains("\"" + quote.get("number") + "\"")
                    || !a.body().contains("\"" + quote.get("status") + "\"")) {
                problems.add("generated quote " + quote.get("number") + " read back as " + a.status() + " " + a.body());
            }
        }
        for (Map<String, Object> receipt : jdbc.sql("""
                select id, number from receivable_receipt order by md5(id::text) limit 5""").query().listOfRows()) {
            Http.Answer a = http.get("/api/v1/receipts/" + receipt.get("id"), org.finance().token());
            if (a.status() != 200 || !a.body().contains("\"" + receipt.get("number") + "\"")) {
                problems.add("generated receipt " + receipt.get("number") + " read back as " + a.status() + " " + a.body());
            }
        }
        long unbalanced = jdbc.sql("""
                select count(*) from contract_contract c
                where c.amount <> (select coalesce(sum(p.amount), 0) from receivable_plan p where p.contract_id = c.id)""")
                .query(Long.class).single();
        long unpaid = jdbc.sql("""
                select count(*) from receivable_plan p where p.paid_amount <> (select coalesce(sum(a.amount), 0)
                    from receivable_allocation a join receivable_receipt r on r.id = a.receipt
                    where a.plan_id = p.id and r.state = 'RECORDED')""").query(Long.class).single();
        if (unbalanced + unpaid > 0) {
            problems.add(unbalanced + " contracts whose plans do not add up to them, " + unpaid
                    + " plans paid other than their allocations");
        }
        Http.Answer aging = http.get("/api/v1/receivables/aging", org.finance().token());
        if (aging.status() != 200 || !aging.body().contains("\"buckets\"")) {
            problems.add("the aging report answered " + aging.status() + " " + aging.body());
        }
    }

    private String deadline(Map<String, Object> r, UUID subjectOwner) {
        UUID owner = (UUID) r.get("owner_id");
        String who = owner.equals(subjectOwner) ? "its owner" : owner.toString();
        return r.get("rule_id") + " " + r.get("state") + " owner=" + who + " policy=" + r.get("policy_version")
                + " started=" + text(r.get("started_at")) + " due=" + text(r.get("due_at")) + " reminders="
                + text(r.get("reminder_at")) + " met=" + text(r.get("met_at")) + " next=" + text(r.get("next_fire_at"))
                + " version=" + r.get("version") + " unit=" + r.get("org_unit_id");
    }

    private String notification(Map<String, Object> r, String leadCode) {
        UUID recipient = (UUID) r.get("recipient_id");
        BenchOrg.Team team = org.teamOf(recipient);
        return r.get("kind") + " " + r.get("title_key") + " to " + (team == null ? recipient : "team " + team.name())
                + " " + String.valueOf(r.get("args")).replace(" ", "").replace(leadCode, "CODE") + " "
                + r.get("urgency");
    }

    /** The audit text with the code, owner and territory (which routing may choose differently) blanked. */
    private String auditText(String text, String code, Object row) {
        String t = text.replace(code, "CODE");
        Object owner = row instanceof MemoryRows.Row r ? r.get("owner_id") : ((Map<?, ?>) row).get("owner_id");
        if (owner != null) {
            t = t.replace(owner.toString(), "OWNER");
        }
        return t;
    }

    private void sameTeam(String what, UUID expected, UUID actual) {
        if (expected == null || actual == null) {
            same(what, expected, actual);
            return;
        }
        BenchOrg.Team a = org.teamOf(expected);
        BenchOrg.Team b = org.teamOf(actual);
        if (a == null || b == null || !a.name().equals(b.name())) {
            problems.add(what + ": generated " + expected + " (" + (a == null ? "?" : a.name()) + "), product " + actual
                    + " (" + (b == null ? "?" : b.name()) + ")");
        }
    }

    private void same(String what, Object expected, Object actual) {
        String e = text(expected);
        String a = text(actual);
        if (!Objects.equals(e, a)) {
            problems.add(what + ": generated " + e + ", product " + a);
        }
    }

    private static String first(Object args) {
        if (args == null) {
            return "";
        }
        return String.valueOf(args).split("\u001f", -1)[0];
    }

    /** Values of either side in one canonical text form. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof java.sql.Array a) {
            try {
                Object[] items = (Object[]) a.getArray();
                List<String> list = new ArrayList<>();
                for (Object o : items) {
                    list.add(text(o));
                }
                return list.toString();
            } catch (java.sql.SQLException e) {
                return a.toString();
            }
        }
        if (v instanceof Object[] items) {
            return text(java.util.Arrays.asList(items));
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(SampleCheck::text).collect(Collectors.toList()).toString();
        }
        if (v instanceof Map<?, ?> m) {
            return new TreeMap<>(m).toString();
        }
        if (v.getClass().getName().equals("org.postgresql.util.PGobject")) {
            return v.toString();
        }
        return v.toString();
    }
}

package com.lead2cash.bench.driver;

import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.bench.dataset.OrgWriter;
import com.lead2cash.bench.driver.Operation.Kind;
import com.lead2cash.platform.SearchKeys;
import com.lead2cash.sop.internal.compliance.ComplianceQueries;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The read operations of what exists today — lead lists and searches, the lead's page and the list
 * page (HTML), deadlines and compliance — each with its raw twin: the product's own main statements
 * for the same user, scope and parameters, over plain JDBC.
 */
public final class LeadOperations {

    static final String LEAD_COLUMNS = """
            select id, code, company_name, contact_name, industry, region, product_line, grade, status, source,
                   owner_id, queue_manager_id, contest_open, budget, created_at, version
            from lead_lead""";
    static final String PERSON = """
            select u.id, u.username, u.display_name, u.email, u.org_unit_id, u.hire_date, u.active,
                   (select string_agg(r.role, ',') from platform_user_role r where r.platform_user = u.id) as roles
            from platform_user u""";
    static final int PAGE = 30;

    /** A lead the searches and pages are about. */
    record SampleLead(UUID id, String code, String companyName, String phone, UUID ownerId) {
    }

    private final BenchOrg org;
    private final Http http;
    private final int clients;
    private final List<SampleLead> samples = new ArrayList<>();
    private final Map<UUID, Set<UUID>> scopes = new HashMap<>();
    private final Map<UUID, String> laterCursors = new HashMap<>();
    private final List<Member> reps;
    private final List<Member> managers;
    private final List<Member> pageUsers = new ArrayList<>();
    private final List<SampleLead> pageSamples = new ArrayList<>();
    /** A named parameter (:name) of a product statement; a cast (::text) is none. */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([a-zA-Z]\\w*)");
    private final Instant now;
    /** The keys PostgreSQL's statistics count as common, as the product reads them (SearchKeyStatistics). */
    private final Map<String, Double> commonKeys = new HashMap<>();

    public LeadOperations(BenchOrg org, Http http, DataSource db, int clients, Instant now) throws SQLException {
        this.org = org;
        this.http = http;
        this.clients = clients;
        this.now = now;
        this.reps = org.reps();
        this.managers = new ArrayList<>(org.managers());
        managers.add(org.director());
        for (Member m : org.everyone()) {
            scopes.put(m.id(), org.scopeOf(m));
        }
        try (Connection c = db.getConnection()) {
            for (Object[] r : Sql.query(c, """
                    select unnest(most_common_elems::text::text[]), unnest(most_common_elem_freqs) from pg_stats
                    where schemaname = current_schema() and tablename = 'lead_lead' and attname = 'search_keys'""")) {
                if (r[0] != null && r[1] != null) {
                    commonKeys.put((String) r[0], ((Number) r[1]).doubleValue());
                }
            }
            for (Object[] r : Sql.query(c, """
                    select id, code, company_name, phone_normalized, owner_id from lead_lead
                    where phone_normalized like '1%' order by md5(id::text) limit 2000""")) {
                samples.add(new SampleLead((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4]));
            }
            for (Member rep : reps) {
                List<Object[]> row = Sql.query(c, LEAD_COLUMNS + " where (owner_id is null or owner_id in (?) or "
                        + "captured_by = ?) order by created_at desc, id desc offset 599 limit 1", List.of(rep.id()),
                        rep.id());
                if (!row.isEmpty()) {
                    laterCursors.put(rep.id(), cursor(((Timestamp) row.get(0)[14]).toInstant(), (UUID) row.get(0)[0]));
                }
            }
        }
        // pages are read by a few signed-in people: a rep of each team, their managers, the director
        org.teams().forEach(t -> pageUsers.add(t.reps().get(t.reps().size() - 1)));
        pageUsers.addAll(org.teams().stream().limit(4).map(BenchOrg.Team::manager).toList());
        Set<UUID> readers = new HashSet<>();
        pageUsers.forEach(m -> readers.add(m.id()));
        samples.stream().filter(l -> l.ownerId() == null || readers.contains(l.ownerId())).forEach(pageSamples::add);
    }

    static String cursor(Instant createdAt, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("lead\u001f" + createdAt + "\u001f" + id).getBytes(StandardCharsets.UTF_8));
    }

    private SampleLead sample(long i) {
        return samples.get((int) Math.floorMod(i * 7919, samples.size()));
    }

    private SampleLead pageSample(long i) {
        return pageSamples.get((int) Math.floorMod(i * 7919, pageSamples.size()));
    }

    private Member rep(long i) {
        return reps.get((int) Math.floorMod(i, reps.size()));
    }

    /** Who searches for a lead: its owner, a manager, or the director, in turn. */
    private Member searcher(SampleLead lead, long i) {
        int turn = (int) Math.floorMod(i, 3);
        if (turn == 0 && lead.ownerId() != null && org.teamOf(lead.ownerId()) != null) {
            return org.member(lead.ownerId());
        }
        if (turn <= 1 && lead.ownerId() != null && org.teamOf(lead.ownerId()) != null) {
            return org.teamOf(lead.ownerId()).manager();
        }
        return org.director();
    }

    /** Signs the page readers in before anything is measured (a sign-in checks a bcrypt hash). */
    public void signIn() throws Exception {
        java.util.Set<Member> readers = new java.util.LinkedHashSet<>(pageUsers);
        for (SampleLead lead : pageSamples) {
            readers.add(pageReader(lead, 0));
            readers.add(pageReader(lead, 1));
        }
        for (Member m : readers) {
            http.page("/account", m.username(), OrgWriter.PASSWORD);
        }
    }

    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("lead.list.first", Kind.LIST, clients, (c, i) -> {
            Member rep = rep(i);
            return expect(http.get("/api/v1/leads?size=" + PAGE, rep.token()), 200, "\"items\"");
        }, (conn, c, i) -> list(conn, rep(i), null, null), "a rep's lead list, first page (30), API"));
        ops.add(new Operation("lead.list.later", Kind.LIST, clients, (c, i) -> {
            Member rep = rep(i);
            return expect(http.get("/api/v1/leads?size=" + PAGE + "&cursor=" + laterCursors.get(rep.id()),
                    rep.token()), 200, "\"items\"");
        }, (conn, c, i) -> list(conn, rep(i), null, laterCursors.get(rep(i).id())),
                "a rep's lead list, page 21 (rows 601–630), API"));
        ops.add(search("lead.search.2char", l -> brandOf(l.companyName()),
                "search by a 2-character fragment of the company name (its brand, 字号)"));
        ops.add(search("lead.search.name", SampleLead::companyName, "search by a full company name"));
        ops.add(search("lead.search.phone", l -> l.phone().substring(3, 10), "search by 7 digits of a mobile number"));
        ops.add(search("lead.search.code", SampleLead::code, "search by a lead code"));
        ops.add(new Operation("lead.page", Kind.PAGE, clients, (c, i) -> {
            SampleLead lead = pageSample(i);
            Member reader = pageReader(lead, i);
            return expect(http.page("/leads/" + lead.id(), reader.username(), OrgWriter.PASSWORD), 200, lead.code());
        }, (conn, c, i) -> leadPage(conn, pageSample(i)), "a lead's page (HTML), by its owner or a manager"));
        ops.add(new Operation("lead.listPage", Kind.PAGE, clients, (c, i) -> {
            Member user = pageUsers.get((int) Math.floorMod(i, pageUsers.size()));
            return expect(http.page("/leads", user.username(), OrgWriter.PASSWORD), 200, "<table");
        }, (conn, c, i) -> listPage(conn, pageUsers.get((int) Math.floorMod(i, pageUsers.size()))),
                "the lead list page (HTML), reps and managers"));
        ops.add(new Operation("deadline.list", Kind.LIST, clients, (c, i) -> {
            Member user = i % 4 == 3 ? managers.get((int) Math.floorMod(i / 4, managers.size())) : rep(i);
            return expect(http.get("/api/v1/deadlines", user.token()), 200, "\"items\"");
        }, (conn, c, i) -> deadlines(conn, i % 4 == 3 ? managers.get((int) Math.floorMod(i / 4, managers.size()))
                : rep(i)), "the deadline list (reps: their own; managers: their team), API"));
        for (String groupBy : List.of("rule", "owner", "team")) {
            ops.add(new Operation("compliance." + groupBy, Kind.REPORT, clients, (c, i) -> {
                Member user = managers.get((int) Math.floorMod(i, managers.size()));
                return expect(http.get("/api/v1/compliance?groupBy=" + groupBy + "&from=" + from() + "&to=" + now,
                        user.token()), 200, "\"rows\"");
            }, (conn, c, i) -> compliance(conn, managers.get((int) Math.floorMod(i, managers.size())), groupBy),
                    "SOP compliance of the last 90 days by " + groupBy + ", managers and the director, API"));
        }
        return ops;
    }

    private Instant from() {
        return now.minus(Duration.ofDays(90));
    }

    private Member pageReader(SampleLead lead, long i) {
        if (lead.ownerId() != null && org.teamOf(lead.ownerId()) != null) {
            return i % 2 == 0 ? org.member(lead.ownerId()) : org.teamOf(lead.ownerId()).manager();
        }
        return org.director();
    }

    private interface Term {
        String of(SampleLead lead);
    }

    private Operation search(String name, Term term, String description) {
        return new Operation(name, Kind.SEARCH, clients, (c, i) -> {
            SampleLead lead = sample(i);
            Member user = searcher(lead, i);
            return expect(http.get("/api/v1/leads?size=" + PAGE + "&q="
                    + URLEncoder.encode(term.of(lead), StandardCharsets.UTF_8), user.token()), 200, "\"items\"");
        }, (conn, c, i) -> {
            SampleLead lead = sample(i);
            list(conn, searcher(lead, i), term.of(lead), null);
        }, description);
    }

    /** The brand (字号) of a generated company name: the two characters after the city. */
    static String brandOf(String companyName) {
        for (var city : com.lead2cash.bench.dataset.ChineseData.CITIES) {
            if (companyName.startsWith(city.name())) {
                return companyName.substring(city.name().length(), city.name().length() + 2);
            }
        }
        return companyName.substring(0, 2);
    }

    static String expect(Http.Answer answer, int status, String contains) {
        if (answer.status() != status) {
            return "HTTP " + answer.status() + ": " + answer.body().substring(0, Math.min(200, answer.body().length()));
        }
        if (contains != null && !answer.body().contains(contains)) {
            return "answer lacks " + contains;
        }
        return null;
    }

    // ---- the raw side: the product's statements, bound the same way ----

    private String scopePredicate(Set<UUID> scope) {
        return scope == null ? "true" : "owner_id in (?)";
    }

    private List<Object> scopeParams(Set<UUID> scope) {
        return scope == null ? List.of() : List.of(scope);
    }

    /** A statement and its parameters. */
    record Statement(String sql, Object[] params) {
    }

    /** LeadQueries.list for the user: filter, keyset cursor, newest first; then the owners' names. */
    void list(Connection c, Member user, String q, String cursor) throws SQLException {
        Statement st = listStatement(user, q, cursor);
        people(c, Sql.query(c, st.sql(), st.params()), 10);
    }

    Statement listStatement(Member user, String q, String cursor) {
        Set<UUID> scope = scopes.get(user.id());
        StringBuilder sql = new StringBuilder(LEAD_COLUMNS).append(" where (owner_id is null or ")
                .append(scopePredicate(scope)).append(" or captured_by = ?)");
        List<Object> params = new ArrayList<>(scopeParams(scope));
        params.add(user.id());
        if (q != null) {
            String code = SearchKeys.code(q);
            if (code != null) {
                sql.append(" and code = ?");
                params.add(code);
            } else {
                String escaped = q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                String digits = escaped.replaceAll("\\D", "");
                sql.append(" and (company_name ilike ? or contact_name ilike ? or code ilike ?");
                params.add("%" + escaped + "%");
                params.add("%" + escaped + "%");
                params.add("%" + escaped + "%");
                if (digits.length() >= 4) {
                    sql.append(" or phone_normalized like ?");
                    params.add("%" + digits + "%");
                }
                sql.append(")");
                List<List<String>> keys = SearchKeys.required(q);
                if (!keys.isEmpty()) {
                    List<String> any = new ArrayList<>();
                    for (List<String> set : keys) {
                        any.add("search_keys @> cast(? as text[])");
                        params.add("{" + String.join(",", SearchKeys.selective(set, commonKeys).stream()
                                .map(k -> '"' + k + '"').toList()) + "}");
                    }
                    sql.append(" and (").append(String.join(" or ", any)).append(")");
                }
            }
        }
        if (cursor != null) {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u001f");
            sql.append(" and (created_at, id) < (cast(? as timestamptz), cast(? as uuid))");
            params.add(key[1]); // key[0] is the list's tag
            params.add(key[2]);
        }
        sql.append(" order by created_at desc, id desc limit ").append(PAGE + 1);
        return new Statement(sql.toString(), params.toArray());
    }

    private static void people(Connection c, List<Object[]> rows, int column) throws SQLException {
        Set<UUID> owners = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r[column] != null) {
                owners.add((UUID) r[column]);
            }
        });
        if (!owners.isEmpty()) {
            Sql.query(c, PERSON + " where u.id in (?)", owners);
        }
    }

    private Statement complianceStatement(Member user, String groupBy) {
        Set<UUID> scope = scopes.get(user.id());
        Map<String, Object> named = new HashMap<>(ComplianceQueries.Period.of(from(), now).params());
        if (scope != null) {
            named.put("scope", scope);
        }
        String sql = ComplianceQueries.statement("rule".equals(groupBy) ? "rule_id" : "owner_id::text",
                scope == null ? "true" : "owner_id in (:scope)");
        // the product's named parameters, in order, as the driver's positional ones
        List<Object> params = new ArrayList<>();
        Matcher m = NAMED_PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            params.add(named.get(m.group(1)));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        return new Statement(positional.toString(), params.toArray());
    }

    /**
     * The plans ({@code EXPLAIN (ANALYZE, BUFFERS)}) of the main statements of the reads, for a rep, a
     * manager and the director where it matters, as Markdown.
     */
    public String plans(DataSource db) throws SQLException {
        Map<String, Statement> statements = new java.util.LinkedHashMap<>();
        Member rep = rep(0);
        Member manager = org.teams().get(0).manager();
        SampleLead lead = samples.get(0);
        statements.put("lead.list.first (rep)", listStatement(rep, null, null));
        statements.put("lead.list.later (rep)", listStatement(rep, null, laterCursors.get(rep.id())));
        statements.put("lead.search.2char (director)", listStatement(org.director(), brandOf(lead.companyName()), null));
        statements.put("lead.search.2char (manager)", listStatement(manager, brandOf(lead.companyName()), null));
        statements.put("lead.search.name (director)", listStatement(org.director(), lead.companyName(), null));
        statements.put("lead.search.phone (director)", listStatement(org.director(), lead.phone().substring(3, 10), null));
        statements.put("lead.search.code (rep)", listStatement(rep, lead.code(), null));
        statements.put("deadline.list (manager)", deadlineStatement(manager));
        statements.put("compliance.owner (manager)", complianceStatement(manager, "owner"));
        statements.put("compliance.rule (director)", complianceStatement(org.director(), "rule"));
        StringBuilder md = new StringBuilder();
        try (Connection c = db.getConnection()) {
            for (var e : statements.entrySet()) {
                md.append("## ").append(e.getKey()).append("\n\n```sql\n").append(e.getValue().sql().strip())
                        .append("\n```\n\n```\n").append(Sql.explain(c, e.getValue().sql(), e.getValue().params()))
                        .append("```\n\n");
            }
        }
        return md.toString();
    }

    /** The lead's page: the lead with its grade reasons and claims, history, contact attempts, reasons, names. */
    private void leadPage(Connection c, SampleLead lead) throws SQLException {
        Sql.query(c, "select * from lead_lead where id = ?", lead.id());
        Sql.query(c, "select * from lead_grade_reason where lead_id = ?", lead.id());
        Sql.query(c, "select * from lead_claim where lead_id = ?", lead.id());
        List<Object[]> events = Sql.query(c, "select occurred_at, actor_id, message_key, args from lead_event "
                + "where lead_id = ? order by id", lead.id());
        Sql.query(c, "select channel, intent, summary, occurred_at, logged_by from lead_contact_attempt "
                + "where lead_id = ? order by occurred_at desc", lead.id());
        Sql.query(c, "select code, label_zh, label_en from lead_disqualify_reason where active order by position");
        Set<UUID> people = new LinkedHashSet<>();
        events.forEach(e -> {
            if (e[1] != null) {
                people.add((UUID) e[1]);
            }
        });
        if (lead.ownerId() != null) {
            people.add(lead.ownerId());
        }
        if (!people.isEmpty()) {
            Sql.query(c, PERSON + " where u.id in (?)", people);
        }
    }

    /** The list page: the first page of the list, the owners' names, the territories (and reps for managers). */
    private void listPage(Connection c, Member user) throws SQLException {
        list(c, user, null, null);
        Sql.query(c, "select * from lead_territory order by name");
        Sql.query(c, "select * from lead_territory_member");
        if (user.role() != com.lead2cash.platform.Role.SALES_REP) {
            Sql.query(c, PERSON + " where u.active and exists (select 1 from platform_user_role r "
                    + "where r.platform_user = u.id and r.role = 'SALES_REP') order by u.display_name");
        }
    }

    /** DeadlineQueries.list with no filter: the user's scope, soonest due first, a page of 20. */
    private void deadlines(Connection c, Member user) throws SQLException {
        Statement st = deadlineStatement(user);
        Sql.query(c, st.sql(), st.params());
    }

    private Statement deadlineStatement(Member user) {
        Set<UUID> scope = scopes.get(user.id());
        return new Statement("""
                select id, rule_id, subject_type, subject_id, owner_id, due_at, state, started_at, met_at, breached_at,
                       policy_version
                from sop_deadline where""" + " " + scopePredicate(scope) + " order by due_at, id limit 21",
                scopeParams(scope).toArray());
    }

    /** ComplianceQueries.report: the counts per key within the scope, then the names of owners (and their units). */
    private void compliance(Connection c, Member user, String groupBy) throws SQLException {
        Statement st = complianceStatement(user, groupBy);
        List<Object[]> rows = Sql.query(c, st.sql(), st.params());
        if (!"rule".equals(groupBy) && !rows.isEmpty()) {
            Set<UUID> owners = new LinkedHashSet<>();
            rows.forEach(r -> owners.add(UUID.fromString((String) r[0])));
            List<Object[]> people = Sql.query(c, PERSON + " where u.id in (?)", owners);
            if ("team".equals(groupBy)) {
                Set<UUID> units = new LinkedHashSet<>();
                people.forEach(p -> units.add((UUID) p[4]));
                Sql.query(c, "select u.id, u.display_name, o.id from platform_user u join platform_org_unit o "
                        + "on o.manager_id = u.id where o.id in (?)", units);
            }
        }
    }
}

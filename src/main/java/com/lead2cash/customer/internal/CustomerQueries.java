package com.lead2cash.customer.internal;

import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.LikePatterns;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.LifecycleBucket;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.SearchKeyStatistics;
import com.lead2cash.platform.SearchKeys;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customer lists and search (客户列表与检索): filters by grade, status, lifecycle bucket and owner; the
 * public pool; text search by name fragment (two Chinese characters are enough), pinyin initials,
 * full pinyin, a contact's phone, the credit code or the customer code (its start or its last digits, as a picker is
 * typed) — always within the reader's data scope, newest first, keyset-paged.
 *
 * <p>Each kind of text match is its own branch with its own index (the GIN index of owner and search
 * tokens, the credit code, the contact phone, the code's start and its tail) and the branches are joined by {@code union}, so an {@code or}
 * across columns never turns into a scan of the whole table (docs/performance.md). Within a limited scope
 * the search index reads the keys of the scope's owners only (V202612031501).
 */
@Component
public class CustomerQueries {

    /** A code's start without its dashes ("C2026", "C2026000123"): the letter and the year at least. */
    private static final Pattern CODE_START = Pattern.compile("C(\\d{4})(\\d{0,12})");
    /**
     * A code's last digits without its dashes ("123", "000123", "2026000123"): three at least, as fewer are in a tenth
     * or a hundredth of all codes and tell nothing.
     */
    private static final Pattern CODE_TAIL = Pattern.compile("\\d{3,16}");
    private static final Pattern USCC_SHAPE = Pattern.compile("[0-9A-Z]{18}");
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[\\d\\s()\\-]{7,20}");
    /**
     * What initials or pinyin can match: Latin letters, with digits. Digits alone (a phone number) are in a
     * name's initials and pinyin only where they are in the name itself, which the name's branch finds; two
     * branches more would cost the planner their search-key estimates for nothing.
     */
    private static final Pattern LATIN = Pattern.compile("[a-z0-9]*[a-z][a-z0-9]*");
    /**
     * From how many rows holding a branch's keys (as the statistics estimate them, owned and pooled) the
     * director's search reads the matches period by period, newest first ({@code customer_search_period},
     * V202612041701), rather than every match or the newest customers one by one; a key is counted only when
     * it is among the table's common keys. Below it a period's lookup costs more than the rows it spares: at a
     * million customers a fragment in 200 owned names took 0.9 ms by period against 0.7 for every match
     * (docs/performance.md, "The director's common fragments by period").
     */
    static final double PERIOD_WALK_ROWS = 400;
    /**
     * The share of the rows from which the newest customers, walked one by one, meet a page sooner than the newest
     * period's matches are read: at a million customers the keys in 500–20 000 names took 1.1–13 ms and now 0.6–2.3,
     * while those in 2–4 % took 2.9 ms walked and 3.7 by period, and in 6–12 % 1.1–1.5 against 7.8–12.5.
     */
    static final double PERIOD_WALK_SHARE_BELOW = 0.02;

    /** A row of a customer list. */
    public record CustomerRow(UUID id, String code, String name, String industry, String region, CustomerGrade grade,
                              CustomerStatus status, LifecycleBucket bucket, UUID ownerId, String ownerName,
                              Instant followUpDueAt, Instant plannedFollowUpAt, Instant lastActivityAt,
                              Instant poolSince, Instant createdAt, long version) {
    }

    /**
     * The views of the customer list (客户列表视图): the caller's own customers, or the public pool (公海);
     * none, every customer in the caller's scope. The constants are the words the query string carries.
     */
    public enum ListView { mine, pool }

    /** Filters of the customer list; {@code view} null (my scope) or a {@link ListView}'s name. */
    public record CustomerFilter(String q, CustomerGrade grade, CustomerStatus status, LifecycleBucket bucket,
                                 UUID ownerId, String view, String cursor, Integer size) {

        /** The same filter for another page. */
        public CustomerFilter withCursor(String next, Integer pageSize) {
            return new CustomerFilter(q, grade, status, bucket, ownerId, view, next, pageSize);
        }

        /** Whether this is the public pool. */
        public boolean pool() {
            return ListView.pool.name().equals(view);
        }
    }

    private static final String COLUMNS = """
            id, code, name, industry, region, grade, status, owner_id, follow_up_due_at, planned_follow_up_at,
            last_activity_at, pool_since, created_at, version""";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final OrgDirectory directory;
    private final SearchKeyStatistics statistics;

    CustomerQueries(JdbcClient jdbc, CustomerAccess access, OrgDirectory directory, SearchKeyStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.access = access;
        this.directory = directory;
    }

    public CursorPage<CustomerRow> list(CustomerFilter f) {
        int size = CursorPage.size(f.size());
        Statement statement = statement(f, access.scope(), access.personalDataScope(ProtectedField.CONTACT_PHONE), size,
                statistics.counts("customer_customer", "search_tokens"));
        if (statement == null) {
            return new CursorPage<>(List.of(), null);
        }
        List<CustomerRow> rows = rows(jdbc.sql(statement.sql()).params(statement.params()));
        return CursorPage.of(cursorTag(f), rows, size, r -> List.of((f.pool() ? r.poolSince() : r.createdAt()).toString(), r.id()));
    }

    /** The pool and the other lists sort by different times, so a cursor of one is not the other's. */
    private static String cursorTag(CustomerFilter f) {
        return f.pool() ? "customer-pool" : "customer";
    }

    /** An SQL statement with its named parameters. */
    public record Statement(String sql, Map<String, Object> params) {
    }

    /**
     * The statement of one page of a customer list for a reader's scope ({@code size + 1} rows), or null
     * when the query can match nothing. {@code keyCounts}: how often the common search tokens occur
     * ({@link SearchKeyStatistics}), so that a long name asks the index only for its distinctive ones and the
     * director's search for a common fragment reads it by period. Public so that the benchmark explains
     * exactly what runs.
     */
    public static Statement statement(CustomerFilter f, Scope scope, int size, SearchKeyStatistics.Counts keyCounts) {
        return statement(f, scope, scope, size, keyCounts);
    }

    /**
     * {@link #statement(CustomerFilter, Scope, int, SearchKeyStatistics.Counts)} for a reader whose scope over
     * contacts' personal data ({@code personal}) may be narrower than their data scope: a phone number matches only
     * where the reader sees it unmasked, so a search never confirms digits the page would mask.
     */
    public static Statement statement(CustomerFilter f, Scope scope, Scope personal, int size,
                                      SearchKeyStatistics.Counts keyCounts) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String sortColumn = f.pool() ? "pool_since" : "created_at";
        StringBuilder common = new StringBuilder("merged_into_id is null");
        String ownerCondition = " and " + (f.pool() ? "owner_id is null" : scope.ownedPredicate("owner_id"));
        int ownerConditionAt = common.length();
        common.append(ownerCondition);
        if (ListView.mine.name().equals(f.view())) {
            common.append(" and owner_id = :me");
            params.put("me", scope.userId());
        }
        if (f.grade() != null) {
            common.append(" and grade = :grade");
            params.put("grade", f.grade().name());
        }
        if (f.status() != null) {
            common.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.bucket() != null) {
            common.append(" and status in (:bucketStatuses)");
            params.put("bucketStatuses", Arrays.stream(CustomerStatus.values()).filter(s -> s.bucket() == f.bucket())
                    .map(Enum::name).toList());
        }
        if (f.ownerId() != null && !f.pool()) {
            common.append(" and owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        boolean paged = f.cursor() != null && !f.cursor().isBlank();
        if (paged) {
            CursorPage.Key key = CursorPage.decode(cursorTag(f), f.cursor(), 2);
            common.append(" and (").append(sortColumn).append(", id) < (:k0, :k1)");
            params.put("k0", key.timestamp(0));
            params.put("k1", key.uuid(1));
        }
        String order = " order by " + sortColumn + " desc, id desc limit " + (size + 1);
        // the scope's owned customers with no owner named: a team's lists, the company's search
        boolean scopeAlone = !f.pool() && f.ownerId() == null && !ListView.mine.name().equals(f.view());
        List<Branch> branches = textBranches(f.q(), params, keyCounts, phoneCondition(f, scope, personal, params));
        if (branches == null) {
            if (scopeAlone && !scope.isAll() && scope.owners().size() > 1) {
                // a team: each owner's first rows from the owner index, then the first of those — reading the whole
                // company's newest customers for the few of the team (and a filter's few of those) grew with both
                // the owner list is the scope: no "owner_id in (…)" inside, or the planner scans the whole team per owner.
                // Each owner's first rows are picked as ids from the owner index alone (an index-only scan where the
                // filter's columns are in it) and only the page's rows are read: not every owner's page of rows
                params.put("listOwners", scope.owners().toArray(new UUID[0]));
                String perOwner = new StringBuilder(common).delete(ownerConditionAt, ownerConditionAt + ownerCondition.length())
                        .toString();
                return new Statement("select " + COLUMNS + " from customer_customer where id in (select id from "
                        + "unnest(cast(:listOwners as uuid[])) w(list_owner) cross join lateral (select id, created_at "
                        + "from customer_customer where owner_id = w.list_owner and " + perOwner + order + ") c" + order
                        + ")" + order, params);
            }
            return new Statement("select " + COLUMNS + " from customer_customer where " + common + order, params);
        }
        if (branches.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Branch branch : branches) {
            if (scopeAlone && scope.isAll() && branch.walksByPeriod()) {
                parts.add("(" + byPeriod(common + " and " + branch.condition(), paged, size) + ")");
            } else {
                parts.add("(select " + COLUMNS + " from customer_customer where " + common + " and " + branch.condition()
                        + order + ")");
            }
        }
        return new Statement("select * from (" + String.join(" union ", parts) + ") matched" + order, params);
    }

    /**
     * The owned customers matching {@code where}, newest first ({@code size + 1} rows), read one 90-day period of
     * creation at a time from the newest (or the cursor's) to the oldest owned customer's, each period's matches
     * from the search index and sorted: the periods come in order, so the first page's worth of them is the
     * page, and the older periods are never read. Only for the director's scope (every owned customer), which
     * no owner narrows.
     */
    private static String byPeriod(String where, boolean cursor, int size) {
        String owned = "merged_into_id is null and owner_id is not null";
        String newest = "(select customer_search_period(max(created_at)) from customer_customer where " + owned + ")";
        if (cursor) {
            newest = "least(customer_search_period(cast(:k0 as timestamptz)), " + newest + ")";
        }
        String limit = " limit " + (size + 1);
        return "select * from (select c.* from generate_series(" + newest + ", (select customer_search_period(min(created_at)) "
                + "from customer_customer where " + owned + "), -1) p(period) cross join lateral (select " + COLUMNS
                + " from customer_customer where customer_search_period(created_at) = p.period and " + where
                + " order by created_at desc, id desc" + limit + ") c" + limit + ") by_period order by created_at desc, id desc"
                + limit;
    }

    /**
     * One kind of text match: its condition, the search keys it asks the index for (none: another index) and the
     * statistics they were chosen by.
     */
    private record Branch(String condition, List<String> keys, SearchKeyStatistics.Counts counts) {

        Branch(String condition) {
            this(condition, List.of(), SearchKeyStatistics.Counts.NONE);
        }

        /** Whether the company's matches are better read period by period (see {@link #PERIOD_WALK_ROWS}). */
        boolean walksByPeriod() {
            return counts.rowsHoldingAll(keys) >= PERIOD_WALK_ROWS && counts.shareHoldingAll(keys) < PERIOD_WALK_SHARE_BELOW;
        }
    }

    /**
     * What a phone number's match adds to the list's conditions so that it matches only contacts the reader sees
     * unmasked ({@link CustomerAccess#maySeePersonalData}): nothing where the list's scope says it already, null when
     * no row of the list can be such a customer.
     */
    private static String phoneCondition(CustomerFilter f, Scope scope, Scope personal, Map<String, Object> params) {
        if (f.pool()) {
            return personal.isAll() ? "" : null;
        }
        if (personal.isAll() || personal.equals(scope)) {
            return "";
        }
        if (personal.owners().isEmpty()) {
            return null;
        }
        params.put("phoneOwners", personal.owners());
        return " and owner_id in (:phoneOwners)";
    }

    /**
     * The text search as separate index-served conditions (joined by union), null without a query, or
     * empty when the query can match nothing (a single Latin letter).
     */
    private static List<Branch> textBranches(String q, Map<String, Object> params, SearchKeyStatistics.Counts keyCounts,
                                             String phoneCondition) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String raw = q.strip();
        List<Branch> branches = new ArrayList<>();
        String upper = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        codeBranch(branches, params, upper.replaceAll("[\\s-]", ""));
        if (USCC_SHAPE.matcher(upper).matches()) {
            branches.add(new Branch("uscc = :uscc"));
            params.put("uscc", upper);
        }
        // full-width digits, as typed on a Chinese keyboard, are a phone number too
        if (PHONE_SHAPE.matcher(java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC)).matches()
                && phoneCondition != null) {
            String phone = PhoneNumbers.normalize(raw);
            if (phone != null && phone.replace("+", "").length() >= 7) {
                branches.add(new Branch("id in (select customer_id from customer_contact where phone_normalized like :phone)"
                        + phoneCondition));
                params.put("phone", LikePatterns.escape(phone) + "%");
            }
        }
        String folded = SearchKeys.normalize(raw);
        if (folded.isEmpty()) {
            return branches;
        }
        // a full name: not 有限, 公司 … that nearly every customer holds (the name itself is checked on the rows)
        branch(branches, params, "nameTokens", SearchKeys.nameNeedle(folded), folded, "name_folded", keyCounts);
        if (!SearchKeys.containsHan(folded) && LATIN.matcher(folded).matches()) {
            branch(branches, params, "initialTokens", SearchKeys.initialsNeedle(folded), folded, "search_initials",
                    keyCounts);
            branch(branches, params, "pinyinTokens", SearchKeys.pinyinNeedle(folded), folded, "search_pinyin",
                    SearchKeyStatistics.Counts.NONE);
        }
        return branches;
    }

    /**
     * A fragment of the customer code as typed in a picker ("C-2026-000123"), dashes typed or not: its start ("C2026",
     * the whole code) from the code's pattern index, or its last digits from the index of the code without dashes read
     * backwards (V202612060815), where a tail is a prefix.
     */
    private static void codeBranch(List<Branch> branches, Map<String, Object> params, String compact) {
        java.util.regex.Matcher start = CODE_START.matcher(compact);
        if (start.matches()) {
            branches.add(new Branch("code like :codeStart"));
            params.put("codeStart", "C-" + start.group(1) + (start.group(2).isEmpty() ? "" : "-" + start.group(2)) + "%");
        } else if (CODE_TAIL.matcher(compact).matches()) {
            branches.add(new Branch("reverse(replace(code, '-', '')) like :codeTail"));
            params.put("codeTail", new StringBuilder(compact).reverse() + "%");
        }
    }

    /**
     * One kind of text match: the rows holding the needle's keys (the common ones left out when rarer ones are
     * there), the text re-checked for a contiguous match unless the needle is the whole query already.
     */
    private static void branch(List<Branch> branches, Map<String, Object> params, String name, List<String> needle,
                               String folded, String textColumn, SearchKeyStatistics.Counts keyCounts) {
        if (needle.isEmpty()) {
            return;
        }
        List<String> keys = SearchKeys.selective(needle, keyCounts.frequencies());
        params.put(name, array(keys));
        String condition = "search_tokens @> cast(:" + name + " as text[])";
        if (!SearchKeys.wholeQuery(needle, folded)) {
            params.put("textLike", LikePatterns.containing(folded));
            condition = "(" + condition + " and " + textColumn + " like :textLike)";
        }
        branches.add(new Branch(condition, keys, keyCounts));
    }

    /** A PostgreSQL array literal of tokens (letters and digits only, so nothing needs quoting but the prefix). */
    private static String array(List<String> tokens) {
        return "{" + String.join(",", tokens.stream().map(t -> "\"" + t + "\"").toList()) + "}";
    }

    List<CustomerRow> rows(JdbcClient.StatementSpec statement) {
        List<Object[]> raw = statement.query((rs, i) -> new Object[] {
                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("industry"),
                rs.getString("region"), CustomerGrade.valueOf(rs.getString("grade")),
                CustomerStatus.valueOf(rs.getString("status")), rs.getObject("owner_id", UUID.class),
                instant(rs.getTimestamp("follow_up_due_at")), instant(rs.getTimestamp("planned_follow_up_at")),
                instant(rs.getTimestamp("last_activity_at")), instant(rs.getTimestamp("pool_since")),
                instant(rs.getTimestamp("created_at")), rs.getLong("version")}).list();
        Set<UUID> owners = new HashSet<>();
        raw.forEach(r -> {
            if (r[7] != null) {
                owners.add((UUID) r[7]);
            }
        });
        Map<UUID, OrgDirectory.Person> people = directory.people(owners);
        return raw.stream().map(r -> {
            CustomerStatus status = (CustomerStatus) r[6];
            UUID owner = (UUID) r[7];
            return new CustomerRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (CustomerGrade) r[5], status, status.bucket(), owner,
                    owner != null && people.containsKey(owner) ? people.get(owner).displayName() : null,
                    (Instant) r[8], (Instant) r[9], (Instant) r[10], (Instant) r[11], (Instant) r[12], (Long) r[13]);
        }).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Follow-ups of one owner due (planned or by the cadence) before {@code until}, soonest first. */
    public List<CustomerRow> followUpsDue(UUID owner, Instant until, int limit) {
        return rows(jdbc.sql("select " + COLUMNS + """
                         from customer_customer
                        where owner_id = :owner and merged_into_id is null
                          and (follow_up_due_at < :until or planned_follow_up_at < :until)
                        order by least(coalesce(planned_follow_up_at, follow_up_due_at),
                                       coalesce(follow_up_due_at, planned_follow_up_at)), id
                        limit :limit""")
                .param("owner", owner).param("until", Timestamp.from(until)).param("limit", limit));
    }

    /** Per person in the reader's scope: customers whose cadence follow-up is overdue, most first. */
    public record TeamRow(UUID ownerId, String ownerName, long overdue, long dueSoon, Instant oldestDue) {
    }

    public List<TeamRow> teamFollowUps(Instant now, Instant soon) {
        Scope scope = access.scope();
        List<Object[]> raw = jdbc.sql("""
                        select owner_id, count(*) filter (where follow_up_due_at < :now) as overdue,
                               count(*) filter (where follow_up_due_at >= :now and follow_up_due_at < :soon) as due_soon,
                               min(follow_up_due_at) as oldest
                          from customer_customer
                         where merged_into_id is null and follow_up_due_at < :soon"""
                        + " and " + scope.ownedPredicate("owner_id") + " group by owner_id order by overdue desc, oldest")
                .params(scope.params()).param("now", Timestamp.from(now)).param("soon", Timestamp.from(soon))
                .query((rs, i) -> new Object[] {rs.getObject("owner_id", UUID.class), rs.getLong("overdue"),
                        rs.getLong("due_soon"), instant(rs.getTimestamp("oldest"))}).list();
        Set<UUID> owners = new HashSet<>();
        raw.forEach(r -> owners.add((UUID) r[0]));
        Map<UUID, OrgDirectory.Person> people = directory.people(owners);
        return raw.stream().map(r -> new TeamRow((UUID) r[0],
                people.containsKey((UUID) r[0]) ? people.get((UUID) r[0]).displayName() : null, (Long) r[1],
                (Long) r[2], (Instant) r[3])).toList();
    }

    /** Overdue cadence follow-ups in the reader's scope, oldest first (the manager's team view). */
    public List<CustomerRow> overdue(Instant now, int limit) {
        Scope scope = access.scope();
        return rows(jdbc.sql("select " + COLUMNS + " from customer_customer where merged_into_id is null"
                        + " and follow_up_due_at < :now and " + scope.ownedPredicate("owner_id")
                        + " order by follow_up_due_at, id limit :limit")
                .params(scope.params()).param("now", Timestamp.from(now)).param("limit", limit));
    }

    /** The owner of a customer (null: the pool), for a decision about its visibility. */
    public UUID ownerOf(UUID customerId) {
        return jdbc.sql("select owner_id from customer_customer where id = :id").param("id", customerId)
                .query((rs, i) -> rs.getObject("owner_id", UUID.class)).optional().orElse(null);
    }

    /** Planned and due follow-ups of one owner from {@code from} until before {@code until}, for the calendar feed. */
    public List<CustomerRow> followUpsBetween(UUID owner, Instant from, Instant until, int limit) {
        return rows(jdbc.sql("select " + COLUMNS + """
                         from customer_customer
                        where owner_id = :owner and merged_into_id is null
                          and coalesce(planned_follow_up_at, follow_up_due_at) >= :from
                          and coalesce(planned_follow_up_at, follow_up_due_at) < :until
                        order by coalesce(planned_follow_up_at, follow_up_due_at), id
                        limit :limit""")
                .param("owner", owner).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .param("limit", limit));
    }
}

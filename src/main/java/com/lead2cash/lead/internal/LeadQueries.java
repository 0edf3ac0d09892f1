package com.lead2cash.lead.internal;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.LikePatterns;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.SearchKeyStatistics;
import com.lead2cash.platform.SearchKeys;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lead lists: filters by grade, status, source, owner, territory, age and text; the pool and a
 * manager's queue; newest first with keyset pagination; always what the caller may read
 * ({@link LeadAccess#readable}: unowned pool leads for everyone who works leads, the data scope, what they
 * captured, the open contests they claimed in). Text search matches phone numbers
 * only where the reader sees them unmasked ({@link ContactVisibility}).
 */
@Component
public class LeadQueries {

    /**
     * A row of a lead list; {@code region} as entered, {@code regionCode} its division, {@code regionResolved}
     * false when it names none (flagged), null without a region; {@code possibleDuplicates} when its capture found
     * any (its page names them).
     */
    public record LeadRow(UUID id, String code, String companyName, String contactName, String industry, String region,
                   String productLine, Grade grade, LeadStatus status, LeadSource source, UUID ownerId,
                   String ownerName, UUID queueManagerId, boolean contestOpen, BigDecimal budget, Instant createdAt,
                   long ageDays, long version, String regionCode, Boolean regionResolved,
                   boolean possibleDuplicates) {
    }

    /**
     * Filters of the lead list; {@code view} is null (all visible), "pool", "nurture", "queue" (the reader's own
     * queue), "general" (the general queue), "mine", "contests" or "open" (the {@link #OPEN_STATUSES open} ones).
     */
    public record LeadFilter(Grade grade, LeadStatus status, LeadSource source, UUID ownerId, UUID territoryId,
                      Integer minAgeDays, Integer maxAgeDays, String q, String view, String cursor, Integer size) {
    }

    /**
     * The statuses of an open lead (not converted, not disqualified: {@link LeadStatus#isClosed}) — the "open" view, and
     * what a deactivated rep still holds (LeadsHeld, 0095), so its link lists exactly the leads it counts.
     */
    static final List<String> OPEN_STATUSES = java.util.Arrays.stream(LeadStatus.values()).filter(s -> !s.isClosed())
            .map(Enum::name).toList();

    /**
     * A lead of {@code lead_lead} waiting in the general queue (L9: no territory's manager takes it, the sales
     * directors do) — the "general" view, and what waits on the sales directors when none is active (GeneralQueue,
     * docs/decisions/0099), so the administrator is told of exactly the leads the view lists.
     */
    static final String IN_GENERAL_QUEUE = "owner_id is null and status = 'SCREENED' and queue_manager_id is null";

    private final JdbcClient jdbc;
    private final DataScope dataScope;
    private final OrgDirectory directory;
    private final ContactVisibility contacts;
    private final Clock clock;
    private final SearchKeyStatistics statistics;
    private final LeadRouting routing;

    LeadQueries(JdbcClient jdbc, DataScope dataScope, OrgDirectory directory, ContactVisibility contacts, Clock clock,
                SearchKeyStatistics statistics, LeadRouting routing) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.statistics = statistics;
        this.dataScope = dataScope;
        this.contacts = contacts;
        this.directory = directory;
        this.clock = clock;
    }

    public CursorPage<LeadRow> list(LeadFilter f) {
        int size = CursorPage.size(f.size());
        Scope scope = dataScope.current();
        Instant now = clock.instant();
        // LeadAccess.readable as SQL; a claimant of an open contest is Lead.contestedBy's rule, its decider
        // Lead.contestDecidedBy's
        StringBuilder sql = new StringBuilder("""
                select id, code, company_name, contact_name, industry, region, product_line, grade, status, source,
                       owner_id, queue_manager_id, contest_open, budget, created_at, version, region_code,
                       possible_duplicates
                from lead_lead where (owner_id is null or %s or captured_by = :reader
                    or contest_open and contest_decider_id = :reader
                    or contest_open and exists (select 1 from lead_claim c where c.lead_id = lead_lead.id
                        and c.user_id = :reader and c.claimed_at >= lead_lead.assigned_at))
                """.formatted(scope.ownerPredicate("owner_id")));
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("reader", scope.userId());
        if (f.grade() != null) {
            sql.append(" and grade = :grade");
            params.put("grade", f.grade().name());
        }
        if (f.status() != null) {
            sql.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.source() != null) {
            sql.append(" and source = :source");
            params.put("source", f.source().name());
        }
        if (f.ownerId() != null) {
            sql.append(" and owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        if (f.territoryId() != null) {
            sql.append(" and territory_id = :territory");
            params.put("territory", f.territoryId());
        }
        if (f.minAgeDays() != null) {
            sql.append(" and created_at <= :olderThan");
            params.put("olderThan", Timestamp.from(now.minus(f.minAgeDays(), ChronoUnit.DAYS)));
        }
        if (f.maxAgeDays() != null) {
            sql.append(" and created_at >= :newerThan");
            params.put("newerThan", Timestamp.from(now.minus(f.maxAgeDays(), ChronoUnit.DAYS)));
        }
        // a term without a letter or digit (😀, "--") holds no search key: an ilike would read every lead in
        // scope for it, so it matches nothing without a query, as the customer search answers
        boolean unsearchable = f.q() != null && !f.q().isBlank() && SearchKeys.normalize(f.q()).isEmpty();
        if (f.q() != null && !f.q().isBlank() && !unsearchable) {
            search(f.q(), sql, params);
        }
        if ("pool".equals(f.view())) {
            sql.append(" and owner_id is null and status in ('SCREENED', 'NURTURING')");
        } else if ("nurture".equals(f.view())) {
            sql.append(" and owner_id is null and status = 'NURTURING'");
        } else if ("queue".equals(f.view())) {
            // the queue the reader looks after (L9): their own, and the general queue when it is theirs (the sales
            // director's) — as its notices and deadline go, LeadRouting#managersOfQueue
            boolean general = routing.managersOfQueue(null).contains(scope.userId());
            sql.append(" and owner_id is null and status = 'SCREENED' and (queue_manager_id = :me"
                    + (general ? " or queue_manager_id is null)" : ")"));
            params.put("me", scope.userId());
        } else if ("general".equals(f.view())) {
            // the general queue (no territory matched, or its manager left): the director's to look after, and any
            // manager may assign what the lead allows (LeadAction.ASSIGN)
            sql.append(" and ").append(IN_GENERAL_QUEUE);
        } else if ("mine".equals(f.view())) {
            sql.append(" and owner_id = :me");
            params.put("me", scope.userId());
        } else if ("contests".equals(f.view())) {
            sql.append(" and contest_open");
        } else if ("open".equals(f.view())) {
            sql.append(" and status in (:open)");
            params.put("open", OPEN_STATUSES);
        }
        CursorPage.newestFirst("lead", f.cursor(), size, sql, params);
        if (unsearchable) {
            return new CursorPage<>(List.of(), null);
        }
        List<Object[]> raw = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Object[] {
                rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("company_name"),
                rs.getString("contact_name"), rs.getString("industry"), rs.getString("region"),
                rs.getString("product_line"), Grade.valueOf(rs.getString("grade")),
                LeadStatus.valueOf(rs.getString("status")), LeadSource.valueOf(rs.getString("source")),
                rs.getObject("owner_id", UUID.class), rs.getObject("queue_manager_id", UUID.class),
                rs.getBoolean("contest_open"), rs.getBigDecimal("budget"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"), rs.getString("region_code"), rs.getBoolean("possible_duplicates")}).list();
        Set<UUID> owners = new HashSet<>();
        raw.forEach(r -> owners.add((UUID) r[10]));
        Map<UUID, OrgDirectory.Person> people = directory.people(owners);
        List<LeadRow> rows = raw.stream().map(r -> new LeadRow((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (Grade) r[7], (LeadStatus) r[8],
                (LeadSource) r[9], (UUID) r[10],
                r[10] == null || !people.containsKey(r[10]) ? null : people.get(r[10]).displayName(), (UUID) r[11],
                (Boolean) r[12], LeadViews.money((BigDecimal) r[13]), (Instant) r[14],
                ChronoUnit.DAYS.between((Instant) r[14], now), (Long) r[15], (String) r[16],
                r[5] == null ? null : r[16] != null, (Boolean) r[17])).toList();
        return CursorPage.of("lead", rows, size, r -> List.of(r.createdAt().toString(), r.id()));
    }

    /**
     * The text filter: a whole lead code goes to the code's unique index; anything else matches the
     * company, contact or code (and, with four digits or more, the phone), and the search keys' GIN index
     * narrows the rows that condition is checked on — one indexed condition per key set, so the OR over
     * the fields never leaves the planner a scan.
     */
    private void search(String text, StringBuilder sql, Map<String, Object> params) {
        String code = SearchKeys.code(text);
        if (code != null) {
            sql.append(" and code = :qCode");
            params.put("qCode", code);
            return;
        }
        String q = LikePatterns.escape(text.strip());
        // full-width digits (a Chinese keyboard's) are digits of the number too
        String digits = java.text.Normalizer.normalize(q, java.text.Normalizer.Form.NFKC).replaceAll("\\D", "");
        sql.append(" and (company_name ilike :q or contact_name ilike :q or code ilike :q");
        if (digits.length() >= 4) {
            // phone fragments match the normalised number — only where the reader sees it unmasked
            sql.append(" or (phone_normalized like :qDigits and ").append(contacts.phonePredicate(params)).append(")");
            params.put("qDigits", "%" + digits + "%");
        }
        sql.append(")");
        params.put("q", "%" + q + "%");
        String narrowing = statistics.narrowing("lead_lead", text, params);
        if (narrowing != null) {
            sql.append(" and ").append(narrowing);
        }
    }

    /** A territory as the list's filter names it. */
    record TerritoryName(UUID id, String name) {
    }

    /** The territories to filter by, in name order: names only, not their members. */
    public List<TerritoryName> territoryNames() {
        return jdbc.sql("select id, name from lead_territory order by name")
                .query((rs, i) -> new TerritoryName(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    /** Contact attempts of a lead, newest first. */
    public record ContactAttempt(String channel, String intent, String summary, Instant occurredAt, UUID loggedBy) {
    }

    public List<ContactAttempt> contactAttempts(UUID leadId) {
        return jdbc.sql("""
                select channel, intent, summary, occurred_at, logged_by from lead_contact_attempt
                where lead_id = :l order by occurred_at desc
                """).param("l", leadId).query((rs, i) -> new ContactAttempt(rs.getString("channel"),
                rs.getString("intent"), rs.getString("summary"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("logged_by", UUID.class))).list();
    }
}

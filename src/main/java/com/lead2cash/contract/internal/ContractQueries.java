package com.lead2cash.contract.internal;

import com.lead2cash.platform.LikePatterns;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.SearchKeyStatistics;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract list (合同列表) within the reader's scope: status, whom it waits for and since how many
 * days, amount, owner; newest first with keyset paging. Served by the indexes on (created_at, id), per
 * status and per owner; the waiting-for summary is kept on the contract so no approval table is read.
 */
@Component
@Transactional(readOnly = true)
public class ContractQueries {

    /** Longest search text: a contract number, title or customer name (shorter than any list's, InputRules). */
    public static final int MAX_SEARCH = 100;

    /** Whom a contract waits for: a department or role's pool, or a person. */
    public record Waiting(String role, UUID userId, String name) {
    }

    public record ContractRow(@Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
                              @Schema(requiredMode = RequiredMode.REQUIRED) String number,
                              @Schema(requiredMode = RequiredMode.REQUIRED) String title,
                              @Schema(requiredMode = RequiredMode.REQUIRED) String customerName,
                              @Schema(requiredMode = RequiredMode.REQUIRED) ContractStatus status,
                              @Schema(requiredMode = RequiredMode.REQUIRED, description = "The amount signed")
                              BigDecimal amount,
                              @Schema(requiredMode = RequiredMode.REQUIRED,
                                      description = "The amount now: as signed with every signed amendment's (补充协议) change")
                              BigDecimal currentAmount,
                              @Schema(requiredMode = RequiredMode.REQUIRED) String currency,
                              @Schema(requiredMode = RequiredMode.REQUIRED) UUID ownerId, String ownerName,
                              @Schema(requiredMode = RequiredMode.REQUIRED) List<Waiting> waitingFor,
                              Instant waitingSince, Integer daysWaiting,
                              @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {
    }

    public record Filter(ContractStatus status, UUID ownerId, String q, boolean waitingForMe, String cursor,
                         Integer size, boolean signed) {

        /** {@code signed}: only the contracts signed, archived ones with them ({@link ContractStatus#signed}). */
        public Filter(ContractStatus status, UUID ownerId, String q, boolean waitingForMe, String cursor, Integer size) {
            this(status, ownerId, q, waitingForMe, cursor, size, false);
        }
    }

    private final JdbcClient jdbc;
    private final ContractAccess access;
    private final ContractLifecycle lifecycle;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;
    private final SearchKeyStatistics searchStatistics;

    ContractQueries(JdbcClient jdbc, ContractAccess access, ContractLifecycle lifecycle, OrgDirectory org, Clock clock,
                    @Value("${l2c.zone}") ZoneId zone, SearchKeyStatistics searchStatistics) {
        this.jdbc = jdbc;
        this.access = access;
        this.lifecycle = lifecycle;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
        this.searchStatistics = searchStatistics;
    }

    public CursorPage<ContractRow> list(Filter f) {
        int size = CursorPage.size(f.size());
        List<ContractRow> rows = list(f, null);
        return CursorPage.of("contract", rows, size, r -> List.of(r.createdAt(), r.id()));
    }

    /** The rows of the filter's page (one more than its size, to tell whether another follows); only {@code only} when given. */
    private List<ContractRow> list(Filter f, List<UUID> only) {
        int size = CursorPage.size(f.size());
        CurrentUser me = CurrentUser.require();
        Scope scope = access.scope();
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder sql = new StringBuilder("""
                select id, number, title, buyer_name, status, amount, currency, owner_id, waiting_for, waiting_since, created_at,
                       amount + coalesce((select sum(a.amount_change) from contract_amendment a
                                          where a.contract_id = contract_contract.id), 0) as current_amount
                from contract_contract where""");
        if (scope.isAll()) {
            sql.append(" true");
        } else if (ContractAccess.isReviewer(me)) {
            sql.append(" (").append(scope.ownerPredicate("owner_id")).append(" or submitted_at is not null)");
        } else {
            sql.append(' ').append(scope.ownerPredicate("owner_id"));
        }
        if (f.status() != null) {
            sql.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.signed()) {
            sql.append(" and status in (:signedStatuses)");
            params.put("signedStatuses", java.util.Arrays.stream(ContractStatus.values()).filter(ContractStatus::signed)
                    .map(Enum::name).toList());
        }
        if (f.ownerId() != null) {
            sql.append(" and owner_id = :owner");
            params.put("owner", f.ownerId());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().strip();
            if (q.length() > MAX_SEARCH) {
                throw new FieldValidationException("q", "contract.field.tooLong", MAX_SEARCH);
            }
            // number, title or buyer contains it; the search keys' GIN index narrows the rows it is checked on
            sql.append(" and (number ilike :q or title ilike :q or buyer_name ilike :q)");
            params.put("q", LikePatterns.containing(q));
            String narrowing = searchStatistics.narrowing("contract_contract", q, params);
            if (narrowing != null) {
                sql.append(" and ").append(narrowing);
            }
        }
        if (f.waitingForMe()) {
            List<UUID> ids = lifecycle.pendingForMe().stream().map(p -> UUID.fromString(p.subjectId())).distinct().toList();
            if (ids.isEmpty()) {
                return List.of();
            }
            sql.append(" and id in (:mine)");
            params.put("mine", ids);
        }
        if (only != null) {
            sql.append(" and id in (:only)");
            params.put("only", only);
        }
        CursorPage.newestFirst("contract", f.cursor(), size, sql, params);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        record Raw(UUID id, String number, String title, String buyer, ContractStatus status, BigDecimal amount,
                   BigDecimal currentAmount, String currency, UUID owner, String waitingFor, Instant waitingSince, Instant createdAt) {
        }
        List<Raw> raws = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Raw(rs.getObject("id", UUID.class),
                rs.getString("number"), rs.getString("title"), rs.getString("buyer_name"),
                ContractStatus.valueOf(rs.getString("status")), rs.getBigDecimal("amount"),
                rs.getBigDecimal("current_amount"), rs.getString("currency"),
                rs.getObject("owner_id", UUID.class), rs.getString("waiting_for"),
                rs.getTimestamp("waiting_since") == null ? null : rs.getTimestamp("waiting_since").toInstant(),
                rs.getTimestamp("created_at").toInstant())).list();
        Set<UUID> people = new java.util.HashSet<>();
        raws.forEach(r -> {
            people.add(r.owner());
            waiting(r.waitingFor()).stream().filter(w -> w.userId() != null).forEach(w -> people.add(w.userId()));
        });
        Map<UUID, OrgDirectory.Person> names = org.people(people);
        List<ContractRow> rows = new ArrayList<>();
        for (Raw r : raws) {
            List<Waiting> waiting = waiting(r.waitingFor()).stream().map(w -> w.userId() == null ? w
                    : new Waiting(null, w.userId(), name(names, w.userId()))).toList();
            Integer days = r.waitingSince() == null ? null
                    : (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(r.waitingSince(), zone), today);
            rows.add(new ContractRow(r.id(), r.number(), r.title(), r.buyer(), r.status(), r.amount(),
                    r.currentAmount(), r.currency(),
                    r.owner(), name(names, r.owner()), waiting, r.waitingSince(), days, r.createdAt()));
        }
        return rows;
    }

    /** A contract of an opportunity, for the card on the opportunity's page. */
    public record OpportunityContract(UUID id, String number, String title, ContractStatus status, BigDecimal amount) {
    }

    /** The opportunity's contracts the reader may see, newest first. */
    public List<OpportunityContract> ofOpportunity(UUID opportunityId) {
        record Raw(OpportunityContract c, UUID owner, boolean submitted) {
        }
        return jdbc.sql("""
                        select id, number, title, status, amount, owner_id, submitted_at is not null as submitted
                        from contract_contract where opportunity_id = :opportunity order by created_at desc""")
                .param("opportunity", opportunityId)
                .query((rs, i) -> new Raw(new OpportunityContract(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("title"), ContractStatus.valueOf(rs.getString("status")), rs.getBigDecimal("amount")),
                        rs.getObject("owner_id", UUID.class), rs.getBoolean("submitted"))).list().stream()
                .filter(r -> access.isVisible(r.owner(), r.submitted())).map(Raw::c).toList();
    }

    /**
     * What waits for me (the home panel): contracts whose review or approval task is mine, and those that
     * wait for me by name (my drafts and revisions to submit, my approved contracts to sign, my signed ones
     * to archive); the longest waiting first.
     */
    public List<ContractRow> waitingForMe(int limit) {
        CurrentUser me = CurrentUser.require();
        List<UUID> tasks = lifecycle.pendingForMe().stream().map(p -> UUID.fromString(p.subjectId())).distinct().toList();
        List<UUID> ids = jdbc.sql("""
                        select id from contract_contract
                        where (waiting_for = :me or waiting_for like :meFirst or waiting_for like :meLater) %s
                        order by waiting_since limit :limit""".formatted(tasks.isEmpty() ? "" : "or id in (:tasks)"))
                .param("me", "USER:" + me.id()).param("meFirst", "USER:" + me.id() + ",%")
                .param("meLater", "%,USER:" + me.id() + "%").param("limit", limit)
                .params(tasks.isEmpty() ? Map.of() : Map.of("tasks", tasks))
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ContractRow> rows = new ArrayList<>(list(new Filter(null, null, null, false, null, CursorPage.MAX_SIZE), ids));
        rows.sort(java.util.Comparator.comparing(ContractRow::waitingSince, java.util.Comparator.nullsLast(Instant::compareTo)));
        return rows;
    }

    private static String name(Map<UUID, OrgDirectory.Person> names, UUID id) {
        OrgDirectory.Person p = names.get(id);
        return p == null ? null : p.displayName();
    }

    static List<Waiting> waiting(String waitingFor) {
        if (waitingFor == null || waitingFor.isBlank()) {
            return List.of();
        }
        return Arrays.stream(waitingFor.split(",")).map(w -> w.startsWith("USER:")
                ? new Waiting(null, UUID.fromString(w.substring(5)), null)
                : new Waiting(w.substring(5), null, null)).toList();
    }
}

package com.lead2cash.receivable.internal;

import com.lead2cash.contract.MilestoneType;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.LikePatterns;
import com.lead2cash.platform.Scope;
import com.lead2cash.receivable.ContractCollections;
import com.lead2cash.receivable.internal.domain.AgingBucket;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import com.lead2cash.receivable.internal.domain.ReceivableState;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables' read side (回款台账): plan lists in the reader's scope, the aging summary by bucket
 * (P2), the finance workbench, the rep's collections due, collection rates and the contracts' figures.
 */
@Component
@Transactional(readOnly = true)
public class ReceivableQueries implements ContractCollections {

    static final String OPEN = ReceivableRepository.OPEN;

    /** A plan as lists show it, with its aging on the reader's today. */
    public record PlanRow(UUID id, UUID contractId, String contractNumber, UUID customerId, UUID ownerId, int position,
                          MilestoneType type, BigDecimal amount, BigDecimal paidAmount, LocalDate dueDate,
                          String dueCondition, ReceivableState state, long daysOverdue, AgingBucket agingBucket) {
        public BigDecimal outstanding() {
            return state == ReceivableState.WRITTEN_OFF ? BigDecimal.ZERO : amount.subtract(paidAmount);
        }
    }

    /**
     * The filter of the plan list; null fields do not filter. {@code text} finds open plans as the workbench's search
     * does: by contract number, or by customer (one of {@code customerIds}, the customer module's matches).
     */
    public record Filter(UUID contractId, ReceivableState state, Boolean overdue, UUID ownerId, String text,
                         Collection<UUID> customerIds) {
        public Filter(UUID contractId, ReceivableState state, Boolean overdue, UUID ownerId) {
            this(contractId, state, overdue, ownerId, null, null);
        }

        /** The workbench's search: open plans by contract number or customer. */
        public static Filter matching(String text, Collection<UUID> customerIds) {
            return new Filter(null, null, null, null, text == null || text.isBlank() ? null : text.strip(),
                    customerIds == null ? List.of() : customerIds);
        }
    }

    /** One aging bucket's sum: plans and what they still owe. */
    public record BucketTotal(AgingBucket bucket, String label, int plans, BigDecimal outstanding) {
    }

    /** A receipt waiting to be allocated (whole or in part). */
    public record UnallocatedReceipt(UUID id, String number, UUID customerId, BigDecimal amount, BigDecimal unallocated,
                                     LocalDate receivedOn, ReceiptMethod method, String payer, String reference,
                                     long version) {
    }

    private final JdbcClient jdbc;
    private final ReceivablePolicy policy;
    private final ReceivableAccess access;

    ReceivableQueries(JdbcClient jdbc, ReceivablePolicy policy, ReceivableAccess access) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.access = access;
    }

    private static final String COLUMNS = "id, contract_id, contract_number, customer_id, owner_id, position, type, "
            + "amount, paid_amount, due_date, due_date_when_closed, due_condition, state";

    public CursorPage<PlanRow> list(Filter f, String cursor, Integer requestedSize) {
        int size = CursorPage.size(requestedSize);
        Scope scope = access.scope();
        LocalDate today = policy.today();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from receivable_plan where "
                + scope.ownerPredicate("owner_id"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.contractId() != null) {
            sql.append(" and contract_id = :contractId");
            params.put("contractId", f.contractId());
        }
        if (f.state() != null) {
            sql.append(" and state = :state");
            params.put("state", f.state().name());
        }
        if (f.ownerId() != null) {
            sql.append(" and owner_id = :ownerId");
            params.put("ownerId", f.ownerId());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" and state in " + OPEN + " and due_date < :today");
            params.put("today", Date.valueOf(today));
        } else if (Boolean.FALSE.equals(f.overdue())) {
            sql.append(" and not (state in " + OPEN + " and due_date is not null and due_date < :today)");
            params.put("today", Date.valueOf(today));
        }
        if (f.text() != null) {
            sql.append(" and state in " + OPEN + " and (contract_number ilike :number or customer_id = any(:customers))");
            params.put("number", LikePatterns.containing(f.text()));
            params.put("customers", f.customerIds().toArray(new UUID[0]));
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("receivable", cursor, 1);
            sql.append(" and id > :after");
            params.put("after", key.uuid(0));
        }
        sql.append(" order by id limit :limit");
        params.put("limit", size + 1);
        ReceivableRules rules = policy.rules();
        List<PlanRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> row(rs, today, rules)).list();
        return CursorPage.of("receivable", rows, size, r -> List.of(r.id()));
    }

    /** The company's today, the day aging counts to. */
    public LocalDate asOf() {
        return policy.today();
    }

    /**
     * P2 — what overdue plans in the reader's scope still owe, by aging bucket (every bucket, empty ones too). The
     * months wholly older than the last bucket's boundary are read from their read model (receivable_plan_month);
     * only the plans due since that boundary's month are read and bucketed one by one.
     */
    public List<BucketTotal> aging() {
        return aging(access.scope());
    }

    /** The aging buckets of the plans in {@code scope} (a request that reads it once for several answers). */
    public List<BucketTotal> aging(Scope scope) {
        ReceivableRules rules = policy.rules();
        LocalDate today = policy.today();
        LocalDate b3 = today.minusDays(rules.bucket3Days());
        String owners = scope.ownerPredicate("owner_id");
        Map<AgingBucket, BucketTotal> totals = new EnumMap<>(AgingBucket.class);
        jdbc.sql("""
                select bucket, sum(plans) as plans, sum(outstanding) as outstanding from (
                    select 4 as bucket, open_plans as plans, outstanding from receivable_plan_month
                    where month < :oldMonths and open_plans > 0 and %s
                    union all
                    select case when due_date >= :b1 then 1 when due_date >= :b2 then 2 when due_date >= :b3 then 3 else 4 end,
                           1, amount - paid_amount
                    from receivable_plan
                    where state in %s and due_date >= :oldMonths and due_date < :today and %s) as d
                group by bucket""".formatted(owners, OPEN, owners))
                .params(scope.params())
                .param("today", Date.valueOf(today))
                .param("oldMonths", Date.valueOf(b3.withDayOfMonth(1)))
                .param("b1", Date.valueOf(today.minusDays(rules.bucket1Days())))
                .param("b2", Date.valueOf(today.minusDays(rules.bucket2Days())))
                .param("b3", Date.valueOf(b3))
                .query((rs, i) -> {
                    AgingBucket b = AgingBucket.values()[rs.getInt("bucket") - 1];
                    return new BucketTotal(b, label(b, rules), rs.getInt("plans"), rs.getBigDecimal("outstanding"));
                }).list().forEach(t -> totals.put(t.bucket(), t));
        List<BucketTotal> all = new ArrayList<>();
        for (AgingBucket b : AgingBucket.values()) {
            all.add(totals.getOrDefault(b, new BucketTotal(b, label(b, rules), 0, BigDecimal.ZERO.setScale(2))));
        }
        return all;
    }

    /** The overdue plans in the reader's scope, longest overdue first. */
    public List<PlanRow> overdue(int limit) {
        LocalDate today = policy.today();
        return open("due_date < :today", today, null, limit);
    }

    /** The next page of overdue plans in the reader's scope after ({@code dueDate}, {@code id}), in that order (the aging export). */
    public List<PlanRow> overdueAfter(LocalDate dueDate, UUID id, int limit) {
        LocalDate today = policy.today();
        if (dueDate == null) {
            return open("due_date < :today", today, null, limit);
        }
        return open("due_date < :today and (due_date, id) > (:afterDue, :afterId)", today,
                Map.of("afterDue", Date.valueOf(dueDate), "afterId", id), null, limit);
    }

    /** Open plans falling due from today to {@code until} in the reader's scope (optionally one owner's), by due date. */
    public List<PlanRow> dueBetween(LocalDate until, UUID ownerId, int limit) {
        return open("due_date >= :today and due_date <= :until", policy.today(), Map.of("until", Date.valueOf(until)),
                ownerId, limit);
    }

    /** The rep's collections due: their open plans overdue or falling due by {@code until}, earliest first. */
    public List<PlanRow> collectionsDue(UUID ownerId, LocalDate until, int limit) {
        return open("due_date <= :until", policy.today(), Map.of("until", Date.valueOf(until)), ownerId, limit);
    }

    private List<PlanRow> open(String condition, LocalDate today, UUID ownerId, int limit) {
        return open(condition, today, Map.of(), ownerId, limit);
    }

    private List<PlanRow> open(String condition, LocalDate today, Map<String, Object> extra, UUID ownerId, int limit) {
        Scope scope = access.scope();
        ReceivableRules rules = policy.rules();
        return jdbc.sql("select " + COLUMNS + " from receivable_plan where state in " + OPEN + " and " + condition
                        + " and " + scope.ownerPredicate("owner_id") + (ownerId == null ? "" : " and owner_id = :ownerId")
                        + " order by due_date, id limit :limit")
                .params(scope.params()).params(extra).param("today", Date.valueOf(today))
                .params(ownerId == null ? Map.of() : Map.of("ownerId", ownerId))
                .param("limit", limit)
                .query((rs, i) -> row(rs, today, rules)).list();
    }

    /**
     * The open plans of each of these customers (the receipts waiting to be allocated are allocated to them), earliest
     * due first, at most {@code limit} a customer — in one statement for the workbench's whole list.
     */
    public Map<UUID, List<PlanRow>> openOfCustomers(Collection<UUID> customerIds, int limit) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = policy.today();
        ReceivableRules rules = policy.rules();
        Map<UUID, List<PlanRow>> plans = new HashMap<>();
        jdbc.sql("select p.* from unnest(:ids) as c(id) cross join lateral (select " + COLUMNS
                        + " from receivable_plan where state in " + OPEN + " and customer_id = c.id"
                        + " order by due_date nulls last, contract_number, position limit :limit) as p"
                        + " order by p.customer_id, p.due_date nulls last, p.contract_number, p.position")
                .param("ids", customerIds.toArray(new UUID[0])).param("limit", limit)
                .query((rs, i) -> row(rs, today, rules)).list()
                .forEach(r -> plans.computeIfAbsent(r.customerId(), c -> new ArrayList<>()).add(r));
        return plans;
    }

    /**
     * The open plans in the reader's scope whose contract number contains {@code text} or whose customer is one of
     * {@code customerIds}, by contract and position: finance finds a contract's plans from the workbench (an early
     * payment on a plan due next year, a plan an amendment added).
     */
    public List<PlanRow> openMatching(String text, Collection<UUID> customerIds, int limit) {
        Scope scope = access.scope();
        LocalDate today = policy.today();
        ReceivableRules rules = policy.rules();
        return jdbc.sql("select " + COLUMNS + " from receivable_plan where state in " + OPEN
                        + " and (contract_number ilike :number or customer_id = any(:customers)) and "
                        + scope.ownerPredicate("owner_id") + " order by contract_number, position limit :limit")
                .params(scope.params()).param("number", LikePatterns.containing(text.strip()))
                .param("customers", customerIds.toArray(new UUID[0])).param("limit", limit)
                .query((rs, i) -> row(rs, today, rules)).list();
    }

    /** Receipts with money not yet allocated to plans, oldest first. */
    public List<UnallocatedReceipt> unallocatedReceipts(int limit) {
        return jdbc.sql("""
                select id, number, customer_id, amount, amount - allocated_amount as unallocated, received_on, method,
                       payer, reference, version
                from receivable_receipt where state = 'RECORDED' and allocated_amount < amount
                order by received_on, id limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> new UnallocatedReceipt(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("customer_id", UUID.class), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("unallocated"), rs.getDate("received_on").toLocalDate(),
                        ReceiptMethod.valueOf(rs.getString("method")), rs.getString("payer"), rs.getString("reference"),
                        rs.getLong("version")))
                .list();
    }

    /** Those of the contracts that have plans the reader may see (their owner in the reader's scope). */
    public List<UUID> contractsInScope(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        Scope scope = access.scope();
        return jdbc.sql("select distinct contract_id from receivable_plan where contract_id in (:ids) and "
                        + scope.ownerPredicate("owner_id"))
                .param("ids", contractIds).params(scope.params()).query(UUID.class).list();
    }

    /** The contracts' collection figures (no scope: the contract module shows them with its own). */
    @Override
    public Map<UUID, Figures> of(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Figures> figures = new HashMap<>();
        jdbc.sql("""
                select contract_id, sum(amount) as planned, sum(paid_amount) as collected,
                       count(*) filter (where state = 'PAID') as paid_plans, count(*) as plans
                from receivable_plan where contract_id in (:ids) group by contract_id""")
                .param("ids", contractIds)
                .query((rs, i) -> new Figures(rs.getObject("contract_id", UUID.class), rs.getBigDecimal("planned"),
                        rs.getBigDecimal("collected"), rs.getInt("paid_plans"), rs.getInt("plans")))
                .list().forEach(f -> figures.put(f.contractId(), f));
        return figures;
    }

    /** The bucket's label from the policy: "0–30", "31–60", "61–90", "> 90". */
    public static String label(AgingBucket b, ReceivableRules rules) {
        return switch (b) {
            case B1 -> "0–" + rules.bucket1Days();
            case B2 -> (rules.bucket1Days() + 1) + "–" + rules.bucket2Days();
            case B3 -> (rules.bucket2Days() + 1) + "–" + rules.bucket3Days();
            case B4 -> "> " + rules.bucket3Days();
        };
    }

    static PlanRow row(ResultSet rs, LocalDate today, ReceivableRules rules) throws SQLException {
        ReceivableState state = ReceivableState.valueOf(rs.getString("state"));
        // a plan closed on termination shows the due date it had, though nothing counts it
        Date due = rs.getDate("due_date") != null ? rs.getDate("due_date") : rs.getDate("due_date_when_closed");
        LocalDate dueDate = due == null ? null : due.toLocalDate();
        long days = dueDate != null && state.isOpen() && today.isAfter(dueDate) ? ChronoUnit.DAYS.between(dueDate, today) : 0;
        return new PlanRow(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class),
                rs.getString("contract_number"), rs.getObject("customer_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getInt("position"),
                MilestoneType.valueOf(rs.getString("type")), rs.getBigDecimal("amount"), rs.getBigDecimal("paid_amount"),
                dueDate, rs.getString("due_condition"), state, days, rules.bucket(days));
    }
}

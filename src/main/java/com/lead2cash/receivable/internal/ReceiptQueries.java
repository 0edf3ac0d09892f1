package com.lead2cash.receivable.internal;

import com.lead2cash.contract.MilestoneType;
import com.lead2cash.platform.LikePatterns;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.ScopeKind;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import com.lead2cash.receivable.internal.domain.ReceiptState;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收款台账 — the receipts finance has recorded, newest first, filtered by the day the money arrived, the
 * method, the state, the payer's name, the customer and whether a receipt repeats a bank reference. Receipts belong to no rep, so they are read by finance and by
 * those who see all receivables (the sales director, the administrator); anyone else is refused (403).
 */
@Component
@Transactional(readOnly = true)
public class ReceiptQueries {

    static final int MAX_PAYER_QUERY = 100;

    /**
     * The filter of the receipt list; null fields do not filter; {@code from}/{@code to} are inclusive days;
     * {@code repeatedReference}: only the standing receipts that repeat the bank reference of another standing receipt
     * of their customer (finance reverses the one not meant); {@code customerId}: only that customer's receipts (none for
     * an id no receipt names, as the other lists' filters by a record's id).
     */
    public record Filter(LocalDate from, LocalDate to, ReceiptMethod method, ReceiptState state, String payer,
                         boolean repeatedReference, UUID customerId) {

        public Filter(LocalDate from, LocalDate to, ReceiptMethod method, ReceiptState state, String payer,
                      boolean repeatedReference) {
            this(from, to, method, state, payer, repeatedReference, null);
        }

        /** No filter: every receipt. */
        public static Filter none() {
            return new Filter(null, null, null, null, null, false);
        }
    }

    /** A receipt as the list shows it. */
    public record ReceiptRow(UUID id, String number, UUID customerId, BigDecimal amount, BigDecimal allocatedAmount,
                             String currency, LocalDate receivedOn, ReceiptMethod method, String payer, String reference,
                             ReceiptState state, Instant recordedAt, long version, boolean repeatedReference) {
        public BigDecimal unallocated() {
            return state == ReceiptState.REVERSED ? BigDecimal.ZERO.setScale(2) : amount.subtract(allocatedAmount);
        }
    }

    /** Part of a receipt applied to a plan, as the receipt's page shows it: the plan by its contract and place. */
    public record AllocationRow(UUID planId, String contractNumber, int position, MilestoneType type, BigDecimal amount,
                                Instant allocatedAt) {
    }

    /** A receipt that paid part of a plan, as the plan's page lists it: the receipt and how much of it went to the plan. */
    public record PlanReceiptRow(UUID receiptId, String number, LocalDate receivedOn, ReceiptMethod method,
                                 BigDecimal allocated, ReceiptState state) {
    }

    /** A receipt named on another's page: its id for the link and its number. */
    public record ReceiptRef(UUID id, String number) {
    }

    private final JdbcClient jdbc;

    ReceiptQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the current user reads receipts: finance, or whoever sees all receivables. */
    public static boolean mayRead(CurrentUser me) {
        return ReceivableAccess.isFinance(me) || me.scopeKind() == ScopeKind.ALL;
    }

    public CursorPage<ReceiptRow> list(Filter f, String cursor, Integer requestedSize) {
        requireReader();
        int size = CursorPage.size(requestedSize);
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            throw new FieldValidationException("from", "receipt.filter.period");
        }
        String payer = f.payer() == null || f.payer().isBlank() ? null : f.payer().strip();
        if (payer != null) {
            InputRules.requireFieldText("payer", payer, MAX_PAYER_QUERY);
        }
        StringBuilder sql = new StringBuilder("""
                select id, number, customer_id, amount, allocated_amount, currency, received_on, method, payer,
                       reference, state, recorded_at, version, state = 'RECORDED' and reference_duplicate as repeated
                from receivable_receipt where true""");
        Map<String, Object> params = new HashMap<>();
        if (f.from() != null) {
            sql.append(" and received_on >= :from");
            params.put("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and received_on <= :to");
            params.put("to", Date.valueOf(f.to()));
        }
        if (f.method() != null) {
            sql.append(" and method = :method");
            params.put("method", f.method().name());
        }
        if (f.state() != null) {
            sql.append(" and state = :state");
            params.put("state", f.state().name());
        }
        if (f.repeatedReference()) {
            sql.append(" and state = 'RECORDED' and reference_duplicate");
        }
        if (f.customerId() != null) {
            sql.append(" and customer_id = :customerId");
            params.put("customerId", f.customerId());
        }
        if (payer != null) {
            sql.append(" and lower(payer) like :payer escape '\\'");
            params.put("payer", LikePatterns.containing(payer.toLowerCase(Locale.ROOT)));
        }
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("receipt", cursor, 2);
            sql.append(" and (received_on, id) < (:afterDay, :afterId)");
            params.put("afterDay", Date.valueOf(key.date(0)));
            params.put("afterId", key.uuid(1));
        }
        sql.append(" order by received_on desc, id desc limit :limit");
        params.put("limit", size + 1);
        List<ReceiptRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> new ReceiptRow(
                rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("customer_id", UUID.class),
                rs.getBigDecimal("amount"), rs.getBigDecimal("allocated_amount"), rs.getString("currency"),
                rs.getDate("received_on").toLocalDate(), ReceiptMethod.valueOf(rs.getString("method")),
                rs.getString("payer"), rs.getString("reference"), ReceiptState.valueOf(rs.getString("state")),
                rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"), rs.getBoolean("repeated"))).list();
        return CursorPage.of("receipt", rows, size, r -> List.of(r.receivedOn(), r.id()));
    }

    /** How many standing receipts repeat the bank reference of another standing receipt of their customer. */
    public long repeatedReferences() {
        requireReader();
        return jdbc.sql("select count(*) from receivable_receipt where state = 'RECORDED' and reference_duplicate")
                .query(Long.class).single();
    }

    /**
     * The receipt whose bank reference a twin repeats: the standing receipt of the same customer that holds the
     * reference (in any letter case, as the one-reference index compares it); empty for a receipt that repeats none.
     */
    public java.util.Optional<ReceiptRef> repeatedBy(com.lead2cash.receivable.internal.domain.Receipt twin) {
        requireReader();
        if (!twin.repeatsReference()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("""
                        select id, number from receivable_receipt
                        where customer_id = :customer and state = 'RECORDED' and not reference_duplicate
                          and lower(reference) = lower(:reference)""")
                .param("customer", twin.customerId()).param("reference", twin.reference())
                .query((rs, i) -> new ReceiptRef(rs.getObject("id", UUID.class), rs.getString("number"))).optional();
    }

    /** The standing twins that repeat the bank reference this standing receipt holds, as entered. */
    public List<ReceiptRef> repeatersOf(com.lead2cash.receivable.internal.domain.Receipt held) {
        requireReader();
        if (held.reference() == null || held.repeatsReference()
                || held.state() != ReceiptState.RECORDED) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, number from receivable_receipt
                        where customer_id = :customer and state = 'RECORDED' and reference_duplicate
                          and lower(reference) = lower(:reference) order by recorded_at, id""")
                .param("customer", held.customerId()).param("reference", held.reference())
                .query((rs, i) -> new ReceiptRef(rs.getObject("id", UUID.class), rs.getString("number"))).list();
    }

    /**
     * Where a receipt's money went, in the order it was allocated. Every reader of receipts sees every plan (finance
     * and those who see all receivables), so no plan is left out.
     */
    public List<AllocationRow> allocationsOf(UUID receiptId) {
        requireReader();
        return jdbc.sql("""
                        select a.plan_id, p.contract_number, p.position, p.type, a.amount, a.allocated_at
                        from receivable_allocation a join receivable_plan p on p.id = a.plan_id
                        where a.receipt = :receipt order by a.receipt_key""")
                .param("receipt", receiptId)
                .query((rs, i) -> new AllocationRow(rs.getObject("plan_id", UUID.class), rs.getString("contract_number"),
                        rs.getInt("position"), MilestoneType.valueOf(rs.getString("type")), rs.getBigDecimal("amount"),
                        rs.getTimestamp("allocated_at").toInstant()))
                .list();
    }

    /**
     * The receipts allocated to a plan (the caller has the plan in scope), the day the money arrived first; a reversed
     * one stays listed as reversed, its part no longer paying the plan.
     */
    public List<PlanReceiptRow> receiptsOf(UUID planId) {
        requireReader();
        return jdbc.sql("""
                        select r.id, r.number, r.received_on, r.method, a.amount, r.state
                        from receivable_allocation a join receivable_receipt r on r.id = a.receipt
                        where a.plan_id = :plan order by r.received_on, r.number, a.receipt_key""")
                .param("plan", planId)
                .query((rs, i) -> new PlanReceiptRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getDate("received_on").toLocalDate(), ReceiptMethod.valueOf(rs.getString("method")),
                        rs.getBigDecimal("amount"), ReceiptState.valueOf(rs.getString("state"))))
                .list();
    }

    /** Receipts are read by their readers only ({@link #mayRead}); 403 for others, whatever they ask for. */
    private static void requireReader() {
        if (!mayRead(CurrentUser.require())) {
            throw new ForbiddenException("receivable.financeOnly");
        }
    }
}

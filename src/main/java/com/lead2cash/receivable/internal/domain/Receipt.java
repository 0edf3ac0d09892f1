package com.lead2cash.receivable.internal.domain;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 收款 — money a customer paid, as finance records it (P2: finance confirms receipts): amount, the day it
 * arrived, the method, the payer and the bank reference. It is allocated to one or several payment plans,
 * at once or later, never above its amount; a wrong receipt is reversed with a reason — its allocations
 * are taken back from the plans — and is never edited or deleted.
 */
@Table("receivable_receipt")
public class Receipt {

    @Id
    private UUID id;
    private String number;
    private UUID customerId;
    private BigDecimal amount;
    private BigDecimal allocatedAmount;
    private String currency;
    private LocalDate receivedOn;
    private ReceiptMethod method;
    private String payer;
    private String reference;
    private ReceiptState state;
    private UUID recordedBy;
    private Instant recordedAt;
    private UUID reversedBy;
    private Instant reversedAt;
    private String reversalReason;
    /**
     * Repeats the bank reference of another standing receipt of its customer (recorded before references were held
     * unique, or brought together by a customer merge): left out of the one-reference index for finance to reverse
     * the one not meant. Set by the migration and the merge, cleared when the receipt it repeats is reversed.
     */
    private boolean referenceDuplicate;
    @MappedCollection(idColumn = "receipt", keyColumn = "receipt_key")
    private List<Allocation> allocations = new ArrayList<>();
    @Version
    private Long version;

    Receipt() {
    }

    public static Receipt record(String number, UUID customerId, BigDecimal amount, LocalDate receivedOn,
                                 ReceiptMethod method, String payer, String reference, UUID by, Instant now) {
        Receipt r = new Receipt();
        r.id = Ids.newId();
        r.number = number;
        r.customerId = customerId;
        r.amount = amount.setScale(2);
        r.allocatedAmount = BigDecimal.ZERO.setScale(2);
        r.currency = "CNY";
        r.receivedOn = receivedOn;
        r.method = method;
        r.payer = payer;
        r.reference = reference;
        r.state = ReceiptState.RECORDED;
        r.recordedBy = by;
        r.recordedAt = now;
        return r;
    }

    /** What is not yet allocated to a plan; nothing of a reversed receipt (its money never counted). */
    public BigDecimal unallocated() {
        return recorded() ? amount.subtract(allocatedAmount) : BigDecimal.ZERO.setScale(2);
    }

    /**
     * Applies {@code part} of the receipt to a plan of the same customer; refused above what is left of
     * the receipt (the plan refuses above what it owes).
     */
    public void allocate(Receivable plan, BigDecimal part, UUID by, LocalDate today, Instant now) {
        if (part == null || part.signum() <= 0 || part.scale() > 2) {
            throw new DomainException("receipt.allocation.amount");
        }
        refuseAllocationOf(part);
        if (!plan.customerId().equals(customerId)) {
            throw new DomainException("receipt.allocation.otherCustomer", plan.contractNumber());
        }
        plan.collect(part, today, now);
        allocations.add(new Allocation(plan.id(), part.setScale(2), by, now));
        allocatedAmount = allocatedAmount.add(part);
    }

    /**
     * Whether the receipt takes this much more (one part, or all of a request's parts together, asked before any
     * plan is locked): a reversed receipt takes nothing — said as such, not as "0.00 left" — and a standing one
     * no more than is left of it.
     */
    public void refuseAllocationOf(BigDecimal total) {
        if (!recorded()) {
            throw new DomainException("receipt.reversed", number);
        }
        if (total.compareTo(unallocated()) > 0) {
            throw new DomainException("receipt.allocation.exceedsReceipt", MoneyText.of(unallocated()));
        }
    }

    /**
     * 冲销 — the receipt was wrong: it is marked REVERSED with the reason, and what it paid is taken back
     * from the plans (given by id, locked by the caller).
     */
    public void reverse(String reason, java.util.Map<UUID, Receivable> plans, UUID by, LocalDate today, Instant now) {
        if (!recorded()) {
            throw new DomainException("receipt.reversed", number);
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("receipt.reversal.reason");
        }
        for (Allocation a : allocations) {
            plans.get(a.planId()).uncollect(a.amount(), today, now);
        }
        state = ReceiptState.REVERSED;
        reversalReason = reason.strip();
        reversedBy = by;
        reversedAt = now;
    }

    /**
     * What may be done with the receipt next: finance allocates what is left and reverses it while it stands; a
     * reversed receipt takes nothing more.
     */
    public Set<ReceiptAction> availableActions(boolean finance) {
        Set<ReceiptAction> actions = EnumSet.noneOf(ReceiptAction.class);
        if (finance && recorded()) {
            actions.add(ReceiptAction.REVERSE);
            if (unallocated().signum() > 0) {
                actions.add(ReceiptAction.ALLOCATE);
            }
        }
        return actions;
    }

    /**
     * Whether the receipt stands beside another standing receipt of its customer with the same bank reference, which
     * it repeats: one of the two is the transfer entered twice. A reversed receipt repeats nothing.
     */
    public boolean repeatsReference() {
        return referenceDuplicate && recorded();
    }

    /** Whether the receipt still stands (not reversed): only then is it allocated or reversed. */
    private boolean recorded() {
        return state == ReceiptState.RECORDED;
    }

    public void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public UUID customerId() { return customerId; }
    public BigDecimal amount() { return amount; }
    public BigDecimal allocatedAmount() { return allocatedAmount; }
    public String currency() { return currency; }
    public LocalDate receivedOn() { return receivedOn; }
    public ReceiptMethod method() { return method; }
    public String payer() { return payer; }
    public String reference() { return reference; }
    public ReceiptState state() { return state; }
    public UUID recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
    public UUID reversedBy() { return reversedBy; }
    public Instant reversedAt() { return reversedAt; }
    public String reversalReason() { return reversalReason; }
    public List<Allocation> allocations() { return List.copyOf(allocations); }
    public Long version() { return version; }
}

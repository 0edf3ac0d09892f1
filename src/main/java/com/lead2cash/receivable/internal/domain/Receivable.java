package com.lead2cash.receivable.internal.domain;

import com.lead2cash.contract.MilestoneType;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 回款计划 — the collection of one payment milestone of a signed contract: its type, amount, and a due date
 * or the condition it falls due on ("验收合格后 30 日内"). Receipts pay it in part or in full; past its due
 * date it is OVERDUE and aged (P2); what it still owes may be written off. The plans of a contract add up
 * to the contract amount ({@link PaymentPlan}).
 */
@Table("receivable_plan")
public class Receivable {

    @Id
    private UUID id;
    private UUID contractId;
    private String contractNumber;
    private UUID customerId;
    private UUID ownerId;
    private int position;
    private MilestoneType type;
    private BigDecimal amount;
    private BigDecimal paidAmount;
    private String currency;
    private LocalDate dueDate;
    /** The due date a plan closed on termination had: shown as its history, counted by nothing. */
    private LocalDate dueDateWhenClosed;
    private String dueCondition;
    private ReceivableState state;
    private Instant remindAt;
    private Instant remindedAt;
    private int escalationLevel;
    private String writtenOffReason;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Receivable() {
    }

    /** A new plan for a milestone; {@code remindAt} is when the rep is reminded (P1), null without a due date. */
    static Receivable plan(UUID contractId, String contractNumber, UUID customerId, UUID ownerId, int position,
                           MilestoneType type, BigDecimal amount, String currency, LocalDate dueDate,
                           String dueCondition, Instant remindAt, LocalDate today, Instant now) {
        if (amount == null || amount.signum() <= 0) {
            throw new DomainException("receivable.amount.positive");
        }
        Receivable r = new Receivable();
        r.id = Ids.newId();
        r.contractId = contractId;
        r.contractNumber = contractNumber;
        r.customerId = customerId;
        r.ownerId = ownerId;
        r.position = position;
        r.type = type;
        r.amount = amount.setScale(2);
        r.paidAmount = BigDecimal.ZERO.setScale(2);
        r.currency = currency;
        r.dueDate = dueDate;
        r.dueCondition = dueCondition;
        r.remindAt = remindAt;
        r.createdAt = now;
        r.updatedAt = now;
        r.refresh(today);
        return r;
    }

    /** What is still to collect. */
    public BigDecimal outstanding() {
        return state == ReceivableState.WRITTEN_OFF ? BigDecimal.ZERO.setScale(2) : amount.subtract(paidAmount);
    }

    /** Days past the due date while money is owed; 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        if (dueDate == null || !state.isOpen() || !today.isAfter(dueDate)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(dueDate, today);
    }

    /** The refusal of a plan no longer open: which one, and the state it is in (paid, written off). */
    private DomainException notOpen() {
        return new DomainException("receivable.notOpen", contractNumber, position, Label.of("receivable.state", state));
    }

    /** A receipt pays {@code part} of the plan: refused above what it still owes, or once paid or written off. */
    public void collect(BigDecimal part, LocalDate today, Instant now) {
        if (!state.isOpen()) {
            throw notOpen();
        }
        if (part.signum() <= 0) {
            throw new DomainException("receivable.amount.positive");
        }
        if (part.compareTo(outstanding()) > 0) {
            throw new DomainException("receivable.allocation.exceedsPlan", contractNumber, position,
                    MoneyText.of(outstanding()));
        }
        paidAmount = paidAmount.add(part);
        updatedAt = now;
        refresh(today);
    }

    /** A reversed receipt takes back what it paid on the plan. */
    public void uncollect(BigDecimal part, LocalDate today, Instant now) {
        if (part.compareTo(paidAmount) > 0) {
            throw new IllegalStateException("more taken back than paid on plan " + id);
        }
        paidAmount = paidAmount.subtract(part);
        if (state == ReceivableState.PAID) {
            state = ReceivableState.DUE; // refresh decides from the due date
        }
        updatedAt = now;
        refresh(today);
    }

    /**
     * The plan goes to its contract's new owner with the customer's open business (decision 0023) while money is
     * still to collect: a paid or written-off plan stays with the owner it was closed under.
     */
    public void handOver(UUID newOwner, Instant now) {
        if (!state.isOpen()) {
            throw notOpen();
        }
        ownerId = Objects.requireNonNull(newOwner);
        updatedAt = now;
    }

    /**
     * An amendment takes {@code part} off what the open plan still owes (补充协议减少金额); a plan that has
     * collected something is PAID once nothing is left. Refused beyond what it still owes.
     */
    public void reduceBy(BigDecimal part, LocalDate today, Instant now) {
        if (!state.isOpen()) {
            throw notOpen();
        }
        if (part.signum() <= 0 || part.compareTo(amount.subtract(paidAmount)) > 0) {
            throw new IllegalArgumentException("reduce plan " + id + " by " + part);
        }
        amount = amount.subtract(part);
        updatedAt = now;
        refresh(today);
    }

    /**
     * The due date is fixed (the condition was met: delivered, accepted) or moved; the P1 reminder follows it.
     * The date lies between the contract's signing and {@link InputRules#MAX_YEARS_AHEAD} years from today: a
     * date of 2199 would hide the plan from aging and P2 for good.
     */
    public void fallDueOn(LocalDate date, LocalDate signedOn, Instant newRemindAt, LocalDate today, Instant now) {
        if (!state.isOpen()) {
            throw notOpen();
        }
        if (date == null) {
            throw new DomainException("receivable.dueDate.required");
        }
        if (signedOn != null && date.isBefore(signedOn)) {
            throw new FieldValidationException("dueDate", "receivable.dueDate.beforeSigning", signedOn);
        }
        LocalDate latest = InputRules.latestAhead(today);
        if (date.isAfter(latest)) {
            throw new FieldValidationException("dueDate", "receivable.dueDate.tooFar", latest);
        }
        dueDate = date;
        remindAt = newRemindAt;
        remindedAt = null;
        escalationLevel = 0;
        updatedAt = now;
        refresh(today);
    }

    /**
     * Finance moves a due date already set — by the contract, its condition, or by hand — with a reason (kept in the
     * plan's history): a later date holds the plan back from aging, P2 and the collection rate. When
     * {@code reminderFollows}, the P1 reminder running for the old date now counts to the new one, so the rep's
     * reminder stands (still to confirm); otherwise the rep is reminded anew before the new date.
     */
    public void moveDueDate(LocalDate date, String reason, LocalDate signedOn, Instant newRemindAt,
                            boolean reminderFollows, LocalDate today, Instant now) {
        if (dueDate == null) {
            throw new IllegalStateException("plan " + id + " has no due date to move");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "receivable.dueDate.reasonRequired");
        }
        Instant reminded = remindedAt;
        fallDueOn(date, signedOn, reminderFollows ? null : newRemindAt, today, now);
        if (reminderFollows) {
            remindedAt = reminded;
        }
    }

    /** Whether the plan's due date is set (by the contract, its condition, or by hand): moving it is finance's. */
    public boolean dated() {
        return dueDate != null;
    }

    /** P1 — the rep was reminded (the routine's reminder went out). */
    public void reminded(Instant at) {
        remindedAt = at;
        remindAt = null;
    }

    /** P2 — the plan's escalation reached {@code level} (1 owner, 2 manager, 3 director). */
    public void escalatedTo(int level) {
        escalationLevel = Math.max(escalationLevel, level);
    }

    /** Finance writes off what an overdue plan still owes (核销), with a reason. */
    public void writeOff(String reason, Instant now) {
        if (state != ReceivableState.OVERDUE) {
            throw new DomainException("receivable.writeOff.notOverdue");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("receivable.writeOff.reason");
        }
        state = ReceivableState.WRITTEN_OFF;
        writtenOffReason = reason.strip();
        remindAt = null;
        updatedAt = now;
    }

    /** The reason recorded on a plan closed because its contract was terminated. */
    public static final String CONTRACT_TERMINATED = "contract terminated";

    /**
     * The contract was terminated effective {@code effectiveOn}: a plan not yet due (PLANNED, so nothing received) that
     * would not fall due while the contract is in force is closed (WRITTEN_OFF, reason {@link #CONTRACT_TERMINATED}),
     * its due date given up so that no collection rate counts it as due (it keeps showing it as history). Answers whether it was closed; a plan due,
     * overdue or partly paid stays for finance to collect or write off.
     */
    public boolean closeOnTermination(LocalDate effectiveOn, LocalDate today, Instant now) {
        refresh(today);
        if (state != ReceivableState.PLANNED || (dueDate != null && !dueDate.isAfter(effectiveOn))) {
            return false;
        }
        state = ReceivableState.WRITTEN_OFF;
        writtenOffReason = CONTRACT_TERMINATED;
        dueDateWhenClosed = dueDate;
        dueDate = null;
        remindAt = null;
        updatedAt = now;
        return true;
    }

    /** Whether the plan was closed because its contract was terminated. */
    public boolean closedOnTermination() {
        return state == ReceivableState.WRITTEN_OFF && CONTRACT_TERMINATED.equals(writtenOffReason);
    }

    /** The state the plan is in on {@code today}: PAID when paid in full, OVERDUE past the due date, DUE from it. */
    public boolean refresh(LocalDate today) {
        ReceivableState before = state;
        if (state == ReceivableState.WRITTEN_OFF) {
            return false;
        }
        if (paidAmount.compareTo(amount) >= 0) {
            state = ReceivableState.PAID;
            remindAt = null;
        } else if (dueDate != null && today.isAfter(dueDate)) {
            state = ReceivableState.OVERDUE;
        } else if (paidAmount.signum() > 0) {
            state = ReceivableState.PARTIALLY_PAID;
        } else if (dueDate != null && !today.isBefore(dueDate)) {
            state = ReceivableState.DUE;
        } else {
            state = ReceivableState.PLANNED;
        }
        return state != before;
    }

    /**
     * What the person may do next: finance records, moves due dates and writes off; the owner confirms the
     * reminder and fixes the due date of a plan that has none (its condition never dated it).
     */
    public Set<ReceivableAction> availableActions(boolean finance, boolean owner, LocalDate today) {
        Set<ReceivableAction> actions = EnumSet.noneOf(ReceivableAction.class);
        for (ReceivableAction action : ReceivableAction.values()) {
            if (theirs(action, finance, owner, today) && open(action)) {
                actions.add(action);
            }
        }
        return actions;
    }

    /**
     * Refuses what the person may not do: 403 when the step is not theirs (finance's, or the owner's), 422 when
     * the plan's state forbids it.
     */
    public void requireAction(ReceivableAction action, boolean finance, boolean owner, LocalDate today) {
        if (!theirs(action, finance, owner, today)) {
            throw new ForbiddenException(switch (action) {
                case RECORD_RECEIPT, WRITE_OFF -> "receivable.financeOnly";
                case SET_DUE_DATE -> owner ? "receivable.dueDate.financeOnly" : "error.forbidden";
                case CONFIRM_REMINDER -> "error.forbidden";
            });
        }
        if (!open(action)) {
            // the action and the state in the reader's words, not their codes
            throw new DomainException("receivable.action.notAllowed",
                    Label.of("receivable.action", action),
                    Label.of("receivable.state", state));
        }
    }

    /**
     * Whose step an action is. A due date once set (the contract's milestone, its condition met) is moved by finance
     * alone, with a reason: the owner or their manager moving it would hide the plan from aging, P2 and the collection
     * rate with nobody told (docs/decisions/0043). The owner may fix the date of a plan that has none.
     */
    private boolean theirs(ReceivableAction action, boolean finance, boolean owner, LocalDate today) {
        return switch (action) {
            case RECORD_RECEIPT, WRITE_OFF -> finance;
            case SET_DUE_DATE -> finance || (owner && dueDate == null);
            case CONFIRM_REMINDER -> owner;
        };
    }

    /** When a step is open: while money is owed; a write-off once overdue, a confirmation once reminded. */
    private boolean open(ReceivableAction action) {
        if (!state.isOpen()) {
            return false;
        }
        return switch (action) {
            case RECORD_RECEIPT, SET_DUE_DATE -> true;
            case WRITE_OFF -> state == ReceivableState.OVERDUE;
            case CONFIRM_REMINDER -> remindedAt != null;
        };
    }

    public UUID id() { return id; }
    public UUID contractId() { return contractId; }
    public String contractNumber() { return contractNumber; }
    public UUID customerId() { return customerId; }
    public UUID ownerId() { return ownerId; }
    public int position() { return position; }
    public MilestoneType type() { return type; }
    public BigDecimal amount() { return amount; }
    public BigDecimal paidAmount() { return paidAmount; }
    public String currency() { return currency; }
    /** The due date the plan shows: its own, or for one closed on termination the date it had then (none counts it). */
    public LocalDate dueDate() { return dueDate != null ? dueDate : dueDateWhenClosed; }
    public String dueCondition() { return dueCondition; }
    public ReceivableState state() { return state; }
    public Instant remindAt() { return remindAt; }
    public Instant remindedAt() { return remindedAt; }
    public int escalationLevel() { return escalationLevel; }
    public String writtenOffReason() { return writtenOffReason; }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }

    /** Optimistic locking: the save fails with 409 when the plan changed since {@code expected} was read. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }
}

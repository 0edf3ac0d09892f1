package com.lead2cash.receivable.internal;

import com.lead2cash.contract.ContractAmended;
import com.lead2cash.contract.ContractSigned;
import com.lead2cash.contract.Contracts;
import com.lead2cash.order.ContractDeliveries;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.receivable.internal.domain.PaymentPlan;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableAction;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment plan of a signed contract (回款计划): made from the contract's milestones when it is signed,
 * once; the due date of a plan due on a condition fixed when the condition is met; the rep's
 * confirmation that the customer was reminded (P1); finance's write-off of an overdue plan.
 */
@Service
public class ReceivablePlanning {

    static final int MAX_DUE_DATE_REASON = 500;

    private static final Logger log = LoggerFactory.getLogger(ReceivablePlanning.class);

    private final ReceivableRepository plans;
    private final Contracts contracts;
    private final ReceivablePolicy policy;
    private final ReceivableAccess access;
    private final Deadlines deadlines;
    private final ContractDeliveries deliveries;
    private final DueDateChanges changes;

    ReceivablePlanning(ReceivableRepository plans, Contracts contracts, ReceivablePolicy policy,
                       ReceivableAccess access, Deadlines deadlines, ContractDeliveries deliveries,
                       DueDateChanges changes) {
        this.plans = plans;
        this.contracts = contracts;
        this.policy = policy;
        this.access = access;
        this.deadlines = deadlines;
        this.deliveries = deliveries;
        this.changes = changes;
    }

    @ApplicationModuleListener
    void on(ContractSigned signed) {
        plan(signed.contractId());
    }

    /**
     * The customer accepted a delivery: acceptance payments due on a condition fall due (验收款) once the contract's
     * goods are all accepted, from the day the last were (docs/decisions/0025).
     */
    @ApplicationModuleListener
    void on(com.lead2cash.order.OrderAccepted accepted) {
        ContractDeliveries.Fulfilment f = deliveries.fulfilment(accepted.contractId());
        LocalDate day = f.sellsProducts() ? f.allAcceptedOn() : accepted.acceptedOn();
        if (day != null) {
            conditionMet(accepted.contractId(), com.lead2cash.contract.MilestoneType.ACCEPTANCE, day);
        }
    }

    /**
     * Goods arrived: payments on delivery due on a condition fall due (到货款) once the contract's goods are all
     * delivered, from the day the last were; a contract of an amount only, by its first delivery (docs/decisions/0025).
     */
    @ApplicationModuleListener
    void on(com.lead2cash.order.OrderDelivered delivered) {
        ContractDeliveries.Fulfilment f = deliveries.fulfilment(delivered.contractId());
        LocalDate day = f.sellsProducts() ? f.allDeliveredOn() : delivered.deliveredOn();
        if (day != null) {
            conditionMet(delivered.contractId(), com.lead2cash.contract.MilestoneType.ON_DELIVERY, day);
        }
    }

    /**
     * The event a milestone waited for happened on {@code day}: its plans without a due date fall due that
     * day plus the days the condition grants ("验收合格后 30 日内" → 30 days later).
     */
    @Transactional
    public void conditionMet(UUID contractId, com.lead2cash.contract.MilestoneType type, LocalDate day) {
        plan(contractId);
        for (Receivable r : plans.findByContract(contractId)) {
            if (r.type() == type && r.dueDate() == null && r.state().isOpen()) {
                LocalDate due = day.plusDays(daysGranted(r.dueCondition()));
                Receivable locked = plans.findByIdForUpdate(r.id()).orElseThrow();
                if (locked.dueDate() != null || !locked.state().isOpen()) {
                    continue; // dated or closed meanwhile
                }
                locked.fallDueOn(due, signedOn(locked), remindAt(due), policy.today(), policy.now());
                plans.save(locked);
            }
        }
    }

    private static final java.util.regex.Pattern DAYS = java.util.regex.Pattern.compile("(\\d{1,3})\\s*(?:个)?(?:日|天|工作日|days?)");

    /** The days a due condition grants after its event; none when it names none. */
    static int daysGranted(String condition) {
        if (condition == null) {
            return 0;
        }
        java.util.regex.Matcher m = DAYS.matcher(condition);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final java.util.regex.Pattern SIGNING = java.util.regex.Pattern.compile("签订|签约|签署|(?i)\\bsign");
    // "签收" is the goods signed for, "验收签字" the acceptance: a condition naming another event waits for it
    private static final java.util.regex.Pattern OTHER_EVENT = java.util.regex.Pattern.compile(
            "到货|验收|交付|发货|签收|安装|上线|质保|(?i)deliver|accept|ship|install|warrant");

    /** Whether a due condition is counted from the contract's signing ("合同签订后 7 日内", "签约时"). */
    static boolean countsFromSigning(String condition) {
        return condition != null && SIGNING.matcher(condition).find() && !OTHER_EVENT.matcher(condition).find();
    }

    /**
     * A milestone counted from signing falls due when the plan is made, the signing being its event: the
     * signing day plus the days the condition grants, reminded (P1) as a delivery's plan is.
     */
    private void dateFromSigning(Receivable r, LocalDate signedOn) {
        if (r.dueDate() == null && countsFromSigning(r.dueCondition())) {
            LocalDate due = signedOn.plusDays(daysGranted(r.dueCondition()));
            r.fallDueOn(due, signedOn, remindAt(due), policy.today(), policy.now());
        }
    }

    /** Plans the signed contract's milestones unless it is planned already; the plans, in milestone order. */
    @Transactional
    public List<Receivable> plan(UUID contractId) {
        List<Receivable> existing = plans.findByContract(contractId);
        if (!existing.isEmpty()) {
            return existing;
        }
        Contracts.SignedContract c = contracts.signed(contractId)
                .orElseThrow(() -> new DomainException("receivable.contractNotSigned"));
        ReceivableRules rules = policy.rules();
        List<Receivable> made = PaymentPlan.of(c, this::remindAt, policy.today(), policy.now());
        made.forEach(r -> dateFromSigning(r, c.signedOn()));
        plans.saveAll(made);
        log.info("Payment plan of contract {}: {} plans", c.number(), made.size());
        if (!c.amendments().isEmpty()) { // amended before its plan was made: plan the difference too
            apply(PaymentPlan.toAmount(plans.findByContract(contractId), c.currentAmount(),
                    c.amendments().get(c.amendments().size() - 1).number(), policy.today(), policy.now()));
        }
        return plans.findByContract(contractId);
    }

    /**
     * An amendment changed the contract's amount: the plans are brought to it in the amendment's own
     * transaction — the unpaid part re-planned — or, when the new amount is below what was already
     * collected or settled, the refusal (422) undoes the amendment. A contract not yet planned is left to
     * {@link #plan}, which plans its amendments too.
     */
    @EventListener
    void on(ContractAmended amended) {
        List<Receivable> current = plans.findByContract(amended.contractId());
        if (current.isEmpty()) {
            return;
        }
        List<Receivable> locked = new java.util.ArrayList<>(plans.lockAll(current.stream().map(Receivable::id).toList()));
        locked.sort(java.util.Comparator.comparingInt(Receivable::position));
        apply(PaymentPlan.toAmount(locked, amended.amount(), amended.amendmentNumber(), policy.today(), policy.now()));
        log.info("Payment plan of contract {} re-planned to {} by amendment {}", locked.get(0).contractNumber(),
                amended.amount().toPlainString(), amended.amendmentNumber());
    }

    private void apply(PaymentPlan.Replan replan) {
        if (replan.changesNothing()) {
            return;
        }
        Instant now = policy.now();
        for (Receivable r : replan.dropped()) {
            if (plans.hasAllocations(r.id())) { // a reversed receipt once paid it: its history stays
                throw new DomainException("receivable.amendment.planHasReceipts", r.contractNumber(), r.position());
            }
            deadlines.cancel(ReceivableRules.REMINDER, subject(r));
            plans.delete(r);
        }
        for (Receivable r : replan.reduced()) {
            if (!r.state().isOpen()) { // nothing left to collect: the reminder is done with
                deadlines.meet(ReceivableRules.REMINDER, subject(r), now);
            }
        }
        plans.saveAll(replan.reduced());
        if (replan.added() != null) {
            plans.save(replan.added());
        }
    }

    /** The plans of a contract the reader may see (its owner within scope). */
    @Transactional(readOnly = true)
    public List<Receivable> ofContract(UUID contractId) {
        return plans.findByContract(contractId).stream().filter(r -> access.scope().covers(r.ownerId())).toList();
    }

    /**
     * The plans card of a contract's page: {@link #ofContract}, for a reader who may open the contract; another
     * team's contract is not found ({@link ReceivableAccess#requireOpenableContract}).
     */
    @Transactional(readOnly = true)
    public List<Receivable> ofOpenableContract(UUID contractId) {
        access.requireOpenableContract(contractId);
        return ofContract(contractId);
    }

    /**
     * Sets a plan's due date by hand: the rep fixes the date of a plan that has none (its condition never dated it);
     * finance moves one already set, with a reason (docs/decisions/0043). Either is kept in the plan's history and
     * audited; a move is told to the rep and their manager. A P1 reminder running for the old date counts to the new
     * one; when the new date has begun already the reminder can no longer be met in time and is cancelled (the plan
     * is due, and aging takes over), and with none running the rep is reminded before the new date.
     */
    @Transactional
    public Receivable setDueDate(UUID id, LocalDate dueDate, String reason, Long version) {
        Receivable r = access.visibleForUpdate(id);
        require(r, ReceivableAction.SET_DUE_DATE);
        if (reason != null) {
            // a line in the plan's history and the notice's title, as long as the page's field takes
            InputRules.requireFieldText("reason", reason, MAX_DUE_DATE_REASON);
        }
        r.expectVersion(version);
        UUID actor = CurrentUser.require().id();
        Instant now = policy.now();
        if (!r.dated()) {
            deadlines.cancel(ReceivableRules.REMINDER, subject(r));
            r.fallDueOn(dueDate, signedOn(r), remindAt(dueDate), policy.today(), now);
            Receivable saved = plans.save(r);
            changes.set(saved, reason, actor, now);
            return saved;
        }
        LocalDate before = r.dueDate();
        if (dueDate != null && dueDate.equals(before)) {
            return r; // nothing moves
        }
        boolean follows = false;
        if (dueDate != null && startOf(dueDate, policy.zone()).isAfter(now)) {
            follows = deadlines.moveDue(ReceivableRules.REMINDER, subject(r), startOf(dueDate, policy.zone()));
        }
        if (!follows) {
            deadlines.cancel(ReceivableRules.REMINDER, subject(r)); // a breached one stays counted as breached
        }
        r.moveDueDate(dueDate, reason, signedOn(r), remindAt(dueDate), follows, policy.today(), now);
        Receivable saved = plans.save(r);
        changes.moved(saved, before, reason.strip(), actor, now);
        return saved;
    }

    /** P1 — the rep reminded the customer: the reminder deadline is met. */
    @Transactional
    public Receivable customerReminded(UUID id) {
        Receivable r = access.visibleForUpdate(id);
        require(r, ReceivableAction.CONFIRM_REMINDER);
        deadlines.meet(ReceivableRules.REMINDER, subject(r), policy.now());
        return r;
    }

    /** 核销 — finance writes off what an overdue plan still owes, with a reason. */
    @Transactional
    public Receivable writeOff(UUID id, String reason, Long version) {
        Receivable r = access.visibleForUpdate(id);
        require(r, ReceivableAction.WRITE_OFF);
        InputRules.requireFieldText("reason", reason, InputRules.MAX_TEXT);
        r.expectVersion(version);
        r.writeOff(reason, policy.now());
        deadlines.cancel(ReceivableRules.REMINDER, subject(r));
        return plans.save(r);
    }

    /** P1 — when the rep is reminded of a plan due that day; none when the day has begun already. */
    private Instant remindAt(LocalDate dueDate) {
        if (dueDate == null || !startOf(dueDate, policy.zone()).isAfter(policy.now())) {
            return null;
        }
        return policy.rules().remindAt(dueDate, policy.zone());
    }

    /** What the current user may do with the plan. */
    public java.util.Set<ReceivableAction> actions(Receivable r) {
        return r.availableActions(ReceivableAccess.isFinance(CurrentUser.require()), access.works(r), policy.today());
    }

    private void require(Receivable r, ReceivableAction action) {
        r.requireAction(action, ReceivableAccess.isFinance(CurrentUser.require()), access.works(r), policy.today());
    }

    /** The day the plan's contract was signed: no plan falls due before it. */
    private LocalDate signedOn(Receivable r) {
        return contracts.signed(r.contractId()).map(Contracts.SignedContract::signedOn).orElse(null);
    }

    static SubjectRef subject(Receivable r) {
        return SubjectRef.of(ReceivableAccess.SUBJECT, r.id());
    }

    static Instant startOf(LocalDate day, java.time.ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}

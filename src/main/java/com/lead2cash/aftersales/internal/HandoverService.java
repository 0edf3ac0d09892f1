package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.AftersalesRules;
import com.lead2cash.aftersales.internal.domain.Handover;
import com.lead2cash.aftersales.internal.domain.HandoverRepository;
import com.lead2cash.aftersales.internal.domain.HandoverStatus;
import com.lead2cash.contract.ContractSigned;
import com.lead2cash.contract.ContractTerminated;
import com.lead2cash.contract.Contracts;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handover of a signed customer (客户交接, H1): opened when the contract is signed, with the rep's
 * deadline to hand over; the checklist; the hand-over to an after-sales owner with their deadline to
 * accept or return; acceptance (they serve the customer from then on) or return with questions (the
 * rep's deadline runs again).
 * <p>Its notices that ask for a step — to hand over ({@link #REP_NOTICES}: opened, returned) and to accept or return
 * ({@link #OWNER_NOTICE}) — are sent about the handover and settled once that step is taken, the contract is
 * terminated, or (the rep's) the handover goes to another rep; those that tell what happened stay as they are.
 */
@Service
@Transactional
public class HandoverService {

    /** The rep's notices asking to hand the customer over (first, or again after a return). */
    static final List<NotificationKind> REP_NOTICES = List.of(NotificationKind.AFTERSALES_HANDOVER_OPENED,
            NotificationKind.AFTERSALES_HANDOVER_RETURNED);
    /** The after-sales owner's notice asking to accept or return the handover. */
    static final NotificationKind OWNER_NOTICE = NotificationKind.AFTERSALES_HANDOVER_SUBMITTED;

    private final HandoverRepository handovers;
    private final AftersalesAccess access;
    private final Contracts contracts;
    private final CustomerDirectory customers;
    private final Deadlines deadlines;
    private final BusinessCalendar calendar;
    private final SopPolicy policy;
    private final OrgDirectory org;
    private final Notifier notifier;
    private final HumanCodes codes;
    private final Clock clock;

    HandoverService(HandoverRepository handovers, AftersalesAccess access, Contracts contracts,
                    CustomerDirectory customers, Deadlines deadlines,
                    BusinessCalendar calendar, SopPolicy policy, OrgDirectory org, Notifier notifier, HumanCodes codes,
                    Clock clock) {
        this.handovers = handovers;
        this.access = access;
        this.contracts = contracts;
        this.customers = customers;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.policy = policy;
        this.org = org;
        this.notifier = notifier;
        this.codes = codes;
        this.clock = clock;
    }

    /** H1: a signed contract opens its handover, and the rep's window to hand the customer over starts. */
    @ApplicationModuleListener
    void on(ContractSigned signed) {
        if (handovers.existsByContractId(signed.contractId())) {
            return;
        }
        Instant now = clock.instant();
        String customerName = contracts.signed(signed.contractId()).map(Contracts.SignedContract::buyerName)
                .orElse(signed.number());
        Handover h = Handover.open(codes.next("HO", "aftersales_handover_seq"), signed.contractId(), signed.number(),
                signed.customerId(), customerName, signed.ownerId(), now);
        handovers.save(h);
        deadlines.open(AftersalesRules.HANDOVER, handoverSubject(h), h.repId(), now);
        askRepToHandOver(notifier, h);
    }

    /**
     * A terminated contract stops its handover: the H1 deadlines running on it close, and the after-sales owner (or,
     * before it was handed over, the rep) is told. An accepted handover only says so: the customer is served already.
     */
    @ApplicationModuleListener
    void on(ContractTerminated terminated) {
        handovers.findByContractId(terminated.contractId()).flatMap(h -> handovers.findLockedById(h.id()))
                .filter(h -> h.contractTerminated(terminated.effectiveOn()))
                .ifPresent(h -> {
                    handovers.save(h);
                    deadlines.cancel(AftersalesRules.HANDOVER, handoverSubject(h));
                    deadlines.cancel(AftersalesRules.HANDOVER, reviewSubject(h));
                    // nothing is left to hand over, accept or return
                    settleRepNotices(notifier, h.id());
                    notifier.settle(OWNER_NOTICE, h.id());
                    notifier.send(Notification.of(h.serviceOwnerId() != null ? h.serviceOwnerId() : h.repId(),
                            NotificationKind.AFTERSALES_HANDOVER_CONTRACT_TERMINATED,
                            "aftersales.notify.handoverContractTerminated",
                            "/handovers/" + h.id(), h.code(), h.customerName(), terminated.number(),
                            terminated.effectiveOn().toString()));
                });
    }

    @Transactional(readOnly = true)
    public Handover get(UUID id) {
        return access.handover(id, false);
    }

    /** The rep writes the checklist. */
    public Handover writeChecklist(UUID id, Handover.Checklist checklist, Long version) {
        Handover h = locked(id, version, Handover.Action.EDIT_CHECKLIST);
        h.writeChecklist(checklist, access.actor(h));
        return handovers.save(h);
    }

    /** H1: the rep hands the customer over; the after-sales owner's window to accept starts. */
    public Handover handOver(UUID id, UUID serviceOwnerId, Long version) {
        Handover h = locked(id, version, Handover.Action.HAND_OVER);
        if (serviceOwnerId != null && org.person(serviceOwnerId).filter(p -> p.active() && p.roles().contains(Role.AFTER_SALES))
                .isEmpty()) {
            throw new FieldValidationException("serviceOwnerId", "aftersales.error.notAfterSales");
        }
        Instant now = clock.instant();
        h.handOver(serviceOwnerId, customers.contacts(h.customerId()).stream().map(CustomerDirectory.ContactRef::id).toList(),
                access.actor(h), now);
        Handover saved = handovers.save(h);
        deadlines.meet(AftersalesRules.HANDOVER, handoverSubject(h), now);
        AftersalesRules rules = policy.current().bind(AftersalesRules.class);
        deadlines.openUntil(AftersalesRules.HANDOVER, reviewSubject(h), serviceOwnerId, now,
                calendar.due(now, rules.acceptanceWindow()));
        settleRepNotices(notifier, h.id());
        notifier.send(Notification.of(serviceOwnerId, OWNER_NOTICE,
                "aftersales.notify.handoverSubmitted", "/handovers/" + h.id(), h.code(), h.customerName()).about(h.id()));
        return saved;
    }

    /** H1: the after-sales owner accepts the customer. */
    public Handover accept(UUID id, Long version) {
        Handover h = locked(id, version, Handover.Action.ACCEPT);
        Instant now = clock.instant();
        h.accept(access.actor(h), now);
        Handover saved = handovers.save(h);
        deadlines.meet(AftersalesRules.HANDOVER, reviewSubject(h), now);
        notifier.settle(OWNER_NOTICE, h.id());
        notifier.send(Notification.of(h.repId(), NotificationKind.AFTERSALES_HANDOVER_ACCEPTED,
                "aftersales.notify.handoverAccepted",
                "/handovers/" + h.id(), h.code(), h.customerName()));
        return saved;
    }

    /** H1: the after-sales owner returns the handover with questions; the rep's window runs again. */
    public Handover returnWithQuestions(UUID id, String questions, Long version) {
        Handover h = locked(id, version, Handover.Action.RETURN);
        Instant now = clock.instant();
        h.returnWithQuestions(questions, access.actor(h), now);
        Handover saved = handovers.save(h);
        deadlines.meet(AftersalesRules.HANDOVER, reviewSubject(h), now);
        deadlines.open(AftersalesRules.HANDOVER, handoverSubject(h), h.repId(), now);
        notifier.settle(OWNER_NOTICE, h.id());
        askRepToHandOver(notifier, h);
        return saved;
    }

    /** Who serves the customer now (its accepted handover's owner), if anyone. */
    @Transactional(readOnly = true)
    public Optional<UUID> servedBy(UUID customerId) {
        return handovers.findServiceOwner(customerId);
    }

    /** The handover to act on: who asks (403) and its status (422) are checked before its version (409) and the input. */
    private Handover locked(UUID id, Long version, Handover.Action action) {
        Handover h = access.handover(id, true);
        h.require(action, access.actor(h));
        com.lead2cash.platform.Versions.requireCurrent(h.version(), version);
        return h;
    }

    /**
     * Asks the handover's rep to hand the customer over, about the handover: "hand over" while it was never handed over,
     * "returned with questions" after the after-sales owner returned it. Nothing while the hand-over step is not open
     * (handed over and waiting for the after-sales owner, accepted, or its contract terminated).
     */
    static void askRepToHandOver(Notifier notifier, Handover h) {
        if (!h.availableActions(new Handover.Actor(h.repId(), true)).contains(Handover.Action.HAND_OVER)) {
            return;
        }
        boolean returned = h.status() == HandoverStatus.RETURNED;
        notifier.send(Notification.of(h.repId(), returned ? NotificationKind.AFTERSALES_HANDOVER_RETURNED
                        : NotificationKind.AFTERSALES_HANDOVER_OPENED,
                returned ? "aftersales.notify.handoverReturned" : "aftersales.notify.handoverOpened",
                "/handovers/" + h.id(), h.code(), h.customerName()).about(h.id()));
    }

    /** The handover's rep has nothing left to hand over (handed over, stopped, or given to another rep). */
    static void settleRepNotices(Notifier notifier, UUID handoverId) {
        REP_NOTICES.forEach(kind -> notifier.settle(kind, handoverId));
    }

    static SubjectRef handoverSubject(Handover h) {
        return SubjectRef.of(AftersalesAccess.HANDOVER, h.id());
    }

    static SubjectRef reviewSubject(Handover h) {
        return SubjectRef.of(AftersalesAccess.HANDOVER_REVIEW, h.id());
    }
}

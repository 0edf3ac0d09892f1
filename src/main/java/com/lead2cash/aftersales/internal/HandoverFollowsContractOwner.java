package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.internal.domain.AftersalesRules;
import com.lead2cash.aftersales.internal.domain.HandoverRepository;
import com.lead2cash.aftersales.internal.domain.HandoverStatus;
import com.lead2cash.contract.ContractOwnerChanged;
import com.lead2cash.notification.Notifier;
import com.lead2cash.sop.Deadlines;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contract handed over with its customer's open business (decision 0023): its handover, until accepted, goes to the
 * new rep with the rep's H1 deadline (to hand the customer over); the after-sales owner's deadline to accept stays
 * theirs. In the transfer's transaction. The previous rep's notices asking to hand it over are settled: it is not
 * theirs to hand over any more; the new rep is asked instead, as the rep was when it was opened or returned (in their own
 * language, as every notice reads) — unless it is handed over already and waits for the after-sales owner.
 */
@Component
class HandoverFollowsContractOwner {

    private final HandoverRepository handovers;
    private final Deadlines deadlines;
    private final Notifier notifier;

    HandoverFollowsContractOwner(HandoverRepository handovers, Deadlines deadlines, Notifier notifier) {
        this.handovers = handovers;
        this.deadlines = deadlines;
        this.notifier = notifier;
    }

    @EventListener
    void on(ContractOwnerChanged changed) {
        handovers.findByContractId(changed.contractId())
                .filter(h -> h.status() != HandoverStatus.ACCEPTED && h.repId().equals(changed.previousOwnerId()))
                .flatMap(h -> handovers.findLockedById(h.id()))
                .ifPresent(h -> {
                    h.passToRep(changed.newOwnerId());
                    deadlines.transfer(AftersalesRules.HANDOVER, HandoverService.handoverSubject(handovers.save(h)),
                            changed.newOwnerId());
                    HandoverService.settleRepNotices(notifier, h.id());
                    HandoverService.askRepToHandOver(notifier, h);
                });
    }
}

package com.lead2cash.receivable.internal;

import com.lead2cash.contract.ContractOwnerChanged;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import com.lead2cash.sop.Deadlines;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contract handed over with its customer's open business (decision 0023): its payment plans with money still to
 * collect go to the new owner, who collects them, with their reminder deadlines (P1). In the transfer's transaction.
 */
@Component
class PlansFollowContractOwner {

    private final ReceivableRepository plans;
    private final Deadlines deadlines;
    private final Clock clock;

    PlansFollowContractOwner(ReceivableRepository plans, Deadlines deadlines, Clock clock) {
        this.plans = plans;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventListener
    void on(ContractOwnerChanged changed) {
        for (Receivable r : plans.findOpenOfContractOwnedByForUpdate(changed.contractId(), changed.previousOwnerId())) {
            r.handOver(changed.newOwnerId(), clock.instant());
            deadlines.transfer(ReceivableRules.REMINDER, ReceivablePlanning.subject(plans.save(r)), changed.newOwnerId());
        }
    }
}

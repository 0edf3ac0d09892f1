package com.lead2cash.contract.internal;

import com.lead2cash.contract.ContractOwnerChanged;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractRepository;
import com.lead2cash.contract.internal.domain.ContractRules;
import com.lead2cash.customer.CustomerOwnerChanged;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.Deadlines;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer transferred with its open business (decision 0023): the previous owner's contracts of it that are not
 * closed go to the new owner with their signing and archiving deadlines (K3, K4 — the review deadlines belong to the
 * reviewers), a line on each contract's timeline, and {@link ContractOwnerChanged} for what hangs under the contract.
 * In the transfer's transaction.
 */
@Component
class ContractsFollowCustomerOwner {

    private final ContractRepository contracts;
    private final ContractEvents timeline;
    private final Deadlines deadlines;
    private final OrgDirectory org;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractsFollowCustomerOwner(ContractRepository contracts, ContractEvents timeline, Deadlines deadlines,
                                 OrgDirectory org, ApplicationEventPublisher events, Clock clock) {
        this.contracts = contracts;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.org = org;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CustomerOwnerChanged changed) {
        if (!changed.handsOverOpenBusiness()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String to = org.person(changed.newOwnerId()).map(OrgDirectory.Person::displayName).orElse("");
        for (Contract c : contracts.findOpenOfCustomerOwnedByForUpdate(changed.customerId(), changed.previousOwnerId())) {
            c.handOver(changed.newOwnerId(), now);
            Contract saved = contracts.save(c);
            deadlines.transfer(ContractRules.SIGNING, ContractLifecycle.subject(saved), changed.newOwnerId());
            deadlines.transfer(ContractRules.ARCHIVING, ContractLifecycle.subject(saved), changed.newOwnerId());
            timeline.record(saved.id(), "HANDED_OVER", CurrentUser.get().map(CurrentUser::id).orElse(null), to, now);
            events.publishEvent(new ContractOwnerChanged(saved.id(), changed.previousOwnerId(), changed.newOwnerId()));
        }
    }
}

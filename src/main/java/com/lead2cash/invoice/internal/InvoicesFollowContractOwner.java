package com.lead2cash.invoice.internal;

import com.lead2cash.contract.ContractOwnerChanged;
import com.lead2cash.invoice.internal.domain.Invoice;
import com.lead2cash.invoice.internal.domain.InvoiceRepository;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A contract handed over with its customer's open business (decision 0023): its invoices go with it, as an invoice is
 * seen through its contract's owner. The approval of a request pending belongs to finance and stays. In the transfer's
 * transaction.
 */
@Component
class InvoicesFollowContractOwner {

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoicesFollowContractOwner(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @EventListener
    void on(ContractOwnerChanged changed) {
        for (Invoice inv : invoices.findOfContractOwnedByForUpdate(changed.contractId(), changed.previousOwnerId())) {
            inv.handOver(changed.newOwnerId(), clock.instant());
            invoices.save(inv);
        }
    }
}

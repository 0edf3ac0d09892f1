package com.lead2cash.invoice;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What has been invoiced on contracts (已开票): issued invoices, red-letter reversals taken off. */
public interface ContractInvoicing {

    /** The issued amount per contract; contracts with nothing issued are absent. */
    Map<UUID, BigDecimal> invoiced(Collection<UUID> contractIds);

    /** Requests finance still has to act on — waiting for approval or approved and not yet issued — oldest first. */
    java.util.List<Waiting> waiting(int limit);

    record Waiting(UUID id, String number, UUID contractId, String contractNumber, String buyerName, BigDecimal amount,
                   String status, java.time.Instant requestedAt) {
    }
}

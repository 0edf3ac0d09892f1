package com.lead2cash.contract;

import java.util.UUID;

/**
 * A contract went to another owner with its customer's open business (docs/decisions/0023). Published in the
 * transaction of the change: the modules that keep records under the contract's owner (orders, payment plans,
 * invoices, handovers) move theirs in it too, with a synchronous listener, so the change is all or nothing.
 */
public record ContractOwnerChanged(UUID contractId, UUID previousOwnerId, UUID newOwnerId) {
}

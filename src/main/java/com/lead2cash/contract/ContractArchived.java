package com.lead2cash.contract;

import java.util.UUID;

/** A signed contract was archived with its key data (K4). */
public record ContractArchived(UUID contractId, String number, UUID customerId) {
}

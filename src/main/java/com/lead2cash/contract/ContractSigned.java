package com.lead2cash.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A contract was signed (K3): receivables plan its milestones, orders and the handover follow. */
public record ContractSigned(UUID contractId, String number, UUID customerId, UUID opportunityId, UUID ownerId,
                             BigDecimal amount, LocalDate signedOn) {
}

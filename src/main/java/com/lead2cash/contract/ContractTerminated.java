package com.lead2cash.contract;

import java.time.LocalDate;
import java.util.UUID;

/** A contract was terminated (合同终止) with a reason, effective on a day; {@code wasSigned} tells whether it had been signed. */
public record ContractTerminated(UUID contractId, String number, UUID customerId, boolean wasSigned,
                                 LocalDate effectiveOn) {
}

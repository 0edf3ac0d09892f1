package com.lead2cash.opportunity;

import java.util.UUID;

/**
 * Whether an opportunity has a signed contract (合同签订): an opportunity is won by its signing, so marking it won
 * by hand needs one — a contract signed while the opportunity stood elsewhere in the pipeline. The contract module
 * answers from its own records; it depends on this module, so this one cannot name it.
 */
public interface SignedContracts {

    /** A contract of the opportunity is signed (or signed and archived). */
    boolean existFor(UUID opportunityId);
}

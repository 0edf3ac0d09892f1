package com.lead2cash.customer;

import java.util.UUID;

/**
 * Implemented by a module that keeps records of a customer (opportunities, needs analyses…): when two
 * customers merge, the customer module calls every participant inside the merge's transaction, so
 * the merge moves everything or nothing.
 */
public interface CustomerMergeParticipant {

    /** Moves the module's records of {@code mergedId} to {@code survivorId}; returns how many moved. */
    int moveToSurvivor(UUID mergedId, UUID survivorId);

    /** A short name of what moves, for the audit trail ("opportunities"). */
    String what();
}

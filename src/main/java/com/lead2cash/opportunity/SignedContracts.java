package com.lead2cash.opportunity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Whether an opportunity has a signed contract (合同签订): an opportunity is won by its signing, so marking it won
 * by hand needs one — a contract signed while the opportunity stood elsewhere in the pipeline; and whether it has one
 * under way, which keeps it from being marked lost. The contract module
 * answers from its own records; it depends on this module, so this one cannot name it.
 */
public interface SignedContracts {

    /** A contract of the opportunity is signed (or signed and archived). */
    boolean existFor(UUID opportunityId);

    /**
     * The number of the contract under way of each of these opportunities that has one — drafted, in review, revising
     * or approved: neither signed nor terminated (an opportunity has at most one live contract). While it is under way
     * the opportunity is not marked lost: its contract would go on to be signed for a lost opportunity; it is terminated
     * first. Opportunities without one are absent; one query for the batch.
     */
    default Map<UUID, String> underWayFor(Collection<UUID> opportunityIds) {
        return Map.of();
    }
}

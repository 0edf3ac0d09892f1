package com.lead2cash.opportunity;

import java.util.UUID;

/**
 * Whether the customer accepted a quote of an opportunity: from then its amount is the accepted quote's total, not
 * corrected by hand (decision 0030). The quote module answers from its own records; it depends on this module, so this
 * one cannot name it.
 */
public interface AcceptedQuotes {

    /** A quote of the opportunity is accepted. */
    boolean existFor(UUID opportunityId);
}

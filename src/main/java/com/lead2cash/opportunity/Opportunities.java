package com.lead2cash.opportunity;

import java.math.BigDecimal;
import java.util.UUID;

/** Opens opportunities for other modules (a converting lead). */
public interface Opportunities {

    /** Opens an opportunity in DISCOVERY for the customer; returns its id. */
    UUID open(NewOpportunity opportunity);

    record NewOpportunity(UUID customerId, String name, BigDecimal amount, UUID ownerId, String sourceLeadCode) {
    }
}

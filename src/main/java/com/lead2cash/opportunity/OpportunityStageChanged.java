package com.lead2cash.opportunity;

import java.util.UUID;

/** An opportunity moved from one stage to another (a lost one names its reason's code). */
public record OpportunityStageChanged(UUID opportunityId, UUID customerId, Stage from, Stage to, String lostReason) {
}

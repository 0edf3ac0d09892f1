package com.lead2cash.opportunity;

import java.util.UUID;

/** An opportunity has a new owner; records that follow its scope (quotes, minutes) follow the owner. */
public record OpportunityOwnerChanged(UUID opportunityId, UUID from, UUID to) {
}

package com.lead2cash.lead;

import java.util.UUID;

/** A lead became a customer (and maybe an opportunity); published after the conversion commits. */
public record LeadConverted(UUID leadId, String leadCode, UUID customerId, UUID contactId, UUID opportunityId,
                            UUID ownerId) {
}

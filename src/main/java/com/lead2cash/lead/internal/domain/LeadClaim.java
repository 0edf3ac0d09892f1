package com.lead2cash.lead.internal.domain;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A rep's claim of a pool lead (认领), kept for contests ({@link Lead#claim}). */
@Table("lead_claim")
public record LeadClaim(UUID userId, Instant claimedAt) {
}

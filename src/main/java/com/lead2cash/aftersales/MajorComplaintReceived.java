package com.lead2cash.aftersales;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint of a level-I severity (重大投诉, S3) was received or reclassified as one: the incident
 * process reports and resolves it as a level-I incident (E1). Carries ids and values only.
 */
public record MajorComplaintReceived(UUID complaintId, String code, UUID customerId, UUID handlerId,
                                     Instant receivedAt) {
}

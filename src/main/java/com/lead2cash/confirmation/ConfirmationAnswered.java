package com.lead2cash.confirmation;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact answered a confirmation. The owning module of {@code subjectType} reacts (meets its SOP
 * deadline, moves its record on). {@code documentSha256} is the hash of the version the contact saw.
 */
public record ConfirmationAnswered(UUID confirmationId, String subjectType, String subjectId, int subjectVersion,
                                   Purpose purpose, Purpose.Outcome outcome, String answeredName, Instant answeredAt,
                                   Integer rating, String comment, String documentSha256) {
}

package com.lead2cash.customer;

import java.util.UUID;

/**
 * Two customers were found to be one company and merged: everything of {@code mergedId} now belongs
 * to {@code survivorId}. Published after the {@link CustomerMergeParticipant}s have moved their
 * records in the merge's own transaction; listeners may refresh what they derived from either.
 */
public record CustomersMerged(UUID survivorId, UUID mergedId) {
}

package com.lead2cash.customer;

import java.util.UUID;

/**
 * A customer changed hands: transferred by a manager, claimed from the public pool, or returned to it
 * ({@code newOwnerId} null). Modules holding deadlines or work for the customer's owner move them.
 */
public record CustomerOwnerChanged(UUID customerId, UUID previousOwnerId, UUID newOwnerId) {
}

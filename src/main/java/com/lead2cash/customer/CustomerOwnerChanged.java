package com.lead2cash.customer;

import java.util.UUID;

/**
 * A customer changed hands: transferred by a manager, claimed from the public pool, or returned to it
 * ({@code newOwnerId} null). Modules holding deadlines or work for the customer's owner move them.
 * <p>
 * {@code openBusinessFollows}: a transfer that takes the customer's open business along (docs/decisions/0023): each
 * module that keeps such records gives the new owner those the previous owner held and that are still open, with
 * their deadlines, in the transaction of the transfer (a synchronous listener), so the transfer moves all or nothing.
 */
public record CustomerOwnerChanged(UUID customerId, UUID previousOwnerId, UUID newOwnerId, boolean openBusinessFollows) {

    /** A change that moves the customer only (a claim from the pool, a return to it). */
    public CustomerOwnerChanged(UUID customerId, UUID previousOwnerId, UUID newOwnerId) {
        this(customerId, previousOwnerId, newOwnerId, false);
    }

    /** The open business of the previous owner goes to the new one (a transfer between two people that says so). */
    public boolean handsOverOpenBusiness() {
        return openBusinessFollows && previousOwnerId != null && newOwnerId != null && !previousOwnerId.equals(newOwnerId);
    }
}

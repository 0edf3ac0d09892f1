package com.lead2cash.customer;

import java.util.UUID;

/** A customer moved in its lifecycle. */
public record CustomerStatusChanged(UUID customerId, CustomerStatus from, CustomerStatus to) {
}

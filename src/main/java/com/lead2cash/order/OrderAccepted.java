package com.lead2cash.order;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The customer accepted an order's delivery (验收合格): the acceptance payment falls due from that day, and
 * the customer is asked how satisfied they are. {@code ownerId} is the order's rep; {@code contactId} the
 * customer contact who accepted online (null when a signed form was uploaded); {@code productLine} the one
 * product line all the order's lines belong to (null when they are mixed or unknown).
 */
public record OrderAccepted(UUID orderId, String number, UUID contractId, UUID customerId, LocalDate acceptedOn,
                            UUID ownerId, UUID contactId, String productLine) {
}

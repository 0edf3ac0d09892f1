package com.lead2cash.order;

import java.time.LocalDate;
import java.util.UUID;

/** An order's goods arrived at the customer (到货): the payment on delivery falls due from that day. */
public record OrderDelivered(UUID orderId, String number, UUID contractId, UUID customerId, LocalDate deliveredOn) {
}

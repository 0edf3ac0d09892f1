package com.lead2cash.order;

import java.time.LocalDate;
import java.util.UUID;

/** The customer accepted an order's delivery (验收合格): the acceptance payment falls due from that day. */
public record OrderAccepted(UUID orderId, String number, UUID contractId, UUID customerId, LocalDate acceptedOn) {
}

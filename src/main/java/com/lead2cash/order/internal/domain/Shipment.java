package com.lead2cash.order.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 发货 — part of an order line on its way: carrier, waybill number (D2), ship date; or a booked shipment cancelled
 * before it left ({@code cancelledAt}, by whom and why), kept on the order under its number with its quantity freed.
 */
@Table("order_shipment")
public record Shipment(int lineKey, BigDecimal quantity, String carrier, String waybillNumber, Instant waybillRecordedAt,
                       LocalDate shipDate, UUID recordedBy, Instant recordedAt, Instant cancelledAt, UUID cancelledBy,
                       String cancelReason) {

    /** Cancelled before it left: nothing of it ships. */
    public boolean cancelled() {
        return cancelledAt != null;
    }

    Shipment withWaybill(String waybill, Instant at) {
        return new Shipment(lineKey, quantity, carrier, waybill, at, shipDate, recordedBy, recordedAt, cancelledAt,
                cancelledBy, cancelReason);
    }

    Shipment cancel(String reason, UUID by, Instant at) {
        return new Shipment(lineKey, quantity, carrier, waybillNumber, waybillRecordedAt, shipDate, recordedBy,
                recordedAt, at, by, reason);
    }
}

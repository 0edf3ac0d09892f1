package com.lead2cash.order.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** 发货 — part of an order line on its way: carrier, waybill number (D2), ship date. */
@Table("order_shipment")
public record Shipment(int lineKey, BigDecimal quantity, String carrier, String waybillNumber, Instant waybillRecordedAt,
                       LocalDate shipDate, UUID recordedBy, Instant recordedAt) {

    Shipment withWaybill(String waybill, Instant at) {
        return new Shipment(lineKey, quantity, carrier, waybill, at, shipDate, recordedBy, recordedAt);
    }
}

package com.lead2cash.order.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One promised delivery date (D3): the first as the order was made, then each delay with its reason. */
@Table("order_promise")
public record PromisedDate(LocalDate promisedDate, String reason, Instant customerToldAt, UUID recordedBy,
                           Instant recordedAt) {

    PromisedDate told(Instant at) {
        return new PromisedDate(promisedDate, reason, at, recordedBy, recordedAt);
    }
}

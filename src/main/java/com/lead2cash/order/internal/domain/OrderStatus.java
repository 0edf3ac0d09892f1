package com.lead2cash.order.internal.domain;

/** SPEC §4: CREATED → PREPARING → SHIPPED → DELIVERED → ACCEPTED. */
public enum OrderStatus {
    CREATED, PREPARING, SHIPPED, DELIVERED, ACCEPTED
}

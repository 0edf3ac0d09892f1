package com.lead2cash.order.internal.domain;

/** What someone may do with an order next; the order answers which ({@link Order#availableActions}). */
public enum OrderAction {
    START_PREPARING, SHIP, RECORD_WAYBILL, CANCEL_SHIPMENT, RECORD_PROGRESS, DELAY, DELIVER, ACCEPT, SEND_ACCEPTANCE
}

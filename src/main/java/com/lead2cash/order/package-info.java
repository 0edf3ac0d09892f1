/**
 * Orders and delivery (订单 / 发货 / 验收): an order made from a signed contract's products and quantities
 * with the delivery address, consignee and promised date; partial shipments with the carrier's waybill
 * recorded a business day before the ship date (D2); the owning rep's weekly progress check (D1); delays
 * that record the new promised date and reason, keep the history and tell the customer's contact the same
 * day (D3); delivery and the customer's acceptance — on the signed acceptance form or online through a
 * confirmation link — which moves the customer to DELIVERED and lets receivables plan the acceptance
 * payment ({@link com.lead2cash.order.OrderAccepted}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders",
        allowedDependencies = {"platform", "platform :: web", "sop", "contract", "customer", "notification", "files", "catalog",
                "confirmation"})
package com.lead2cash.order;

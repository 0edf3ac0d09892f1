package com.lead2cash.catalog.internal;

/** What a price list (价格表) is for: everyone, one sales channel (渠道), or a group of customers (客户组). */
public enum PriceListKind {
    STANDARD, CHANNEL, CUSTOMER_GROUP
}

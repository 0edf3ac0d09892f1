package com.lead2cash.aftersales.internal.domain;

/** What a complaint is about (投诉类别). */
public enum ComplaintCategory { PRODUCT, DELIVERY, SERVICE, BILLING, OTHER }

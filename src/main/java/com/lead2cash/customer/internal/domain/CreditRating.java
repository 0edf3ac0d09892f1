package com.lead2cash.customer.internal.domain;

/** Credit rating (信用等级) of a customer, A best to D worst, set with its credit limit (信用额度). */
public enum CreditRating {
    A, B, C, D
}

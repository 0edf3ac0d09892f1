package com.lead2cash.customer.internal.domain;

/** Company size (企业规模) by the statistics bureau's classes: micro 微型, small 小型, medium 中型, large 大型. */
public enum CompanySize {
    MICRO, SMALL, MEDIUM, LARGE
}

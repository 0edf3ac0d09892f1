package com.lead2cash.customer;

/** Customer grade (客户分级, C1): A high, B medium, C low priority; it sets the follow-up cadence (C2, C3). */
public enum CustomerGrade {
    A, B, C
}

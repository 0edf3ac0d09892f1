package com.lead2cash.customer.internal.domain;

/** How a contact stands towards us and our offer (态度): supportive 支持, neutral 中立, opposed 反对. */
public enum Attitude {
    SUPPORTIVE, NEUTRAL, OPPOSED
}

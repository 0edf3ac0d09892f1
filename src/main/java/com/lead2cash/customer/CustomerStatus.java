package com.lead2cash.customer;

/**
 * Where a customer stands in its lifecycle (客户生命周期): PROSPECT 潜在 → INITIAL_CONTACT 初步接洽 →
 * NEEDS_CONFIRMED 需求明确 → OPPORTUNITY 销售机会 → SIGNED 已签约 → DELIVERED 已交付 → ACTIVE 合作中;
 * LOST 流失 from any of them. Each status falls into one lifecycle bucket.
 */
public enum CustomerStatus {
    PROSPECT(LifecycleBucket.POTENTIAL),
    INITIAL_CONTACT(LifecycleBucket.POTENTIAL),
    NEEDS_CONFIRMED(LifecycleBucket.POTENTIAL),
    OPPORTUNITY(LifecycleBucket.POTENTIAL),
    SIGNED(LifecycleBucket.NEW),
    DELIVERED(LifecycleBucket.NEW),
    ACTIVE(LifecycleBucket.MATURE),
    LOST(LifecycleBucket.LOST);

    private final LifecycleBucket bucket;

    CustomerStatus(LifecycleBucket bucket) {
        this.bucket = bucket;
    }

    public LifecycleBucket bucket() {
        return bucket;
    }

    /** The next step of the sequence, or null for ACTIVE and LOST. */
    public CustomerStatus next() {
        return switch (this) {
            case PROSPECT -> INITIAL_CONTACT;
            case INITIAL_CONTACT -> NEEDS_CONFIRMED;
            case NEEDS_CONFIRMED -> OPPORTUNITY;
            case OPPORTUNITY -> SIGNED;
            case SIGNED -> DELIVERED;
            case DELIVERED -> ACTIVE;
            case ACTIVE, LOST -> null;
        };
    }

    /** Not signed yet: the customer is still being developed (C2/C3 cadence, C7 public pool). */
    public boolean inDevelopment() {
        return bucket == LifecycleBucket.POTENTIAL;
    }
}

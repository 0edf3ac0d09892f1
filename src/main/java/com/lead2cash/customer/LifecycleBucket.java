package com.lead2cash.customer;

/**
 * The lifecycle bucket (客户分类) a customer falls into by its status, after the risk manual's
 * "新客户、潜在客户、成熟客户及流失客户" (docs/decisions/0010-customers.md):
 *
 * <ul>
 *   <li>POTENTIAL 潜在客户 — not signed yet: PROSPECT, INITIAL_CONTACT, NEEDS_CONFIRMED, OPPORTUNITY;
 *   <li>NEW 新客户 — the first deal is being carried out: SIGNED, DELIVERED;
 *   <li>MATURE 成熟客户 — working with us: ACTIVE;
 *   <li>LOST 流失客户 — LOST.
 * </ul>
 */
public enum LifecycleBucket {
    NEW, POTENTIAL, MATURE, LOST
}

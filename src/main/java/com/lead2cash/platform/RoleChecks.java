package com.lead2cash.platform;

/**
 * Route-level role checks for {@code @PreAuthorize}, named once. The platform evaluates a route's
 * {@code @PreAuthorize} before the request body is read, so a role that may not use a route gets 403
 * whatever it sends (docs/decisions/0014-refusals.md).
 */
public final class RoleChecks {

    /** The people who assign, arbitrate and decide: {@link Role#isManagerial()}. */
    public static final String MANAGERS = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER')";
    /** Those who hold leads and customers of their own. */
    public static final String REPS = "hasAnyRole('SALES_REP','ACCOUNT_MANAGER')";
    public static final String ADMINS = "hasRole('ADMIN')";

    private RoleChecks() {
    }
}

package com.lead2cash.catalog.internal;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;

/**
 * Who keeps the catalogue: administrators and the sales director. Everybody signed in reads it (it is
 * company data, not anyone's records) — except the customers of customer-group lists, which are records
 * in someone's scope ({@link PriceListService#visibleMembers}).
 */
public final class CatalogRoles {

    public static final String EDITORS = "hasAnyRole('ADMIN','SALES_DIRECTOR')";

    private CatalogRoles() {
    }

    /** {@link #EDITORS} for the current user, where a page or a service asks rather than a route. */
    public static boolean currentUserEdits() {
        return CurrentUser.get().map(u -> u.hasAny(Role.ADMIN, Role.SALES_DIRECTOR)).orElse(false);
    }
}

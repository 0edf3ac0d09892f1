package com.lead2cash.catalog.internal;

/**
 * Who keeps the catalogue: administrators and the sales director. Everybody signed in reads it (it is
 * company data, not anyone's records).
 */
public final class CatalogRoles {

    public static final String EDITORS = "hasAnyRole('ADMIN','SALES_DIRECTOR')";

    private CatalogRoles() {
    }
}

/**
 * Customers (客户) and contacts. In this slice it owns company identity — unified social credit code,
 * normalised company names, phone and e-mail normalisation — used by lead duplicate checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers",
        allowedDependencies = {"platform"})
package com.lead2cash.customer;

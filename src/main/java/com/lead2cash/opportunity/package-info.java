/**
 * Opportunities (商机). In this slice: the placeholder a converted lead may open, in DISCOVERY, for the
 * pipeline that a later slice builds; it shows its opportunities on the customer timeline and moves them
 * with a merged customer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opportunities",
        allowedDependencies = {"platform", "customer"})
package com.lead2cash.opportunity;

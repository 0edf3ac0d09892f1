/**
 * Opportunities (商机). In this slice: the placeholder a converted lead may open, in DISCOVERY, for the
 * pipeline that a later slice builds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opportunities",
        allowedDependencies = {"platform"})
package com.lead2cash.opportunity;

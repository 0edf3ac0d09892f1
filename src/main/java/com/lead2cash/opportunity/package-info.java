/**
 * Opportunities (商机): the pipeline from discovery to won or lost (SPEC §4) with its gates — leaving
 * evaluation needs the panel's qualifying score (O1, O2) — close dates, probability by stage from the
 * policy, forecast categories, the pipeline board, the forecast, stage history and win/loss analysis.
 * The customer's lifecycle follows (销售机会 when an opportunity opens, 已签约 when won). Quotes ask
 * {@link com.lead2cash.opportunity.Opportunities}; other modules hear {@link OpportunityStageChanged}
 * and {@link OpportunityOwnerChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Opportunities",
        allowedDependencies = {"platform", "platform :: web", "sop", "customer", "notification", "catalog"})
package com.lead2cash.opportunity;

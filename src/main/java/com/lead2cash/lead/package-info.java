/**
 * Leads (线索) — capture, duplicate check, screening and grading, routing and assignment, claims and
 * arbitration, the lead and nurture pools, conversion to a customer. The module's SOP rules are one
 * record, {@code internal.domain.LeadRules}, bound from the SOP policy; each rule is decided in one named
 * class (see {@code docs/sop-rules.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads",
        allowedDependencies = {"platform", "platform :: web", "sop", "notification", "customer", "opportunity", "files",
                "region"})
package com.lead2cash.lead;

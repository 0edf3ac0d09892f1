/**
 * Leads (线索) — capture, duplicate check, screening and grading (L1, L3), routing and assignment
 * (L4–L7), claims and arbitration (L8), the lead and nurture pools, conversion to a customer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leads")
package com.lead2cash.lead;

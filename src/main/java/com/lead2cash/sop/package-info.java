/**
 * SOP engine — the SOP as data: the versioned policy of rules (SPEC §2), the working calendar
 * (§3), durable deadlines with reminders and breaches, and compliance figures. Modules read rules
 * through {@link com.lead2cash.sop.SopPolicy} and open, meet and cancel deadlines through
 * {@link com.lead2cash.sop.Deadlines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SOP engine")
package com.lead2cash.sop;

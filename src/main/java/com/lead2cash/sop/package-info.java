/**
 * SOP engine — the SOP as data: the versioned policy of rules (the rule catalogue, described in
 * {@code docs/sop-rules.md}), the working calendar, durable deadlines with reminders and breaches,
 * and compliance figures. Modules read their rules as a record of their own through
 * {@link com.lead2cash.sop.SopPolicy} ({@code docs/decisions/0006-module-rules.md}) and open, meet and
 * cancel deadlines through {@link com.lead2cash.sop.Deadlines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SOP engine",
        allowedDependencies = {"platform", "platform :: web", "notification"})
package com.lead2cash.sop;

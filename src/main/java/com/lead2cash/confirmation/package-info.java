/**
 * Customer confirmations (客户书面确认) — the one mechanism by which a customer's contact confirms in
 * writing what the SOP asks them to confirm: the needs-analysis report (C6), negotiation minutes (Q3),
 * a quote's acceptance, a delivery's acceptance, a complaint's satisfaction rating. The owning module
 * asks {@link com.lead2cash.confirmation.Confirmations#request} with a frozen snapshot of the document;
 * the contact gets a signed, expiring, single-purpose link by e-mail (and as a QR code for WeChat),
 * opens exactly that version without an account and answers. The answer arrives as
 * {@link com.lead2cash.confirmation.ConfirmationAnswered}; owning modules name and link their subjects
 * with {@link com.lead2cash.confirmation.ConfirmationSubjects}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer confirmations",
        allowedDependencies = {"platform", "platform :: web", "notification"})
package com.lead2cash.confirmation;

/**
 * Quotes (报价 / 方案) and negotiation minutes (谈判纪要): versions of a quote on an opportunity, with lines priced from the applicable price
 * list, discounts, tax per rate and totals; a number, revision and date on every version and the manager's
 * review (Q1); discount authority by role, above it the approval mechanism (Q2); the printed quote and its
 * PDF with the company's letterhead; sent to a customer contact who accepts or rejects online, which moves
 * the opportunity on; negotiation minutes (Q3) confirmed by the customer's contact, which the contract
 * module drafts from through {@link com.lead2cash.quote.Quotes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quotes",
        allowedDependencies = {"platform", "platform :: web", "sop", "opportunity", "catalog", "customer", "approval",
                "confirmation", "notification"})
package com.lead2cash.quote;

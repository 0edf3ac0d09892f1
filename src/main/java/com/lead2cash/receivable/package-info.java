/**
 * Receivables (回款): the payment plan of every signed contract, one plan per payment milestone
 * (PREPAYMENT, ON_DELIVERY, INSTALLMENT, ACCEPTANCE, RETENTION) adding up to the contract amount; the
 * rep reminded before a due date to remind the customer (P1); receipts recorded by finance (amount, day,
 * method, payer, bank reference), allocated to one or several plans, reversed with a reason but never
 * edited or deleted; overdue plans aged in the policy's buckets and escalated from the owner to the
 * manager and the director (P2); collection rates; the finance workbench and the rep's collections due.
 *
 * <p>Other modules read a contract's collection figures through {@link com.lead2cash.receivable.ContractCollections};
 * the module answers the contract list's {@link com.lead2cash.contract.ContractListFigures} and re-plans a
 * contract's plans when it hears {@link com.lead2cash.contract.ContractAmended}; when two customers merge, the merged
 * one's plans and receipts move to the survivor ({@link com.lead2cash.customer.CustomerMergeParticipant}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Receivables",
        allowedDependencies = {"platform", "platform :: web", "sop", "contract", "customer", "notification", "order", "invoice"})
package com.lead2cash.receivable;

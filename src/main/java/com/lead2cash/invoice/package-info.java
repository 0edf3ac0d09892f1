/**
 * Invoices (发票): requests against a signed contract — VAT special (专票) or ordinary (普票), the buyer's
 * name, taxpayer id (the customer's unified social credit code, check digit verified), address and phone,
 * bank and account, lines with tax rates — for no more than the contract has not yet invoiced; approved
 * by finance through the approval mechanism; issued with the invoice number and date; reversed by a
 * red-letter invoice (红冲) with a reason, which frees the amount again; a request not yet issued is
 * cancelled (撤销) by its requester or finance with a reason, its pending approval withdrawn — and is cancelled too
 * when its requester withdraws its approval on the approvals page (decision 0070), or when its contract is
 * terminated while it waits for finance (decision 0088).
 *
 * <p>Other modules read a contract's invoiced amount through {@link com.lead2cash.invoice.ContractInvoicing}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invoices",
        allowedDependencies = {"platform", "platform :: web", "contract", "catalog", "customer", "approval", "sop", "notification"})
package com.lead2cash.invoice;

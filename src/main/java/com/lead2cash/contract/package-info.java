/**
 * Contracts (合同): drafted from the accepted quote and the confirmed negotiation minutes on a
 * template managed by legal (versioned, placeholders filled, every clause that deviates from the
 * template marked), reviewed by legal, finance and operations together on business days (K1), a risk
 * review for large or high-risk contracts (K5), final approval by the sales manager and the legal head
 * (K2) — every step through the one approval mechanism — signed within days of approval with the
 * signed scan kept (K3), archived with its key data (K4) and kept ten years (R1). Amendments (补充协议)
 * and terminations are records of their own. The PDF the customer signs is the one the reviewers
 * approved, byte for byte.
 *
 * <p>Other modules read a signed contract through {@link com.lead2cash.contract.Contracts} and hear
 * {@link com.lead2cash.contract.ContractSigned}, {@link com.lead2cash.contract.ContractArchived},
 * {@link com.lead2cash.contract.ContractAmended} (in the amendment's transaction: a refusal undoes it) and
 * {@link com.lead2cash.contract.ContractTerminated}. The list and page show the money figures another
 * module answers through {@link com.lead2cash.contract.ContractListFigures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contracts",
        allowedDependencies = {"platform", "platform :: web", "sop", "approval", "files", "customer", "opportunity", "quote",
                "notification"})
package com.lead2cash.contract;

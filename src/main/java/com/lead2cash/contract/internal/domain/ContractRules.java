package com.lead2cash.contract.internal.domain;

import com.lead2cash.contract.RiskLevel;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The contract module's SOP rules (合同规则, K1–K5, R1), bound from the current policy version by
 * {@code policy.current().bind(ContractRules.class)}; the defaults live in the SOP rule catalogue only.
 * The windows of K1 (each review), K3 (signing) and K4 (archiving) are applied by the deadline engine
 * under the rule ids named here.
 *
 * @param reviewers            K1 — the departments that review every contract together
 * @param riskReviewThreshold  K5 — from this amount (CNY) the director and finance review the risk too
 * @param riskReviewLevels     K5 — risk ratings that get the risk review whatever the amount
 * @param retentionYears       R1 — years a contract and its files are kept (an important record)
 */
public record ContractRules(
        @Rule(ContractRules.REVIEW) @Param("reviewers") List<String> reviewers,
        @Rule(ContractRules.RISK_REVIEW) @Param("amountThreshold") BigDecimal riskReviewThreshold,
        @Rule(ContractRules.RISK_REVIEW) @Param("riskLevels") Set<String> riskReviewLevels,
        @Rule(ContractRules.RETENTION) @Param("importantYears") int retentionYears) {

    /** Legal, finance and operations review in parallel, each within the window (business days). */
    public static final String REVIEW = "K1";
    /** The sales manager and the legal head approve after the reviews pass. */
    public static final String FINAL_APPROVAL = "K2";
    /** The contract is signed within the window after approval. */
    public static final String SIGNING = "K3";
    /** The signed scan is archived and the key data recorded within the window after signing. */
    public static final String ARCHIVING = "K4";
    /** Large or high-risk contracts get a risk review by the director and finance. */
    public static final String RISK_REVIEW = "K5";
    /** Contracts and their files are kept this many years. */
    public static final String RETENTION = "R1";

    /** The reviewing departments in the policy's order; names the policy lists that are no department are ignored. */
    public List<Department> departments() {
        return reviewers.stream().map(String::strip)
                .flatMap(n -> java.util.Arrays.stream(Department.values()).filter(d -> d.name().equalsIgnoreCase(n)))
                .distinct().toList();
    }

    /** K5: the amount reaches the threshold, or the risk rating is one that always gets the review. */
    public boolean needsRiskReview(BigDecimal amount, RiskLevel risk) {
        return (amount != null && amount.compareTo(riskReviewThreshold) >= 0)
                || (risk != null && riskReviewLevels.stream().anyMatch(l -> l.strip().equalsIgnoreCase(risk.name())));
    }

    /** R1: kept until this day, counted from the day the contract's last event of record happened. */
    public LocalDate keptUntil(LocalDate from) {
        return from.plusYears(retentionYears);
    }
}

package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;

/**
 * The customer module's SOP rules (客户规则, C1–C8), bound from the current policy version by
 * {@code policy.current().bind(CustomerRules.class)}; the defaults live in the SOP rule catalogue only. The constants are the rule ids the module
 * names, each written here once.
 *
 * @param gradeAMinScore          C1 — factor points from which the guidance suggests A
 * @param gradeBMinScore          C1 — factor points from which it suggests B; fewer is C
 * @param developmentDaysA        C2 — days between follow-ups of an A customer in development (and B, C)
 * @param pursuitDaysA            C3 — days between follow-ups of an A customer in active pursuit (and B, C)
 * @param activityLogWindow       C4 — a contact is logged within this window after it happened
 * @param minutesWindow           C5 — minutes of a demo or negotiation are written within this window
 * @param poolEnabled             C7 — the public pool, holding limit and cooldown are on
 * @param lapseMultiple           C7 — a customer not followed up for this many cadences returns to the pool
 * @param maxPrivateCustomers     C7 — customers in development one person may hold at most
 * @param reclaimCooldownDays     C7 — calendar days before a customer that left a rep may be claimed by them again
 * @param creditApprovalThreshold C8 — a credit limit raised above this amount (CNY) waits for finance
 */
public record CustomerRules(
        @Rule(CustomerRules.GRADING) @Param("gradeAMinScore") int gradeAMinScore,
        @Rule(CustomerRules.GRADING) @Param("gradeBMinScore") int gradeBMinScore,
        @Rule(CustomerRules.DEVELOPMENT_CADENCE) @Param("gradeADays") int developmentDaysA,
        @Rule(CustomerRules.DEVELOPMENT_CADENCE) @Param("gradeBDays") int developmentDaysB,
        @Rule(CustomerRules.DEVELOPMENT_CADENCE) @Param("gradeCDays") int developmentDaysC,
        @Rule(CustomerRules.PURSUIT_CADENCE) @Param("gradeADays") int pursuitDaysA,
        @Rule(CustomerRules.PURSUIT_CADENCE) @Param("gradeBDays") int pursuitDaysB,
        @Rule(CustomerRules.PURSUIT_CADENCE) @Param("gradeCDays") int pursuitDaysC,
        @Rule(CustomerRules.CONTACT_LOGGED) @Param("window") DeadlineWindow activityLogWindow,
        @Rule(CustomerRules.MINUTES) @Param("window") DeadlineWindow minutesWindow,
        @Rule(CustomerRules.PUBLIC_POOL) @Param("enabled") boolean poolEnabled,
        @Rule(CustomerRules.PUBLIC_POOL) @Param("cadenceMultiple") int lapseMultiple,
        @Rule(CustomerRules.PUBLIC_POOL) @Param("maxPrivateCustomers") int maxPrivateCustomers,
        @Rule(CustomerRules.PUBLIC_POOL) @Param("reclaimCooldownDays") int reclaimCooldownDays,
        @Rule(CustomerRules.CREDIT_APPROVAL) @Param("creditApprovalThreshold") BigDecimal creditApprovalThreshold) {

    /** Customer grade A/B/C by industry position, urgency, budget and potential, with guidance. */
    public static final String GRADING = "C1";
    /** Follow-up cadence of customers in development. */
    public static final String DEVELOPMENT_CADENCE = "C2";
    /** Follow-up cadence of high-intent prospects in active pursuit. */
    public static final String PURSUIT_CADENCE = "C3";
    /** Every contact logged within the window. */
    public static final String CONTACT_LOGGED = "C4";
    /** Minutes of demos and negotiations within the window. */
    public static final String MINUTES = "C5";
    /** The needs-analysis report sent to the customer for written confirmation within the window after the interview. */
    public static final String NEEDS_CONFIRMATION = "C6";
    /** The public pool, holding limit and re-claim cooldown. */
    public static final String PUBLIC_POOL = "C7";
    /** Credit limits above the threshold approved by finance. */
    public static final String CREDIT_APPROVAL = "C8";

    public GradeGuidance grading() {
        return new GradeGuidance(gradeAMinScore, gradeBMinScore);
    }

    public FollowUpCadence cadence(ZoneId zone) {
        return new FollowUpCadence(
                Map.of(CustomerGrade.A, developmentDaysA, CustomerGrade.B, developmentDaysB, CustomerGrade.C, developmentDaysC),
                Map.of(CustomerGrade.A, pursuitDaysA, CustomerGrade.B, pursuitDaysB, CustomerGrade.C, pursuitDaysC),
                poolEnabled, lapseMultiple, zone);
    }

    public PrivateHolding holding(ZoneId zone) {
        return new PrivateHolding(poolEnabled, maxPrivateCustomers, reclaimCooldownDays, zone);
    }

    /** C8 — whether a new credit limit needs finance's approval before it applies: raised, and above the threshold. */
    public boolean creditLimitNeedsApproval(BigDecimal current, BigDecimal proposed) {
        if (proposed == null) {
            return false;
        }
        boolean raised = current == null || proposed.compareTo(current) > 0;
        return raised && proposed.compareTo(creditApprovalThreshold) > 0;
    }
}

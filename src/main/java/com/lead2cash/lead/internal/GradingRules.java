package com.lead2cash.lead.internal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * The SOP policy values of lead grading (线索分级规则, SOP rule L3). The defaults reproduce the source
 * SOP (001): budget ≥ 100 000 CNY, purchase within 90 days, A with at least 3 points, B with 2.
 *
 * @param targetIndustries industries the company sells to; matched ignoring case, width and
 *     whitespace. Empty means no industry matches, so the criterion is never met.
 * @param minimumBudget budget in CNY from which the budget criterion is met (inclusive)
 * @param urgencyDays the purchase date must fall between today and today + this many days, both
 *     inclusive
 * @param gradeAMinPoints points from which a lead is A
 * @param gradeBMinPoints points from which a lead is B; fewer is C
 */
public record GradingRules(
        Set<String> targetIndustries,
        BigDecimal minimumBudget,
        int urgencyDays,
        int gradeAMinPoints,
        int gradeBMinPoints) {

    public static final BigDecimal DEFAULT_MINIMUM_BUDGET = new BigDecimal("100000");
    public static final int DEFAULT_URGENCY_DAYS = 90;
    public static final int DEFAULT_GRADE_A_MIN_POINTS = 3;
    public static final int DEFAULT_GRADE_B_MIN_POINTS = 2;

    /** One point per {@link Criterion}. */
    static final int MAX_POINTS = Criterion.values().length;

    public GradingRules {
        targetIndustries = Set.copyOf(Objects.requireNonNull(targetIndustries, "targetIndustries"));
        Objects.requireNonNull(minimumBudget, "minimumBudget");
        if (minimumBudget.signum() < 0) {
            throw new IllegalArgumentException("minimumBudget must not be negative: " + minimumBudget);
        }
        if (urgencyDays < 0) {
            throw new IllegalArgumentException("urgencyDays must not be negative: " + urgencyDays);
        }
        if (gradeBMinPoints < 0 || gradeAMinPoints < gradeBMinPoints || gradeAMinPoints > MAX_POINTS) {
            throw new IllegalArgumentException("Expected 0 <= gradeBMinPoints <= gradeAMinPoints <= " + MAX_POINTS
                    + ", got A=" + gradeAMinPoints + ", B=" + gradeBMinPoints);
        }
    }

    /** The source SOP's thresholds; only the target industries are company-specific. */
    public static GradingRules defaults(Set<String> targetIndustries) {
        return new GradingRules(targetIndustries, DEFAULT_MINIMUM_BUDGET, DEFAULT_URGENCY_DAYS,
                DEFAULT_GRADE_A_MIN_POINTS, DEFAULT_GRADE_B_MIN_POINTS);
    }
}

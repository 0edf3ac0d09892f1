package com.lead2cash.lead.internal.grading;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * The grading part of the lead's rules (线索分级规则, {@link LeadRules#GRADING}), as
 * {@link LeadRules#grading()} gives it to the {@link LeadGrader}.
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
}

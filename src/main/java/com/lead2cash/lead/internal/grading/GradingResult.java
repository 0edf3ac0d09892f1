package com.lead2cash.lead.internal.grading;

import com.lead2cash.lead.Grade;
import java.util.List;
import java.util.Objects;

/**
 * Outcome of grading a lead (线索初筛评估), as {@link LeadGrader} decides it.
 *
 * @param points number of criteria met, 0 to 4
 * @param criteria one result per {@link Criterion}, in declaration order
 * @param complete whether every criterion had the data it needs; only a lead graded on complete data
 *     counts as screened without a person ({@link ScreeningRule}), so an incomplete result is a grade
 *     to revisit once the rep has verified the missing facts
 */
public record GradingResult(Grade grade, int points, List<CriterionResult> criteria, boolean complete) {

    public GradingResult {
        Objects.requireNonNull(grade, "grade");
        criteria = List.copyOf(criteria);
    }

    /** The result of one criterion. */
    public CriterionResult criterion(Criterion criterion) {
        return criteria.stream()
                .filter(result -> result.criterion() == criterion)
                .findFirst()
                .orElseThrow();
    }
}

package com.lead2cash.customer.internal.domain;

/**
 * The four factors of C1 customer grading (客户分级), as the person grading judged them: the
 * customer's position in its industry (行业地位), how urgent its need is (需求紧急度), its budget
 * (预算规模) and its potential for further business (合作潜力). Any may be unknown (null).
 */
public record GradeFactors(Level industryPosition, Level urgency, Level budget, Level potential) {

    public static final GradeFactors UNKNOWN = new GradeFactors(null, null, null, null);

    public boolean complete() {
        return industryPosition != null && urgency != null && budget != null && potential != null;
    }

    /** The sum of the factors' points; only meaningful when {@link #complete()}. */
    public int score() {
        return points(industryPosition) + points(urgency) + points(budget) + points(potential);
    }

    private static int points(Level level) {
        return level == null ? 0 : level.points();
    }
}

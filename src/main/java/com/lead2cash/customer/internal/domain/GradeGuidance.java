package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.CustomerGrade;
import java.util.Optional;

/**
 * C1 — customer grading is manual, with guidance: the four factors each give 3 (high), 2 (medium) or
 * 1 (low) points, and a total of at least {@code gradeAMinScore} suggests A, at least
 * {@code gradeBMinScore} B, anything less C. The person grading decides; the guidance is shown beside
 * the grade, and a grade that departs from it is marked.
 */
public record GradeGuidance(int gradeAMinScore, int gradeBMinScore) {

    public GradeGuidance {
        if (gradeAMinScore <= gradeBMinScore) {
            throw new IllegalArgumentException("A needs more points than B");
        }
    }

    /** The suggested grade, or empty while a factor is unknown. */
    public Optional<CustomerGrade> suggest(GradeFactors factors) {
        if (factors == null || !factors.complete()) {
            return Optional.empty();
        }
        int score = factors.score();
        if (score >= gradeAMinScore) {
            return Optional.of(CustomerGrade.A);
        }
        return Optional.of(score >= gradeBMinScore ? CustomerGrade.B : CustomerGrade.C);
    }
}

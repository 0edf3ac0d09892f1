package com.lead2cash.opportunity.internal.domain;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 评估打分 — one panel member's scorecard of an opportunity (O1). {@code current} is false once the member
 * scored again or the panel started over; such scorecards stay as history.
 */
@Table("opportunity_evaluation")
public record Evaluation(UUID id, UUID evaluatorId, PanelSeat seat, int needMatch, int competitiveStrength,
                         int paymentRisk, int resourceInvestment, String comment, Instant submittedAt,
                         boolean current) {

    public EvaluationScores scores() {
        return new EvaluationScores(needMatch, competitiveStrength, paymentRisk, resourceInvestment);
    }

    public int total() {
        return scores().total();
    }

    Evaluation retired() {
        return new Evaluation(id, evaluatorId, seat, needMatch, competitiveStrength, paymentRisk, resourceInvestment,
                comment, submittedAt, false);
    }
}

package com.lead2cash.opportunity.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * One member's scores on the four criteria of O1, each 0 to the policy's maximum, higher is better: need
 * match (需求匹配度), our competitive strength (竞争实力), payment risk (回款风险 — higher is safer) and
 * resource investment (资源投入 — higher means the effort is worth it).
 */
public record EvaluationScores(int needMatch, int competitiveStrength, int paymentRisk, int resourceInvestment) {

    /** Checks the four scores as entered (null is missing) against the most points a criterion can get. */
    public static EvaluationScores validated(Integer needMatch, Integer competitiveStrength, Integer paymentRisk,
                                             Integer resourceInvestment, int criterionMax) {
        List<FieldError> errors = new ArrayList<>();
        check(errors, "needMatch", needMatch, criterionMax);
        check(errors, "competitiveStrength", competitiveStrength, criterionMax);
        check(errors, "paymentRisk", paymentRisk, criterionMax);
        check(errors, "resourceInvestment", resourceInvestment, criterionMax);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new EvaluationScores(needMatch, competitiveStrength, paymentRisk, resourceInvestment);
    }

    private static void check(List<FieldError> errors, String field, Integer value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "opportunity.evaluation.score.required", max));
        } else if (value < 0 || value > max) {
            errors.add(new FieldError(field, "opportunity.evaluation.score.range", max));
        }
    }

    public int total() {
        return needMatch + competitiveStrength + paymentRisk + resourceInvestment;
    }
}

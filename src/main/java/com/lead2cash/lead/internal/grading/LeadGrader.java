package com.lead2cash.lead.internal.grading;

import com.lead2cash.lead.Grade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * L3 — lead grading (线索初筛): one point each for industry match (行业匹配度), budget
 * (预算范围), urgency (需求紧急度) and a complete decision chain (决策链完整性); the points give the grade
 * A (高意向), B (中意向) or C (低意向) by the policy's thresholds.
 *
 * <p>A pure function of the policy values and the facts about the lead, so that the reason shown on
 * the lead page is the one the grade was computed from, and a past lead can be graded again under
 * other values. Missing data simply does not earn the point; the result says
 * whether the data was complete, because only then does the lead count as screened.
 */
public final class LeadGrader {

    private static final String REASON = "lead.grade.reason.";

    private LeadGrader() {
    }

    public static GradingResult grade(GradingRules rules, GradingInput input) {
        List<CriterionResult> criteria = List.of(
                industryMatch(rules, input),
                budget(rules, input),
                urgency(rules, input),
                decisionChain(input));
        int points = (int) criteria.stream().filter(CriterionResult::met).count();
        boolean complete = hasText(input.industry())
                && input.budget() != null
                && input.purchaseDate() != null
                && hasText(input.contactName());
        return new GradingResult(gradeFor(points, rules), points, criteria, complete);
    }

    private static Grade gradeFor(int points, GradingRules rules) {
        if (points >= rules.gradeAMinPoints()) {
            return Grade.A;
        }
        return points >= rules.gradeBMinPoints() ? Grade.B : Grade.C;
    }

    private static CriterionResult industryMatch(GradingRules rules, GradingInput input) {
        if (!hasText(input.industry())) {
            return missing(Criterion.INDUSTRY_MATCH, "industry");
        }
        String industry = input.industry().strip();
        Set<String> targets = rules.targetIndustries().stream().map(CategoryKeys::of).collect(Collectors.toSet());
        boolean met = targets.contains(CategoryKeys.of(industry));
        return outcome(Criterion.INDUSTRY_MATCH, met, "industry", industry);
    }

    private static CriterionResult budget(GradingRules rules, GradingInput input) {
        BigDecimal minimum = rules.minimumBudget();
        if (input.budget() == null) {
            return missing(Criterion.BUDGET, "budget", minimum);
        }
        // compareTo, not equals: 100000.00 is as much money as 100000
        boolean met = input.budget().compareTo(minimum) >= 0;
        return outcome(Criterion.BUDGET, met, "budget", input.budget(), minimum);
    }

    private static CriterionResult urgency(GradingRules rules, GradingInput input) {
        LocalDate purchaseDate = input.purchaseDate();
        if (purchaseDate == null) {
            return missing(Criterion.URGENCY, "urgency", rules.urgencyDays());
        }
        if (purchaseDate.isBefore(input.today())) {
            // a purchase date that has passed says nothing about a need now; the rep has to ask again
            return new CriterionResult(Criterion.URGENCY, false, REASON + "urgency.past", List.of(purchaseDate));
        }
        boolean met = !purchaseDate.isAfter(input.today().plusDays(rules.urgencyDays()));
        return outcome(Criterion.URGENCY, met, "urgency", purchaseDate, rules.urgencyDays());
    }

    private static CriterionResult decisionChain(GradingInput input) {
        // the source SOP asks for a named contact (对接人); knowing that a decision maker exists without
        // anyone to talk to is not a decision chain
        if (!hasText(input.contactName())) {
            return missing(Criterion.DECISION_CHAIN, "decisionChain");
        }
        String contact = input.contactName().strip();
        return outcome(Criterion.DECISION_CHAIN, input.decisionMakerKnown(), "decisionChain", contact);
    }

    private static CriterionResult outcome(Criterion criterion, boolean met, String reason, Object... args) {
        return new CriterionResult(criterion, met, REASON + reason + (met ? ".met" : ".notMet"), List.of(args));
    }

    private static CriterionResult missing(Criterion criterion, String reason, Object... args) {
        return new CriterionResult(criterion, false, REASON + reason + ".missing", List.of(args));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

package com.lead2cash.lead.internal.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadGraderTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    /** The catalogue's default thresholds, with this test's target industries. */
    private static final GradingRules DEFAULTS = withIndustries(Set.of("Manufacturing", "零售"));

    private static GradingRules withIndustries(Set<String> industries) {
        GradingRules catalogue = SopPolicy.defaults().bind(LeadRules.class).grading();
        return new GradingRules(industries, catalogue.minimumBudget(), catalogue.urgencyDays(),
                catalogue.gradeAMinPoints(), catalogue.gradeBMinPoints());
    }

    /** Meets every criterion under the default rules. */
    private static GradingInput strongLead() {
        return new GradingInput("Manufacturing", new BigDecimal("150000"), TODAY.plusDays(30), true, "张经理", TODAY);
    }

    @ParameterizedTest(name = "industry={0} budget={1} urgency={2} decisionChain={3} → {4} points, grade {5}")
    @CsvSource({
        // industry, budget, urgency, decision chain, points, grade (A >= 3, B = 2, C <= 1)
        "false, false, false, false, 0, C",
        "true,  false, false, false, 1, C",
        "false, true,  false, false, 1, C",
        "false, false, true,  false, 1, C",
        "false, false, false, true,  1, C",
        "true,  true,  false, false, 2, B",
        "true,  false, true,  false, 2, B",
        "true,  false, false, true,  2, B",
        "false, true,  true,  false, 2, B",
        "false, true,  false, true,  2, B",
        "false, false, true,  true,  2, B",
        "true,  true,  true,  false, 3, A",
        "true,  true,  false, true,  3, A",
        "true,  false, true,  true,  3, A",
        "false, true,  true,  true,  3, A",
        "true,  true,  true,  true,  4, A",
    })
    void L3_onePointPerCriterionMetGivesTheGrade(
            boolean industry, boolean budget, boolean urgency, boolean decisionChain, int points, Grade grade) {
        GradingInput input = new GradingInput(
                industry ? "Manufacturing" : "Agriculture",
                new BigDecimal(budget ? "150000" : "50000"),
                TODAY.plusDays(urgency ? 30 : 200),
                decisionChain,
                "张经理",
                TODAY);

        GradingResult result = LeadGrader.grade(DEFAULTS, input);

        assertThat(result.points()).isEqualTo(points);
        assertThat(result.grade()).isEqualTo(grade);
        assertThat(result.criterion(Criterion.INDUSTRY_MATCH).met()).isEqualTo(industry);
        assertThat(result.criterion(Criterion.BUDGET).met()).isEqualTo(budget);
        assertThat(result.criterion(Criterion.URGENCY).met()).isEqualTo(urgency);
        assertThat(result.criterion(Criterion.DECISION_CHAIN).met()).isEqualTo(decisionChain);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void resultListsEveryCriterionOnceInDeclarationOrder() {
        assertThat(LeadGrader.grade(DEFAULTS, strongLead()).criteria())
                .extracting(CriterionResult::criterion)
                .containsExactly(Criterion.values());
    }

    @ParameterizedTest
    @CsvSource({
        "100000,    true", // exactly the minimum counts (≥ 10万元)
        "100000.00, true",
        "99999.99,  false",
        "0,         false",
    })
    void L3_budgetCriterionIsMetFromTheMinimumBudgetInclusive(String budget, boolean met) {
        GradingInput input = new GradingInput("Manufacturing", new BigDecimal(budget), TODAY, true, "张经理", TODAY);

        assertThat(LeadGrader.grade(DEFAULTS, input).criterion(Criterion.BUDGET).met()).isEqualTo(met);
    }

    @ParameterizedTest
    @CsvSource({
        "0,  true", // buying today
        "90, true", // the last day of the window
        "91, false",
    })
    void L3_urgencyCriterionIsMetForAPurchaseDateFromTodayToTheWindowEndInclusive(int daysAhead, boolean met) {
        GradingInput input = purchasingOn(TODAY.plusDays(daysAhead));

        assertThat(LeadGrader.grade(DEFAULTS, input).criterion(Criterion.URGENCY).met()).isEqualTo(met);
    }

    @Test
    void L3_aPurchaseDateInThePastIsNotUrgentAndSaysSo() {
        CriterionResult urgency = LeadGrader.grade(DEFAULTS, purchasingOn(TODAY.minusDays(1))).criterion(Criterion.URGENCY);

        assertThat(urgency.met()).isFalse();
        assertThat(urgency.messageKey()).isEqualTo("lead.grade.reason.urgency.past");
        assertThat(urgency.args()).containsExactly(TODAY.minusDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Manufacturing", "manufacturing", "  MANUFACTURING ", "ＭＡＮＵＦＡＣＴＵＲＩＮＧ", "零售", " 零 售 "})
    void L3_industryMatchIgnoresCaseWidthAndWhitespace(String industry) {
        GradingInput input = new GradingInput(industry, null, null, false, null, TODAY);

        assertThat(LeadGrader.grade(DEFAULTS, input).criterion(Criterion.INDUSTRY_MATCH).met()).isTrue();
    }

    @Test
    void industryOutsideTheTargetsIsNotAMatch() {
        GradingInput input = new GradingInput("Manufacturing equipment", null, null, false, null, TODAY);

        assertThat(LeadGrader.grade(DEFAULTS, input).criterion(Criterion.INDUSTRY_MATCH).met()).isFalse();
    }

    @Test
    void L3_decisionChainNeedsANamedContactEvenWhenTheDecisionMakerIsKnown() {
        GradingInput input = new GradingInput("Manufacturing", null, null, true, "  ", TODAY);

        CriterionResult chain = LeadGrader.grade(DEFAULTS, input).criterion(Criterion.DECISION_CHAIN);

        assertThat(chain.met()).isFalse();
        assertThat(chain.messageKey()).isEqualTo("lead.grade.reason.decisionChain.missing");
    }

    @Test
    void decisionChainNeedsTheDecisionMakerKnownEvenWithANamedContact() {
        GradingInput input = new GradingInput("Manufacturing", null, null, false, "张经理", TODAY);

        CriterionResult chain = LeadGrader.grade(DEFAULTS, input).criterion(Criterion.DECISION_CHAIN);

        assertThat(chain.met()).isFalse();
        assertThat(chain.messageKey()).isEqualTo("lead.grade.reason.decisionChain.notMet");
        assertThat(chain.args()).containsExactly("张经理");
    }

    @Test
    void reasonsCarryBundleKeysWithTheValueAndTheThreshold() {
        GradingResult result = LeadGrader.grade(DEFAULTS, strongLead());

        assertThat(result.criterion(Criterion.INDUSTRY_MATCH))
                .returns("lead.grade.reason.industry.met", CriterionResult::messageKey)
                .returns(List.of("Manufacturing"), CriterionResult::args);
        assertThat(result.criterion(Criterion.BUDGET))
                .returns("lead.grade.reason.budget.met", CriterionResult::messageKey)
                .returns(List.of(new BigDecimal("150000"), new BigDecimal("100000")), CriterionResult::args);
        assertThat(result.criterion(Criterion.URGENCY))
                .returns("lead.grade.reason.urgency.met", CriterionResult::messageKey)
                .returns(List.of(TODAY.plusDays(30), 90), CriterionResult::args);
        assertThat(result.criterion(Criterion.DECISION_CHAIN))
                .returns("lead.grade.reason.decisionChain.met", CriterionResult::messageKey)
                .returns(List.of("张经理"), CriterionResult::args);
    }

    @Test
    void unmetCriteriaSayNotMetWithTheSameArguments() {
        GradingInput input = new GradingInput("Agriculture", new BigDecimal("5000"), TODAY.plusDays(120), false, "李四",
                TODAY);

        GradingResult result = LeadGrader.grade(DEFAULTS, input);

        assertThat(result.criteria()).extracting(CriterionResult::messageKey).containsExactly(
                "lead.grade.reason.industry.notMet",
                "lead.grade.reason.budget.notMet",
                "lead.grade.reason.urgency.notMet",
                "lead.grade.reason.decisionChain.notMet");
        assertThat(result.criterion(Criterion.BUDGET).args())
                .containsExactly(new BigDecimal("5000"), new BigDecimal("100000"));
    }

    @Test
    void leadWithNothingKnownIsAnIncompleteC() {
        GradingResult result = LeadGrader.grade(DEFAULTS, new GradingInput(null, null, null, false, null, TODAY));

        assertThat(result.grade()).isEqualTo(Grade.C);
        assertThat(result.points()).isZero();
        assertThat(result.complete()).isFalse();
        assertThat(result.criteria()).extracting(CriterionResult::messageKey).containsExactly(
                "lead.grade.reason.industry.missing",
                "lead.grade.reason.budget.missing",
                "lead.grade.reason.urgency.missing",
                "lead.grade.reason.decisionChain.missing");
    }

    @Test
    void L1_screeningIsCompleteOnlyWhenIndustryBudgetPurchaseDateAndContactAreAllKnown() {
        GradingInput full = strongLead();
        assertThat(LeadGrader.grade(DEFAULTS, full).complete()).isTrue();

        assertThat(LeadGrader.grade(DEFAULTS, new GradingInput(" ", full.budget(), full.purchaseDate(), true,
                full.contactName(), TODAY)).complete()).isFalse();
        assertThat(LeadGrader.grade(DEFAULTS, new GradingInput(full.industry(), null, full.purchaseDate(), true,
                full.contactName(), TODAY)).complete()).isFalse();
        assertThat(LeadGrader.grade(DEFAULTS, new GradingInput(full.industry(), full.budget(), null, true,
                full.contactName(), TODAY)).complete()).isFalse();
        assertThat(LeadGrader.grade(DEFAULTS, new GradingInput(full.industry(), full.budget(), full.purchaseDate(),
                true, null, TODAY)).complete()).isFalse();
    }

    @Test
    void unmetCriteriaWithKnownDataStillCountAsComplete() {
        // a known "no" is screening done: the rep verified it
        GradingInput input = new GradingInput("Agriculture", BigDecimal.ONE, TODAY.minusDays(10), false, "李四", TODAY);

        GradingResult result = LeadGrader.grade(DEFAULTS, input);

        assertThat(result.grade()).isEqualTo(Grade.C);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void L3_raisingTheGradeAThresholdToFourTurnsAThreePointLeadIntoB() {
        GradingInput threePoints = new GradingInput("Manufacturing", new BigDecimal("150000"), TODAY.plusDays(30),
                false, "张经理", TODAY);
        GradingRules strict = new GradingRules(DEFAULTS.targetIndustries(), DEFAULTS.minimumBudget(), 90, 4, 2);

        assertThat(LeadGrader.grade(DEFAULTS, threePoints).grade()).isEqualTo(Grade.A);
        assertThat(LeadGrader.grade(strict, threePoints).grade()).isEqualTo(Grade.B);
    }

    @Test
    void L3_loweringTheMinimumBudgetTo50000TurnsA60000LeadFromBIntoA() {
        GradingInput lead = new GradingInput("Manufacturing", new BigDecimal("60000"), TODAY.plusDays(30), false,
                "张经理", TODAY);
        GradingRules lenient = new GradingRules(DEFAULTS.targetIndustries(), new BigDecimal("50000"), 90, 3, 2);

        assertThat(LeadGrader.grade(DEFAULTS, lead).grade()).isEqualTo(Grade.B);
        assertThat(LeadGrader.grade(lenient, lead).grade()).isEqualTo(Grade.A);
        assertThat(LeadGrader.grade(lenient, lead).criterion(Criterion.BUDGET).args())
                .containsExactly(new BigDecimal("60000"), new BigDecimal("50000"));
    }

    @Test
    void shorteningTheUrgencyWindowTo30DaysDropsAPurchaseIn60Days() {
        GradingInput lead = purchasingOn(TODAY.plusDays(60));
        GradingRules shortWindow = new GradingRules(DEFAULTS.targetIndustries(), DEFAULTS.minimumBudget(), 30, 3, 2);

        assertThat(LeadGrader.grade(DEFAULTS, lead).criterion(Criterion.URGENCY).met()).isTrue();
        assertThat(LeadGrader.grade(shortWindow, lead).criterion(Criterion.URGENCY).met()).isFalse();
    }

    @Test
    void changingTheTargetIndustriesChangesTheIndustryPoint() {
        GradingRules otherMarket = withIndustries(Set.of("Retail"));

        assertThat(LeadGrader.grade(DEFAULTS, strongLead()).points()).isEqualTo(4);
        assertThat(LeadGrader.grade(otherMarket, strongLead()).points()).isEqualTo(3);
    }

    @Test
    void gradeBThresholdOfOneMakesAOnePointLeadB() {
        GradingInput onePoint = new GradingInput("Manufacturing", null, null, false, null, TODAY);
        GradingRules lenient = new GradingRules(DEFAULTS.targetIndustries(), DEFAULTS.minimumBudget(), 90, 3, 1);

        assertThat(LeadGrader.grade(DEFAULTS, onePoint).grade()).isEqualTo(Grade.C);
        assertThat(LeadGrader.grade(lenient, onePoint).grade()).isEqualTo(Grade.B);
    }

    @Test
    void L3_defaultRulesAreThoseOfTheSourceSop() {
        assertThat(DEFAULTS.minimumBudget()).isEqualByComparingTo("100000");
        assertThat(DEFAULTS.urgencyDays()).isEqualTo(90);
        assertThat(DEFAULTS.gradeAMinPoints()).isEqualTo(3);
        assertThat(DEFAULTS.gradeBMinPoints()).isEqualTo(2);
    }

    @ParameterizedTest(name = "A={0} B={1}")
    @CsvSource({"2, 3", "5, 2", "3, -1"})
    void gradeThresholdsMustSatisfyZeroAtMostBAtMostAAtMostFour(int gradeA, int gradeB) {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new GradingRules(Set.of(), BigDecimal.ZERO, 90, gradeA, gradeB));
    }

    @Test
    void extremeButConsistentThresholdsAreAccepted() {
        assertThat(new GradingRules(Set.of(), BigDecimal.ZERO, 0, 4, 4).gradeAMinPoints()).isEqualTo(4);
        assertThat(new GradingRules(Set.of(), BigDecimal.ZERO, 0, 0, 0).gradeBMinPoints()).isZero();
    }

    @Test
    void negativeBudgetsAndWindowsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new GradingRules(Set.of(), new BigDecimal("-1"), 90, 3, 2));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new GradingRules(Set.of(), BigDecimal.ZERO, -1, 3, 2));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new GradingInput("Manufacturing", new BigDecimal("-0.01"), null, false, null, TODAY));
    }

    private static GradingInput purchasingOn(LocalDate purchaseDate) {
        return new GradingInput("Manufacturing", new BigDecimal("150000"), purchaseDate, true, "张经理", TODAY);
    }
}

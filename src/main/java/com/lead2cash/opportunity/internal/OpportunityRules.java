package com.lead2cash.opportunity.internal;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.domain.PanelSeat;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The opportunity module's SOP rules (商机规则), bound from the current policy version by
 * {@code policy.current().bind(OpportunityRules.class)}; the defaults live in the SOP rule catalogue only.
 *
 * @param passScore the panel's combined score from which an opportunity qualifies (O1)
 * @param criterionMax the most points one criterion can get
 * @param panelRoles the seats of the evaluation panel (O2): SALES_REP, SALES_MANAGER, TECH_SUPPORT
 * @param answerWindow how long an invited tech-support evaluator has to answer (O2)
 */
public record OpportunityRules(
        @Rule(OpportunityRules.EVALUATION) @Param("passScore") int passScore,
        @Rule(OpportunityRules.EVALUATION) @Param("criterionMax") int criterionMax,
        @Rule(OpportunityRules.EVALUATION) @Param("discoveryProbability") BigDecimal discoveryProbability,
        @Rule(OpportunityRules.EVALUATION) @Param("evaluationProbability") BigDecimal evaluationProbability,
        @Rule(OpportunityRules.EVALUATION) @Param("proposalProbability") BigDecimal proposalProbability,
        @Rule(OpportunityRules.EVALUATION) @Param("negotiationProbability") BigDecimal negotiationProbability,
        @Rule(OpportunityRules.EVALUATION) @Param("contractProbability") BigDecimal contractProbability,
        @Rule(OpportunityRules.PANEL) @Param("panelRoles") List<String> panelRoles,
        @Rule(OpportunityRules.PANEL) @Param("answerWindow") DeadlineWindow answerWindow) {

    /** Evaluation scorecard: four criteria, the passing total, and the probability of each stage. */
    public static final String EVALUATION = "O1";
    /** The evaluation panel and the tech-support evaluator's answer window. */
    public static final String PANEL = "O2";

    /** The probability of winning at a stage, in percent: the policy's for open stages, 100 won, 0 lost. */
    public BigDecimal probability(Stage stage) {
        return switch (stage) {
            case DISCOVERY -> discoveryProbability;
            case EVALUATION -> evaluationProbability;
            case PROPOSAL -> proposalProbability;
            case NEGOTIATION -> negotiationProbability;
            case CONTRACT -> contractProbability;
            case WON -> new BigDecimal("100");
            case LOST -> BigDecimal.ZERO;
        };
    }

    /** The panel's seats in the policy's order. */
    public Set<PanelSeat> panel() {
        return panelRoles.stream().map(PanelSeat::ofRole).collect(Collectors.toCollection(
                () -> java.util.EnumSet.noneOf(PanelSeat.class)));
    }
}

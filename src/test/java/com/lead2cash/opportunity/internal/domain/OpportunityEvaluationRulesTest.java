package com.lead2cash.opportunity.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The evaluation gate (O1) and the panel (O2) on the catalogue's defaults: who scores, how scores combine, when it qualifies. */
class OpportunityEvaluationRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final OpportunityRules RULES = SopPolicy.defaults().bind(OpportunityRules.class);

    final UUID rep = UUID.randomUUID();
    final UUID manager = UUID.randomUUID();
    final UUID director = UUID.randomUUID();
    final UUID tech = UUID.randomUUID();
    final Opportunity opportunity = Opportunity.open(() -> "O-2026-000001", UUID.randomUUID(),
            OpportunityDetails.validated("园区安防改造", new BigDecimal("800000"), null, List.of("安防"), null, null),
            rep, null, rep, NOW, java.time.LocalDate.of(2026, 12, 1));

    OpportunityActor repActor() {
        return new OpportunityActor(rep, Set.of(Role.SALES_REP), true, false);
    }

    OpportunityActor managerActor(UUID id) {
        return new OpportunityActor(id, Set.of(Role.REGIONAL_MANAGER), true, false);
    }

    OpportunityActor techActor(boolean invited) {
        return new OpportunityActor(tech, Set.of(Role.TECH_SUPPORT), false, invited);
    }

    void score(OpportunityActor actor, int a, int b, int c, int d) {
        PanelSeat seat = opportunity.seatOf(actor).orElseThrow();
        opportunity.evaluate(seat, actor.userId(), EvaluationScores.validated(a, b, c, d, RULES.criterionMax()), null,
                RULES.panel(), NOW);
    }

    Scorecard verdict() {
        return opportunity.scorecard(RULES.panel(), RULES.passScore());
    }

    @Test
    void O1_aFullPanelAveragingThirtyOrMoreQualifies() {
        opportunity.invite(tech, rep, NOW);
        score(repActor(), 9, 8, 7, 8);            // 32
        score(managerActor(manager), 8, 7, 7, 6); // 28
        score(techActor(true), 8, 8, 7, 7);       // 30
        assertThat(verdict().score()).isEqualByComparingTo("30.00");
        assertThat(verdict().complete()).isTrue();
        assertThat(verdict().qualified()).isTrue();
        assertThat(verdict().criteria()).containsEntry("needMatch", new BigDecimal("8.33"));
    }

    @Test
    void O1_aFullPanelBelowThePassingTotalDoesNotQualify() {
        opportunity.invite(tech, rep, NOW);
        score(repActor(), 9, 8, 7, 8);            // 32
        score(managerActor(manager), 6, 6, 7, 6); // 25
        score(techActor(true), 8, 8, 7, 6);       // 29
        assertThat(verdict().score()).isEqualByComparingTo("28.67");
        assertThat(verdict().qualified()).isFalse();
    }

    @Test
    void O1_aPanelMissingASeatDoesNotQualifyWhateverItsScore() {
        score(repActor(), 10, 10, 10, 10);
        score(managerActor(manager), 10, 10, 10, 10);
        assertThat(verdict().score()).isEqualByComparingTo("40.00");
        assertThat(verdict().complete()).isFalse();
        assertThat(verdict().missingSeats()).containsExactly(PanelSeat.TECH_SUPPORT);
        assertThat(verdict().qualified()).isFalse();
    }

    @Test
    void O1_twoManagersInTheManagerSeatCountOnceAsTheirMean() {
        opportunity.invite(tech, rep, NOW);
        score(repActor(), 8, 8, 8, 8);             // 32
        score(managerActor(manager), 5, 5, 5, 5);  // 20
        score(managerActor(director), 10, 10, 10, 10); // 40 → seat 30
        score(techActor(true), 7, 7, 7, 7);        // 28
        assertThat(verdict().seatTotals().get(PanelSeat.MANAGER)).isEqualByComparingTo("30");
        assertThat(verdict().score()).isEqualByComparingTo("30.00");
    }

    @Test
    void O1_aHigherPassingTotalInThePolicyRefusesAPanelThatQualifiedBefore() {
        opportunity.invite(tech, rep, NOW);
        score(repActor(), 8, 8, 8, 8);
        score(managerActor(manager), 8, 8, 8, 8);
        score(techActor(true), 8, 8, 8, 8);
        assertThat(opportunity.scorecard(RULES.panel(), 30).qualified()).isTrue();
        assertThat(opportunity.scorecard(RULES.panel(), 33).qualified()).isFalse();
        assertThatThrownBy(() -> opportunity.moveTo(Stage.PROPOSAL, null, opportunity.scorecard(RULES.panel(), 33), rep, NOW))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("opportunity.stage.evaluationFailed");
        opportunity.moveTo(Stage.PROPOSAL, null, opportunity.scorecard(RULES.panel(), 30), rep, NOW);
        assertThat(opportunity.stage()).isEqualTo(Stage.PROPOSAL);
    }

    @Test
    void O1_eachCriterionIsScoredFromZeroToThePolicysMaximum() {
        assertThatThrownBy(() -> EvaluationScores.validated(11, 5, null, -1, RULES.criterionMax()))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field)
                        .containsExactly("needMatch", "paymentRisk", "resourceInvestment"));
        assertThat(EvaluationScores.validated(0, 10, 10, 0, RULES.criterionMax()).total()).isEqualTo(20);
    }

    @Test
    void O1_leavingEvaluationByAnyRouteNeedsTheQualifyingPanel() {
        for (Stage target : List.of(Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CONTRACT)) {
            assertThatThrownBy(() -> opportunity.moveTo(target, null, verdict(), rep, NOW))
                    .as(target.name()).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("opportunity.stage.evaluationIncomplete");
        }
        assertThat(opportunity.stage()).isEqualTo(Stage.DISCOVERY);
    }

    @Test
    void O2_thePanelIsTheSeatsThePolicyNames() {
        Set<PanelSeat> repAndManager = EnumSet.of(PanelSeat.REP, PanelSeat.MANAGER);
        score(repActor(), 8, 8, 7, 7);
        score(managerActor(manager), 8, 8, 8, 7);
        assertThat(opportunity.scorecard(repAndManager, 30).qualified()).isTrue();
        assertThat(opportunity.scorecard(RULES.panel(), 30).qualified()).isFalse();
        assertThat(RULES.panel()).containsExactly(PanelSeat.REP, PanelSeat.MANAGER, PanelSeat.TECH_SUPPORT);
    }

    @Test
    void O2_aMemberWhoScoresAgainReplacesTheirScorecardWhichStaysAsHistory() {
        score(repActor(), 2, 2, 2, 2);
        score(repActor(), 9, 9, 9, 9);
        assertThat(opportunity.evaluations()).hasSize(2);
        assertThat(opportunity.evaluations().stream().filter(Evaluation::current)).singleElement()
                .extracting(Evaluation::total).isEqualTo(36);
        assertThat(verdict().seatTotals().get(PanelSeat.REP)).isEqualByComparingTo("36");
    }

    @Test
    void O2_onlyAnInvitedTechSupportColleagueSitsInTheTechSeatAndScoringAnswersTheInvitation() {
        assertThat(opportunity.seatOf(techActor(false))).isEmpty();
        assertThat(opportunity.availableActions(techActor(false), RULES.panel(), false, null)).isEmpty();
        EvaluationInvitation invitation = opportunity.invite(tech, rep, NOW);
        assertThat(opportunity.invite(tech, rep, NOW)).as("an open invitation is not repeated").isEqualTo(invitation);
        assertThat(opportunity.availableActions(techActor(true), RULES.panel(), false, null)).containsExactly(OpportunityAction.EVALUATE);
        score(techActor(true), 7, 7, 7, 7);
        assertThat(opportunity.invitations()).singleElement().satisfies(i -> {
            assertThat(i.isOpen()).isFalse();
            assertThat(i.answeredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void O2_someoneOffThePanelCannotScore() {
        OpportunityActor otherRep = new OpportunityActor(UUID.randomUUID(), Set.of(Role.SALES_REP), false, false);
        assertThat(opportunity.seatOf(otherRep)).isEmpty();
        assertThatThrownBy(() -> opportunity.requireAction(otherRep, OpportunityAction.EVALUATE, RULES.panel(), false, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> opportunity.evaluate(PanelSeat.TECH_SUPPORT, UUID.randomUUID(),
                new EvaluationScores(1, 1, 1, 1), null, EnumSet.of(PanelSeat.REP), NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theFirstScorecardInDiscoveryStartsTheEvaluationStage() {
        score(repActor(), 5, 5, 5, 5);
        assertThat(opportunity.stage()).isEqualTo(Stage.EVALUATION);
        assertThat(opportunity.drainChanges()).extracting(StageChange::to).containsExactly(Stage.DISCOVERY, Stage.EVALUATION);
    }

    @Test
    void theStageProbabilitiesComeFromThePolicyAndRiseStageByStage() {
        assertThat(List.of(Stage.DISCOVERY, Stage.EVALUATION, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CONTRACT, Stage.WON))
                .extracting(RULES::probability).extracting(BigDecimal::intValue).containsExactly(10, 20, 40, 60, 80, 100);
        assertThat(RULES.probability(Stage.LOST)).isZero();
    }

    @Test
    void O2_thePolicyOffersExactlyThePanelSeatsThisModuleKnows() {
        assertThat(RuleCatalog.require(OpportunityRules.PANEL).param("panelRoles").orElseThrow().choices())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PanelSeat.values()).map(PanelSeat::role).toList());
    }
}

package com.lead2cash.quote.internal.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.testing.RefusalText;
import java.time.Instant;
import java.util.Locale;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Q3 — what a version of negotiation minutes offers whom: who works the opportunity (its owner, or a manager above
 * the owner) sends and revises by the version's status and the opportunity's stage; a colleague who sees the
 * opportunity without working it is offered nothing and refused 403 (someone out of scope never reaches the minutes:
 * 404 in the service).
 */
class NegotiationMinutesActionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    static MinutesActor owner(Stage stage) {
        return new MinutesActor(true, stage);
    }

    static MinutesActor colleague(Stage stage) {
        return new MinutesActor(false, stage);
    }

    static NegotiationMinutes first() {
        return NegotiationMinutes.write(UUID.randomUUID(), UUID.randomUUID(), null,
                MinutesContentTest.content("100000.00", MinutesContentTest.percent(MilestoneType.PREPAYMENT, "100")),
                UUID.randomUUID(), owner(Stage.NEGOTIATION), NOW);
    }

    static NegotiationMinutes in(MinutesStatus status) {
        NegotiationMinutes m = first();
        switch (status) {
            case DRAFT -> {
            }
            case SENT -> m.sent(owner(Stage.NEGOTIATION), NOW);
            case CONFIRMED, CHANGES_REQUESTED -> {
                m.sent(owner(Stage.NEGOTIATION), NOW);
                m.answered(status == MinutesStatus.CONFIRMED, Stage.NEGOTIATION, NOW);
            }
            case SUPERSEDED -> NegotiationMinutes.write(m.opportunityId(), m.customerId(), m,
                    MinutesContentTest.content("90000.00", MinutesContentTest.percent(MilestoneType.PREPAYMENT, "100")),
                    UUID.randomUUID(), owner(Stage.NEGOTIATION), NOW);
        }
        assertThat(m.status()).isEqualTo(status);
        return m;
    }

    @Test
    void Q3_whoWorksTheOpportunitySendsByTheVersionsStatusAndRevisesTheCurrentOneInNegotiation() {
        for (Stage stage : Set.of(Stage.NEGOTIATION, Stage.CONTRACT)) {
            assertThat(in(MinutesStatus.DRAFT).availableActions(owner(stage)))
                    .containsExactlyInAnyOrder(MinutesAction.SEND, MinutesAction.REVISE);
            assertThat(in(MinutesStatus.SENT).availableActions(owner(stage))).as("sent again, to another contact")
                    .containsExactlyInAnyOrder(MinutesAction.SEND, MinutesAction.REVISE);
            assertThat(in(MinutesStatus.CHANGES_REQUESTED).availableActions(owner(stage)))
                    .containsExactlyInAnyOrder(MinutesAction.SEND, MinutesAction.REVISE);
            assertThat(in(MinutesStatus.CONFIRMED).availableActions(owner(stage))).as("confirmed: not sent again")
                    .containsExactly(MinutesAction.REVISE);
            assertThat(in(MinutesStatus.SUPERSEDED).availableActions(owner(stage))).as("the next version starts from the current")
                    .isEmpty();
        }
    }

    @Test
    void Q3_anOpenOpportunityOutsideNegotiationSendsWhatWasWrittenButTakesNoNewVersion() {
        // moved back to the proposal: the minutes written in negotiation may still be sent
        assertThat(in(MinutesStatus.DRAFT).availableActions(owner(Stage.PROPOSAL))).containsExactly(MinutesAction.SEND);
        assertThatThrownBy(() -> in(MinutesStatus.DRAFT).requireAction(owner(Stage.PROPOSAL), MinutesAction.REVISE))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("minutes.opportunity.notNegotiating"));
        assertThat(NegotiationMinutes.mayWrite(owner(Stage.PROPOSAL))).isFalse();
        assertThat(NegotiationMinutes.mayWrite(owner(Stage.NEGOTIATION))).isTrue();
    }

    @Test
    void Q3_aWonOrLostOpportunitysMinutesOfferNothingAndRefuseByTheStage422() {
        for (Stage closed : Set.of(Stage.WON, Stage.LOST)) {
            for (MinutesStatus status : MinutesStatus.values()) {
                NegotiationMinutes m = in(status);
                assertThat(m.availableActions(owner(closed))).as("%s minutes of a %s opportunity", status, closed).isEmpty();
                assertThatThrownBy(() -> m.requireAction(owner(closed), MinutesAction.SEND))
                        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("minutes.opportunityClosed"))
                        .isNotInstanceOf(ForbiddenException.class);
            }
            assertThatThrownBy(() -> in(MinutesStatus.DRAFT).sent(owner(closed), NOW)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("minutes.opportunityClosed");
            assertThatThrownBy(() -> in(MinutesStatus.DRAFT).requireAction(owner(closed), MinutesAction.REVISE))
                    .isInstanceOfSatisfying(DomainException.class, e ->
                            assertThat(e.messageKey()).isEqualTo("minutes.opportunity.notNegotiating"));
        }
    }

    @Test
    void Q3_aColleagueWhoDoesNotWorkTheOpportunityIsOfferedNothingAndRefused403() {
        for (Stage stage : EnumSet.of(Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CONTRACT, Stage.WON, Stage.LOST)) {
            for (MinutesStatus status : MinutesStatus.values()) {
                NegotiationMinutes m = in(status);
                assertThat(m.availableActions(colleague(stage))).as("%s minutes, %s", status, stage).isEmpty();
                for (MinutesAction action : MinutesAction.values()) {
                    assertThatThrownBy(() -> m.requireAction(colleague(stage), action)).isInstanceOf(ForbiddenException.class);
                }
            }
        }
        assertThatThrownBy(() -> NegotiationMinutes.write(UUID.randomUUID(), UUID.randomUUID(), null,
                MinutesContentTest.content("1000.00", MinutesContentTest.percent(MilestoneType.PREPAYMENT, "100")),
                UUID.randomUUID(), colleague(Stage.NEGOTIATION), NOW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void Q3_whatIsNotOfferedIsRefusedByTheVersionsState422() {
        assertThatThrownBy(() -> in(MinutesStatus.CONFIRMED).sent(owner(Stage.CONTRACT), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("minutes.send.notNow");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).as("the status in words, not its code")
                            .contains("“客户已确认”").doesNotContain("CONFIRMED");
                })
                .isNotInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> in(MinutesStatus.SUPERSEDED).requireAction(owner(Stage.NEGOTIATION), MinutesAction.REVISE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("minutes.revise.superseded"));
        NegotiationMinutes superseded = in(MinutesStatus.SUPERSEDED);
        assertThatThrownBy(() -> NegotiationMinutes.write(superseded.opportunityId(), superseded.customerId(), superseded,
                MinutesContentTest.content("1000.00", MinutesContentTest.percent(MilestoneType.PREPAYMENT, "100")),
                UUID.randomUUID(), owner(Stage.NEGOTIATION), NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void Q3_anAnswerForMinutesOfAWonOrLostOpportunityChangesNothing() {
        for (Stage closed : Set.of(Stage.WON, Stage.LOST)) {
            for (boolean confirmed : new boolean[] {true, false}) {
                NegotiationMinutes m = in(MinutesStatus.SENT);
                assertThat(m.answered(confirmed, closed, NOW)).as("%s, confirmed %s", closed, confirmed).isFalse();
                assertThat(m.status()).isEqualTo(MinutesStatus.SENT);
            }
        }
        NegotiationMinutes open = in(MinutesStatus.SENT);
        assertThat(open.answered(true, Stage.CONTRACT, NOW)).isTrue();
        assertThat(open.status()).isEqualTo(MinutesStatus.CONFIRMED);
    }
}

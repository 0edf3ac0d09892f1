package com.lead2cash.opportunity.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.RefusalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import com.lead2cash.platform.ForbiddenException;

/**
 * Every stage transition of an opportunity from every stage, allowed or refused with its reason, and what
 * each kind of person may do with it in each stage.
 */
class OpportunityLifecycleTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);
    /** The business's day at {@link #NOW} (Asia/Shanghai). */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final OpportunityRules RULES = SopPolicy.defaults().bind(OpportunityRules.class);
    static final UUID REP = UUID.randomUUID();
    static final Opportunity.LostDetails LOST = new Opportunity.LostDetails("PRICE", "价格高于预算", "华为");

    /** An opportunity brought to {@code stage} through the stages before it, past a qualifying panel. */
    static Opportunity at(Stage stage) {
        Opportunity o = Opportunity.open(() -> "O-1", UUID.randomUUID(),
                OpportunityDetails.validated("数据中心扩容", new BigDecimal("500000"), null, null, List.of("华为"), null),
                REP, null, REP, NOW, TODAY);
        Scorecard pass = passing(o);
        List<Stage> path = switch (stage) {
            case DISCOVERY -> List.of();
            case EVALUATION -> List.of(Stage.EVALUATION);
            case PROPOSAL -> List.of(Stage.EVALUATION, Stage.PROPOSAL);
            case NEGOTIATION -> List.of(Stage.EVALUATION, Stage.PROPOSAL, Stage.NEGOTIATION);
            case CONTRACT -> List.of(Stage.EVALUATION, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CONTRACT);
            case WON -> List.of(Stage.EVALUATION, Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CONTRACT, Stage.WON);
            case LOST -> List.of(Stage.EVALUATION, Stage.LOST);
        };
        for (Stage s : path) {
            o.moveTo(s, s == Stage.LOST ? LOST : null, pass, REP, NOW);
        }
        return o;
    }

    static Scorecard passing(Opportunity o) {
        return new Scorecard(EnumSet.of(PanelSeat.REP), java.util.Map.of(PanelSeat.REP, new BigDecimal("32")),
                java.util.Map.of(), new BigDecimal("32.00"), 30);
    }

    static Scorecard failing() {
        return new Scorecard(EnumSet.of(PanelSeat.REP), java.util.Map.of(PanelSeat.REP, new BigDecimal("24")),
                java.util.Map.of(), new BigDecimal("24.00"), 30);
    }

    /** from, to, with a qualifying panel?, the refusal's key or null when allowed. */
    static Stream<Arguments> transitions() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                for (boolean qualified : List.of(true, false)) {
                    cases.add(Arguments.of(from, to, qualified, expected(from, to, qualified)));
                }
            }
        }
        return cases.stream();
    }

    static String expected(Stage from, Stage to, boolean qualified) {
        if (from.isClosed()) {
            return "opportunity.closed";
        }
        if (from == to) {
            return "opportunity.stage.same";
        }
        if (to == Stage.LOST) {
            return null;
        }
        if (to == Stage.WON && from != Stage.CONTRACT) {
            return "opportunity.stage.wonOnlyFromContract";
        }
        if (to.isPastEvaluation() && !from.isPastEvaluation() && !qualified) {
            return "opportunity.stage.evaluationFailed";
        }
        return null;
    }

    @ParameterizedTest(name = "{0} → {1} (panel qualifies: {2}): {3}")
    @MethodSource("transitions")
    void everyStageChangeIsAllowedOrRefusedWithItsReason(Stage from, Stage to, boolean qualified, String refusal) {
        Opportunity o = at(from);
        o.drainChanges();
        Scorecard verdict = qualified ? passing(o) : failing();
        if (refusal == null) {
            o.moveTo(to, to == Stage.LOST ? LOST : null, verdict, REP, LATER);
            assertThat(o.stage()).isEqualTo(to);
            assertThat(o.stageChangedAt()).isEqualTo(LATER);
            assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.forStage(to));
            assertThat(o.closedAt()).isEqualTo(to.isClosed() ? LATER : null);
            assertThat(o.drainChanges()).singleElement().satisfies(c -> {
                assertThat(c.from()).isEqualTo(from);
                assertThat(c.to()).isEqualTo(to);
            });
        } else {
            assertThatThrownBy(() -> o.moveTo(to, to == Stage.LOST ? LOST : null, verdict, REP, LATER))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).messageKey()).isEqualTo(refusal);
            assertThat(o.stage()).isEqualTo(from);
            assertThat(o.drainChanges()).isEmpty();
        }
    }

    @Test
    void losingNeedsAReasonAndKeepsWhereItWasLostFrom() {
        Opportunity o = at(Stage.PROPOSAL);
        assertThatThrownBy(() -> o.moveTo(Stage.LOST, null, passing(o), REP, LATER))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("lostReason"));
        o.moveTo(Stage.LOST, LOST, passing(o), REP, LATER);
        assertThat(o.lostReason()).isEqualTo("PRICE");
        assertThat(o.lostTo()).isEqualTo("华为");
        o.reopen(REP, LATER.plusSeconds(60));
        assertThat(o.stage()).isEqualTo(Stage.PROPOSAL);
        assertThat(o.lostReason()).isNull();
        assertThat(o.closedAt()).isNull();
    }

    @Test
    void theNextStageIsTheFollowingOneAndAMoveBackIsMadeOnlyWhenConfirmed() {
        assertThat(at(Stage.DISCOVERY).nextStage()).contains(Stage.EVALUATION);
        assertThat(at(Stage.NEGOTIATION).nextStage()).contains(Stage.CONTRACT);
        assertThat(at(Stage.CONTRACT).nextStage()).contains(Stage.WON);
        assertThat(at(Stage.WON).nextStage()).isEmpty();
        assertThat(at(Stage.LOST).nextStage()).isEmpty();

        Opportunity o = at(Stage.NEGOTIATION);
        assertThat(o.isBackward(Stage.DISCOVERY)).isTrue();
        assertThat(o.isBackward(Stage.CONTRACT)).isFalse();
        assertThat(o.isBackward(Stage.LOST)).as("a loss is no move back").isFalse();
        o.drainChanges();
        assertThatThrownBy(() -> o.moveTo(Stage.DISCOVERY, null, passing(o), false, REP, LATER))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("opportunity.stage.backUnconfirmed"));
        assertThat(o.stage()).isEqualTo(Stage.NEGOTIATION);
        assertThat(o.drainChanges()).isEmpty();
        o.moveTo(Stage.CONTRACT, null, passing(o), false, REP, LATER);
        o.moveTo(Stage.PROPOSAL, null, passing(o), true, REP, LATER);
        assertThat(o.stage()).isEqualTo(Stage.PROPOSAL);
    }

    @Test
    void onlyALostOpportunityReopens() {
        for (Stage s : Stage.values()) {
            Opportunity o = at(s);
            if (s == Stage.LOST) {
                o.reopen(REP, LATER);
                assertThat(o.stage()).isEqualTo(Stage.EVALUATION);
            } else {
                assertThatThrownBy(() -> o.reopen(REP, LATER)).as(s.name()).isInstanceOf(DomainException.class);
            }
        }
    }

    @Test
    void anAcceptedQuoteMovesAProposalToNegotiationAndANegotiationToContract() {
        Opportunity o = at(Stage.PROPOSAL);
        assertThat(o.quoteAccepted(new BigDecimal("452000.00"), "quote:1", LATER)).isTrue();
        assertThat(o.stage()).isEqualTo(Stage.NEGOTIATION);
        assertThat(o.amount()).isEqualByComparingTo("452000.00");
        assertThat(o.quoteAccepted(new BigDecimal("440000.00"), "quote:2", LATER)).isTrue();
        assertThat(o.stage()).isEqualTo(Stage.CONTRACT);
        assertThat(o.quoteAccepted(new BigDecimal("430000.00"), "quote:3", LATER)).isFalse();
        assertThat(o.stage()).isEqualTo(Stage.CONTRACT);
        assertThat(o.contractSigned("HT-2026-0001", new BigDecimal("430000.00"), LATER)).isTrue();
        assertThat(o.stage()).isEqualTo(Stage.WON);
        assertThat(o.quoteAccepted(BigDecimal.ONE, "quote:4", LATER)).isFalse();
        assertThat(o.amount()).as("a closed opportunity keeps its amount").isEqualByComparingTo("430000.00");
    }

    /** Decision 0087: won by its contract's signing, the opportunity's amount is the deal as closed — the contract's. */
    @Test
    void aContractSignedAtAnotherAmountWinsTheOpportunityAtTheContractsAmountAndItsAmendmentsFollow() {
        Opportunity o = at(Stage.CONTRACT);
        o.drainChanges();
        assertThat(o.contractSigned("HT-2026-0002", new BigDecimal("999999.99"), LATER)).isTrue();
        assertThat(o.stage()).isEqualTo(Stage.WON);
        assertThat(o.amount()).isEqualByComparingTo("999999.99");
        assertThat(o.drainChanges()).singleElement().satisfies(change -> {
            assertThat(change.to()).isEqualTo(Stage.WON);
            assertThat(change.amount()).isEqualByComparingTo("999999.99");
            assertThat(change.note()).isEqualTo(Opportunity.CONTRACT_NOTE + "HT-2026-0002");
        });

        assertThat(o.contractAmended(new BigDecimal("1049999.99"), LATER)).isTrue();
        assertThat(o.amount()).isEqualByComparingTo("1049999.99");
        assertThat(o.contractAmended(new BigDecimal("1049999.99"), LATER)).as("the same amount: no change").isFalse();

        Opportunity open = at(Stage.NEGOTIATION);
        assertThat(open.contractSigned("HT-2026-0003", new BigDecimal("1.00"), LATER))
                .as("signed while the opportunity stood before the contract stage: not won by it").isFalse();
        assertThat(open.contractAmended(new BigDecimal("2.00"), LATER)).isFalse();
        assertThat(open.amount()).as("an open opportunity's amount is its own").isEqualByComparingTo("500000");
    }

    @Test
    void theForecastCategoryFollowsTheStageUntilTheOwnerSetsItAndAgainAfterAStageChange() {
        Opportunity o = at(Stage.PROPOSAL);
        assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
        o.setForecastCategory(ForecastCategory.COMMIT, LATER);
        assertThat(o.forecastOverridden()).isTrue();
        assertThatThrownBy(() -> o.setForecastCategory(ForecastCategory.CLOSED, LATER)).isInstanceOf(FieldValidationException.class);
        o.moveTo(Stage.NEGOTIATION, null, passing(o), REP, LATER);
        assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
        assertThat(o.forecastOverridden()).isFalse();
    }

    static Stream<Arguments> actors() {
        UUID other = UUID.randomUUID();
        return Stream.of(
                Arguments.of("owner", new OpportunityActor(REP, Set.of(Role.SALES_REP), true, false)),
                Arguments.of("manager above", new OpportunityActor(other, Set.of(Role.REGIONAL_MANAGER), true, false)),
                Arguments.of("rep of another team", new OpportunityActor(other, Set.of(Role.SALES_REP), false, false)),
                Arguments.of("finance", new OpportunityActor(other, Set.of(Role.FINANCE), true, false)),
                Arguments.of("invited tech support", new OpportunityActor(other, Set.of(Role.TECH_SUPPORT), false, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actors")
    void whatEachPersonMayDoInEachStage(String who, OpportunityActor actor) {
        for (Stage s : Stage.values()) {
            Opportunity o = at(s);
            Set<OpportunityAction> actions = o.availableActions(actor, RULES.panel(), true, null);
            Set<OpportunityAction> expected = EnumSet.noneOf(OpportunityAction.class);
            boolean works = who.equals("owner") || who.equals("manager above");
            boolean evaluating = s == Stage.DISCOVERY || s == Stage.EVALUATION;
            if (s == Stage.LOST) {
                if (works) {
                    expected.add(OpportunityAction.REOPEN);
                }
            } else if (s != Stage.WON) {
                if (works) {
                    expected.addAll(List.of(OpportunityAction.EDIT, OpportunityAction.MOVE,
                            OpportunityAction.SET_FORECAST_CATEGORY, OpportunityAction.MARK_LOST));
                    if (s == Stage.CONTRACT) {
                        expected.add(OpportunityAction.MARK_WON); // its contract signed: see the test below
                    }
                    if (evaluating) {
                        expected.addAll(List.of(OpportunityAction.INVITE_EVALUATOR, OpportunityAction.EVALUATE));
                    }
                    if (who.equals("manager above")) {
                        expected.add(OpportunityAction.REASSIGN);
                    }
                }
                if (who.equals("invited tech support") && evaluating) {
                    expected.add(OpportunityAction.EVALUATE);
                }
            }
            assertThat(actions).as(who + " in " + s).isEqualTo(expected);
        }
    }

    @Test
    void aRefusedActionIs403WhenNeverTheirsAnd422WhenTheStageForbidsIt() {
        OpportunityActor stranger = new OpportunityActor(UUID.randomUUID(), Set.of(Role.SALES_REP), false, false);
        OpportunityActor owner = new OpportunityActor(REP, Set.of(Role.SALES_REP), true, false);
        Opportunity proposal = at(Stage.PROPOSAL);
        assertThatThrownBy(() -> proposal.requireAction(stranger, OpportunityAction.EDIT, RULES.panel(), false, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> proposal.requireAction(owner, OpportunityAction.EVALUATE, RULES.panel(), false, null))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException refusal = (DomainException) e;
                    assertThat(refusal.messageKey()).isEqualTo("opportunity.action.notNow.EVALUATE");
                    assertThat(RefusalText.of(refusal, Locale.ENGLISH)).as("the stage in words, not its code")
                            .contains("Proposal").doesNotContain("PROPOSAL");
                    assertThat(RefusalText.of(refusal, Locale.CHINESE)).contains("方案").doesNotContain("PROPOSAL");
                });
        assertThatThrownBy(() -> proposal.requireAction(owner, OpportunityAction.REASSIGN, RULES.panel(), false, null))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void wonIsOfferedAtTheContractStageOnlyOnceAContractIsSignedAndRefusedSayingTheSigningWinsIt() {
        OpportunityActor owner = new OpportunityActor(REP, Set.of(Role.SALES_REP), true, false);
        Opportunity contract = at(Stage.CONTRACT);
        assertThat(contract.availableActions(owner, RULES.panel(), false, null)).as("no signed contract (a draft, or terminated)")
                .doesNotContain(OpportunityAction.MARK_WON).contains(OpportunityAction.MOVE, OpportunityAction.MARK_LOST);
        assertThatThrownBy(() -> contract.requireAction(owner, OpportunityAction.MARK_WON, RULES.panel(), false, null))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("opportunity.stage.wonNeedsSignedContract"));
        assertThat(contract.availableActions(owner, RULES.panel(), true, null)).contains(OpportunityAction.MARK_WON);
        assertThat(at(Stage.NEGOTIATION).availableActions(owner, RULES.panel(), true, null)).as("not before the contract stage")
                .doesNotContain(OpportunityAction.MARK_WON);
    }

    @Test
    void lostIsNotOfferedWhileAContractIsUnderWayAndRefusedNamingIt() {
        OpportunityActor owner = new OpportunityActor(REP, Set.of(Role.SALES_REP), true, false);
        for (Stage s : List.of(Stage.NEGOTIATION, Stage.CONTRACT)) {
            Opportunity o = at(s);
            assertThat(o.availableActions(owner, RULES.panel(), false, "HT-2026-000001")).as(s.name())
                    .contains(OpportunityAction.MOVE).doesNotContain(OpportunityAction.MARK_LOST);
            assertThatThrownBy(() -> o.requireAction(owner, OpportunityAction.MARK_LOST, RULES.panel(), false,
                    "HT-2026-000001")).as(s.name()).isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("opportunity.lost.contractUnderWay");
                        assertThat(e.args()).containsExactly("HT-2026-000001");
                    });
            assertThat(o.availableActions(owner, RULES.panel(), false, null)).as("none under way")
                    .contains(OpportunityAction.MARK_LOST);
        }
    }

    @Test
    void O1_aQuoteAcceptedBeforeTheProposalStageLeavesTheAmountAndStageAsTheyAre() {
        for (Stage s : List.of(Stage.DISCOVERY, Stage.EVALUATION, Stage.LOST)) {
            Opportunity o = at(s);
            BigDecimal amount = o.amount();
            assertThat(o.quoteAccepted(new BigDecimal("999.00"), "Q-1 v1", LATER)).as(s.name()).isFalse();
            assertThat(o.amount()).as(s.name()).isEqualByComparingTo(amount);
            assertThat(o.stage()).isEqualTo(s);
        }
        Opportunity proposal = at(Stage.PROPOSAL);
        assertThat(proposal.quoteAccepted(new BigDecimal("999.00"), "Q-1 v1", LATER)).isTrue();
        assertThat(proposal.amount()).isEqualByComparingTo("999.00");
        assertThat(proposal.stage()).isEqualTo(Stage.NEGOTIATION);
    }

    @Test
    void onceTheCustomerAcceptedAQuoteTheAmountIsTheQuotesAndAnotherAmountByHandIsRefused() {
        Opportunity o = at(Stage.PROPOSAL);
        o.quoteAccepted(new BigDecimal("999.00"), "Q-1 v1", LATER);
        o.moveTo(Stage.CONTRACT, null, passing(o), REP, LATER);
        OpportunityDetails stored = o.details();
        assertThatThrownBy(() -> o.edit(OpportunityDetails.validated(stored.name(), new BigDecimal("1.00"),
                stored.expectedCloseDate(), stored.productLines(), stored.competitors(), stored.nextStep()), true, LATER, TODAY))
                .isInstanceOf(FieldValidationException.class)
                .satisfies(e -> assertThat(((FieldValidationException) e).errors())
                        .extracting(FieldValidationException.FieldError::field).containsExactly("amount"))
                .extracting(e -> ((FieldValidationException) e).errors().get(0).messageKey())
                .isEqualTo("opportunity.amount.agreed");
        assertThat(o.amount()).isEqualByComparingTo("999.00");

        o.edit(OpportunityDetails.validated("改了名字", new BigDecimal("999"), null, List.of("CRM"), null, "签约"), true, LATER, TODAY);
        assertThat(o.name()).as("the other fields are still corrected").isEqualTo("改了名字");
        assertThat(o.amount()).isEqualByComparingTo("999.00");
        Opportunity noQuote = at(Stage.CONTRACT);
        noQuote.edit(OpportunityDetails.validated("x", new BigDecimal("1.00"), null, null, null, null), false, LATER, TODAY);
        assertThat(noQuote.amount()).as("no quote accepted: the rep's estimate").isEqualByComparingTo("1.00");
    }

    @Test
    void anExpectedCloseDateSetInThePastIsRefusedAndAnOverdueOneLeftAsItIsStays() {
        OpportunityDetails past = OpportunityDetails.validated("数据中心扩容", new BigDecimal("500000"),
                TODAY.minusDays(1), null, null, null);
        assertThatThrownBy(() -> Opportunity.open(() -> "O-2", UUID.randomUUID(), past, REP, null, REP, NOW, TODAY))
                .isInstanceOf(FieldValidationException.class)
                .satisfies(e -> assertThat(((FieldValidationException) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("expectedCloseDate"))
                        .satisfies(f -> assertThat(f.messageKey()).isEqualTo("opportunity.closeDate.invalid"))
                        .satisfies(f -> assertThat(f.args()).as("the one range the field takes")
                                .containsExactly(TODAY, TODAY.plusYears(10))));
        Opportunity o = Opportunity.open(() -> "O-2", UUID.randomUUID(), OpportunityDetails.validated("数据中心扩容",
                new BigDecimal("500000"), TODAY, null, null, null), REP, null, REP, NOW, TODAY);
        assertThat(o.expectedCloseDate()).as("today is still ahead").isEqualTo(TODAY);

        // a month on, the date passed: the other fields are corrected, the date left as it is; a past one is not set
        LocalDate monthOn = TODAY.plusMonths(1);
        o.edit(OpportunityDetails.validated("数据中心二期", new BigDecimal("500000"), TODAY, null, null, null), LATER, monthOn);
        assertThat(o.name()).isEqualTo("数据中心二期");
        assertThatThrownBy(() -> o.edit(OpportunityDetails.validated("数据中心二期", new BigDecimal("500000"),
                monthOn.minusDays(1), null, null, null), LATER, monthOn))
                .isInstanceOf(FieldValidationException.class)
                .satisfies(e -> assertThat(((FieldValidationException) e).errors().get(0).field()).isEqualTo("expectedCloseDate"));
        assertThat(o.expectedCloseDate()).isEqualTo(TODAY);
        o.edit(OpportunityDetails.validated("数据中心二期", new BigDecimal("500000"), monthOn, null, null, null), LATER, monthOn);
        assertThat(o.expectedCloseDate()).isEqualTo(monthOn);
    }

    @Test
    void aClosedOpportunityCannotBeEditedOrEvaluated() {
        Opportunity won = at(Stage.WON);
        assertThatThrownBy(() -> won.edit(OpportunityDetails.validated("x", BigDecimal.ONE, null, null, null, null), LATER, TODAY))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> won.evaluate(PanelSeat.REP, REP, new EvaluationScores(1, 1, 1, 1), null, RULES.panel(), LATER))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> at(Stage.PROPOSAL).evaluate(PanelSeat.REP, REP, new EvaluationScores(1, 1, 1, 1),
                null, RULES.panel(), LATER)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("opportunity.evaluation.closed");
    }

    @Test
    void detailsAreCheckedOnceForEveryWayIn() {
        assertThatThrownBy(() -> OpportunityDetails.validated(" ", new BigDecimal("-1"), null,
                List.of("a".repeat(101)), null, "x".repeat(501)))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field)
                        .containsExactly("name", "amount", "productLines", "nextStep"));
        // past the money column: too large, not "too many decimals"; too many decimals says so
        assertThatThrownBy(() -> OpportunityDetails.validated("大额", new BigDecimal("99999999999999999999999"), null,
                null, null, null)).isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("error.input.amountTooLarge"));
        assertThatThrownBy(() -> OpportunityDetails.validated("小数", new BigDecimal("1.125"), null, null, null, null))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("error.input.amountTooPrecise"));
        assertThat(OpportunityDetails.validated(" 智慧园区 ", new BigDecimal("1.5"), null, List.of("安防", " 安防 ", ""),
                null, null).productLines()).containsExactly("安防");
    }
}

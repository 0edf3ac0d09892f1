package com.lead2cash.lead.internal.domain;

import static com.lead2cash.lead.internal.domain.LeadAction.ARBITRATE;
import static com.lead2cash.lead.internal.domain.LeadAction.ASSIGN;
import static com.lead2cash.lead.internal.domain.LeadAction.CLAIM;
import static com.lead2cash.lead.internal.domain.LeadAction.CONTACT;
import static com.lead2cash.lead.internal.domain.LeadAction.CONVERT;
import static com.lead2cash.lead.internal.domain.LeadAction.CORRECT;
import static com.lead2cash.lead.internal.domain.LeadAction.DISQUALIFY;
import static com.lead2cash.lead.internal.domain.LeadAction.REGRADE;
import static com.lead2cash.lead.internal.domain.LeadAction.REOPEN;
import static com.lead2cash.lead.internal.domain.LeadAction.SCREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.grading.GradingInput;
import com.lead2cash.lead.internal.grading.GradingResult;
import com.lead2cash.lead.internal.grading.LeadGrader;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.RefusalText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lead aggregate answers what may be done next, and its transitions refuse exactly the rest: for
 * every state and kind of person, every action is tried and must succeed when offered and be refused
 * when not.
 */
public class LeadTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LeadRules RULES = SopPolicy.defaults().bind(LeadRules.class);

    public static final UUID OWNER = id(1);
    static final UUID OTHER_REP = id(2);
    static final UUID JUNIOR = id(3);
    static final UUID MANAGER = id(4);
    static final UUID ASSISTANT = id(5);
    static final UUID MARKETING = id(6);

    static final UUID DIRECTOR = id(7);
    static final TerritoryStanding NO_TEAM = TerritoryStanding.NO_TEAM;
    static final TerritoryStanding WITHIN = standing(TerritoryStanding.Standing.WITHIN);
    static final TerritoryStanding ABOVE = standing(TerritoryStanding.Standing.ABOVE);
    static final TerritoryStanding OUTSIDE = standing(TerritoryStanding.Standing.OUTSIDE);

    static TerritoryStanding standing(TerritoryStanding.Standing standing) {
        return new TerritoryStanding("杭州", "华东大区", standing);
    }

    static final SeniorityRule.Seniority SENIOR = new SeniorityRule.Seniority(true, 12);
    static final SeniorityRule.Seniority NOT_SENIOR = new SeniorityRule.Seniority(false, 12);

    static UUID id(int n) {
        return new UUID(0, n);
    }

    // --- people --------------------------------------------------------------------------------------

    static LeadActor rep(UUID id, boolean inScope) {
        return new LeadActor(id, false, true, false, SENIOR, inScope);
    }

    static LeadActor junior(boolean inScope) {
        return new LeadActor(JUNIOR, false, true, false, NOT_SENIOR, inScope);
    }

    static LeadActor manager(boolean inScope) {
        return new LeadActor(MANAGER, true, false, true, NOT_SENIOR, inScope);
    }

    /** A sales assistant: the team's records in scope, but neither a manager nor a rep. */
    static LeadActor assistant() {
        return new LeadActor(ASSISTANT, false, false, true, NOT_SENIOR, true);
    }

    static LeadActor marketing(boolean inScope) {
        return new LeadActor(MARKETING, false, false, true, NOT_SENIOR, inScope);
    }

    // --- leads in every state ------------------------------------------------------------------------

    static GradingResult graded(Grade grade, boolean complete) {
        GradingInput input = switch (grade) {
            case A -> new GradingInput("制造业", new BigDecimal("500000"), TODAY.plusDays(30), true, "王总", TODAY);
            case B -> new GradingInput("餐饮业", new BigDecimal("200000"), TODAY.plusDays(30), false, "李工", TODAY);
            case C -> new GradingInput("餐饮业", new BigDecimal("1000"), TODAY.plusYears(1), false, "孙", TODAY);
        };
        GradingResult result = LeadGrader.grade(RULES.grading(), complete ? input
                : new GradingInput(input.industry(), null, input.purchaseDate(), input.decisionMakerKnown(), null, TODAY));
        return complete ? result : new GradingResult(grade, result.points(), result.criteria(), false);
    }

    static LeadDraft draft() {
        return new LeadDraft("上海测试有限公司", "王总", "采购总监", "13800000001", "wang@example.test", "制造业", "上海",
                "CRM", LeadSource.TRADE_SHOW, null, null, new BigDecimal("500000"), TODAY.plusDays(30), true, null,
                null, null);
    }

    static Lead captured(Grade grade) {
        return Lead.capture("L-2026-000001", draft(), CaptureChannel.MANUAL, MARKETING, graded(grade, false), null,
                NOW.minus(Duration.ofHours(2)));
    }

    /** A new lead a rep captured themselves: its screening (L1) is theirs. */
    static Lead capturedByARep() {
        return Lead.capture("L-2026-000002", draft(), CaptureChannel.MANUAL, OTHER_REP, graded(Grade.B, false), null,
                NOW.minus(Duration.ofHours(2)));
    }

    public static Lead pool(Grade grade) {
        Lead lead = captured(grade);
        lead.screenAutomatically(NOW.minus(Duration.ofHours(1)));
        return lead;
    }

    static Lead nurtured() {
        Lead lead = pool(Grade.C);
        lead.nurture(NOW.minus(Duration.ofHours(1)));
        return lead;
    }

    public static Lead assigned(Grade grade) {
        Lead lead = pool(grade);
        lead.routeTo(OWNER, null, NOW.minus(Duration.ofHours(1)));
        return lead;
    }

    static Lead contacted() {
        Lead lead = assigned(Grade.B);
        lead.recordContact(rep(OWNER, true), NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(30)));
        return lead;
    }

    static Lead converted() {
        Lead lead = contacted();
        lead.convert(rep(OWNER, true), id(100), id(101), null, NOW.minus(Duration.ofMinutes(10)));
        return lead;
    }

    static Lead disqualified() {
        Lead lead = assigned(Grade.B);
        lead.disqualify(rep(OWNER, true), "NO_NEED", null, NOW.minus(Duration.ofMinutes(10)));
        return lead;
    }

    /** An A lead the owner claimed {@code ago}: within the contest window (15 min) or after it. */
    static Lead claimedA(Duration ago) {
        Lead lead = pool(Grade.A);
        lead.claim(rep(OWNER, true), RULES, NOW.minus(ago));
        return lead;
    }

    /** An A lead claimed by the owner and, moments later, by another rep: a contest for the manager. */
    static Lead contest() {
        Lead lead = claimedA(Duration.ofMinutes(5));
        lead.claim(rep(OTHER_REP, false), RULES, NOW.minus(Duration.ofMinutes(4)));
        return lead;
    }

    // --- the table -----------------------------------------------------------------------------------

    static Stream<Arguments> table() {
        Set<LeadAction> open = EnumSet.of(REGRADE, CORRECT, DISQUALIFY);
        return Stream.of(
                row("new lead, whoever captured it", () -> captured(Grade.B), marketing(true),
                        plus(open, SCREEN)),
                row("new lead, a manager: not assignable before screening", () -> captured(Grade.B), manager(true),
                        plus(open, SCREEN)),
                row("new lead, a rep who did not capture it: neither claimable nor theirs to screen",
                        () -> captured(Grade.B), rep(OTHER_REP, true), EnumSet.noneOf(LeadAction.class)),
                row("new lead, the rep who captured it screens it", LeadTest::capturedByARep, rep(OTHER_REP, true),
                        plus(open, SCREEN)),
                row("pool B lead, a rep claims it and no more", () -> pool(Grade.B), rep(OTHER_REP, true),
                        EnumSet.of(CLAIM)),
                row("pool B lead, a manager assigns it", () -> pool(Grade.B), manager(true), plus(open, ASSIGN)),
                row("pool B lead, marketing", () -> pool(Grade.B), marketing(true), open),
                row("pool A lead, a senior rep claims it", () -> pool(Grade.A), rep(OTHER_REP, true), EnumSet.of(CLAIM)),
                row("pool A lead, a junior rep may not", () -> pool(Grade.A), junior(true),
                        EnumSet.noneOf(LeadAction.class)),
                row("nurture pool, a rep claims it", LeadTest::nurtured, rep(OTHER_REP, true), EnumSet.of(CLAIM)),
                row("nurture pool, a manager assigns it", LeadTest::nurtured, manager(true), plus(open, ASSIGN)),
                row("assigned, its owner contacts it", () -> assigned(Grade.B), rep(OWNER, true),
                        plus(open, CONTACT)),
                row("assigned, another rep: outside scope", () -> assigned(Grade.B), rep(OTHER_REP, false),
                        EnumSet.noneOf(LeadAction.class)),
                row("assigned, the team's manager", () -> assigned(Grade.B), manager(true),
                        plus(open, CONTACT, ASSIGN)),
                row("assigned, another team's manager", () -> assigned(Grade.B), manager(false),
                        EnumSet.noneOf(LeadAction.class)),
                row("assigned, the team's assistant", () -> assigned(Grade.B), assistant(), open),
                row("A lead claimed moments ago, another senior rep joins the contest",
                        () -> claimedA(Duration.ofMinutes(5)), rep(OTHER_REP, false), EnumSet.of(CLAIM)),
                row("A lead claimed moments ago, a junior rep may not", () -> claimedA(Duration.ofMinutes(5)),
                        junior(false), EnumSet.noneOf(LeadAction.class)),
                row("A lead claimed moments ago, its owner", () -> claimedA(Duration.ofMinutes(5)), rep(OWNER, true),
                        plus(open, CONTACT)),
                row("A lead whose contest window has passed, another rep", () -> claimedA(Duration.ofMinutes(20)),
                        rep(OTHER_REP, false), EnumSet.noneOf(LeadAction.class)),
                row("contest, the manager arbitrates", LeadTest::contest, manager(true),
                        plus(open, CONTACT, ASSIGN, ARBITRATE)),
                row("contest, the rep who claimed second", LeadTest::contest, rep(OTHER_REP, false),
                        EnumSet.noneOf(LeadAction.class)),
                row("contest, the provisional owner", LeadTest::contest, rep(OWNER, true), plus(open, CONTACT)),
                row("contacted, its owner converts it", LeadTest::contacted, rep(OWNER, true),
                        plus(open, CONTACT, CONVERT)),
                row("contacted, the team's manager", LeadTest::contacted, manager(true),
                        plus(open, CONTACT, CONVERT, ASSIGN)),
                row("converted, its owner", LeadTest::converted, rep(OWNER, true), EnumSet.noneOf(LeadAction.class)),
                row("converted, the manager", LeadTest::converted, manager(true), EnumSet.noneOf(LeadAction.class)),
                row("disqualified, the manager reopens it", LeadTest::disqualified, manager(true), EnumSet.of(REOPEN)),
                row("disqualified, its owner", LeadTest::disqualified, rep(OWNER, true),
                        EnumSet.noneOf(LeadAction.class)));
    }

    static Arguments row(String name, Supplier<Lead> lead, LeadActor actor, Set<LeadAction> expected) {
        return Arguments.of(name, lead, actor, expected);
    }

    static Set<LeadAction> plus(Set<LeadAction> base, LeadAction... more) {
        Set<LeadAction> all = EnumSet.copyOf(base);
        all.addAll(Set.of(more));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theLeadOffersExactlyTheActionsItsTransitionsAllow(String name, Supplier<Lead> lead, LeadActor actor,
                                                           Set<LeadAction> expected) {
        assertThat(lead.get().availableActions(actor, NOW)).as(name).isEqualTo(expected);
        for (LeadAction action : LeadAction.values()) {
            Lead fresh = lead.get();
            if (expected.contains(action)) {
                perform(action, fresh, actor);
            } else {
                assertThatThrownBy(() -> perform(action, fresh, actor)).as(name + ": " + action)
                        .isInstanceOf(DomainException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aPersonOutsideTheLeadsScopeIsToldItDoesNotExist(String name, Supplier<Lead> lead, LeadActor actor,
                                                          Set<LeadAction> expected) {
        if (actor.inScope()) {
            return;
        }
        for (LeadAction action : LeadAction.values()) {
            if (!expected.contains(action)) {
                Lead fresh = lead.get();
                assertThatThrownBy(() -> perform(action, fresh, actor)).as(name + ": " + action)
                        .isInstanceOfAny(RecordNotFoundException.class, ConflictException.class,
                                DomainException.class)
                        .satisfies(e -> assertThat(((DomainException) e).messageKey())
                                .isIn("error.notFound", "lead.claim.seniorityRequired", "lead.claim.alreadyClaimed"));
            }
        }
    }

    /** Tries the action's transition on the lead. */
    static void perform(LeadAction action, Lead lead, LeadActor actor) {
        switch (action) {
            case SCREEN -> lead.screen(actor, NOW);
            case REGRADE -> lead.regrade(actor, graded(lead.grade(), true), lead.grade() == Grade.B ? Grade.C : Grade.B,
                    "客户预算已确认", null, NOW);
            case CORRECT -> lead.correct(actor, draft(), graded(lead.grade(), true), null, NOW);
            case ASSIGN -> lead.assign(actor, OTHER_REP, SENIOR, NO_TEAM, null, NOW);
            case CLAIM -> lead.claim(actor, RULES, NOW);
            case ARBITRATE -> lead.arbitrate(actor, lead.claimsInOrder().isEmpty() ? actor.id()
                    : lead.claimsInOrder().get(lead.claimsInOrder().size() - 1).userId(), NOW);
            case CONTACT -> lead.recordContact(actor, NOW, NOW);
            case CONVERT -> lead.convert(actor, id(100), id(101), null, NOW);
            case DISQUALIFY -> lead.disqualify(actor, "NO_NEED", null, NOW);
            case REOPEN -> lead.reopen(actor, NOW);
        }
    }

    // --- the refusals, one by one --------------------------------------------------------------------

    @Test
    void L4_aManagerGivesAnALeadToAJuniorRepOnlyWithAReasonForOverridingTheRule() {
        Lead lead = pool(Grade.A);
        assertThatThrownBy(() -> lead.assign(manager(true), JUNIOR, NOT_SENIOR, NO_TEAM, " ", NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldValidationException.FieldError::field).containsExactly("reason");
                    assertThat(e.errors()).extracting(FieldValidationException.FieldError::messageKey)
                            .containsExactly("lead.assign.seniorityOverride.reasonRequired");
                });
        assertThat(lead.ownerId()).as("refused, nothing changed").isNull();

        assertThat(lead.assign(manager(true), JUNIOR, NOT_SENIOR, NO_TEAM, "客户点名要他跟进", NOW)).as("an override").isTrue();
        assertThat(lead.ownerId()).isEqualTo(JUNIOR);
        assertThat(pool(Grade.A).assign(manager(true), OWNER, SENIOR, NO_TEAM, null, NOW)).as("a senior rep: no override").isFalse();
        assertThat(pool(Grade.B).assign(manager(true), JUNIOR, NOT_SENIOR, NO_TEAM, null, NOW)).as("B: any rep").isFalse();
    }

    @Test
    void L4_aLeadRaisedToAByItsJuniorOwnerOrAManagerLeavesThemToBeRoutedAsACapturedALeadIs() {
        // the junior rep's own lead (a B lead, routed to any rep): raised to A by them, it is no longer theirs
        Lead own = pool(Grade.B);
        own.routeTo(JUNIOR, null, NOW.minus(Duration.ofHours(1)));
        own.recordContact(junior(true), NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(30)));
        assertThat(own.leavesWhenRaisedToA(NOT_SENIOR)).as("the screen warns before").isTrue();
        assertThat(own.regrade(junior(true), graded(Grade.B, true), Grade.A, "客户确认预算", NOT_SENIOR, NOW)).isTrue();
        assertThat(own.grade()).isEqualTo(Grade.A);
        assertThat(own.ownerId()).isNull();
        assertThat(own.status()).as("screened again, for routing").isEqualTo(LeadStatus.SCREENED);
        assertThat(own.availableActions(junior(false), NOW)).isEmpty();

        // a manager's regrade of it the same: routing, not the junior owner, holds it next
        Lead theirs = pool(Grade.B);
        theirs.routeTo(JUNIOR, null, NOW.minus(Duration.ofHours(1)));
        assertThat(theirs.regrade(manager(true), graded(Grade.B, true), Grade.A, "集团客户", NOT_SENIOR, NOW)).isTrue();
        assertThat(theirs.ownerId()).isNull();

        // corrected facts that grade it A do the same
        Lead corrected = pool(Grade.B);
        corrected.routeTo(JUNIOR, null, NOW.minus(Duration.ofHours(1)));
        assertThat(corrected.correct(junior(true), draft(), graded(Grade.A, true), NOT_SENIOR, NOW)).isTrue();
        assertThat(corrected.grade()).isEqualTo(Grade.A);
        assertThat(corrected.ownerId()).isNull();

        // the nurture pool's weekly batch hands leads out as B: raised to A, a nurtured lead leaves it
        Lead nurtured = nurtured();
        assertThat(nurtured.regrade(manager(true), graded(Grade.C, true), Grade.A, "大客户", null, NOW)).isTrue();
        assertThat(nurtured.status()).isEqualTo(LeadStatus.SCREENED);

        // a senior owner keeps it; so does anyone for a raise to B, and an A lead stays where a manager put it
        Lead senior = assigned(Grade.B);
        assertThat(senior.leavesWhenRaisedToA(SENIOR)).isFalse();
        assertThat(senior.regrade(rep(OWNER, true), graded(Grade.B, true), Grade.A, "客户确认预算", SENIOR, NOW)).isFalse();
        assertThat(senior.ownerId()).isEqualTo(OWNER);
        Lead toB = pool(Grade.C);
        toB.routeTo(JUNIOR, null, NOW.minus(Duration.ofHours(1)));
        assertThat(toB.regrade(junior(true), graded(Grade.C, true), Grade.B, "预算确认", NOT_SENIOR, NOW)).isFalse();
        assertThat(toB.ownerId()).isEqualTo(JUNIOR);
        Lead overridden = pool(Grade.A);
        overridden.assign(manager(true), JUNIOR, NOT_SENIOR, NO_TEAM, "客户点名要他跟进", NOW);
        assertThat(overridden.leavesWhenRaisedToA(NOT_SENIOR)).as("already A: the manager's override stands").isFalse();
        assertThat(overridden.correct(junior(true), draft(), graded(Grade.A, true), NOT_SENIOR, NOW)).isFalse();
        assertThat(overridden.ownerId()).isEqualTo(JUNIOR);
    }

    @Test
    void L5_aLeadOfATeamsTerritoryIsAssignedAndClaimedWithinThatTeamOrByAManagerAboveIt() {
        Lead lead = pool(Grade.B);
        LeadActor otherTeamsManager = new LeadActor(MANAGER, true, false, true, NOT_SENIOR, true, OUTSIDE);
        assertThat(lead.availableActions(otherTeamsManager, NOW)).doesNotContain(ASSIGN);
        assertThatThrownBy(() -> lead.assign(otherTeamsManager, OWNER, SENIOR, WITHIN, null, NOW))
                .isInstanceOf(DomainException.class).hasMessage("lead.territory.assignOutsideTeam");
        LeadActor teamsManager = new LeadActor(MANAGER, true, false, true, NOT_SENIOR, true, WITHIN);
        assertThatThrownBy(() -> lead.assign(teamsManager, OTHER_REP, SENIOR, OUTSIDE, null, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("ownerId", "lead.territory.assigneeOutsideTeam")));
        assertThat(lead.ownerId()).as("refused, nothing changed").isNull();
        lead.assign(new LeadActor(DIRECTOR, true, false, true, NOT_SENIOR, true, ABOVE), OTHER_REP, SENIOR, OUTSIDE,
                null, NOW);
        assertThat(lead.ownerId()).as("above both teams").isEqualTo(OTHER_REP);

        Lead nurtured = nurtured();
        LeadActor otherTeamsRep = new LeadActor(OTHER_REP, false, true, false, SENIOR, true, OUTSIDE);
        assertThat(nurtured.availableActions(otherTeamsRep, NOW)).doesNotContain(CLAIM);
        assertThatThrownBy(() -> nurtured.claim(otherTeamsRep, RULES, NOW)).hasMessage("lead.territory.claimOutsideTeam");
        assertThat(nurtured.ownerId()).isNull();
        assertThat(nurtured.claim(new LeadActor(OWNER, false, true, false, SENIOR, true, WITHIN), RULES, NOW))
                .isEqualTo(Lead.ClaimOutcome.CLAIMED);
    }

    @Test
    void L8_aContestIsDecidedOnlyByTheManagerItWentToWhoIsToldOnce() {
        Lead lead = pool(Grade.A);
        lead.claim(rep(OWNER, true), RULES, NOW);
        lead.claim(rep(OTHER_REP, false), RULES, NOW.plusSeconds(5));
        assertThat(lead.contestClaimants()).containsExactlyInAnyOrder(OWNER, OTHER_REP);
        assertThat(lead.contestGoesTo(DIRECTOR)).as("news to the director").isTrue();
        assertThat(lead.contestGoesTo(DIRECTOR)).as("a further claim tells nobody again").isFalse();
        assertThat(lead.contestDecidedBy(DIRECTOR)).isTrue();

        assertThat(lead.availableActions(manager(true), NOW)).doesNotContain(ARBITRATE);
        assertThatThrownBy(() -> lead.arbitrate(manager(true), OWNER, NOW)).isInstanceOf(ForbiddenException.class)
                .hasMessage("lead.arbitrate.notTheDecider");
        lead.arbitrate(new LeadActor(DIRECTOR, true, false, true, NOT_SENIOR, true), OTHER_REP, NOW);
        assertThat(lead.ownerId()).isEqualTo(OTHER_REP);
        assertThat(lead.contestDecidedBy(DIRECTOR)).as("decided: no longer his to read").isFalse();
    }

    @Test
    void L4_aJuniorRepIsToldAnALeadNeedsMoreThanTheSeniorityMonths() {
        assertThatThrownBy(() -> pool(Grade.A).claim(junior(true), RULES, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lead.claim.seniorityRequired");
                    assertThat(e.args()).containsExactly(12);
                });
    }

    @Test
    void L8_aSecondClaimOfAnALeadWithinTheContestWindowOpensAContestForTheManager() {
        Lead lead = claimedA(Duration.ofMinutes(14));

        assertThat(lead.claim(rep(OTHER_REP, false), RULES, NOW)).isEqualTo(Lead.ClaimOutcome.CONTEST);

        assertThat(lead.contestOpen()).isTrue();
        assertThat(lead.ownerId()).isEqualTo(OWNER);
        assertThat(lead.availableActions(manager(true), NOW)).contains(ARBITRATE);
    }

    @Test
    void L8_afterTheContestWindowTheLeadIsTheOwnersAndAnotherRepDoesNotFindIt() {
        Lead lead = claimedA(Duration.ofMinutes(15));

        assertThat(lead.availableActions(rep(OTHER_REP, false), NOW)).isEmpty();
        assertThatThrownBy(() -> lead.claim(rep(OTHER_REP, false), RULES, NOW))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void L8_theManagerGivesTheContestedLeadToOneOfTheClaimantsOnly() {
        Lead lead = contest();

        assertThatThrownBy(() -> lead.arbitrate(manager(true), JUNIOR, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey)
                        .containsExactly("lead.arbitrate.notAClaimant"));
        lead.arbitrate(manager(true), OTHER_REP, NOW);

        assertThat(lead.ownerId()).isEqualTo(OTHER_REP);
        assertThat(lead.contestOpen()).isFalse();
        assertThat(lead.availableActions(manager(true), NOW)).doesNotContain(ARBITRATE);
    }

    @Test
    void L8_theClaimantsOfAnOpenContestReadItUntilTheManagerDecidesNobodyElse() {
        Lead lead = contest();

        assertThat(lead.contestedBy(OTHER_REP)).isTrue();
        assertThat(lead.contestedBy(OWNER)).isTrue();
        assertThat(lead.contestedBy(JUNIOR)).isFalse();
        assertThat(claimedA(Duration.ofMinutes(5)).contestedBy(OWNER)).as("no contest, no claimant").isFalse();
        lead.arbitrate(manager(true), OWNER, NOW);
        assertThat(lead.contestedBy(OTHER_REP)).isFalse();
    }

    @Test
    void L8_aJuniorRepOfAnotherTeamHearsOfTheSeniorityRuleOnlyWhileTheALeadIsClaimable() {
        assertThatThrownBy(() -> claimedA(Duration.ofMinutes(5)).claim(junior(false), RULES, NOW))
                .hasMessage("lead.claim.seniorityRequired");
        assertThatThrownBy(() -> claimedA(Duration.ofMinutes(20)).claim(junior(false), RULES, NOW))
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> contest().claim(junior(false), RULES, NOW.plus(Duration.ofMinutes(11))))
                .as("a contest still undecided after its window").isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> assigned(Grade.A).claim(junior(false), RULES, NOW))
                .as("routed, never claimed").isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aBLeadClaimedMomentsAgoByAnotherRepIsLostNotHidden() {
        Lead lead = pool(Grade.B);
        lead.claim(rep(OWNER, true), RULES, NOW.minus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> lead.claim(rep(OTHER_REP, false), RULES, NOW)).isInstanceOf(ConflictException.class)
                .hasMessage("lead.claim.lost");
        assertThatThrownBy(() -> lead.claim(rep(OTHER_REP, false), RULES, NOW.plus(Duration.ofMinutes(20))))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aRepMayOnlyClaimAPoolLeadTheyDoNotOwnNotScreenCorrectRegradeOrDisqualifyIt() {
        for (LeadAction action : EnumSet.of(SCREEN, CORRECT, REGRADE, DISQUALIFY)) {
            Supplier<Lead> lead = action == SCREEN ? () -> captured(Grade.B) : () -> pool(Grade.B);
            assertThatThrownBy(() -> perform(action, lead.get(), rep(OTHER_REP, true))).as(action.name())
                    .isInstanceOf(ForbiddenException.class).hasMessage("lead.ownLeadsOnly");
            perform(action, lead.get(), marketing(true));
        }
        Lead claimed = pool(Grade.B);
        claimed.claim(rep(OTHER_REP, true), RULES, NOW.minus(Duration.ofMinutes(1)));
        assertThat(claimed.availableActions(rep(OTHER_REP, true), NOW)).contains(CORRECT, REGRADE, DISQUALIFY);
    }

    @Test
    void refusalsSayWhy() {
        assertThatThrownBy(() -> pool(Grade.B).claim(manager(true), RULES, NOW)).hasMessage("lead.claim.repsOnly");
        assertThatThrownBy(() -> assigned(Grade.B).claim(rep(OWNER, true), RULES, NOW))
                .hasMessage("lead.claim.alreadyYours");
        assertThatThrownBy(() -> contest().claim(rep(OTHER_REP, false), RULES, NOW))
                .hasMessage("lead.claim.alreadyClaimed");
        assertThatThrownBy(() -> pool(Grade.B).assign(rep(OWNER, true), OTHER_REP, SENIOR, NO_TEAM, null, NOW)).hasMessage("lead.managersOnly");
        assertThatThrownBy(() -> captured(Grade.B).assign(manager(true), OWNER, SENIOR, NO_TEAM, null, NOW))
                .hasMessage("lead.assign.notScreened");
        assertThatThrownBy(() -> assigned(Grade.B).assign(manager(true), OWNER, SENIOR, NO_TEAM, null, NOW)).as("L7: to the rep who owns it")
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey)
                        .containsExactly("lead.assign.alreadyOwner"));
        assertThatThrownBy(() -> assigned(Grade.B).recordContact(assistant(), NOW, NOW))
                .hasMessage("lead.contact.ownerOnly");
        assertThatThrownBy(() -> pool(Grade.B).recordContact(manager(true), NOW, NOW))
                .hasMessage("lead.contact.notAssigned");
        assertThatThrownBy(() -> assigned(Grade.B).convert(rep(OWNER, true), id(100), id(101), null, NOW))
                .hasMessage("lead.convert.notQualified");
        assertThatThrownBy(() -> contacted().convert(assistant(), id(100), id(101), null, NOW))
                .hasMessage("lead.convert.ownerOnly");
        assertThatThrownBy(() -> converted().disqualify(manager(true), "NO_NEED", null, NOW)).hasMessage("lead.closed");
        assertThatThrownBy(() -> pool(Grade.B).arbitrate(manager(true), OWNER, NOW))
                .hasMessage("lead.arbitrate.noContest");
        assertThatThrownBy(() -> assigned(Grade.B).reopen(manager(true), NOW)).hasMessage("lead.status.expected");
        assertThatThrownBy(() -> assigned(Grade.B).screen(manager(true), NOW)).hasMessage("lead.status.expected")
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the states in words, not their codes")
                            .contains("“New”", "“Assigned”").doesNotContain("NEW").doesNotContain("ASSIGNED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("新线索", "已分配").doesNotContain("NEW");
                });
        assertThatThrownBy(() -> converted().disqualify(manager(true), "NO_NEED", null, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(RefusalText.of(e, Locale.CHINESE))
                        .contains("已转化").doesNotContain("CONVERTED"));
        Lead graded = assigned(Grade.B);
        LeadStatus status = graded.status();
        assertThatThrownBy(() -> graded.regrade(rep(OWNER, true), graded(Grade.B, true), Grade.B, "再次确认", null, NOW))
                .as("the grade it has: no regrade")
                .isInstanceOfSatisfying(FieldValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldValidationException.FieldError::field).containsExactly("grade");
                    assertThat(e.errors()).extracting(FieldValidationException.FieldError::messageKey)
                            .containsExactly("lead.regrade.sameGrade");
                });
        assertThat(graded.grade()).isEqualTo(Grade.B);
        assertThat(graded.status()).isEqualTo(status);
        assertThatThrownBy(() -> assigned(Grade.B).regrade(rep(OWNER, true), graded(Grade.B, true), Grade.A, " ", null, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey)
                        .containsExactly("lead.regrade.reason.required"));
        assertThatThrownBy(() -> assigned(Grade.B).disqualify(rep(OWNER, true), null, null, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey)
                        .containsExactly("lead.disqualify.reason.required"));
    }

    @Test
    void transitionsMoveTheLeadThroughItsLifecycle() {
        Lead lead = captured(Grade.A);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        lead.screen(marketing(true), NOW);
        assertThat(lead.status()).isEqualTo(LeadStatus.SCREENED);
        lead.assign(manager(true), OWNER, SENIOR, NO_TEAM, null, NOW);
        assertThat(lead.status()).isEqualTo(LeadStatus.ASSIGNED);
        assertThat(lead.recordContact(rep(OWNER, true), NOW, NOW)).as("first response").isTrue();
        assertThat(lead.recordContact(rep(OWNER, true), NOW, NOW)).as("not the first").isFalse();
        assertThat(lead.status()).isEqualTo(LeadStatus.CONTACTED);
        lead.convert(rep(OWNER, true), id(100), id(101), id(102), NOW);
        assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(lead.customerId()).isEqualTo(id(100));

        Lead dropped = assigned(Grade.B);
        dropped.disqualify(manager(true), "NO_NEED", "没有预算", NOW);
        dropped.reopen(manager(true), NOW);
        assertThat(dropped.status()).isEqualTo(LeadStatus.SCREENED);
        assertThat(dropped.ownerId()).isNull();
    }
}

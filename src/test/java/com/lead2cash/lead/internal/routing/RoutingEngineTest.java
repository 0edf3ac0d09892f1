package com.lead2cash.lead.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.routing.RoutingDecision.Kind;
import com.lead2cash.sop.SopPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class RoutingEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
    private static final SeniorityRule DEFAULTS = SopPolicy.defaults().bind(LeadRules.class).seniority();

    private static final UUID MANAGER = id(900);
    private static final UUID EAST_MANAGER = id(901);

    /** Hired three years ago: senior enough for any A lead. */
    private static final LocalDate VETERAN = TODAY.minusYears(3);
    /** Hired two months ago: only B leads. */
    private static final LocalDate NEWCOMER = TODAY.minusMonths(2);

    private static final RoutableLead A_LEAD = new RoutableLead(Grade.A, "Manufacturing", "East", "ERP");
    private static final RoutableLead B_LEAD = new RoutableLead(Grade.B, "Manufacturing", "East", "ERP");

    // --- L4: grade ---------------------------------------------------------------------------------

    @Test
    void L4_gradeCGoesToTheNurturePoolWithoutOwnerOrTerritory() {
        Territory all = catchAll(1, Set.of(id(1)));
        RoutableLead lead = new RoutableLead(Grade.C, "Manufacturing", "East", "ERP");

        RoutingDecision decision = route(lead, List.of(all), List.of(rep(1, VETERAN, 0)));

        assertThat(decision.kind()).isEqualTo(Kind.NURTURE);
        assertThat(decision.userId()).isNull();
        assertThat(decision.territoryId()).isNull();
        assertThat(decision.messageKey()).isEqualTo("lead.routing.nurture.gradeC");
    }

    @ParameterizedTest(name = "hired {0} → senior: {1}")
    @CsvSource({
        "2024-03-15, false", // exactly 12 months on the day of routing: not more than 12
        "2024-03-14, true", // 12 months and a day
        "2024-04-01, false",
        "2022-01-01, true",
        "2025-03-15, false", // first day at work
        "2025-04-01, false", // hire date in the future
    })
    void L4_aLeadGoesOnlyToRepsWithMoreThan12MonthsOfService(LocalDate hireDate, boolean senior) {
        Territory all = catchAll(1, Set.of(id(1)));

        RoutingDecision decision = route(A_LEAD, List.of(all), List.of(rep(1, hireDate, 0)));

        assertThat(decision.kind()).isEqualTo(senior ? Kind.ASSIGN_TO_REP : Kind.MANAGER_QUEUE);
    }

    @Test
    void L4_gradeALeadPrefersASeniorRepOverALessLoadedJuniorOne() {
        Territory all = catchAll(1, Set.of(id(1), id(2)));

        RoutingDecision decision = route(A_LEAD, List.of(all), List.of(rep(1, NEWCOMER, 0), rep(2, VETERAN, 9)));

        assertThat(decision.userId()).isEqualTo(id(2));
    }

    @Test
    void L4_seniorityBoundaryClampsAtMonthEnd() {
        // hired 31 January: one month is reached on 29 February 2024, so seniority exceeds it on 1 March
        Territory all = catchAll(1, Set.of(id(1)));
        List<RepCandidate> reps = List.of(rep(1, LocalDate.of(2024, 1, 31), 0));
        SeniorityRule oneMonth = new SeniorityRule(1);

        assertThat(RoutingEngine.route(oneMonth, A_LEAD, List.of(all), reps, LocalDate.of(2024, 2, 29)).kind())
                .isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(RoutingEngine.route(oneMonth, A_LEAD, List.of(all), reps, LocalDate.of(2024, 3, 1)).kind())
                .isEqualTo(Kind.ASSIGN_TO_REP);
    }

    @Test
    void L4_seniorityThresholdComesFromThePolicy() {
        Territory all = catchAll(1, Set.of(id(1)));
        List<RepCandidate> sevenMonths = List.of(rep(1, TODAY.minusMonths(7), 0));

        assertThat(RoutingEngine.route(DEFAULTS, A_LEAD, List.of(all), sevenMonths, TODAY).kind())
                .isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(RoutingEngine.route(new SeniorityRule(6), A_LEAD, List.of(all), sevenMonths, TODAY).kind())
                .isEqualTo(Kind.ASSIGN_TO_REP);
    }

    @Test
    void L4_aRepWithoutAHireDateHasNoKnownSeniorityGetsNoALeadButMayGetBLeads() {
        Territory east = territory(1, Set.of(), Set.of("East"), Set.of(), EAST_MANAGER, Set.of(id(1), id(2)));
        RepCandidate undated = rep(1, null, 0);

        RoutingDecision alone = route(A_LEAD, List.of(east), List.of(undated));
        assertThat(alone.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(alone.userId()).isEqualTo(EAST_MANAGER);
        assertThat(alone.messageKey()).isEqualTo("lead.routing.managerQueue.noSeniorRep");
        assertThat(route(A_LEAD, List.of(east), List.of(undated, rep(2, VETERAN, 9))).userId())
                .as("the senior rep, however loaded").isEqualTo(id(2));
        assertThat(route(B_LEAD, List.of(east), List.of(undated, rep(2, VETERAN, 9))).userId()).isEqualTo(id(1));
    }

    @Test
    void L4_gradeBLeadGoesToAnyActiveRepRegardlessOfSeniority() {
        Territory all = catchAll(1, Set.of(id(1), id(2)));

        RoutingDecision decision = route(B_LEAD, List.of(all), List.of(rep(1, NEWCOMER, 0), rep(2, VETERAN, 3)));

        assertThat(decision.kind()).isEqualTo(Kind.ASSIGN_TO_REP);
        assertThat(decision.userId()).isEqualTo(id(1));
    }

    // --- L5: territories ---------------------------------------------------------------------------

    @ParameterizedTest(name = "industry={0} region={1} productLine={2} → matches: {3}")
    @CsvSource({
        "Manufacturing, East,  ERP, true",
        "manufacturing, EAST,  erp, true", // case does not matter
        "'  Manufacturing ', ' East', ERP, true", // nor surrounding whitespace
        "Retail,        East,  ERP, false",
        "Manufacturing, West,  ERP, false",
        "Manufacturing, East,  CRM, false",
        ",              East,  ERP, false", // unknown industry does not satisfy an industry criterion
    })
    void L5_territoryMatchesWhenEveryNonEmptyDimensionContainsTheLeadsValue(
            String industry, String region, String productLine, boolean matches) {
        Territory east = territory(1, Set.of("Manufacturing", "Energy"), Set.of("East"), Set.of("ERP"), EAST_MANAGER,
                Set.of(id(1)));
        RoutableLead lead = new RoutableLead(Grade.B, industry, region, productLine);

        RoutingDecision decision = route(lead, List.of(east), List.of(rep(1, VETERAN, 0)));

        assertThat(decision.kind()).isEqualTo(matches ? Kind.ASSIGN_TO_REP : Kind.MANAGER_QUEUE);
    }

    @Test
    void L5_emptyDimensionAcceptsAnyValueIncludingAnUnknownOne() {
        Territory anyProduct = territory(1, Set.of("Manufacturing"), Set.of(), Set.of(), EAST_MANAGER, Set.of(id(1)));
        RoutableLead lead = new RoutableLead(Grade.B, "Manufacturing", null, null);

        RoutingDecision decision = route(lead, List.of(anyProduct), List.of(rep(1, VETERAN, 0)));

        assertThat(decision.kind()).isEqualTo(Kind.ASSIGN_TO_REP);
        assertThat(decision.territoryId()).isEqualTo(id(1001));
    }

    @Test
    void L5_mostSpecificMatchingTerritoryWinsEvenOverLessLoadedReps() {
        Territory everything = catchAll(1, Set.of(id(1)));
        Territory industryOnly = territory(2, Set.of("Manufacturing"), Set.of(), Set.of(), MANAGER, Set.of(id(2)));
        Territory industryAndRegion = territory(3, Set.of("Manufacturing"), Set.of("East"), Set.of(), EAST_MANAGER,
                Set.of(id(3)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 0), rep(2, VETERAN, 1), rep(3, VETERAN, 7));

        RoutingDecision decision = route(B_LEAD, List.of(everything, industryOnly, industryAndRegion), reps);

        assertThat(decision.userId()).isEqualTo(id(3));
        assertThat(decision.territoryId()).isEqualTo(industryAndRegion.id());
    }

    @Test
    void L5_equallySpecificTerritoriesPoolTheirReps() {
        Territory byIndustryAndRegion = territory(1, Set.of("Manufacturing"), Set.of("East"), Set.of(), MANAGER,
                Set.of(id(1)));
        Territory byRegionAndProduct = territory(2, Set.of(), Set.of("East"), Set.of("ERP"), EAST_MANAGER,
                Set.of(id(2)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 4), rep(2, VETERAN, 1));

        RoutingDecision decision = route(B_LEAD, List.of(byIndustryAndRegion, byRegionAndProduct), reps);

        assertThat(decision.userId()).isEqualTo(id(2));
        assertThat(decision.territoryId()).as("the territory the chosen rep belongs to")
                .isEqualTo(byRegionAndProduct.id());
    }

    @Test
    void L5_lessSpecificTerritoryIsNoFallbackWhenTheMostSpecificHasNobodyEligible() {
        Territory everything = catchAll(1, Set.of(id(1)));
        Territory east = territory(2, Set.of("Manufacturing"), Set.of("East"), Set.of("ERP"), EAST_MANAGER,
                Set.of(id(2)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 0), rep(2, NEWCOMER, 0));

        RoutingDecision decision = route(A_LEAD, List.of(everything, east), reps);

        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(decision.userId()).isEqualTo(EAST_MANAGER);
        assertThat(decision.territoryId()).isEqualTo(east.id());
    }

    // --- L5: regions are administrative divisions -----------------------------------------------------

    private static final List<String> HANGZHOU_XIHU = List.of("330000", "330100", "330106");
    private static final List<String> HANGZHOU = List.of("330000", "330100");
    private static final List<String> BEIJING_CHAOYANG = List.of("110000", "110105");

    private static RoutableLead leadIn(Grade grade, String entered, List<String> lineage) {
        return new RoutableLead(grade, "Manufacturing", entered, lineage, "ERP");
    }

    @Test
    void L5_aTerritoryOnAProvinceTakesTheLeadsOfItsCitiesAndCounties() {
        Territory zhejiang = territory(1, Set.of(), Set.of("330000"), Set.of(), EAST_MANAGER, Set.of(id(1)));

        for (List<String> lineage : List.of(List.of("330000"), HANGZHOU, HANGZHOU_XIHU)) {
            RoutingDecision decision = route(leadIn(Grade.A, "浙江省杭州市", lineage), List.of(zhejiang),
                    List.of(rep(1, VETERAN, 0)));
            assertThat(decision.kind()).as(lineage.toString()).isEqualTo(Kind.ASSIGN_TO_REP);
            assertThat(decision.territoryId()).isEqualTo(zhejiang.id());
        }
    }

    @Test
    void L5_aCityTerritoryWinsOverItsProvinceEvenWithMoreLoad() {
        Territory zhejiang = territory(1, Set.of(), Set.of("330000"), Set.of(), MANAGER, Set.of(id(1)));
        Territory hangzhou = territory(2, Set.of(), Set.of("330100"), Set.of(), EAST_MANAGER, Set.of(id(2)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 0), rep(2, VETERAN, 9));

        RoutingDecision xihu = route(leadIn(Grade.B, "杭州市西湖区", HANGZHOU_XIHU), List.of(zhejiang, hangzhou), reps);
        assertThat(xihu.userId()).isEqualTo(id(2));
        assertThat(xihu.territoryId()).isEqualTo(hangzhou.id());

        RoutingDecision ningbo = route(leadIn(Grade.B, "宁波", List.of("330000", "330200")),
                List.of(zhejiang, hangzhou), reps);
        assertThat(ningbo.territoryId()).as("宁波 is 浙江's, not 杭州's").isEqualTo(zhejiang.id());
    }

    @Test
    void L5_aTerritoryListingAProvinceAndOneOfItsCitiesCountsAsTheCityForLeadsThere() {
        Territory mixed = territory(1, Set.of(), Set.of("330000", "330100"), Set.of(), MANAGER, Set.of(id(1)));
        Territory hangzhou = territory(2, Set.of(), Set.of("330100"), Set.of(), EAST_MANAGER, Set.of(id(2)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 0), rep(2, VETERAN, 3));

        RoutingDecision decision = route(leadIn(Grade.B, "杭州", HANGZHOU), List.of(mixed, hangzhou), reps);

        assertThat(decision.userId()).as("equally specific: their reps are pooled, the least loaded wins")
                .isEqualTo(id(1));
    }

    @Test
    void L5_moreDimensionsStillWinOverADeeperRegion() {
        Territory manufacturingInZhejiang = territory(1, Set.of("Manufacturing"), Set.of("330000"), Set.of(), MANAGER,
                Set.of(id(1)));
        Territory hangzhou = territory(2, Set.of(), Set.of("330100"), Set.of(), EAST_MANAGER, Set.of(id(2)));

        RoutingDecision decision = route(leadIn(Grade.B, "杭州西湖", HANGZHOU_XIHU),
                List.of(hangzhou, manufacturingInZhejiang), List.of(rep(1, VETERAN, 5), rep(2, VETERAN, 0)));

        assertThat(decision.territoryId()).isEqualTo(manufacturingInZhejiang.id());
    }

    @Test
    void L5_aDivisionDoesNotCoverItsNamesakeElsewhere() {
        Territory liaoningChaoyang = territory(1, Set.of(), Set.of("211300"), Set.of(), MANAGER, Set.of(id(1)));

        RoutingDecision decision = route(leadIn(Grade.B, "北京朝阳区", BEIJING_CHAOYANG), List.of(liaoningChaoyang),
                List.of(rep(1, VETERAN, 0)));

        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(decision.territoryId()).isNull();
    }

    @Test
    void L5_aLeadWhoseRegionNamesNoDivisionOnlyMatchesTerritoriesWithoutRegionsOrWithTheSameOldText() {
        Territory zhejiang = territory(1, Set.of(), Set.of("330000"), Set.of(), MANAGER, Set.of(id(1)));
        RoutableLead unresolved = leadIn(Grade.B, "华东区", List.of());

        assertThat(route(unresolved, List.of(zhejiang), List.of(rep(1, VETERAN, 0))).kind())
                .isEqualTo(Kind.MANAGER_QUEUE);

        Territory keptText = territory(2, Set.of(), Set.of("华东区"), Set.of(), EAST_MANAGER, Set.of(id(2)));
        RoutingDecision decision = route(unresolved, List.of(zhejiang, keptText),
                List.of(rep(1, VETERAN, 0), rep(2, VETERAN, 0)));
        assertThat(decision.territoryId()).isEqualTo(keptText.id());

        RoutingDecision division = route(leadIn(Grade.B, "杭州", HANGZHOU), List.of(zhejiang, keptText),
                List.of(rep(1, VETERAN, 0), rep(2, VETERAN, 0)));
        assertThat(division.territoryId()).as("a lead in a division goes by the division").isEqualTo(zhejiang.id());
    }

    // --- L5: least-loaded and round-robin -----------------------------------------------------------

    @Test
    void L5_leastLoadedRepWins() {
        Territory all = catchAll(1, Set.of(id(1), id(2), id(3)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 5), rep(2, VETERAN, 2), rep(3, VETERAN, 8));

        assertThat(route(B_LEAD, List.of(all), reps).userId()).isEqualTo(id(2));
    }

    @Test
    void L5_equalLoadGoesRoundRobinToTheRepWhoWaitedLongest() {
        Territory all = catchAll(1, Set.of(id(1), id(2), id(3)));
        List<RepCandidate> reps = List.of(
                rep(1, VETERAN, 2, Instant.parse("2025-03-14T09:00:00Z")),
                rep(2, VETERAN, 2, Instant.parse("2025-03-10T09:00:00Z")),
                rep(3, VETERAN, 2, Instant.parse("2025-03-12T09:00:00Z")));

        assertThat(route(B_LEAD, List.of(all), reps).userId()).isEqualTo(id(2));
    }

    @Test
    void L5_equalLoadGoesFirstToARepWhoNeverGotALead() {
        Territory all = catchAll(1, Set.of(id(1), id(2)));
        List<RepCandidate> reps = List.of(
                rep(1, VETERAN, 2, Instant.parse("2020-01-01T00:00:00Z")),
                rep(2, VETERAN, 2, null));

        assertThat(route(B_LEAD, List.of(all), reps).userId()).isEqualTo(id(2));
    }

    @Test
    void L5_fullTieIsBrokenByUserIdSoTheSameFactsGiveTheSameRep() {
        Territory all = catchAll(1, Set.of(id(1), id(2), id(3)));
        Instant same = Instant.parse("2025-03-10T09:00:00Z");
        List<RepCandidate> reps = List.of(rep(3, VETERAN, 1, same), rep(1, VETERAN, 1, same), rep(2, VETERAN, 1, same));

        assertThat(route(B_LEAD, List.of(all), reps).userId()).isEqualTo(id(1));
        assertThat(route(B_LEAD, List.of(all), List.of(reps.get(2), reps.get(1), reps.get(0))).userId())
                .isEqualTo(id(1));
    }

    @Test
    void L5_inactiveRepsAreSkippedHoweverIdle() {
        Territory all = catchAll(1, Set.of(id(1), id(2)));
        RepCandidate onLeave = new RepCandidate(id(1), VETERAN, false, 0, null);

        assertThat(route(B_LEAD, List.of(all), List.of(onLeave, rep(2, VETERAN, 6))).userId()).isEqualTo(id(2));
    }

    @Test
    void L5_onlyTerritoryMembersWithKnownLoadAreCandidates() {
        Territory all = catchAll(1, Set.of(id(1), id(2)));
        // id(1) is a member without candidate data; id(3) has data but is not a member
        List<RepCandidate> reps = List.of(rep(2, VETERAN, 9), rep(3, VETERAN, 0));

        assertThat(route(B_LEAD, List.of(all), reps).userId()).isEqualTo(id(2));
    }

    // --- fallbacks and reasons -----------------------------------------------------------------------

    @Test
    void noMatchingTerritoryGoesToTheGeneralManagerQueue() {
        Territory west = territory(1, Set.of(), Set.of("West"), Set.of(), MANAGER, Set.of(id(1)));

        RoutingDecision decision = route(B_LEAD, List.of(west), List.of(rep(1, VETERAN, 0)));

        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(decision.userId()).isNull();
        assertThat(decision.territoryId()).isNull();
        assertThat(decision.messageKey()).isEqualTo("lead.routing.managerQueue.noTerritory");
        assertThat(decision.args()).containsExactly("Manufacturing", "East", "ERP");
    }

    @Test
    void noTerritoriesAtAllGoesToTheGeneralManagerQueueEvenWithUnknownLeadValues() {
        RoutableLead unknown = new RoutableLead(Grade.A, null, null, null);

        RoutingDecision decision = route(unknown, List.of(), List.of(rep(1, VETERAN, 0)));

        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(decision.userId()).isNull();
        assertThat(decision.args()).containsExactly(null, null, null);
    }

    @Test
    void aLeadWithoutSeniorRepGoesToTheTerritoryManagerAndSaysWhy() {
        Territory east = territory(1, Set.of(), Set.of("East"), Set.of(), EAST_MANAGER, Set.of(id(1)));

        RoutingDecision decision = route(A_LEAD, List.of(east), List.of(rep(1, NEWCOMER, 0)));

        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(decision.userId()).isEqualTo(EAST_MANAGER);
        assertThat(decision.territoryId()).isEqualTo(east.id());
        assertThat(decision.messageKey()).isEqualTo("lead.routing.managerQueue.noSeniorRep");
        assertThat(decision.args()).containsExactly("Territory 1", 12);
    }

    @Test
    void bLeadWithoutActiveRepGoesToTheTerritoryManagerAndSaysWhy() {
        Territory east = territory(1, Set.of(), Set.of("East"), Set.of(), EAST_MANAGER, Set.of(id(1)));
        RepCandidate inactive = new RepCandidate(id(1), VETERAN, false, 0, null);

        RoutingDecision decision = route(B_LEAD, List.of(east), List.of(inactive));

        assertThat(decision.userId()).isEqualTo(EAST_MANAGER);
        assertThat(decision.messageKey()).isEqualTo("lead.routing.managerQueue.noActiveRep");
        assertThat(decision.args()).containsExactly("Territory 1");
    }

    @Test
    void territoryWithoutManagerFallsBackToTheGeneralQueueButKeepsTheTerritory() {
        Territory orphan = territory(1, Set.of(), Set.of("East"), Set.of(), null, Set.of());

        RoutingDecision decision = route(B_LEAD, List.of(orphan), List.of());

        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
        assertThat(decision.userId()).isNull();
        assertThat(decision.territoryId()).isEqualTo(orphan.id());
    }

    @Test
    void assignmentReasonNamesTheTerritoryTheLoadAndForALeadsTheSeniority() {
        Territory all = catchAll(1, Set.of(id(1)));
        List<RepCandidate> reps = List.of(rep(1, VETERAN, 3));

        RoutingDecision a = route(A_LEAD, List.of(all), reps);
        RoutingDecision b = route(B_LEAD, List.of(all), reps);

        assertThat(a.messageKey()).isEqualTo("lead.routing.assign.seniorLeastLoaded");
        assertThat(a.args()).containsExactly("Territory 1", 3, 12);
        assertThat(b.messageKey()).isEqualTo("lead.routing.assign.leastLoaded");
        assertThat(b.args()).containsExactly("Territory 1", 3);
    }

    @Test
    void blankTerritoryValuesAndNegativeSeniorityAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                territory(1, Set.of(" "), Set.of(), Set.of(), MANAGER, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new SeniorityRule(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new RepCandidate(id(1), VETERAN, true, -1, null));
    }

    // --- property ------------------------------------------------------------------------------------

    @Test
    void L5_chosenRepAlwaysHasTheMinimumLoadAmongEligibleCandidatesAndWaitedLongestAmongThoseTied() {
        qt().withFixedSeed(20250315L).withExamples(500)
                .forAll(arbitrary().pick(Grade.A, Grade.B), lists().of(candidates()).ofSizeBetween(0, 12))
                .checkAssert((grade, generated) -> {
                    List<RepCandidate> reps = IntStream.range(0, generated.size())
                            .mapToObj(i -> withUserId(generated.get(i), id(i + 1)))
                            .toList();
                    Set<UUID> members = new HashSet<>();
                    reps.forEach(rep -> members.add(rep.userId()));
                    Territory all = catchAll(1, members);
                    RoutableLead lead = new RoutableLead(grade, "Manufacturing", "East", "ERP");

                    RoutingDecision decision = route(lead, List.of(all), reps);

                    // oracle: active, and for A hired more than 12 months ago (dates on the 15th/16th never clamp)
                    List<RepCandidate> eligible = reps.stream()
                            .filter(RepCandidate::active)
                            .filter(rep -> grade == Grade.B || rep.hireDate().isBefore(TODAY.minusMonths(12)))
                            .toList();
                    if (eligible.isEmpty()) {
                        assertThat(decision.kind()).isEqualTo(Kind.MANAGER_QUEUE);
                        return;
                    }
                    assertThat(decision.kind()).isEqualTo(Kind.ASSIGN_TO_REP);
                    RepCandidate chosen = eligible.stream()
                            .filter(rep -> rep.userId().equals(decision.userId()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("chosen rep is not eligible: " + decision));
                    int minimumLoad = eligible.stream().mapToInt(RepCandidate::openABLeads).min().orElseThrow();
                    assertThat(chosen.openABLeads()).isEqualTo(minimumLoad);
                    eligible.stream()
                            .filter(rep -> rep.openABLeads() == minimumLoad)
                            .forEach(tied -> assertThat(waitedAtLeastAsLong(chosen, tied))
                                    .as("%s waited at least as long as %s", chosen, tied).isTrue());
                });
    }

    private static Gen<RepCandidate> candidates() {
        Gen<LocalDate> hireDate = integers().between(0, 30).map(months -> TODAY.minusMonths(months).plusDays(1))
                .mix(integers().between(0, 30).map(months -> TODAY.minusMonths(months)));
        Gen<Instant> lastAssigned = integers().between(-1, 5)
                .map(days -> days < 0 ? null : Instant.parse("2025-03-01T09:00:00Z").plusSeconds(86_400L * days));
        return booleans().all().zip(hireDate, integers().between(0, 4), lastAssigned,
                (active, hired, load, last) -> new RepCandidate(id(0), hired, active, load, last));
    }

    private static boolean waitedAtLeastAsLong(RepCandidate chosen, RepCandidate other) {
        if (chosen.lastAssignedAt() == null) {
            return true;
        }
        return other.lastAssignedAt() != null && !chosen.lastAssignedAt().isAfter(other.lastAssignedAt());
    }

    // --- fixtures ------------------------------------------------------------------------------------

    private static RoutingDecision route(RoutableLead lead, List<Territory> territories, List<RepCandidate> reps) {
        return RoutingEngine.route(DEFAULTS, lead, territories, reps, TODAY);
    }

    private static Territory catchAll(int number, Set<UUID> members) {
        return territory(number, Set.of(), Set.of(), Set.of(), MANAGER, members);
    }

    private static Territory territory(int number, Set<String> industries, Set<String> regions,
            Set<String> productLines, UUID managerId, Set<UUID> members) {
        return new Territory(id(1000 + number), "Territory " + number, industries, regions, productLines, managerId,
                members);
    }

    private static RepCandidate rep(int number, LocalDate hireDate, int openABLeads) {
        return rep(number, hireDate, openABLeads, null);
    }

    private static RepCandidate rep(int number, LocalDate hireDate, int openABLeads, Instant lastAssignedAt) {
        return new RepCandidate(id(number), hireDate, true, openABLeads, lastAssignedAt);
    }

    private static RepCandidate withUserId(RepCandidate rep, UUID userId) {
        return new RepCandidate(userId, rep.hireDate(), rep.active(), rep.openABLeads(), rep.lastAssignedAt());
    }

    private static UUID id(int number) {
        return new UUID(0L, number);
    }
}

package com.lead2cash.lead.internal.routing;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.grading.CategoryKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * L4 and L5 — lead routing (线索分配): who gets a screened lead.
 *
 * <ol>
 *   <li>L4 by grade: C goes to the nurture pool (长期培育池) without an owner; A only to senior reps
 *       ({@link SeniorityRule}); B to any active rep.
 *   <li>L5 by territory: a territory matches when each of its non-empty dimensions (industry, region,
 *       product line) contains the lead's value; industries and product lines ignoring case, width and
 *       whitespace. A region is an administrative division (行政区划) that covers its cities and counties:
 *       a territory on 浙江 takes a lead in 杭州市西湖区. (Text that names no division, kept from before, is
 *       matched as text.) Only the most specific matches count — first those with the most non-empty
 *       dimensions, then, among them, those whose region is the most specific division covering the lead
 *       (杭州 over 浙江) — and their reps are pooled. A less specific territory is not a fallback: its reps
 *       were not meant for this lead.
 *   <li>L5 least-loaded: of the eligible reps the one with the fewest open A/B leads wins; a tie goes
 *       round-robin to the one who waited longest for a lead (never assigned first), then by user id
 *       so that the same facts always give the same rep.
 *   <li>Nobody eligible, or no matching territory: the lead waits in the manager queue of the (first
 *       in the order given) most specific matching territory, or in the general manager queue.
 * </ol>
 *
 * <p>A pure function of its inputs, so the same facts always route alike. Territory
 * members without a {@link RepCandidate} are not considered: without their load they cannot be
 * balanced.
 */
public final class RoutingEngine {

    private static final String REASON = "lead.routing.";

    /** Least-loaded, then longest waiting (null = never assigned = first), then user id. */
    private static final Comparator<RepCandidate> ROUTING_ORDER = Comparator
            .comparingInt(RepCandidate::openABLeads)
            .thenComparing(RepCandidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(RepCandidate::userId);

    private RoutingEngine() {
    }

    /** Where a grade sends a lead (L4): A to reps senior enough, B to any rep, C to the nurture pool. */
    enum Route { SENIOR_REP, ANY_REP, NURTURE_POOL;

        static Route of(Grade grade) {
            return switch (grade) {
                case A -> SENIOR_REP;
                case B -> ANY_REP;
                case C -> NURTURE_POOL;
            };
        }
    }

    public static RoutingDecision route(
            SeniorityRule seniority,
            RoutableLead lead,
            List<Territory> territories,
            List<RepCandidate> candidates,
            LocalDate today) {
        return switch (Route.of(lead.grade())) {
            case NURTURE_POOL -> new RoutingDecision(RoutingDecision.Kind.NURTURE, null, null, REASON + "nurture.gradeC",
                    List.of());
            case SENIOR_REP -> routeToTerritory(lead, territories, candidates, new Eligibility(
                    rep -> seniority.isSenior(rep.hireDate(), today), "assign.seniorLeastLoaded",
                    "managerQueue.noSeniorRep", List.of(seniority.months())));
            case ANY_REP -> routeToTerritory(lead, territories, candidates, new Eligibility(
                    rep -> true, "assign.leastLoaded", "managerQueue.noActiveRep", List.of()));
        };
    }

    private static RoutingDecision routeToTerritory(
            RoutableLead lead,
            List<Territory> territories,
            List<RepCandidate> candidates,
            Eligibility eligibility) {
        List<Territory> matched = mostSpecificMatches(lead, territories);
        if (matched.isEmpty()) {
            return new RoutingDecision(RoutingDecision.Kind.MANAGER_QUEUE, null, null,
                    REASON + "managerQueue.noTerritory",
                    Arrays.asList(lead.industry(), lead.region(), lead.productLine()));
        }
        Set<UUID> members = new HashSet<>();
        matched.forEach(territory -> members.addAll(territory.memberIds()));

        Optional<RepCandidate> chosen = candidates.stream()
                .filter(rep -> members.contains(rep.userId()))
                .filter(RepCandidate::active)
                .filter(eligibility.eligible())
                .min(ROUTING_ORDER);

        if (chosen.isEmpty()) {
            Territory territory = matched.get(0);
            return new RoutingDecision(RoutingDecision.Kind.MANAGER_QUEUE, territory.managerId(), territory.id(),
                    REASON + eligibility.nobodyEligibleReason(), args(eligibility, territory.name()));
        }
        RepCandidate rep = chosen.get();
        Territory territory = matched.stream()
                .filter(candidate -> candidate.memberIds().contains(rep.userId()))
                .findFirst()
                .orElseThrow();
        return new RoutingDecision(RoutingDecision.Kind.ASSIGN_TO_REP, rep.userId(), territory.id(),
                REASON + eligibility.assignedReason(), args(eligibility, territory.name(), rep.openABLeads()));
    }

    /** Matching territories, the most specific only (dimensions, then region depth), in the order given. */
    static List<Territory> mostSpecificMatches(RoutableLead lead, List<Territory> territories) {
        List<Territory> matching = territories.stream().filter(territory -> matches(territory, lead)).toList();
        int specificity = matching.stream().mapToInt(t -> specificity(t, lead)).max().orElse(0);
        return matching.stream().filter(territory -> specificity(territory, lead) == specificity).toList();
    }

    private static boolean matches(Territory territory, RoutableLead lead) {
        return accepts(territory.industries(), lead.industry())
                && (territory.regions().isEmpty() || regionDepth(territory, lead) >= 0)
                && accepts(territory.productLines(), lead.productLine());
    }

    /**
     * How deep the territory's most specific region covering the lead lies: 1 province, 2 city, 3 county
     * (the lead's place in its lineage); 0 for text matching text; -1 when none of its regions covers the lead.
     */
    private static int regionDepth(Territory territory, RoutableLead lead) {
        int depth = -1;
        for (String region : territory.regions()) {
            int at = lead.regionLineage().indexOf(region);
            if (at >= 0) {
                depth = Math.max(depth, at + 1);
            } else if (!Territory.isDivisionCode(region) && accepts(Set.of(region), lead.region())) {
                depth = Math.max(depth, 0);
            }
        }
        return depth;
    }

    private static boolean accepts(Set<String> allowed, String value) {
        if (allowed.isEmpty()) {
            return true;
        }
        String key = CategoryKeys.of(value);
        return !key.isEmpty() && allowed.stream().map(CategoryKeys::of).anyMatch(key::equals);
    }

    /** Non-empty dimensions first, then the depth of the region covering the lead (杭州市 over 浙江省). */
    private static int specificity(Territory territory, RoutableLead lead) {
        int dimensions = (territory.industries().isEmpty() ? 0 : 1)
                + (territory.regions().isEmpty() ? 0 : 1)
                + (territory.productLines().isEmpty() ? 0 : 1);
        return dimensions * 10 + (territory.regions().isEmpty() ? 0 : Math.max(0, regionDepth(territory, lead)));
    }

    /** The territory facts first, then the grade's own arguments (the seniority months for A). */
    private static List<Object> args(Eligibility eligibility, Object... territoryArgs) {
        return Stream.concat(Arrays.stream(territoryArgs), eligibility.args().stream()).toList();
    }

    /** Who may take a lead of one grade, and how the decision is explained. */
    private record Eligibility(
            Predicate<RepCandidate> eligible, String assignedReason, String nobodyEligibleReason, List<Object> args) {
    }
}

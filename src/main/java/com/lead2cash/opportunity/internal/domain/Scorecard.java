package com.lead2cash.opportunity.internal.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * O1 — the evaluation panel's verdict on an opportunity (评估结论), decided here once. Each seat of the
 * panel (O2) counts once, however many people sat in it: a seat's total is the mean of its members'
 * totals (four criteria, 0 to the maximum each), and the opportunity's score is the mean of the seats'
 * totals, to two decimals rounded half up. The opportunity qualifies when every seat of the panel has
 * scored and the score reaches the passing total; scorecards of seats the policy no longer names do not
 * count. See docs/decisions/0012-opportunities-and-quotes.md.
 *
 * @param seatTotals the mean total of each seat that scored
 * @param criteria   the same two-level mean per criterion: needMatch, competitiveStrength, paymentRisk, resourceInvestment
 * @param score      null until a seat of the panel has scored
 */
public record Scorecard(Set<PanelSeat> panel, Map<PanelSeat, BigDecimal> seatTotals, Map<String, BigDecimal> criteria,
                        BigDecimal score, int passScore) {

    public static final List<String> CRITERIA = List.of("needMatch", "competitiveStrength", "paymentRisk",
            "resourceInvestment");

    public static Scorecard of(Collection<Evaluation> evaluations, Set<PanelSeat> panel, int passScore) {
        List<Evaluation> counted = evaluations.stream().filter(Evaluation::current)
                .filter(e -> panel.contains(e.seat())).toList();
        Map<PanelSeat, BigDecimal> seatTotals = seatMeans(counted, Evaluation::total);
        Map<String, BigDecimal> criteria = new java.util.LinkedHashMap<>();
        List<ToIntFunction<Evaluation>> getters = List.of(Evaluation::needMatch, Evaluation::competitiveStrength,
                Evaluation::paymentRisk, Evaluation::resourceInvestment);
        for (int i = 0; i < CRITERIA.size(); i++) {
            BigDecimal mean = mean(seatMeans(counted, getters.get(i)).values());
            if (mean != null) {
                criteria.put(CRITERIA.get(i), mean.setScale(2, RoundingMode.HALF_UP));
            }
        }
        BigDecimal score = mean(seatTotals.values());
        return new Scorecard(Set.copyOf(panel), Map.copyOf(seatTotals), criteria,
                score == null ? null : score.setScale(2, RoundingMode.HALF_UP), passScore);
    }

    /** Every seat of the panel has scored. */
    public boolean complete() {
        return seatTotals.keySet().containsAll(panel);
    }

    /** O1: complete and at or above the passing total. */
    public boolean qualified() {
        return complete() && score.compareTo(BigDecimal.valueOf(passScore)) >= 0;
    }

    /** Seats of the panel still waiting for a scorecard. */
    public Set<PanelSeat> missingSeats() {
        Set<PanelSeat> missing = java.util.EnumSet.noneOf(PanelSeat.class);
        panel.stream().filter(s -> !seatTotals.containsKey(s)).forEach(missing::add);
        return missing;
    }

    private static Map<PanelSeat, BigDecimal> seatMeans(List<Evaluation> counted, ToIntFunction<Evaluation> value) {
        Map<PanelSeat, BigDecimal> sums = new EnumMap<>(PanelSeat.class);
        Map<PanelSeat, Integer> counts = new EnumMap<>(PanelSeat.class);
        for (Evaluation e : counted) {
            sums.merge(e.seat(), BigDecimal.valueOf(value.applyAsInt(e)), BigDecimal::add);
            counts.merge(e.seat(), 1, Integer::sum);
        }
        Map<PanelSeat, BigDecimal> means = new EnumMap<>(PanelSeat.class);
        sums.forEach((seat, sum) -> means.put(seat, sum.divide(BigDecimal.valueOf(counts.get(seat)), MathContext.DECIMAL64)));
        return means;
    }

    private static BigDecimal mean(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
    }
}

package com.lead2cash.bench.dataset;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.opportunity.internal.domain.ForecastCategory;
import com.lead2cash.sop.PolicySnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Opportunities (商机) with the life they had up to the generator's today: opened in DISCOVERY, moved by
 * their owner stage by stage, won from CONTRACT or lost from any open stage, each move recorded in
 * {@code opportunity_stage_change} as {@code Opportunity.moveTo} records it, with the columns the
 * aggregate keeps (stage, forecast category of the stage, close date, closed time, lost reason and the
 * stage it was lost from, the evaluation score that let it past EVALUATION, version per save). The
 * panel's scorecards themselves are not written: the harness reads boards, forecasts and timelines,
 * never an opportunity's evaluation page.
 */
public final class BenchOpportunities {

    public static final String TABLE = "opportunity_opportunity";
    public static final List<String> COLUMNS = List.of("id", "code", "customer_id", "name", "amount", "currency",
            "stage", "owner_id", "source_lead_code", "version", "created_at", "stage_changed_at", "updated_at",
            "expected_close_date", "product_lines", "forecast_category", "lost_reason", "lost_from_stage", "closed_at",
            "evaluation_score", "created_by");
    public static final String CHANGE_TABLE = "opportunity_stage_change";
    static final List<String> CHANGE_COLUMNS = List.of("id", "opportunity_id", "from_stage", "to_stage", "changed_at",
            "changed_by", "amount");

    /** The stage an opportunity ends in, with weights in per cent: a pipeline of three years, a third closed. */
    private static final Stage[] FINAL_STAGES = {Stage.DISCOVERY, Stage.EVALUATION, Stage.PROPOSAL, Stage.NEGOTIATION,
            Stage.CONTRACT, Stage.WON, Stage.LOST};
    private static final int[] FINAL_WEIGHTS = {22, 14, 12, 9, 6, 20, 17};
    /** The way up, in order: WON is reached from CONTRACT only (the aggregate refuses it from elsewhere). */
    private static final Stage[] PATH = {Stage.DISCOVERY, Stage.EVALUATION, Stage.PROPOSAL, Stage.NEGOTIATION,
            Stage.CONTRACT, Stage.WON};
    /** The codes of the managed lost-reason list as the migration seeds it (V202612018002). */
    private static final String[] LOST_REASONS = {"PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION", "TIMING",
            "REQUIREMENTS", "RELATIONSHIP", "OTHER"};

    private final Rows rows;
    private final SplittableRandom random;
    private final Instant now;
    private final ZoneId zone;
    private final int passScore;
    private final int maxScore;
    private BenchDeals deals;

    /** With the evaluation's pass score and maximum from the policy's O1. */
    public static BenchOpportunities of(PolicySnapshot policy, Rows rows, SplittableRandom random, Instant now,
                                        ZoneId zone) {
        OpportunityRules rules = policy.bind(OpportunityRules.class);
        return new BenchOpportunities(rows, random, now, zone, rules.passScore(), 4 * rules.criterionMax());
    }

    /**
     * @param passScore the panel's score from which an opportunity may leave EVALUATION (O1)
     * @param maxScore the most a scorecard can give (four criteria at their most)
     */
    public BenchOpportunities(Rows rows, SplittableRandom random, Instant now, ZoneId zone, int passScore, int maxScore) {
        this.rows = rows;
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.passScore = passScore;
        this.maxScore = maxScore;
    }

    /** From now on, what opportunities past PROPOSAL leave behind (quotes, contracts, receivables) is written too. */
    public void deals(BenchDeals deals) {
        this.deals = deals;
    }

    /**
     * Writes one opportunity opened at {@code opened} by {@code owner} and lived until now: the stage it
     * reached (a move that would fall after now is not made), its close date 1–6 months after it opened;
     * with {@link #deals} its quote, contract and receivables ({@code buyer}, {@code buyerTaxId}: the customer's
     * name and credit code, null when not on record).
     */
    public void write(UUID id, String code, UUID customer, String name, BigDecimal amount, UUID owner,
                      String sourceLeadCode, String productLine, Instant opened, String buyer, String buyerTaxId) {
        Stage target = pick();
        // lost from any open stage: as far up as it got first
        int climb = target == Stage.LOST ? random.nextInt(Stage.OPEN.size()) : indexOf(target);
        List<Object[]> changes = new ArrayList<>();
        changes.add(new Object[] {null, Stage.DISCOVERY, opened});
        Stage stage = Stage.DISCOVERY;
        Instant at = opened;
        boolean stillLiving = false;
        for (int step = 1; step <= climb && !stillLiving; step++) {
            Instant next = later(at);
            stillLiving = next.isAfter(now);
            if (!stillLiving) {
                changes.add(new Object[] {stage, PATH[step], next});
                stage = PATH[step];
                at = next;
            }
        }
        Stage lostFrom = null;
        Instant lostAt = target == Stage.LOST && !stillLiving ? later(at) : null;
        if (lostAt != null && !lostAt.isAfter(now)) {
            lostFrom = stage;
            changes.add(new Object[] {stage, Stage.LOST, lostAt});
            stage = Stage.LOST;
            at = lostAt;
        }
        boolean lost = stage == Stage.LOST;
        boolean evaluated = stage.isPastEvaluation() || lost && lostFrom.isPastEvaluation();
        BigDecimal score = evaluated
                ? BigDecimal.valueOf(passScore * 100L + random.nextInt((maxScore - passScore) * 100 + 1), 2) : null;
        LocalDate closeDate = LocalDate.ofInstant(opened, zone).plusDays(30 + random.nextInt(151));
        rows.insert(TABLE, COLUMNS, id, code, customer, name, amount.setScale(2, RoundingMode.HALF_UP), "CNY", stage.name(),
                owner, sourceLeadCode, (long) (changes.size() - 1), opened, at, at, closeDate,
                productLine == null ? List.of() : List.of(productLine), ForecastCategory.forStage(stage).name(),
                lost ? LOST_REASONS[random.nextInt(LOST_REASONS.length)] : null, lost ? lostFrom.name() : null,
                stage.isClosed() ? at : null, score, owner);
        java.util.Map<Stage, Instant> reached = new java.util.EnumMap<>(Stage.class);
        for (Object[] change : changes) {
            Instant changedAt = (Instant) change[2];
            rows.insert(CHANGE_TABLE, CHANGE_COLUMNS, BenchIds.uuid7(changedAt, random), id,
                    change[0] == null ? null : ((Stage) change[0]).name(), ((Stage) change[1]).name(), changedAt, owner,
                    amount.setScale(2, RoundingMode.HALF_UP));
            reached.put((Stage) change[1], changedAt);
        }
        if (deals != null) {
            deals.write(id, code, name, customer, buyer, buyerTaxId, owner, productLine, stage, lostFrom, reached);
        }
    }

    /** The next move: 3–30 days on. */
    private Instant later(Instant at) {
        return at.plus(Duration.ofHours(24L * (3 + random.nextInt(28)) + random.nextInt(24)));
    }

    private Stage pick() {
        int r = random.nextInt(100);
        for (int i = 0; i < FINAL_STAGES.length; i++) {
            r -= FINAL_WEIGHTS[i];
            if (r < 0) {
                return FINAL_STAGES[i];
            }
        }
        return Stage.DISCOVERY;
    }

    private static int indexOf(Stage stage) {
        for (int i = 0; i < PATH.length; i++) {
            if (PATH[i] == stage) {
                return i;
            }
        }
        throw new IllegalArgumentException(stage.name());
    }
}

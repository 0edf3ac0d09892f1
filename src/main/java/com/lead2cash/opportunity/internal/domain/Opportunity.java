package com.lead2cash.opportunity.internal.domain;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.NotAudited;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import com.lead2cash.platform.ForbiddenException;

/**
 * 商机 — a chance to sell to a customer, worked from discovery to won or lost (SPEC §4). It owns its
 * rules: stages move only by the transitions below, leaving evaluation needs the panel's qualifying
 * score (O1, {@link Scorecard}), a lost opportunity names its reason, won comes only after the contract
 * stage, the panel is the policy's seats (O2) with tech support by invitation. The forecast category
 * follows the stage unless the owner sets it. {@link #availableActions} says what an actor may do next.
 */
@Table("opportunity_opportunity")
public class Opportunity {

    /** The currency of every opportunity's amount (SPEC §6: the only one kept); its lists and sums say it with them. */
    public static final String CURRENCY = "CNY";

    @Id
    private UUID id;
    private String code;
    private UUID customerId;
    private String name;
    private BigDecimal amount;
    private String currency;
    private Stage stage;
    private UUID ownerId;
    private String sourceLeadCode;
    private LocalDate expectedCloseDate;
    private String[] productLines;
    private String[] competitors;
    private String nextStep;
    private ForecastCategory forecastCategory;
    private boolean forecastOverridden;
    private String lostReason;
    private String lostNote;
    private String lostTo;
    private Stage lostFromStage;
    private Instant closedAt;
    private Instant stageChangedAt;
    @NotAudited
    private BigDecimal evaluationScore;
    @MappedCollection(idColumn = "opportunity_id")
    private Set<Evaluation> evaluations = new HashSet<>();
    @MappedCollection(idColumn = "opportunity_id")
    private Set<EvaluationInvitation> invitations = new HashSet<>();
    private UUID createdBy;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;
    @Version
    private Long version;

    @Transient
    private final List<StageChange> changes = new ArrayList<>();

    Opportunity() {
    }

    /**
     * A new opportunity in DISCOVERY for a customer, owned by {@code ownerId}; its expected close date, if any, not
     * before {@code today} (the business's day, {@link #requireCloseDateAhead}).
     */
    public static Opportunity open(java.util.function.Supplier<String> code, UUID customerId, OpportunityDetails details,
                                   UUID ownerId, String sourceLeadCode, UUID createdBy, Instant now, LocalDate today) {
        requireCloseDateAhead(details.expectedCloseDate(), null, today);
        if (customerId == null) {
            throw new FieldValidationException("customerId", "opportunity.customer.required");
        }
        if (ownerId == null) {
            throw new FieldValidationException("ownerId", "opportunity.owner.required");
        }
        Opportunity o = new Opportunity();
        o.id = Ids.newId();
        o.code = code.get(); // drawn once the opportunity passed its checks: a refused one leaves no gap in the numbers
        o.customerId = customerId;
        o.apply(details);
        o.currency = CURRENCY;
        o.stage = Stage.DISCOVERY;
        o.ownerId = ownerId;
        o.sourceLeadCode = sourceLeadCode;
        o.forecastCategory = ForecastCategory.forStage(Stage.DISCOVERY);
        o.stageChangedAt = now;
        o.createdBy = createdBy;
        o.createdAt = now;
        o.updatedAt = now;
        o.changes.add(new StageChange(null, Stage.DISCOVERY, now, createdBy, o.amount, null));
        return o;
    }

    // ---- what the rep writes

    /** Corrects the opportunity's data while it is open (no quote of it accepted). */
    public void edit(OpportunityDetails details, Instant now, LocalDate today) {
        edit(details, false, now, today);
    }

    /**
     * The one rule of the expected close date's day: a date set now — on a new opportunity, or changed on an open one —
     * lies from {@code today}, as a close still expected does, to {@link InputRules#latestAhead} of it, as every date
     * the business plans (a close expected further ahead is a typo, as 2150 is); outside, it is refused (422 on
     * {@code expectedCloseDate}) with a message naming that range — the only range of the field: the API and the form
     * leave it to this rule ({@link com.lead2cash.platform.OwnDateRange}). The date already stored, left as it is, is
     * kept: an overdue opportunity is still corrected in its other fields.
     */
    static void requireCloseDateAhead(LocalDate wanted, LocalDate stored, LocalDate today) {
        LocalDate latest = InputRules.latestAhead(today);
        if (wanted != null && !wanted.equals(stored) && (wanted.isBefore(today) || wanted.isAfter(latest))) {
            throw new FieldValidationException("expectedCloseDate", "opportunity.closeDate.invalid", today, latest);
        }
    }

    /**
     * Corrects the opportunity's data while it is open. {@code quoteAccepted}: the customer accepted a quote of it —
     * from then on its amount is the accepted quote's total (SPEC §4: the quote is what the customer agreed to and what
     * the contract is drawn from), so a different amount by hand is refused, 422 naming the field (decision 0030).
     */
    public boolean edit(OpportunityDetails details, boolean quoteAccepted, Instant now, LocalDate today) {
        requireOpen();
        requireCloseDateAhead(details.expectedCloseDate(), expectedCloseDate, today);
        if (amountAgreed(quoteAccepted) && details.amount().compareTo(amount) != 0) {
            throw new FieldValidationException("amount", "opportunity.amount.agreed", amount.toPlainString());
        }
        if (details.equals(details())) {
            return false; // a correction to the same is none (0030)
        }
        apply(details);
        updatedAt = now;
        return true;
    }

    /** Whether the amount is the one the customer agreed to (an accepted quote's, from the proposal stage on). */
    public boolean amountAgreed(boolean quoteAccepted) {
        return quoteAccepted && stage.isOpen() && stage.isPastEvaluation();
    }

    /** What the rep wrote, as it is stored: a correction over the API starts from it (decision 0030). */
    public OpportunityDetails details() {
        return new OpportunityDetails(name, amount, expectedCloseDate,
                productLines == null ? List.of() : List.of(productLines),
                competitors == null ? List.of() : List.of(competitors), nextStep);
    }

    private void apply(OpportunityDetails d) {
        name = d.name();
        amount = d.amount();
        expectedCloseDate = d.expectedCloseDate();
        productLines = d.productLines().toArray(String[]::new);
        competitors = d.competitors().toArray(String[]::new);
        nextStep = d.nextStep();
    }

    /** The owner's own judgement of the forecast; null goes back to the stage's category. */
    public void setForecastCategory(ForecastCategory category, Instant now) {
        requireOpen();
        if (category == null) {
            forecastCategory = ForecastCategory.forStage(stage);
            forecastOverridden = false;
        } else {
            if (!category.choosableWhileOpen()) {
                throw new FieldValidationException("forecastCategory", "opportunity.forecast.notChoosable");
            }
            forecastCategory = category;
            forecastOverridden = true;
        }
        updatedAt = now;
    }

    // ---- stages

    /**
     * Moves the opportunity to another stage. Refused: a closed opportunity (reopen it first), the stage it
     * is in, a stage past evaluation while the panel has not qualified it (O1), LOST without a reason, WON
     * before the contract stage. A move back is taken as meant: the board's drag and the API name the stage.
     */
    public void moveTo(Stage target, LostDetails lost, Scorecard scorecard, UUID by, Instant now) {
        moveTo(target, lost, scorecard, true, by, now);
    }

    /**
     * {@link #moveTo(Stage, LostDetails, Scorecard, UUID, Instant)}, and a move back to an earlier stage is refused
     * unless {@code backConfirmed}: on the page one click on the wrong choice would undo the pipeline's progress.
     */
    public void moveTo(Stage target, LostDetails lost, Scorecard scorecard, boolean backConfirmed, UUID by,
                       Instant now) {
        if (target == null) {
            throw new FieldValidationException("stage", "opportunity.stage.required");
        }
        requireOpen();
        if (target == stage) {
            throw new DomainException("opportunity.stage.same", Label.of("opportunity.stage", target));
        }
        if (isBackward(target) && !backConfirmed) {
            throw new FieldValidationException("stage", "opportunity.stage.backUnconfirmed");
        }
        if (target == Stage.LOST) {
            if (lost == null || lost.reason() == null) {
                throw new FieldValidationException("lostReason", "opportunity.lost.reasonRequired");
            }
            lostReason = lost.reason();
            lostNote = lost.note();
            lostTo = lost.lostTo();
            lostFromStage = stage;
        } else {
            if (target == Stage.WON && stage != Stage.CONTRACT) {
                throw new DomainException("opportunity.stage.wonOnlyFromContract");
            }
            Optional<DomainException> refused = evaluationGate(target, scorecard);
            if (refused.isPresent()) {
                throw refused.get();
            }
        }
        changeStage(target, by, now, null);
    }

    /** O1: a stage past evaluation needs the panel's qualifying score; the refusal a move there would meet, if any. */
    private Optional<DomainException> evaluationGate(Stage target, Scorecard scorecard) {
        if (target.isPastEvaluation() && !stage.isPastEvaluation() && !scorecard.qualified()) {
            return Optional.of(new DomainException(scorecard.complete() ? "opportunity.stage.evaluationFailed"
                    : "opportunity.stage.evaluationIncomplete",
                    scorecard.score() == null ? "—" : scorecard.score().toPlainString(), scorecard.passScore()));
        }
        return Optional.empty();
    }

    /** The stage an open opportunity moves on to next (the following open stage, WON from the contract); none once closed. */
    public Optional<Stage> nextStage() {
        if (stage.isClosed()) {
            return Optional.empty();
        }
        int at = Stage.OPEN.indexOf(stage);
        return Optional.of(at + 1 < Stage.OPEN.size() ? Stage.OPEN.get(at + 1) : Stage.WON);
    }

    /**
     * The stage the move form proposes: the next one, unless that is won and winning is not among the actor's actions
     * now (a contract not yet signed, decision 0026).
     */
    public Optional<Stage> nextStageOffered(java.util.Collection<OpportunityAction> actions) {
        return nextStage().filter(s -> s != Stage.WON || actions.contains(OpportunityAction.MARK_WON));
    }

    /** Whether moving to {@code target} goes back to an earlier open stage of an open opportunity. */
    public boolean isBackward(Stage target) {
        return stage.isOpen() && target != null && target.isOpen()
                && Stage.OPEN.indexOf(target) < Stage.OPEN.indexOf(stage);
    }

    /** A lost opportunity is worked again, in the stage it was lost from. */
    public void reopen(UUID by, Instant now) {
        if (stage != Stage.LOST) {
            throw new DomainException("opportunity.reopen.notLost");
        }
        Stage back = lostFromStage == null ? Stage.DISCOVERY : lostFromStage;
        lostReason = null;
        lostNote = null;
        lostTo = null;
        lostFromStage = null;
        closedAt = null;
        changeStage(back, by, now, null);
    }

    /**
     * The customer accepted a quote: a proposal moves on to negotiation, a negotiated one to the contract;
     * the amount becomes the quote's total (from the proposal stage on; before it, and once closed, nothing changes).
     * Answers whether the stage moved.
     */
    public boolean quoteAccepted(BigDecimal total, String quoteNote, Instant now) {
        // before the proposal stage the evaluation (O1) has not passed: a quote's total does not replace the amount
        if (stage.isClosed() || !stage.isPastEvaluation()) {
            return false;
        }
        if (total != null) {
            amount = total.setScale(2);
        }
        updatedAt = now;
        Stage next = switch (stage) {
            case PROPOSAL -> Stage.NEGOTIATION;
            case NEGOTIATION -> Stage.CONTRACT;
            default -> null;
        };
        if (next == null) {
            return false;
        }
        changeStage(next, null, now, quoteNote);
        return true;
    }

    /** The stage history's note of a win by a contract's signing: this, then the contract's number. */
    public static final String CONTRACT_NOTE = "contract:";

    /**
     * The contract was signed: won, from the contract stage, at the signed contract's amount — the deal as closed
     * (decision 0087), not the quote's or the rep's estimate; the stage history's entry names the contract
     * ({@link #CONTRACT_NOTE}). Answers whether it moved; elsewhere nothing changes, the amount neither.
     */
    public boolean contractSigned(String contractNumber, BigDecimal contractAmount, Instant now) {
        if (stage != Stage.CONTRACT) {
            return false;
        }
        if (contractAmount != null) {
            amount = contractAmount.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        changeStage(Stage.WON, null, now, CONTRACT_NOTE + contractNumber);
        return true;
    }

    /**
     * A signed amendment (补充协议) changed the amount of the contract: a won opportunity's amount follows it, the deal
     * as it now stands (decision 0087). Open or lost, nothing changes. Answers whether the amount changed.
     */
    public boolean contractAmended(BigDecimal contractAmount, Instant now) {
        if (stage != Stage.WON || contractAmount == null || contractAmount.compareTo(amount) == 0) {
            return false;
        }
        amount = contractAmount.setScale(2, java.math.RoundingMode.HALF_UP);
        updatedAt = now;
        return true;
    }

    private void changeStage(Stage target, UUID by, Instant now, String note) {
        Stage from = stage;
        stage = target;
        stageChangedAt = now;
        updatedAt = now;
        forecastCategory = ForecastCategory.forStage(target);
        forecastOverridden = false;
        closedAt = target.isClosed() ? now : null;
        changes.add(new StageChange(from, target, now, by, amount, note));
    }

    // ---- evaluation (O1, O2)

    /**
     * A panel member scores in their seat (O1); their earlier scorecard no longer counts. Only before the
     * opportunity leaves evaluation; a first scorecard in discovery moves it to EVALUATION. An invited
     * tech-support colleague's invitation is answered.
     */
    public Evaluation evaluate(PanelSeat seat, UUID evaluatorId, EvaluationScores scores, String comment,
                               Set<PanelSeat> panel, Instant now) {
        requireOpen();
        if (stage != Stage.DISCOVERY && stage != Stage.EVALUATION) {
            throw new DomainException("opportunity.evaluation.closed");
        }
        if (seat == null || !panel.contains(seat)) {
            throw new ForbiddenException("opportunity.forbidden.panel");
        }
        String c = InputRules.trimToNull(comment);
        if (c != null && c.length() > 2000) {
            throw new FieldValidationException("comment", "opportunity.field.tooLong", 2000);
        }
        Set<Evaluation> kept = new HashSet<>();
        for (Evaluation e : evaluations) {
            kept.add(e.current() && e.evaluatorId().equals(evaluatorId) ? e.retired() : e);
        }
        Evaluation scored = new Evaluation(Ids.newId(), evaluatorId, seat, scores.needMatch(),
                scores.competitiveStrength(), scores.paymentRisk(), scores.resourceInvestment(), c, now, true);
        kept.add(scored);
        evaluations = kept;
        if (seat == PanelSeat.TECH_SUPPORT) {
            invitations = replace(invitations, i -> i.isOpen() && i.inviteeId().equals(evaluatorId), i -> i.answered(now));
        }
        if (stage == Stage.DISCOVERY) {
            changeStage(Stage.EVALUATION, evaluatorId, now, null);
        }
        updatedAt = now;
        return scored;
    }

    /** O2: a tech-support colleague is invited to the panel; answers the invitation (an open one is not repeated). */
    public EvaluationInvitation invite(UUID inviteeId, UUID invitedBy, Instant now) {
        requireOpen();
        if (stage != Stage.DISCOVERY && stage != Stage.EVALUATION) {
            throw new DomainException("opportunity.evaluation.closed");
        }
        Optional<EvaluationInvitation> open = invitations.stream()
                .filter(i -> i.isOpen() && i.inviteeId().equals(inviteeId)).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        EvaluationInvitation invitation = new EvaluationInvitation(Ids.newId(), inviteeId, invitedBy, now, null, null);
        invitations.add(invitation);
        updatedAt = now;
        return invitation;
    }

    /** An open invitation is taken back; answers it, or empty when there was none. */
    public Optional<EvaluationInvitation> withdrawInvitation(UUID invitationId, Instant now) {
        Optional<EvaluationInvitation> open = invitations.stream()
                .filter(i -> i.id().equals(invitationId) && i.isOpen()).findFirst();
        open.ifPresent(i -> invitations = replace(invitations, x -> x.id().equals(invitationId), x -> x.withdrawn(now)));
        return open;
    }

    /** The panel's verdict under the given policy (O1, O2). */
    public Scorecard scorecard(Set<PanelSeat> panel, int passScore) {
        return Scorecard.of(evaluations, panel, passScore);
    }

    /** Keeps the combined score on the record for lists and the board. */
    public void rememberScore(Scorecard scorecard) {
        evaluationScore = scorecard.score();
    }

    /** The seat this actor takes on the panel: the owner the rep's, an invited colleague tech support's, a manager above the owner the manager's. */
    public Optional<PanelSeat> seatOf(OpportunityActor actor) {
        if (actor.userId().equals(ownerId)) {
            return Optional.of(PanelSeat.REP);
        }
        if (actor.invited() && actor.roles().contains(com.lead2cash.platform.Role.TECH_SUPPORT)) {
            return Optional.of(PanelSeat.TECH_SUPPORT);
        }
        if (actor.isManager() && actor.coversOwner()) {
            return Optional.of(PanelSeat.MANAGER);
        }
        return Optional.empty();
    }

    public boolean hasOpenInvitationFor(UUID userId) {
        return invitations.stream().anyMatch(i -> i.isOpen() && i.inviteeId().equals(userId));
    }

    public boolean invitationGrantsView(UUID userId) {
        return invitations.stream().anyMatch(i -> i.grantsView() && i.inviteeId().equals(userId));
    }

    // ---- ownership

    /** A manager gives the opportunity to another owner; answers the previous owner. */
    public UUID reassign(UUID newOwner, Instant now) {
        requireOpen();
        if (newOwner == null) {
            throw new FieldValidationException("ownerId", "opportunity.owner.required");
        }
        UUID previous = ownerId;
        ownerId = newOwner;
        updatedAt = now;
        return previous;
    }

    /** Takes the version the client read, so that a stale edit answers 409. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    // ---- what may be done next

    /** Whether the actor works this opportunity — a seller who owns it or manages its owner — whatever its stage. */
    public boolean workedBy(OpportunityActor actor) {
        return actor.sells() && (actor.userId().equals(ownerId) || actor.coversOwner());
    }

    /**
     * What the actor may do with the opportunity now. {@code contractSigned}: a contract of the opportunity is signed
     * (or signed and archived) — won is 合同签订, so marking it won by hand is offered only then (decision 0026).
     * {@code contractUnderWay}: the number of the opportunity's contract that is neither signed nor terminated (null
     * when none): while it is under way the opportunity is not marked lost — its contract would go on to be signed,
     * paid and handed over for a lost opportunity; it is terminated first (which the contract's own rules allow: its
     * rep before the management approved it, the approvers after, decision 0046).
     */
    public Set<OpportunityAction> availableActions(OpportunityActor actor, Set<PanelSeat> panel, boolean contractSigned,
                                                   String contractUnderWay) {
        Set<OpportunityAction> actions = EnumSet.noneOf(OpportunityAction.class);
        boolean works = workedBy(actor);
        boolean evaluating = stage == Stage.DISCOVERY || stage == Stage.EVALUATION;
        if (stage == Stage.LOST) {
            if (works) {
                actions.add(OpportunityAction.REOPEN);
            }
            return actions;
        }
        if (stage == Stage.WON) {
            return actions;
        }
        if (works) {
            actions.addAll(List.of(OpportunityAction.EDIT, OpportunityAction.MOVE,
                    OpportunityAction.SET_FORECAST_CATEGORY));
            if (contractUnderWay == null) {
                actions.add(OpportunityAction.MARK_LOST);
            }
            if (stage == Stage.CONTRACT && contractSigned) {
                actions.add(OpportunityAction.MARK_WON);
            }
            if (evaluating && panel.contains(PanelSeat.TECH_SUPPORT)) {
                actions.add(OpportunityAction.INVITE_EVALUATOR);
            }
            if (actor.isManager() && !actor.userId().equals(ownerId)) {
                actions.add(OpportunityAction.REASSIGN);
            }
        }
        if (evaluating && seatOf(actor).filter(panel::contains).isPresent()) {
            actions.add(OpportunityAction.EVALUATE);
        }
        return actions;
    }

    /**
     * The stages the actor may take the opportunity to now, given what they may do ({@link #availableActions}):
     * any other open stage a move would take it to (not one past evaluation the panel has not qualified it for, O1,
     * as {@link #moveTo} asks), lost when they may mark it lost, won only when they may mark it won (a signed
     * contract, decision 0026). The board's move menu offers exactly these.
     */
    public Set<Stage> stagesOffered(Set<OpportunityAction> actions, Scorecard scorecard) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        if (actions.contains(OpportunityAction.MOVE)) {
            Stage.OPEN.stream().filter(s -> s != stage && evaluationGate(s, scorecard).isEmpty()).forEach(stages::add);
        }
        if (actions.contains(OpportunityAction.MARK_WON)) {
            stages.add(Stage.WON);
        }
        if (actions.contains(OpportunityAction.MARK_LOST)) {
            stages.add(Stage.LOST);
        }
        return stages;
    }

    /**
     * Refuses an action the actor may not take: 403 when it is never theirs to take on this opportunity,
     * 422 when its state forbids it now ({@code contractSigned}, {@code contractUnderWay} as {@link #availableActions}
     * takes them).
     */
    public void requireAction(OpportunityActor actor, OpportunityAction action, Set<PanelSeat> panel,
                              boolean contractSigned, String contractUnderWay) {
        if (availableActions(actor, panel, contractSigned, contractUnderWay).contains(action)) {
            return;
        }
        boolean works = workedBy(actor);
        boolean theirs = switch (action) {
            case EVALUATE -> seatOf(actor).filter(panel::contains).isPresent();
            case REASSIGN -> works && actor.isManager();
            default -> works;
        };
        if (!theirs) {
            throw new ForbiddenException("opportunity.forbidden." + action);
        }
        if (action == OpportunityAction.MARK_LOST && contractUnderWay != null && stage.isOpen()) {
            // lost with its contract still going on to signing: the contract is terminated first
            throw new DomainException("opportunity.lost.contractUnderWay", contractUnderWay);
        }
        if (action == OpportunityAction.MARK_WON && stage == Stage.CONTRACT) {
            // won is 合同签订: the signing wins it; by hand only once a contract is signed, never on a draft
            throw new DomainException("opportunity.stage.wonNeedsSignedContract");
        }
        throw new DomainException("opportunity.action.notNow." + action, Label.of("opportunity.stage", stage));
    }

    /** The stage changes made since the last save, oldest first; the service records and announces them. */
    public List<StageChange> drainChanges() {
        List<StageChange> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    private void requireOpen() {
        if (stage.isClosed()) {
            throw new DomainException("opportunity.closed", code);
        }
    }

    private static <T> Set<T> replace(Set<T> items, java.util.function.Predicate<T> which,
                                      java.util.function.UnaryOperator<T> change) {
        Set<T> result = new HashSet<>();
        for (T item : items) {
            result.add(which.test(item) ? change.apply(item) : item);
        }
        return result;
    }

    /** Why it was lost: a code of the managed list, a note, and to whom. */
    public record LostDetails(String reason, String note, String lostTo) {
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public UUID customerId() { return customerId; }
    public String name() { return name; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public Stage stage() { return stage; }
    public UUID ownerId() { return ownerId; }
    public String sourceLeadCode() { return sourceLeadCode; }
    public LocalDate expectedCloseDate() { return expectedCloseDate; }
    public List<String> productLines() { return productLines == null ? List.of() : Arrays.asList(productLines); }
    public List<String> competitors() { return competitors == null ? List.of() : Arrays.asList(competitors); }
    public String nextStep() { return nextStep; }
    public ForecastCategory forecastCategory() { return forecastCategory; }
    public boolean forecastOverridden() { return forecastOverridden; }
    public String lostReason() { return lostReason; }
    public String lostNote() { return lostNote; }
    public String lostTo() { return lostTo; }
    public Instant closedAt() { return closedAt; }
    public Instant stageChangedAt() { return stageChangedAt; }
    public BigDecimal evaluationScore() { return evaluationScore; }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }

    /** Every scorecard, the current ones first, newest first. */
    public List<Evaluation> evaluations() {
        return evaluations.stream().sorted(Comparator.comparing(Evaluation::current).reversed()
                .thenComparing(Evaluation::submittedAt, Comparator.reverseOrder())).toList();
    }

    public List<EvaluationInvitation> invitations() {
        return invitations.stream().sorted(Comparator.comparing(EvaluationInvitation::invitedAt).reversed()).toList();
    }
}

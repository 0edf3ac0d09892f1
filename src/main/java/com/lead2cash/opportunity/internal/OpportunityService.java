package com.lead2cash.opportunity.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerOwnerChanged;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.opportunity.OpportunityOwnerChanged;
import com.lead2cash.opportunity.OpportunityStageChanged;
import com.lead2cash.opportunity.AcceptedQuotes;
import com.lead2cash.opportunity.SignedContracts;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.domain.Evaluation;
import com.lead2cash.opportunity.internal.domain.EvaluationInvitation;
import com.lead2cash.opportunity.internal.domain.EvaluationScores;
import com.lead2cash.opportunity.internal.domain.ForecastCategory;
import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.domain.OpportunityAction;
import com.lead2cash.opportunity.internal.domain.OpportunityActor;
import com.lead2cash.opportunity.internal.domain.OpportunityDetails;
import com.lead2cash.opportunity.internal.domain.OpportunityRepository;
import com.lead2cash.opportunity.internal.domain.PanelSeat;
import com.lead2cash.opportunity.internal.domain.Scorecard;
import com.lead2cash.opportunity.internal.domain.StageChange;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Versions;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectRef;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import com.lead2cash.platform.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works opportunities (商机): opens them on a customer, moves them through the stages with their gates,
 * runs the evaluation panel (O1, O2) and hands ownership on. Every save records the stage history,
 * announces stage changes, keeps the customer's lifecycle in step (销售机会, 已签约) and the O2 deadlines
 * of invited evaluators.
 */
@Service
public class OpportunityService {

    /** The subject type of an invited evaluator's O2 deadline. */
    public static final String INVITATION_SUBJECT = "EvaluationInvitation";

    /**
     * The notice asking an invited colleague to score (O2), about their invitation: each invitee has their own piece of
     * work, so one's score settles their notice alone. Settled when they score, when the invitation is withdrawn and
     * when the opportunity leaves evaluation (closed, or moved past it): nothing is left for them to score then.
     */
    static final NotificationKind INVITATION_NOTICE = NotificationKind.OPPORTUNITY_EVALUATION_REQUESTED;

    /**
     * The notice telling the owner's manager that the panel awaits the manager's score (O2), about the opportunity:
     * the panel has one manager's seat, so it is settled when anyone scores in it, or when the opportunity leaves
     * evaluation (closed, or moved past it) and the score is no longer awaited.
     */
    static final NotificationKind MANAGER_SCORE_NOTICE = NotificationKind.OPPORTUNITY_MANAGER_SCORE_AWAITED;

    private final OpportunityRepository opportunities;
    private final OpportunityAccess access;
    private final StageHistory history;
    private final LostReasons lostReasons;
    private final CustomerDirectory customers;
    private final OrgDirectory org;
    private final SopPolicy policy;
    private final Deadlines deadlines;
    private final Notifier notifier;
    private final HumanCodes codes;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    /** The business's zone, in which today is the day an expected close date may not lie before. */
    private final java.time.ZoneId zone;

    private final List<SignedContracts> signedContracts;
    private final List<AcceptedQuotes> acceptedQuotes;

    OpportunityService(OpportunityRepository opportunities, OpportunityAccess access, StageHistory history,
                       LostReasons lostReasons, CustomerDirectory customers, OrgDirectory org, SopPolicy policy,
                       Deadlines deadlines, Notifier notifier, HumanCodes codes, ApplicationEventPublisher events,
                       List<SignedContracts> signedContracts, List<AcceptedQuotes> acceptedQuotes, AuditTrail audit,
                       Clock clock,
                       @org.springframework.beans.factory.annotation.Value("${l2c.zone}") java.time.ZoneId zone) {
        this.opportunities = opportunities;
        this.zone = zone;
        this.signedContracts = List.copyOf(signedContracts);
        this.acceptedQuotes = List.copyOf(acceptedQuotes);
        this.access = access;
        this.history = history;
        this.lostReasons = lostReasons;
        this.customers = customers;
        this.org = org;
        this.policy = policy;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.codes = codes;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public OpportunityRules rules() {
        return policy.current().bind(OpportunityRules.class);
    }

    /** The panel's verdict on the opportunity under the current policy. */
    public Scorecard scorecard(Opportunity o) {
        OpportunityRules rules = rules();
        return o.scorecard(rules.panel(), rules.passScore());
    }

    /**
     * Opens an opportunity on a customer the user may see, not merged into another (422: the survivor
     * carries the work) and that has an owner (a pool customer is claimed first). The owner is the one
     * named — the user themselves, or for a manager someone in their scope who sells — else the user, or
     * for a manager the customer's owner.
     */
    @Transactional
    public Opportunity create(UUID customerId, OpportunityDetails details, UUID requestedOwner) {
        CurrentUser me = CurrentUser.require();
        if (customerId == null) {
            throw new FieldValidationException("customerId", "opportunity.customer.required");
        }
        CustomerDirectory.CustomerRef customer = customers.requireOpenForWork(customerId);
        if (customer.ownerId() == null) {
            throw new DomainException("opportunity.customer.inPool", customer.name());
        }
        UUID owner = owner(me, requestedOwner, customer.ownerId());
        Opportunity o = Opportunity.open(() -> codes.next("O", "opportunity_code_seq"), customer.id(), details, owner,
                null, me.id(), clock.instant(), today());
        return save(o);
    }

    /** A converting lead opens the opportunity (the lead module checked who may). */
    @Transactional
    public UUID openForLead(UUID customerId, String name, BigDecimal amount, UUID ownerId, String sourceLeadCode,
                            LocalDate expectedCloseDate, List<String> productLines) {
        OpportunityDetails details;
        try {
            details = OpportunityDetails.validated(name, amount == null ? BigDecimal.ZERO : amount, expectedCloseDate,
                    productLines, null, null);
        } catch (FieldValidationException e) {
            // the lead form names the field "opportunityName"
            throw new FieldValidationException(e.errors().stream().map(f -> "name".equals(f.field())
                    ? new FieldValidationException.FieldError("opportunityName", f.messageKey(), f.args()) : f).toList());
        }
        UUID creator = CurrentUser.get().map(CurrentUser::id).orElse(ownerId);
        Opportunity o = Opportunity.open(() -> codes.next("O", "opportunity_code_seq"), customerId, details,
                ownerId != null ? ownerId : creator, sourceLeadCode, creator, clock.instant(), today());
        return save(o).id();
    }

    @Transactional
    public Opportunity edit(UUID id, OpportunityDetails details, Long version) {
        return edit(id, stored -> details, version);
    }

    /**
     * A correction of some of the opportunity's data (decision 0030): {@code edit} answers the details as stored,
     * corrected (checked by {@link OpportunityDetails#validated}); the aggregate refuses a new amount once the customer
     * accepted a quote of it.
     */
    @Transactional
    public Opportunity edit(UUID id, java.util.function.UnaryOperator<OpportunityDetails> edit, Long version) {
        Opportunity o = forAction(id, null, OpportunityAction.EDIT);
        Long stored = o.version();
        o.expectVersion(version);
        if (!o.edit(edit.apply(o.details()), quoteAccepted(o), clock.instant(), today())) {
            Versions.requireCurrent(stored, version); // not saved: the version stays (0030)
            return o;
        }
        return save(o);
    }

    /** The business's today: an expected close date set now lies on it or after. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Whether the customer accepted a quote of the opportunity (its amount is then the quote's). */
    public boolean quoteAccepted(Opportunity o) {
        return acceptedQuotes.stream().anyMatch(q -> q.existFor(o.id()));
    }

    /**
     * Moves to a stage; LOST takes a reason from the managed list. A move whose stage the caller named deliberately
     * (the board's drag, the API): a move back needs no confirming.
     */
    @Transactional
    public Opportunity move(UUID id, Stage target, String lostReason, String lostNote, String lostTo, Long version) {
        return move(id, target, lostReason, lostNote, lostTo, version, true);
    }

    /** A move from the opportunity's page, where a move back is made only when {@code backConfirmed}. */
    @Transactional
    public Opportunity move(UUID id, Stage target, String lostReason, String lostNote, String lostTo, Long version,
                            boolean backConfirmed) {
        Opportunity o = access.visibleForUpdate(id);
        OpportunityActor actor = access.actor(o);
        OpportunityRules rules = rules();
        OpportunityAction action = target == Stage.LOST ? OpportunityAction.MARK_LOST
                : target == Stage.WON ? OpportunityAction.MARK_WON : OpportunityAction.MOVE;
        if (o.stage().isOpen() && target != null && target != o.stage()) {
            o.requireAction(actor, action, rules.panel(), contractSigned(o), contractUnderWay(o));
        } else if (!access.actor(o).sells()) {
            throw new ForbiddenException("opportunity.forbidden.MOVE");
        }
        o.expectVersion(version);
        Opportunity.LostDetails lost = null;
        if (target == Stage.LOST) {
            lost = new Opportunity.LostDetails(lostReasons.requireActive(lostReason), text(lostNote, 1000, "lostNote"),
                    text(lostTo, 100, "lostTo"));
        }
        o.moveTo(target, lost, o.scorecard(rules.panel(), rules.passScore()), backConfirmed, actor.userId(),
                clock.instant());
        return save(o);
    }

    @Transactional
    public Opportunity reopen(UUID id, Long version) {
        Opportunity o = forAction(id, version, OpportunityAction.REOPEN);
        o.reopen(CurrentUser.require().id(), clock.instant());
        return save(o);
    }

    @Transactional
    public Opportunity setForecastCategory(UUID id, ForecastCategory category, Long version) {
        Opportunity o = forAction(id, version, OpportunityAction.SET_FORECAST_CATEGORY);
        o.setForecastCategory(category, clock.instant());
        return save(o);
    }

    /** A panel member scores (O1); answers the opportunity with the panel's verdict. */
    @Transactional
    public Opportunity evaluate(UUID id, Integer needMatch, Integer competitiveStrength, Integer paymentRisk,
                                Integer resourceInvestment, String comment) {
        Opportunity o = access.visibleForUpdate(id);
        OpportunityActor actor = access.actor(o);
        OpportunityRules rules = rules();
        o.requireAction(actor, OpportunityAction.EVALUATE, rules.panel(), contractSigned(o), contractUnderWay(o));
        EvaluationScores scores = EvaluationScores.validated(needMatch, competitiveStrength, paymentRisk,
                resourceInvestment, rules.criterionMax());
        PanelSeat seat = o.seatOf(actor).orElseThrow();
        Instant now = clock.instant();
        boolean wasInvited = o.hasOpenInvitationFor(actor.userId());
        var invitation = o.invitations().stream().filter(i -> i.isOpen() && i.inviteeId().equals(actor.userId())).findFirst();
        o.evaluate(seat, actor.userId(), scores, comment, rules.panel(), now);
        if (wasInvited && seat == PanelSeat.TECH_SUPPORT) {
            invitation.ifPresent(i -> {
                deadlines.meet(OpportunityRules.PANEL, SubjectRef.of(INVITATION_SUBJECT, i.id()), now);
                notifier.settle(INVITATION_NOTICE, i.id());
            });
        }
        if (seat == PanelSeat.MANAGER) {
            notifier.settle(MANAGER_SCORE_NOTICE, o.id());
        }
        if (!actor.userId().equals(o.ownerId())) {
            notifier.send(Notification.of(o.ownerId(), NotificationKind.OPPORTUNITY_EVALUATED,
                    "opportunity.notify.evaluated",
                    "/opportunities/" + o.id(), o.code(), o.name(), CurrentUser.require().displayName()));
        }
        if (seat == PanelSeat.REP && awaitsManager(o, rules.panel())) {
            // O2: the manager's seat is the owner's line manager's to take; tech support is invited, the manager told
            org.managerOf(o.ownerId()).ifPresent(manager -> notifier.send(Notification.of(manager.id(),
                    MANAGER_SCORE_NOTICE, "opportunity.notify.managerScoreAwaited", "/opportunities/" + o.id(),
                    o.code(), o.name(), CurrentUser.require().displayName()).about(o.id())));
        }
        return save(o);
    }

    /**
     * O2 — the opportunity went to another owner: the manager's seat is the new owner's line manager's. When that is
     * someone else, the previous manager's "your score is awaited" notice is settled (the seat is not theirs any more)
     * and, while the panel still sits and awaits the manager's score after the rep's, the new manager is told, as the
     * previous one was when the rep scored (in their own language, as every notice reads).
     */
    private void managerScoreFollowsOwner(Opportunity o, UUID previousOwner) {
        Optional<UUID> before = org.managerOf(previousOwner).map(OrgDirectory.Person::id);
        Optional<OrgDirectory.Person> now = org.managerOf(o.ownerId());
        if (before.equals(now.map(OrgDirectory.Person::id))) {
            return;
        }
        notifier.settle(MANAGER_SCORE_NOTICE, o.id());
        boolean evaluating = o.stage() == Stage.DISCOVERY || o.stage() == Stage.EVALUATION;
        Optional<UUID> repScored = o.evaluations().stream().filter(e -> e.current() && e.seat() == PanelSeat.REP)
                .map(Evaluation::evaluatorId).findFirst();
        if (!evaluating || repScored.isEmpty() || !awaitsManager(o, rules().panel())) {
            return;
        }
        String scoredBy = org.person(repScored.get()).map(OrgDirectory.Person::displayName).orElse("");
        now.ifPresent(manager -> notifier.send(Notification.of(manager.id(), MANAGER_SCORE_NOTICE,
                "opportunity.notify.managerScoreAwaited", "/opportunities/" + o.id(), o.code(), o.name(), scoredBy)
                .about(o.id())));
    }

    /** The panel has a manager's seat (O2) and nobody has scored in it yet. */
    private static boolean awaitsManager(Opportunity o, java.util.Set<PanelSeat> panel) {
        return panel.contains(PanelSeat.MANAGER)
                && o.evaluations().stream().noneMatch(e -> e.current() && e.seat() == PanelSeat.MANAGER);
    }

    /**
     * Whom the actor may invite to the panel (O2) now: the active tech-support colleagues while the opportunity
     * offers the invitation. {@code noneToInvite}: it offers it but the company has no such colleague, which the
     * page explains rather than hiding the invitation without a word.
     */
    public record Invitees(List<OrgDirectory.Person> people, boolean noneToInvite) {
    }

    public Invitees invitees(Opportunity o) {
        if (!actions(o).contains(OpportunityAction.INVITE_EVALUATOR)) {
            return new Invitees(List.of(), false);
        }
        List<OrgDirectory.Person> tech = org.activeWithRole(Role.TECH_SUPPORT);
        return new Invitees(tech, tech.isEmpty());
    }

    /** O2: invites a tech-support colleague to the panel, who has the policy's window to answer. */
    @Transactional
    public EvaluationInvitation invite(UUID id, UUID inviteeId) {
        Opportunity o = access.visibleForUpdate(id);
        OpportunityActor actor = access.actor(o);
        OpportunityRules rules = rules();
        o.requireAction(actor, OpportunityAction.INVITE_EVALUATOR, rules.panel(), contractSigned(o),
                contractUnderWay(o));
        OrgDirectory.Person invitee = inviteeId == null ? null : org.person(inviteeId).filter(OrgDirectory.Person::active)
                .filter(p -> p.roles().contains(Role.TECH_SUPPORT)).orElse(null);
        if (invitee == null) {
            throw new FieldValidationException("inviteeId", "opportunity.invite.notTechSupport");
        }
        Instant now = clock.instant();
        boolean alreadyOpen = o.hasOpenInvitationFor(invitee.id());
        EvaluationInvitation invitation = o.invite(invitee.id(), actor.userId(), now);
        if (!alreadyOpen) {
            deadlines.open(OpportunityRules.PANEL, SubjectRef.of(INVITATION_SUBJECT, invitation.id()), invitee.id(), now);
            notifier.send(Notification.of(invitee.id(), INVITATION_NOTICE,
                    "opportunity.notify.evaluationRequested", "/opportunities/" + o.id(), o.code(), o.name(),
                    CurrentUser.require().displayName()).urgent().about(invitation.id()));
        }
        save(o);
        return invitation;
    }

    @Transactional
    public Opportunity withdrawInvitation(UUID id, UUID invitationId) {
        Opportunity o = forAction(id, null, OpportunityAction.INVITE_EVALUATOR);
        o.withdrawInvitation(invitationId, clock.instant()).ifPresent(this::nothingLeftToScore);
        return save(o);
    }

    /** O2 — the invitee has nothing left to score (withdrawn, or the panel no longer sits): deadline and notice end. */
    private void nothingLeftToScore(EvaluationInvitation invitation) {
        deadlines.cancel(OpportunityRules.PANEL, SubjectRef.of(INVITATION_SUBJECT, invitation.id()));
        notifier.settle(INVITATION_NOTICE, invitation.id());
    }

    /** A manager gives the opportunity to someone who sells within their scope. */
    @Transactional
    public Opportunity reassign(UUID id, UUID newOwner, Long version) {
        Opportunity o = forAction(id, version, OpportunityAction.REASSIGN);
        UUID owner = owner(CurrentUser.require(), newOwner, o.ownerId());
        UUID previous = o.reassign(owner, clock.instant());
        Opportunity saved = save(o);
        if (!previous.equals(owner)) {
            managerScoreFollowsOwner(saved, previous);
            events.publishEvent(new OpportunityOwnerChanged(o.id(), previous, owner));
            notifier.send(Notification.of(owner, NotificationKind.OPPORTUNITY_ASSIGNED, "opportunity.notify.assigned",
                    "/opportunities/" + o.id(), o.code(), o.name()));
        }
        return saved;
    }

    /**
     * A customer transferred with its open business (decision 0023): the previous owner's opportunities of it that are
     * still open go to the new owner, through the same transition as a reassignment (the quotes and minutes follow
     * their opportunity). In the transfer's transaction, so the transfer moves all or nothing; the new owner is told
     * of the customer once, not of each opportunity.
     */
    @EventListener
    void on(CustomerOwnerChanged changed) {
        if (!changed.handsOverOpenBusiness()) {
            return;
        }
        Instant now = clock.instant();
        for (Opportunity o : opportunities.findOpenOfCustomerOwnedByForUpdate(changed.customerId(), changed.previousOwnerId())) {
            o.reassign(changed.newOwnerId(), now);
            managerScoreFollowsOwner(save(o), changed.previousOwnerId());
            events.publishEvent(new OpportunityOwnerChanged(o.id(), changed.previousOwnerId(), changed.newOwnerId()));
        }
    }

    /** A quote of the opportunity was accepted by the customer (quote module, no user on hand). */
    @Transactional
    public void quoteAccepted(UUID id, BigDecimal total, String quoteNote) {
        opportunities.findByIdForUpdate(id).ifPresent(o -> {
            o.quoteAccepted(total, quoteNote, clock.instant());
            save(o);
        });
    }

    /**
     * The opportunity's contract was signed (contract module): won at the contract's amount (decision 0087); the
     * audit trail says why the amount changed, beside the change itself.
     */
    @Transactional
    public void contractSigned(UUID id, String contractNumber, BigDecimal contractAmount) {
        opportunities.findByIdForUpdate(id).ifPresent(o -> {
            BigDecimal before = o.amount();
            if (o.contractSigned(contractNumber, contractAmount, clock.instant())) {
                save(o);
                amountFromContract(o, before, "opportunity.audit.wonAtContractAmount", contractNumber);
            }
        });
    }

    /** A signed amendment changed the amount of the opportunity's contract: a won opportunity follows (decision 0087). */
    @Transactional
    public void contractAmended(UUID id, String contractNumber, String amendmentNumber, BigDecimal contractAmount) {
        opportunities.findByIdForUpdate(id).ifPresent(o -> {
            BigDecimal before = o.amount();
            if (o.contractAmended(contractAmount, clock.instant())) {
                save(o);
                amountFromContract(o, before, "opportunity.audit.amendedWithContract", contractNumber, amendmentNumber);
            }
        });
    }

    private void amountFromContract(Opportunity o, BigDecimal before, String key, String... documents) {
        if (before == null || before.compareTo(o.amount()) != 0) {
            Object[] args = new Object[documents.length + 2];
            args[0] = before == null ? "" : before.toPlainString();
            args[1] = o.amount().toPlainString();
            System.arraycopy(documents, 0, args, 2, documents.length);
            audit.record("opportunity.amountFromContract", OpportunityAccess.SUBJECT, o.id(), key, args);
        }
    }

    /** What the current user may do with the opportunity now (the page and the API offer exactly these). */
    public java.util.Set<OpportunityAction> actions(Opportunity o) {
        return o.availableActions(access.actor(o), rules().panel(), contractSigned(o), contractUnderWay(o));
    }

    /**
     * For each of these opportunities the current user sees, the stages they may move it to now (the board's move
     * menu): each aggregate answers, so the menu offers won only with a signed contract, as the page and the API do.
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, java.util.Set<Stage>> stagesOffered(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, java.util.Set<Stage>> offered = new java.util.HashMap<>();
        OpportunityRules rules = rules(); // the O1 gate the move asks, the policy read once for the board
        java.util.List<Opportunity> found = new java.util.ArrayList<>();
        opportunities.findAllById(ids).forEach(found::add);
        // which have a contract under way (no loss offered), asked once for the board
        java.util.Map<UUID, String> underWay = contractsUnderWay(found.stream().filter(o -> o.stage().isOpen())
                .map(Opportunity::id).toList());
        found.forEach(o -> offered.put(o.id(), o.stagesOffered(
                o.availableActions(access.actor(o), rules.panel(), contractSigned(o), underWay.get(o.id())),
                o.scorecard(rules.panel(), rules.passScore()))));
        return offered;
    }

    /** Refuses what the current user may not do with the opportunity now: 403 who asks, 422 its state. */
    public void requireAction(Opportunity o, OpportunityAction action) {
        o.requireAction(access.actor(o), action, rules().panel(), contractSigned(o), contractUnderWay(o));
    }

    /**
     * The number of the opportunity's contract under way (neither signed nor terminated), which keeps it from being
     * marked lost; null when it has none or is closed. Asked of the contract module.
     */
    public String contractUnderWay(Opportunity o) {
        return o.stage().isOpen() ? contractsUnderWay(List.of(o.id())).get(o.id()) : null;
    }

    private java.util.Map<UUID, String> contractsUnderWay(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, String> underWay = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            signedContracts.forEach(c -> underWay.putAll(c.underWayFor(ids)));
        }
        return underWay;
    }

    /**
     * Whether a contract of the opportunity is signed, which only marking it won asks (decision 0026): asked of the
     * contract module at the contract stage only.
     */
    private boolean contractSigned(Opportunity o) {
        return o.stage() == Stage.CONTRACT && signedContracts.stream().anyMatch(c -> c.existFor(o.id()));
    }

    /** The opportunity, visible to the user, who may take the action (403 or 422 otherwise); stale versions answer 409 on save. */
    private Opportunity forAction(UUID id, Long version, OpportunityAction action) {
        Opportunity o = access.visibleForUpdate(id);
        requireAction(o, action);
        o.expectVersion(version);
        return o;
    }

    /**
     * Who owns a new or reassigned opportunity. A rep owns their own; a manager may name anyone active who
     * sells within their scope, and by default keeps {@code fallback} (the customer's owner) when in scope.
     */
    private UUID owner(CurrentUser me, UUID requested, UUID fallback) {
        if (!me.isManager()) {
            if (requested != null && !requested.equals(me.id())) {
                throw new ForbiddenException("opportunity.forbidden.assignOthers");
            }
            return me.id();
        }
        UUID candidate = requested != null ? requested : (fallback != null && access.scope().covers(fallback) ? fallback : me.id());
        OrgDirectory.Person person = org.person(candidate).filter(OrgDirectory.Person::active).orElse(null);
        boolean sells = person != null && person.roles().stream().anyMatch(r -> r.isManagerial()
                || r == Role.SALES_REP || r == Role.ACCOUNT_MANAGER);
        if (!sells || !access.scope().covers(candidate)) {
            throw new FieldValidationException("ownerId", "opportunity.owner.notSeller");
        }
        return candidate;
    }

    /**
     * Saves and carries out what the change set in motion: the stage history, the customer's lifecycle
     * (销售机会 on opening, 已签约 when won), the O2 deadlines and notices of a panel that no longer sits, the events.
     */
    private Opportunity save(Opportunity o) {
        var changes = o.drainChanges();
        o.rememberScore(scorecard(o));
        Opportunity saved = opportunities.save(o);
        for (StageChange change : changes) {
            history.append(saved.id(), change);
            if (change.from() == null) {
                customers.reached(saved.customerId(), CustomerStatus.OPPORTUNITY, change.at());
            } else {
                events.publishEvent(new OpportunityStageChanged(saved.id(), saved.customerId(), change.from(),
                        change.to(), change.to() == Stage.LOST ? saved.lostReason() : null));
            }
            if (change.to() == Stage.WON) {
                customers.reached(saved.customerId(), CustomerStatus.SIGNED, change.at());
            }
            if (change.from() == Stage.EVALUATION || change.from() == Stage.DISCOVERY) {
                if (!change.to().isOpen() || change.to().isPastEvaluation()) {
                    saved.invitations().stream().filter(EvaluationInvitation::isOpen).forEach(this::nothingLeftToScore);
                    notifier.settle(MANAGER_SCORE_NOTICE, saved.id());
                }
            }
        }
        return saved;
    }

    private static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new FieldValidationException(field, "opportunity.field.tooLong", max);
        }
        return value.strip();
    }
}

package com.lead2cash.approval.internal.domain;

import com.lead2cash.approval.ApprovalAction;
import com.lead2cash.approval.ApprovalCompleted.Outcome;
import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalView.State;
import com.lead2cash.approval.ApprovalView.StepState;
import com.lead2cash.approval.ApprovalView.TaskState;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.Decision;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.approval.internal.ApproverResolver;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 审批单 — one approval flow for one business record: its steps, one task per resolved approver,
 * and the rules of deciding. A step completes when all its approvers approved; a rejection by
 * anyone ends the flow; a send-back (退回) returns it to the submitter, who may resubmit it, which
 * starts the flow again from step 1 in a new round. In a JOINT step (联合评审) a send-back waits for
 * the other approvers' verdicts, so the submitter gets every objection of the round at once.
 */
@Table("approval")
public class Approval {

    static final int MAX_COMMENT = 2000;
    static final int MAX_TITLE = 200;
    static final int MAX_REMARKS = 50;
    /** The most steps a flow has, approvers a step names and facts an approval carries: far above any flow of the product. */
    static final int MAX_STEPS = 10;
    static final int MAX_APPROVERS = 50;
    static final int MAX_FACTS = 50;

    @Id
    private final UUID id;
    private final String subjectType;
    private final String subjectId;
    private final String title;
    private final UUID submitterId;
    private State state;
    private int round;
    private int currentStep;
    @MappedCollection(idColumn = "approval", keyColumn = "position")
    private final List<FlowStep> steps;
    @MappedCollection(idColumn = "approval")
    private final Set<ApprovalFact> facts;
    @MappedCollection(idColumn = "approval", keyColumn = "position")
    private final List<ApprovalTask> tasks;
    private final Instant submittedAt;
    private Instant endedAt;
    @Version
    private Long version;

    @Transient
    private final List<Happening> happenings = new ArrayList<>();

    @PersistenceCreator
    Approval(UUID id, String subjectType, String subjectId, String title, UUID submitterId, State state, int round,
             int currentStep, List<FlowStep> steps, Set<ApprovalFact> facts, List<ApprovalTask> tasks,
             Instant submittedAt, Instant endedAt, Long version) {
        this.id = id;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.title = title;
        this.submitterId = submitterId;
        this.state = state;
        this.round = round;
        this.currentStep = currentStep;
        this.steps = new ArrayList<>(steps);
        this.facts = new LinkedHashSet<>(facts);
        this.tasks = new ArrayList<>(tasks);
        this.submittedAt = submittedAt;
        this.endedAt = endedAt;
        this.version = version;
    }

    /** Starts a flow: round 1, step 1's approvers resolved and their tasks opened. */
    public static Approval submit(ApprovalRequest request, Instant now, ApproverResolver resolver) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        String title = request.title().trim();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(new FieldValidationException.FieldError("title", "approval.title.invalid", MAX_TITLE));
        }
        if (request.subjectType().isBlank() || request.subjectId().isBlank()) {
            errors.add(new FieldValidationException.FieldError("subjectType", "approval.subject.required"));
        }
        errors.addAll(oversized(request.flow(), request.facts()));
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Approval approval = new Approval(Ids.newId(), request.subjectType().trim(), request.subjectId().trim(), title,
                request.submitterId(), State.IN_PROGRESS, 1, 0,
                request.flow().steps().stream().map(FlowStep::of).toList(),
                request.facts().entrySet().stream().map(e -> new ApprovalFact(e.getKey(), e.getValue()))
                        .collect(Collectors.toSet()),
                List.of(), now, null, null);
        approval.log("SUBMITTED", null, null, request.submitterId(), null, null, null, now);
        approval.startStep(0, now, resolver);
        return approval;
    }

    /**
     * A flow or facts larger than an approval takes (null: not given), by their counts alone: asked before a single
     * approver is looked up, so that thousands of them are refused at once.
     */
    private static List<FieldValidationException.FieldError> oversized(FlowDefinition flow, Map<String, String> facts) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (flow != null && flow.steps().size() > MAX_STEPS) {
            errors.add(new FieldValidationException.FieldError("steps", "approval.steps.tooMany", MAX_STEPS));
        } else if (flow != null) {
            for (int i = 0; i < flow.steps().size(); i++) {
                if (flow.steps().get(i).approvers().size() > MAX_APPROVERS) {
                    errors.add(new FieldValidationException.FieldError("steps[" + i + "].approvers",
                            "approval.approvers.tooMany", MAX_APPROVERS));
                }
            }
        }
        if (facts != null && facts.size() > MAX_FACTS) {
            errors.add(new FieldValidationException.FieldError("facts", "approval.facts.tooMany", MAX_FACTS));
        }
        return errors;
    }

    /**
     * An approver decides their task. Refused: a finished flow, a task that is not the actor's (nor
     * their delegator's), a task already decided or not yet its turn, a second vote by the same
     * person in one step, deciding one's own submission, and rejecting or sending back without a comment.
     */
    public void decide(UUID taskId, Actor actor, Decision decision, String comment, Instant now,
                       ApproverResolver resolver) {
        decide(taskId, actor, decision, comment, List.of(), now, resolver);
    }

    /** The same, with remarks on sections of the record (kept with the decision, shown beside the sections). */
    public void decide(UUID taskId, Actor actor, Decision decision, String comment, List<ApprovalRemark> remarks,
                       Instant now, ApproverResolver resolver) {
        requireInProgress();
        ApprovalTask task = tasks.stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("ApprovalTask", taskId));
        UUID onBehalfOf = authorityOver(task, actor)
                .orElseThrow(() -> new ForbiddenException("approval.task.notYours"));
        if (task.state() == TaskState.WAITING) {
            throw new DomainException("approval.task.notYourTurn");
        }
        if (task.state() != TaskState.PENDING || task.round() != round || task.stepIndex() != currentStep) {
            throw new ConflictException("approval.task.alreadyDecided");
        }
        boolean votedInStep = tasks.stream().anyMatch(t -> t.in(round, currentStep) && actor.userId().equals(t.actedBy()));
        if (votedInStep) {
            throw new DomainException("approval.task.oneVotePerStep");
        }
        if (decision == null) {
            throw new FieldValidationException("decision", "approval.decision.required");
        }
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (decision.needsComment() && text == null) {
            throw new FieldValidationException("comment", "approval.comment.required");
        }
        if (text != null && text.length() > MAX_COMMENT) {
            throw new FieldValidationException("comment", "approval.comment.tooLong", MAX_COMMENT);
        }
        List<ApprovalRemark> kept = validRemarks(remarks);
        UUID principal = onBehalfOf.equals(actor.userId()) ? null : onBehalfOf;
        task.record(decision, actor.userId(), principal, text, now);
        happen(new Happening.TaskClosed(task.id(), step().slaRuleId(), true, now));
        log(task.state().name(), currentStep, task.id(), actor.userId(), principal, text, null, now);
        if (!kept.isEmpty()) {
            happen(new Happening.Remarked(task.id(), round, kept, now));
        }
        happen(new Happening.Decided(task.id(), round, currentStep, decision, actor.userId(), now));
        if (decision == Decision.APPROVE) {
            afterApproval(now, resolver);
        } else if (decision == Decision.REJECT) {
            skipOpenTasks(now);
            end(Outcome.REJECTED, now);
        } else if (step().mode() == StepMode.JOINT) {
            afterJointVerdict(now);
        } else {
            skipOpenTasks(now);
            returnToSubmitter(actor.userId(), principal, text, now);
        }
    }

    private static List<ApprovalRemark> validRemarks(List<ApprovalRemark> remarks) {
        if (remarks == null || remarks.isEmpty()) {
            return List.of();
        }
        if (remarks.size() > MAX_REMARKS) {
            throw new FieldValidationException("remarks", "approval.remarks.tooMany", MAX_REMARKS);
        }
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        List<ApprovalRemark> kept = new ArrayList<>();
        for (int i = 0; i < remarks.size(); i++) {
            ApprovalRemark r = remarks.get(i);
            if (r.section().isEmpty() || r.section().length() > 100) {
                errors.add(new FieldValidationException.FieldError("remarks[" + i + "].section", "approval.remark.section"));
            } else if (r.text().length() > ApprovalRemark.MAX_TEXT) {
                errors.add(new FieldValidationException.FieldError("remarks[" + i + "].text", "approval.comment.tooLong",
                        ApprovalRemark.MAX_TEXT));
            } else if (!r.text().isEmpty()) {
                kept.add(r);
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return kept;
    }

    /** A JOINT step ends when the last verdict is in: sent back when anyone sent back, else approved. */
    private void afterJointVerdict(Instant now) {
        List<ApprovalTask> stepTasks = tasks.stream().filter(t -> t.in(round, currentStep)).toList();
        if (stepTasks.stream().anyMatch(ApprovalTask::isOpen)) {
            return;
        }
        List<ApprovalTask> objections = stepTasks.stream().filter(t -> t.state() == TaskState.SENT_BACK).toList();
        String comments = objections.stream().map(ApprovalTask::comment).filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        returnToSubmitter(objections.get(0).actedBy(), null, comments.isEmpty() ? null : comments, now);
    }

    private void returnToSubmitter(UUID by, UUID principal, String text, Instant now) {
        state = State.SENT_BACK;
        endedAt = now;
        log("RETURNED_TO_SUBMITTER", currentStep, null, by, principal, text, null, now);
        happen(new Happening.SentBack(round, by, text, now));
    }

    /** After a send-back the submitter starts again from step 1, in the next round. */
    public void resubmit(UUID by, Instant now, ApproverResolver resolver) {
        resubmit(by, null, null, true, now, resolver);
    }

    /**
     * The same with the flow and facts as they stand after the rework (null keeps them): the new round
     * runs the new steps; earlier rounds keep their tasks and history.
     */
    public void resubmit(UUID by, FlowDefinition flow, Map<String, String> newFacts, Instant now,
                         ApproverResolver resolver) {
        resubmit(by, flow, newFacts, true, now, resolver);
    }

    /**
     * The same, refused (422, nothing changed: a rule of its state, no race) when the subject no longer waits on this approval
     * ({@code subjectResubmittable} false, as the subject's module says it): its decision would reach no record.
     */
    public void resubmit(UUID by, FlowDefinition flow, Map<String, String> newFacts, boolean subjectResubmittable,
                         Instant now, ApproverResolver resolver) {
        if (!submitterId.equals(by)) {
            throw new ForbiddenException("approval.resubmit.notSubmitter");
        }
        if (state != State.SENT_BACK) {
            throw new DomainException("approval.resubmit.notSentBack");
        }
        if (!subjectResubmittable) {
            throw new DomainException("approval.resubmit.recordMovedOn");
        }
        List<FieldValidationException.FieldError> oversized = oversized(flow, newFacts);
        if (!oversized.isEmpty()) {
            throw new FieldValidationException(oversized);
        }
        if (flow != null) {
            steps.clear();
            flow.steps().stream().map(FlowStep::of).forEach(steps::add);
        }
        if (newFacts != null) {
            facts.clear();
            newFacts.forEach((k, v) -> facts.add(new ApprovalFact(k, v)));
        }
        round++;
        state = State.IN_PROGRESS;
        endedAt = null;
        log("RESUBMITTED", null, null, by, null, null, null, now);
        startStep(0, now, resolver);
    }

    /**
     * What the user may do with the approval now: its submitter resubmits it after a send-back while its subject still
     * waits on it ({@code subjectResubmittable}, as the subject's module says it), and withdraws it until it ended.
     * {@code subjectWaits} says whether the subject still waits on this approval once sent back (as its module says
     * it): a record that ended with the send-back leaves its submitter nothing to do with it.
     * The page and the API offer these only; {@link #resubmit} and {@link #withdraw} refuse the rest.
     */
    public Set<ApprovalAction> availableActions(UUID userId, boolean subjectResubmittable, boolean subjectWaits) {
        Set<ApprovalAction> actions = java.util.EnumSet.noneOf(ApprovalAction.class);
        if (!submitterId.equals(userId)) {
            return actions;
        }
        if (state == State.SENT_BACK && subjectResubmittable && subjectWaits) {
            actions.add(ApprovalAction.RESUBMIT);
        }
        if (state == State.IN_PROGRESS || (state == State.SENT_BACK && subjectWaits)) {
            actions.add(ApprovalAction.WITHDRAW);
        }
        return actions;
    }

    /**
     * The submitter takes the flow back before it ended; nothing is decided any more. Refused (422, nothing changed)
     * for an approval sent back whose subject waits on it no more ({@code subjectWaits} false, as its module says it):
     * the record ended with the send-back, nothing is taken back.
     */
    public void withdraw(UUID by, boolean subjectWaits, Instant now) {
        if (!submitterId.equals(by)) {
            throw new ForbiddenException("approval.withdraw.notSubmitter");
        }
        if (state != State.IN_PROGRESS && state != State.SENT_BACK) {
            throw new DomainException("approval.finished");
        }
        if (state == State.SENT_BACK && !subjectWaits) {
            throw new DomainException("approval.withdraw.recordMovedOn");
        }
        skipOpenTasks(now);
        state = State.WITHDRAWN;
        endedAt = now;
        log("WITHDRAWN", null, null, by, null, null, null, now);
        happen(new Happening.Withdrawn(round, by, now));
    }

    /**
     * The approver of open tasks of the current step was deactivated (docs/decisions/0073): each of their tasks — pending,
     * or waiting for its turn — goes where the step would send it if it started now, and keeps its place, its opening time
     * and its deadline. To their delegate when one stands in for them ({@code standIn}, who holds their authority, 0069);
     * else to whom the step's approver rules name today (the line manager above, another head of the department), one
     * not already approving in the step; else as 0007 gives an inactive approver's task: the sales directors, the history
     * saying why. Answers where each task went (none: nothing moved).
     */
    public List<Reassignment> reassignTasksOf(UUID inactiveUserId, Optional<UUID> standIn, UUID by, Instant now,
                                              ApproverResolver resolver) {
        if (state != State.IN_PROGRESS) {
            return List.of();
        }
        List<ApprovalTask> theirs = tasks.stream().filter(t -> t.in(round, currentStep) && t.isOpen()
                && inactiveUserId.equals(t.assigneeId())).toList();
        return handOn(theirs, inactiveUserId, standIn, Reassignment.EVENT,
                // nobody the rules name today is free: the inactive approver's task as 0007 gives it at a step's start
                resolver.resolve(new ApproverRule.ByUser(inactiveUserId), submitterId), by, now, resolver);
    }

    /**
     * Docs/decisions/0092: someone's roles or unit changed, and the step of some open tasks names their person no more
     * ({@code fit}): each such task of a person {@code among} names — pending, or waiting for its turn — goes where the
     * step would send it now, as a deactivated approver's does ({@link #reassignTasksOf}), save that nobody stands in
     * for them (their delegate holds the authority of someone the step no longer names) and, nobody the rules name today
     * being free, it falls to the sales directors as the history says ({@link ApproverResolver#notNamedAnyMore}). Tasks
     * whose person still fits stay. Answers where each task went (none: nothing moved).
     */
    public List<Reassignment> reassignUnfitTasks(java.util.function.Predicate<UUID> among, StepFit fit, UUID by,
                                                 Instant now, ApproverResolver resolver) {
        if (state != State.IN_PROGRESS) {
            return List.of();
        }
        Map<UUID, List<ApprovalTask>> unfit = new java.util.LinkedHashMap<>();
        tasks.stream().filter(t -> t.in(round, currentStep) && t.isOpen() && t.assigneeId() != null
                        && among.test(t.assigneeId())
                        && !fit.fits(t.assigneeId(), step().approverRules(), submitterId, t.standsInFor()))
                .forEach(t -> unfit.computeIfAbsent(t.assigneeId(), k -> new ArrayList<>()).add(t));
        List<Reassignment> reassigned = new ArrayList<>();
        unfit.forEach((person, theirs) -> reassigned.addAll(handOn(theirs, person, Optional.empty(),
                Reassignment.NOT_NAMED_EVENT, resolver.notNamedAnyMore(), by, now, resolver)));
        return reassigned;
    }

    /** {@link #reassignUnfitTasks} of one person's tasks. */
    public List<Reassignment> reassignUnfitTasksOf(UUID userId, StepFit fit, UUID by, Instant now,
                                                   ApproverResolver resolver) {
        return reassignUnfitTasks(userId::equals, fit, by, now, resolver);
    }

    /** The tasks of the current step go from their person where the step would send them now (0073, 0092). */
    private List<Reassignment> handOn(List<ApprovalTask> theirs, UUID from, Optional<UUID> standIn, String event,
                                      Assignment lastResort, UUID by, Instant now, ApproverResolver resolver) {
        List<Reassignment> reassigned = new ArrayList<>();
        for (ApprovalTask task : theirs) {
            Assignment to = replacementFor(task, from, standIn, lastResort, resolver);
            boolean standingIn = standIn.isPresent() && standIn.get().equals(to.userId());
            task.reassign(to, standingIn ? from : null);
            Reassignment moved = new Reassignment(from, to.userId(), to.role());
            reassigned.add(moved);
            log(event, currentStep, task.id(), by, null, null, moved.detail(), now);
            if (to.fallbackReason() != null) {
                log("APPROVER_FALLBACK", currentStep, task.id(), null, null, null, to.fallbackReason(), now);
            }
            if (task.state() == TaskState.PENDING) {
                happen(new Happening.TaskReassigned(task.id(), from, to.userId(), to.role(), step().slaRuleId(), now));
            }
        }
        return reassigned;
    }

    private Assignment replacementFor(ApprovalTask task, UUID from, Optional<UUID> standIn, Assignment lastResort,
                                      ApproverResolver resolver) {
        List<ApprovalTask> others = tasks.stream().filter(t -> t.in(round, currentStep) && t != task).toList();
        java.util.function.Predicate<Assignment> free = a -> others.stream().noneMatch(t -> a.userId() != null
                ? a.userId().equals(t.assigneeId()) || a.userId().equals(t.actedBy())
                : a.role() == t.assigneeRole()) && !from.equals(a.userId());
        Optional<Assignment> delegate = standIn.filter(d -> !d.equals(submitterId)).map(Assignment::person)
                .filter(free);
        if (delegate.isPresent()) {
            return delegate.get();
        }
        return step().approverRules().stream().map(rule -> resolver.resolve(rule, submitterId)).filter(free)
                .findFirst().orElse(lastResort);
    }

    /**
     * The task in the current step this actor may decide now: their own first, then a role pool of
     * theirs, then one they hold by delegation.
     */
    public Optional<UUID> actionableTaskFor(Actor actor) {
        if (state != State.IN_PROGRESS || actor.userId().equals(submitterId)) {
            return Optional.empty();
        }
        boolean voted = tasks.stream().anyMatch(t -> t.in(round, currentStep) && actor.userId().equals(t.actedBy()));
        if (voted) {
            return Optional.empty();
        }
        List<ApprovalTask> pending = tasks.stream()
                .filter(t -> t.in(round, currentStep) && t.state() == TaskState.PENDING).toList();
        return pending.stream().filter(t -> names(t, actor.userId(), actor)).findFirst()
                .or(() -> pending.stream().filter(t -> t.isPool() && actor.roles().contains(t.assigneeRole())).findFirst())
                .or(() -> pending.stream().filter(t -> authorityOver(t, actor).isPresent()).findFirst())
                .map(ApprovalTask::id);
    }

    /**
     * Why the actor has nothing to decide now ({@link #actionableTaskFor} empty): the approval is over (422);
     * the actor submitted it, or holds no task of the current step (a director or an administrator who reads
     * every approval, an approver of an earlier step only) — they may see it, not decide this step (403); or their
     * task of this step is decided or not reached yet (422). Someone else deciding it first is a lost race (409,
     * {@code ApprovalService}); a task decided meanwhile under the caller's hand (a double click) too.
     */
    public DomainException nothingToDecideFor(Actor actor) {
        if (state != State.IN_PROGRESS) {
            return new DomainException("approval.finished");
        }
        if (actor.userId().equals(submitterId)) {
            return new ForbiddenException("approval.task.ownSubmission");
        }
        return holdsPartOfCurrentStep(actor) ? new DomainException("approval.noPendingTask")
                : new ForbiddenException("approval.task.notYours");
    }

    /** Whether a task of the current step is the actor's (theirs, their pool's, a delegator's), decided or not. */
    private boolean holdsPartOfCurrentStep(Actor actor) {
        return tasks.stream().filter(t -> t.in(round, currentStep)).anyMatch(t -> actor.userId().equals(t.actedBy())
                || actor.userId().equals(t.onBehalfOf()) || heldBy(t, actor.userId(), actor.roles(), actor)
                || actor.delegators().entrySet().stream().anyMatch(d -> heldBy(t, d.getKey(), d.getValue(), actor)));
    }

    /**
     * Who decided the actor's task (theirs, a delegator's, their pool's) of the current step of this round: a second
     * decision (a double click, a colleague of the pool first) is told who decided, not that the task is not theirs.
     * Empty when the actor's part was an earlier step only: this step is not theirs.
     */
    public Optional<UUID> deciderBefore(Actor actor) {
        return deciderOf(actor, currentStep);
    }

    /** The same for the given step of this round (a department's review step after the flow moved on). */
    public Optional<UUID> deciderOf(Actor actor, int stepIndex) {
        List<ApprovalTask> decided = tasks.stream()
                .filter(t -> t.in(round, stepIndex) && t.actedBy() != null && t.actedAt() != null).toList();
        // their own decision first (a colleague of their pool may have decided too), the latest
        java.util.Comparator<ApprovalTask> latest = java.util.Comparator.comparing(ApprovalTask::actedAt);
        return decided.stream().filter(t -> actor.userId().equals(t.actedBy()) || actor.userId().equals(t.onBehalfOf()))
                .max(latest)
                .or(() -> decided.stream().filter(t -> heldBy(t, actor.userId(), actor.roles(), actor)
                                || actor.delegators().entrySet().stream().anyMatch(d -> heldBy(t, d.getKey(), d.getValue(), actor)))
                        .max(latest))
                .map(ApprovalTask::actedBy);
    }

    /** The submitter, anyone who is or was an approver of it (pools included), and their delegates. */
    public boolean involves(Actor actor) {
        if (actor.userId().equals(submitterId)) {
            return true;
        }
        return tasks.stream().anyMatch(t -> actor.userId().equals(t.actedBy())
                || actor.userId().equals(t.onBehalfOf()) || heldBy(t, actor.userId(), actor.roles(), actor)
                || actor.delegators().entrySet().stream().anyMatch(d -> heldBy(t, d.getKey(), d.getValue(), actor)));
    }

    private boolean heldBy(ApprovalTask task, UUID userId, Set<com.lead2cash.platform.Role> roles, Actor actor) {
        return task.isPool() ? roles.contains(task.assigneeRole()) : names(task, userId, actor);
    }

    /** Whom the actor decides for: themselves, or a delegator; empty when the task is not theirs. */
    private Optional<UUID> authorityOver(ApprovalTask task, Actor actor) {
        if (actor.userId().equals(submitterId)) {
            throw new DomainException("approval.task.ownSubmission");
        }
        if (task.isPool()) {
            if (actor.roles().contains(task.assigneeRole())) {
                return Optional.of(actor.userId());
            }
            return actor.delegatorWithRole(task.assigneeRole()).filter(d -> !d.equals(submitterId));
        }
        if (names(task, actor.userId(), actor)) {
            return Optional.of(actor.userId());
        }
        return actor.delegators().containsKey(task.assigneeId()) && names(task, task.assigneeId(), actor)
                ? Optional.of(task.assigneeId()) : Optional.empty();
    }

    /**
     * Whether the task is the person's: it names them and, open, its step still fits them today ({@link StepFit},
     * 0092) — a manager moved to another team, or a head whose role was taken, decides (and reads) it no more. A closed
     * task, or one of an earlier round, stays whose it was.
     */
    private boolean names(ApprovalTask task, UUID personId, Actor actor) {
        if (!personId.equals(task.assigneeId())) {
            return false;
        }
        return stillNames(state, round, task.isOpen(), task.round(), personId,
                () -> steps.get(task.stepIndex()).approverRules(), submitterId, task.standsInFor(), actor.fit());
    }

    /**
     * Docs/decisions/0092, the one place it is decided: whether a task of an approval still names the person it names.
     * An open task of the round in progress does only while that person fits its step today ({@code fit}: the step's
     * approver {@code rules}, the approval's submitter, the deactivated approver it was handed on from); a closed task,
     * one of an earlier round, or any of an approval no longer in progress stays whose it was. The aggregate asks it of
     * its tasks, the pending lists of the rows they read ({@code ApprovalQueries}). The step's rules are read only when
     * asked: an earlier round's step may be gone from the approval's steps.
     */
    public static boolean stillNames(State state, int round, boolean taskOpen, int taskRound, UUID personId,
                                     java.util.function.Supplier<List<ApproverRule>> rules, UUID submitterId,
                                     UUID standsInFor, StepFit fit) {
        if (!taskOpen || state != State.IN_PROGRESS || taskRound != round) {
            return true;
        }
        return fit.fits(personId, rules.get(), submitterId, standsInFor);
    }

    private void afterApproval(Instant now, ApproverResolver resolver) {
        List<ApprovalTask> stepTasks = tasks.stream().filter(t -> t.in(round, currentStep)).toList();
        Optional<ApprovalTask> nextInLine = stepTasks.stream().filter(t -> t.state() == TaskState.WAITING).findFirst();
        if (nextInLine.isPresent()) {
            open(nextInLine.get(), now);
            return;
        }
        if (step().mode() == StepMode.JOINT && stepTasks.stream().anyMatch(t -> t.state() == TaskState.SENT_BACK)) {
            afterJointVerdict(now);
            return;
        }
        if (stepTasks.stream().allMatch(t -> t.state() == TaskState.APPROVED)) {
            log("STEP_COMPLETED", currentStep, null, null, null, null, null, now);
            if (currentStep + 1 < steps.size()) {
                startStep(currentStep + 1, now, resolver);
            } else {
                end(Outcome.APPROVED, now);
            }
        }
    }

    private void startStep(int index, Instant now, ApproverResolver resolver) {
        currentStep = index;
        FlowStep step = steps.get(index);
        log("STEP_STARTED", index, null, null, null, null, step.name(), now);
        // one task per distinct approver: the same manager reached by two rules decides once
        Set<Assignment> assignments = new LinkedHashSet<>();
        for (ApproverRule rule : step.approverRules()) {
            assignments.add(resolver.resolve(rule, submitterId));
        }
        List<ApprovalTask> created = new ArrayList<>();
        for (Assignment a : assignments) {
            ApprovalTask task = ApprovalTask.waiting(round, index, a);
            tasks.add(task);
            created.add(task);
            if (a.fallbackReason() != null) {
                log("APPROVER_FALLBACK", index, task.id(), null, null, null, a.fallbackReason(), now);
            }
        }
        if (step.mode() == StepMode.PARALLEL || step.mode() == StepMode.JOINT) {
            created.forEach(t -> open(t, now));
        } else {
            open(created.get(0), now);
        }
    }

    private void open(ApprovalTask task, Instant now) {
        task.open(now);
        happen(new Happening.TaskOpened(task.id(), task.assigneeId(), task.assigneeRole(),
                steps.get(task.stepIndex()).slaRuleId(), now));
    }

    private void skipOpenTasks(Instant now) {
        for (ApprovalTask t : tasks) {
            if (t.isOpen()) {
                if (t.state() == TaskState.PENDING) {
                    happen(new Happening.TaskClosed(t.id(), steps.get(t.stepIndex()).slaRuleId(), false, now));
                }
                t.skip();
            }
        }
    }

    private void end(Outcome outcome, Instant now) {
        state = outcome == Outcome.APPROVED ? State.APPROVED : State.REJECTED;
        endedAt = now;
        log("COMPLETED", null, null, null, null, null, outcome.name(), now);
        happen(new Happening.Ended(outcome, now));
    }

    private void requireInProgress() {
        if (state != State.IN_PROGRESS) {
            throw new DomainException("approval.finished");
        }
    }

    private FlowStep step() {
        return steps.get(currentStep);
    }

    private void log(String event, Integer stepIndex, UUID taskId, UUID actorId, UUID onBehalfOf, String comment,
                     String detail, Instant now) {
        happen(new Happening.Logged(event, round, stepIndex, taskId, actorId, onBehalfOf, comment, detail, now));
    }

    private void happen(Happening happening) {
        happenings.add(happening);
    }

    /** What the last changes set in motion, once; the service carries it out after saving. */
    public List<Happening> drainHappenings() {
        List<Happening> drained = List.copyOf(happenings);
        happenings.clear();
        return drained;
    }

    /** The current round's steps with their tasks, and the history given. */
    public ApprovalView view(List<ApprovalView.HistoryEntry> history) {
        return view(history, Map.of());
    }

    /** The same, with the remarks each task's decision gave (by task id). */
    public ApprovalView view(List<ApprovalView.HistoryEntry> history, Map<UUID, List<ApprovalRemark>> remarks) {
        List<ApprovalView.StepView> stepViews = IntStream.range(0, steps.size()).mapToObj(i -> {
            FlowStep s = steps.get(i);
            List<ApprovalTask> stepTasks = tasks.stream().filter(t -> t.in(round, i)).toList();
            return new ApprovalView.StepView(i, s.name(), s.mode(), s.slaRuleId(), stepState(stepTasks),
                    stepTasks.stream().map(t -> new ApprovalView.TaskView(t.id(), t.assigneeId(), t.assigneeRole(),
                            t.state(), t.actedBy(), t.actedAt(), t.comment(), t.onBehalfOf(), t.fallbackReason(),
                            t.openedAt(), remarks.getOrDefault(t.id(), List.of()))).toList());
        }).toList();
        Map<String, String> factMap = new TreeMap<>();
        facts.forEach(f -> factMap.put(f.name(), f.value()));
        return new ApprovalView(id, subjectType, subjectId, title, state, round, submitterId,
                Collections.unmodifiableMap(factMap), stepViews, List.copyOf(history), submittedAt,
                version == null ? 0 : version, Set.of());
    }

    private StepState stepState(List<ApprovalTask> stepTasks) {
        if (stepTasks.isEmpty()) {
            return state == State.IN_PROGRESS ? StepState.NOT_STARTED : StepState.SKIPPED;
        }
        Set<TaskState> states = stepTasks.stream().map(ApprovalTask::state).collect(Collectors.toSet());
        if (states.contains(TaskState.REJECTED)) {
            return StepState.REJECTED;
        }
        if (state == State.IN_PROGRESS && (states.contains(TaskState.PENDING) || states.contains(TaskState.WAITING))) {
            return StepState.IN_PROGRESS;
        }
        if (states.contains(TaskState.SENT_BACK)) {
            return StepState.SENT_BACK;
        }
        if (states.equals(Set.of(TaskState.APPROVED))) {
            return StepState.APPROVED;
        }
        if (states.contains(TaskState.PENDING) || states.contains(TaskState.WAITING)) {
            return StepState.IN_PROGRESS;
        }
        return StepState.SKIPPED;
    }

    public UUID id() { return id; }
    public String subjectType() { return subjectType; }
    public String subjectId() { return subjectId; }
    public String title() { return title; }
    public UUID submitterId() { return submitterId; }
    public State state() { return state; }
    public int round() { return round; }
    public int currentStep() { return currentStep; }
    public Long version() { return version; }
    List<ApprovalTask> tasks() { return Collections.unmodifiableList(tasks); }

    /** Applies the client's version so that a decision on a stale screen fails with 409. */
    public void expectVersion(Long expected) {
        if (expected != null && !Objects.equals(expected, version)) {
            throw new ConflictException("error.staleVersion");
        }
    }
}

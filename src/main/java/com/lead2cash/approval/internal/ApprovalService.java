package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApprovableSubjects;
import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalSentBack;
import com.lead2cash.approval.ApprovalWithdrawn;
import com.lead2cash.approval.ApprovalTaskDecided;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.Decision;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.PendingApproval;
import com.lead2cash.approval.internal.domain.Actor;
import com.lead2cash.approval.internal.domain.Approval;
import com.lead2cash.approval.internal.domain.ApprovalRepository;
import com.lead2cash.approval.internal.domain.DelegationRepository;
import com.lead2cash.approval.internal.domain.Happening;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.approval.internal.domain.Reassignment;
import com.lead2cash.approval.internal.domain.StepFit;
import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs approval flows: submission, decisions, resubmission, withdrawal. Each change saves the
 * {@link Approval} and then carries out what it set in motion — history lines, SLA deadlines per
 * task (opened, met, cancelled), notifications and the {@link ApprovalCompleted} /
 * {@link ApprovalSentBack} / {@link ApprovalWithdrawn} events — all in one transaction.
 */
@Service
@Transactional
public class ApprovalService implements Approvals {

    /** The subject type of an approval task's SLA deadline. */
    public static final String TASK_SUBJECT = "ApprovalTask";

    /**
     * The notice that a task waits for its approver (each holder of the role, for a pool's task), about the task: it
     * is settled when the task closes, whoever decided it, so nobody is left asked to decide what waits no more.
     */
    static final NotificationKind TASK_NOTICE = NotificationKind.APPROVAL_TASK_ASSIGNED;

    /**
     * The notice telling the submitter that their approval was sent back to revise, about the approval: settled once
     * they have nothing left to do about it — they resubmit it, withdraw it, submit their record anew in a new
     * approval (a quote, an invoice), or the record is closed ({@link #subjectClosed}).
     */
    static final NotificationKind SENT_BACK_NOTICE = NotificationKind.APPROVAL_SENT_BACK;

    /** The kind of work a deactivated approver's open task is, as the administrator is told of it (0073). */
    static final String TASK_WORK = "APPROVAL_TASK";

    /** The kind of work an open task of someone's submission is, handed on as its step names its approver no more (0092). */
    static final String SUBMITTED_TASK_WORK = HandedOnWork.SUBMITTED_APPROVAL_TASK;

    private final ApprovalRepository approvals;
    private final DelegationRepository delegations;
    private final DelegateAuthority authority;
    private final ApprovalHistory history;
    private final ApprovalQueries queries;
    private final ApproverResolver resolver;
    /** The resolver, asked too whether a task's person still fits its step (0092). */
    private final ApproverDirectory directory;
    private final OrgDirectory org;
    private final Deadlines deadlines;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;
    /** Read when asked, not when built: a subject's rules call back into approvals (policy changes). */
    private final ObjectProvider<ApprovableSubjects> subjects;

    ApprovalService(ApprovalRepository approvals, DelegationRepository delegations, DelegateAuthority authority,
                    ApprovalHistory history, ApprovalQueries queries, ApproverDirectory directory, OrgDirectory org, Deadlines deadlines,
                    Notifier notifier, ApplicationEventPublisher events, Clock clock,
                    @Value("${l2c.zone}") ZoneId zone, ObjectProvider<ApprovableSubjects> subjects) {
        this.subjects = subjects;
        this.approvals = approvals;
        this.delegations = delegations;
        this.authority = authority;
        this.history = history;
        this.queries = queries;
        this.resolver = directory;
        this.directory = directory;
        this.org = org;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public ApprovalRef submit(ApprovalRequest request) {
        if (org.person(request.submitterId()).filter(OrgDirectory.Person::active).isEmpty()) {
            throw new FieldValidationException("submitterId", "approval.submitter.unknown");
        }
        // the record reworked and submitted anew: what was sent back of it before waits for nobody any more
        settleSentBack(request.subjectType(), request.subjectId());
        return ref(save(Approval.submit(request, now(), resolver)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ApprovalView> find(UUID approvalId) {
        return approvals.findById(approvalId).map(this::view);
    }

    /**
     * Refused (422, nothing changed) when the approval's subject no longer waits on it ({@link #resubmittable}): an
     * invoice request rejected on the send-back, a credit change dropped, a quote to submit anew, a contract that its
     * own page resubmits.
     */
    @Override
    public ApprovalRef resubmit(UUID approvalId, UUID submitterId) {
        Approval approval = locked(approvalId);
        approval.resubmit(submitterId, null, null, resubmittable(approval), now(), resolver);
        notifier.settle(SENT_BACK_NOTICE, approval.id());
        return ref(save(approval));
    }

    /** The subject's own module resubmits after its rework (a contract): it knows its record waits on this approval. */
    @Override
    public ApprovalRef resubmit(UUID approvalId, UUID submitterId, FlowDefinition flow, Map<String, String> facts) {
        Approval approval = locked(approvalId);
        approval.resubmit(submitterId, flow, facts, now(), resolver);
        notifier.settle(SENT_BACK_NOTICE, approval.id());
        return ref(save(approval));
    }

    @Override
    public ApprovalView decide(UUID approvalId, UUID taskId, UUID userId, Decision decision, String comment,
                               List<ApprovalRemark> remarks) {
        Actor actor = actor(userId);
        Approval approval = locked(approvalId);
        requireVisible(approval, actor);
        approval.decide(taskId, actor, decision, comment, remarks, now(), resolver);
        return view(save(approval));
    }

    @Override
    @Transactional(readOnly = true)
    public List<PendingApproval> pendingFor(UUID userId, String subjectType, int limit) {
        return queries.pendingOfType(actor(userId), subjectType, limit);
    }

    @Override
    public ApprovalRef withdraw(UUID approvalId, UUID submitterId) {
        Approval approval = locked(approvalId);
        approval.withdraw(submitterId, subjectWaits(approval), now());
        return ref(save(approval));
    }

    /**
     * The person was deactivated (docs/decisions/0073): their open tasks of the approvals in progress go where the step
     * would send them now — to the delegate standing in for them today who holds their authority (0069), else as the
     * step's rules resolve today, else to the sales directors — each approval on its own, in this transaction.
     * Answers where each task went, in the order moved. The pool tasks of their roles stay the pools', the person
     * holding the roles no more ({@link #giveUpWorkOf}, 0074).
     */
    public List<HandedOnWork.Handover> handOnTasksOf(UUID userId, UUID by) {
        Optional<OrgDirectory.Person> gone = org.person(userId);
        if (gone.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<UUID> standIn = delegations.findActiveForDelegator(userId).stream().filter(d -> d.coversDay(today))
                .map(d -> org.person(d.delegateId())).flatMap(Optional::stream)
                .filter(d -> d.active() && authority.refusal(gone.get(), d).isEmpty())
                .map(OrgDirectory.Person::id).findFirst();
        List<HandedOnWork.Handover> handedOn = new ArrayList<>();
        for (UUID approvalId : queries.withOpenTasksOf(userId)) {
            Approval approval = locked(approvalId);
            List<Reassignment> moved = approval.reassignTasksOf(userId, standIn, by, now(), resolver);
            if (!moved.isEmpty()) {
                save(approval);
                moved.forEach(r -> handedOn.add(new HandedOnWork.Handover(TASK_WORK, approval.id(), approval.title(),
                        r.toUserId(), r.toRole())));
            }
        }
        giveUpWorkOf(userId, gone.get().roles());
        return handedOn;
    }

    /**
     * Docs/decisions/0074: the person holds these roles no more — deactivated ({@link #handOnTasksOf}), or the roles
     * taken from them while they stay active. The roles' pool tasks ask them no more (their notices are settled, the
     * other holders' stay), and the pool deadlines they owned go to the role's next holder, or wait for one
     * ({@link #givePoolDeadlinesToHolders}). Their own tasks, and the pools of the roles they keep, stay as they are.
     */
    public void giveUpWorkOf(UUID userId, Set<Role> roles) {
        List<ApprovalQueries.PoolTask> pools = queries.openPoolTasksOf(roles, null);
        pools.stream().filter(ApprovalQueries.PoolTask::pending)
                .forEach(t -> notifier.settle(TASK_NOTICE, t.taskId(), userId));
        givePoolDeadlinesToHolders(pools);
    }

    /**
     * Docs/decisions/0092: the person's roles or unit changed (they stay active): their open tasks whose step names them
     * no more — a manager moved to another team, a head whose role was taken — go where the step would send them now,
     * as a deactivated approver's do ({@link #handOnTasksOf}) but to nobody standing in for them; so do the open tasks
     * of the approvals they submitted whose step names their approver no more (moved to another team, their manager is
     * another). The tasks whose person still fits stay. Answers where each task went, in the order moved: their own
     * ({@link #TASK_WORK}), or on their submission ({@link #SUBMITTED_TASK_WORK}).
     */
    public List<HandedOnWork.Handover> handOnTasksNoLongerTheirs(UUID userId, UUID by) {
        if (org.person(userId).filter(OrgDirectory.Person::active).isEmpty()) {
            return List.of();
        }
        StepFit fit = fit();
        List<HandedOnWork.Handover> handedOn = new ArrayList<>();
        for (UUID approvalId : queries.withOpenTasksOfOrSubmittedBy(userId)) {
            Approval approval = locked(approvalId);
            boolean theirSubmission = approval.submitterId().equals(userId);
            List<Reassignment> moved = approval.reassignUnfitTasks(p -> theirSubmission || p.equals(userId), fit, by,
                    now(), resolver);
            if (!moved.isEmpty()) {
                save(approval);
                moved.forEach(r -> handedOn.add(new HandedOnWork.Handover(
                        r.fromUserId().equals(userId) ? TASK_WORK : SUBMITTED_TASK_WORK, approval.id(),
                        approval.title(), r.toUserId(), r.toRole())));
            }
        }
        return handedOn;
    }

    /**
     * Whether the person a task names still fits its step today ({@link ApproverDirectory#fits}), each question asked
     * once (a list of approvals asks it of every open task).
     */
    private StepFit fit() {
        Map<List<Object>, Boolean> asked = new HashMap<>();
        return (personId, rules, submitterId, standsInFor) -> asked.computeIfAbsent(
                java.util.Arrays.asList(personId, rules, submitterId, standsInFor),
                k -> directory.fits(personId, rules, submitterId, standsInFor));
    }

    /** Docs/decisions/0074: the open pool tasks that wait on whoever holds these roles, how many a role. */
    @Transactional(readOnly = true)
    public List<HandedOnWork.Waiting> waitingOn(Set<Role> roles) {
        Map<Role, Integer> counts = new java.util.EnumMap<>(Role.class);
        queries.openPoolTasksOf(roles, null).forEach(t -> counts.merge(t.role(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new HandedOnWork.Waiting(e.getKey(), TASK_WORK, e.getValue()))
                .toList();
    }

    /**
     * Docs/decisions/0074: the person, active, holds these roles from now on (given them, created with them, re-activated).
     * Each pending pool task of the roles that waited on nobody — no other active holder could decide it — and that they
     * may decide asks them ("approval waiting for you", as each holder was asked when it opened; where others hold the
     * role, they were asked and the task is in the newcomer's list as it is), and the pool deadlines that no holder owns
     * become the holders' by the pool's rule ({@link #givePoolDeadlinesToHolders}).
     */
    public void takeUpWorkOf(UUID userId, Set<Role> roles) {
        if (roles.isEmpty() || org.person(userId).filter(OrgDirectory.Person::active).isEmpty()) {
            return;
        }
        List<ApprovalQueries.PoolTask> open = queries.openPoolTasksOf(roles, userId);
        Map<Role, List<OrgDirectory.Person>> holders = new java.util.EnumMap<>(Role.class);
        open.stream().filter(t -> t.pending() && !t.submitterId().equals(userId) && !t.decidedInStep())
                .filter(t -> holders.computeIfAbsent(t.role(), org::activeWithRole).stream()
                        .allMatch(p -> p.id().equals(userId) || p.id().equals(t.submitterId())))
                .forEach(t -> notifier.send(Notification.of(userId, TASK_NOTICE, "approval.notify.assigned",
                        "/approvals/" + t.approvalId(), t.title()).about(t.taskId())));
        givePoolDeadlinesToHolders(open);
    }

    /**
     * Docs/decisions/0074, the rule of a pool task's running deadline after it opened: it belongs to a holder of the pool
     * ({@link #poolDeadlineHolder}); one whose owner is no such holder — deactivated since, the role taken from them,
     * or the submitter it fell to when nobody held the role — goes to the pool's holder as at opening, its due time
     * kept ({@link Deadlines#transfer}); with nobody holding the role it stays as it is until someone is given the role
     * ({@link #takeUpWorkOf}).
     */
    private void givePoolDeadlinesToHolders(List<ApprovalQueries.PoolTask> tasks) {
        List<ApprovalQueries.PoolTask> timed = tasks.stream().filter(t -> t.pending() && t.slaRuleId() != null).toList();
        if (timed.isEmpty()) {
            return;
        }
        Map<String, UUID> owners = new HashMap<>();
        deadlines.of(TASK_SUBJECT, timed.stream().map(t -> t.taskId().toString()).toList(), now(), timed.size() * 4)
                .stream().filter(d -> "OPEN".equals(d.state()) || "BREACHED".equals(d.state()))
                .forEach(d -> owners.putIfAbsent(d.ruleId() + "/" + d.subject().id(), d.ownerId()));
        Map<Role, List<OrgDirectory.Person>> holders = new java.util.EnumMap<>(Role.class);
        for (ApprovalQueries.PoolTask task : timed) {
            UUID owner = owners.get(task.slaRuleId() + "/" + task.taskId());
            if (owner == null) {
                continue;
            }
            List<OrgDirectory.Person> ofRole = holders.computeIfAbsent(task.role(), org::activeWithRole);
            boolean held = ofRole.stream().anyMatch(p -> p.id().equals(owner) && !p.id().equals(task.submitterId()));
            if (!held) {
                poolDeadlineHolder(ofRole, task.submitterId()).filter(h -> !h.equals(owner)).ifPresent(h ->
                        deadlines.transfer(task.slaRuleId(), SubjectRef.of(TASK_SUBJECT, task.taskId()), h));
            }
        }
    }

    @Override
    public void subjectClosed(String subjectType, String subjectId) {
        settleSentBack(subjectType, subjectId);
    }

    private void settleSentBack(String subjectType, String subjectId) {
        queries.sentBackOf(subjectType, subjectId).forEach(id -> notifier.settle(SENT_BACK_NOTICE, id));
    }

    /**
     * The user decides on an approval they may see: on the given task, or on the one of the
     * current step that is theirs (when there is none, the approval says why: 403 or 422; 409 when someone decided it first).
     */
    public ApprovalView decide(UUID approvalId, UUID userId, Decision decision, String comment, UUID taskId,
                               Long expectedVersion) {
        Actor actor = actor(userId);
        Approval approval = locked(approvalId);
        requireVisible(approval, actor);
        approval.expectVersion(expectedVersion);
        UUID task = taskId != null ? taskId : approval.actionableTaskFor(actor)
                .orElseThrow(() -> nothingToDecide(approval, actor));
        approval.decide(task, actor, decision, comment, now(), resolver);
        return view(save(approval));
    }

    @Override
    @Transactional(readOnly = true)
    public void refuseSecondDecision(UUID approvalId, UUID userId) {
        Actor actor = actor(userId);
        approvals.findById(approvalId).filter(a -> a.actionableTaskFor(actor).isEmpty())
                .flatMap(a -> a.deciderBefore(actor)).ifPresent(decider -> {
                    throw decidedBy(decider);
                });
    }

    @Override
    @Transactional(readOnly = true)
    public void refuseSecondDecision(UUID approvalId, UUID userId, int stepIndex) {
        Actor actor = actor(userId);
        approvals.findById(approvalId).filter(a -> a.actionableTaskFor(actor).isEmpty())
                .flatMap(a -> a.deciderOf(actor, stepIndex)).ifPresent(decider -> {
                    throw decidedBy(decider);
                });
    }

    /**
     * What the approval says now to a user whose decision was refused (a stale page, a second click): empty while they
     * still have a task to decide, else why not — someone decided their part, it ended, it is not theirs.
     */
    @Transactional(readOnly = true)
    public Optional<DomainException> nothingToDecide(UUID approvalId, UUID userId) {
        Actor actor = actor(userId);
        return approvals.findById(approvalId).filter(a -> a.actionableTaskFor(actor).isEmpty())
                .map(a -> nothingToDecide(a, actor));
    }

    /** Why the actor has nothing to decide: someone decided their part already (409), else as the approval says. */
    private DomainException nothingToDecide(Approval approval, Actor actor) {
        return approval.deciderBefore(actor).map(this::decidedBy).orElseGet(() -> approval.nothingToDecideFor(actor));
    }

    private DomainException decidedBy(UUID decider) {
        return new ConflictException("approval.task.decidedBy",
                org.person(decider).map(OrgDirectory.Person::displayName).orElse("—"));
    }

    /**
     * The approval as the user may see it (submitter, approvers and their delegates, directors and administrators),
     * with what they may do with it now.
     */
    @Transactional(readOnly = true)
    public ApprovalView viewFor(UUID approvalId, UUID userId) {
        Actor actor = actor(userId);
        Approval approval = approvals.findById(approvalId)
                .orElseThrow(() -> new RecordNotFoundException("Approval", approvalId));
        requireVisible(approval, actor);
        return view(approval).withActions(approval.availableActions(userId, resubmittable(approval),
                subjectWaits(approval)));
    }

    /**
     * Whether the approval, sent back, may be resubmitted as it stands: its subject still waits on it
     * ({@link #subjectWaits}) and its module takes it back as it stands ({@link ApprovableSubjects#resubmittable}).
     */
    private boolean resubmittable(Approval approval) {
        return approval.state() == ApprovalView.State.SENT_BACK && subjectWaits(approval)
                && subjects.orderedStream().filter(s -> s.subjectType().equals(approval.subjectType()))
                .allMatch(s -> s.resubmittable(approval.subjectId(), approval.id()));
    }

    /**
     * Whether the approval's subject still waits on it, as the subject's module says it
     * ({@link ApprovableSubjects#waitsOn}), asked only of a sent-back approval.
     */
    private boolean subjectWaits(Approval approval) {
        return approval.state() != ApprovalView.State.SENT_BACK
                || subjects.orderedStream().filter(s -> s.subjectType().equals(approval.subjectType()))
                .allMatch(s -> s.waitsOn(approval.subjectId(), approval.id()));
    }

    private ApprovalView view(Approval approval) {
        return approval.view(history.of(approval.id()), history.remarksOf(approval.id()));
    }

    /**
     * The decisions an approver may take on the approval (for the decision form): approve, reject and send back — not
     * approve where its subject may no longer be approved as shown ({@link ApprovableSubjects}: a policy change the
     * policy moved on from, whose approval would be refused).
     */
    public Set<Decision> decisionsOn(ApprovalView approval) {
        boolean approvable = subjects.orderedStream().filter(s -> s.subjectType().equals(approval.subjectType()))
                .allMatch(s -> s.approvableAsShown(approval.subjectId()));
        return approvable ? EnumSet.allOf(Decision.class) : EnumSet.complementOf(EnumSet.of(Decision.APPROVE));
    }

    /** Why the approval's subject may not be approved as shown, in the reader's words, as its module says it. */
    public Optional<String> whyNotApprovable(ApprovalView approval, Locale locale) {
        return subjects.orderedStream().filter(s -> s.subjectType().equals(approval.subjectType()))
                .filter(s -> !s.approvableAsShown(approval.subjectId()))
                .flatMap(s -> s.whyNotApprovable(approval.subjectId(), locale).stream()).findFirst();
    }

    /** The task the user could decide now on this approval, if any (for the decision form). */
    @Transactional(readOnly = true)
    public Optional<UUID> actionableTask(UUID approvalId, UUID userId) {
        return approvals.findById(approvalId).flatMap(a -> a.actionableTaskFor(actor(userId)));
    }

    /**
     * Who the user is for approvals today: their roles and the people who delegated to them — only those whose
     * authority the user holds today ({@link DelegateAuthority}, 0069): a delegation given before the rule, or one
     * the people's roles or units have outgrown since, lends nothing (neither the tasks nor the reading). A task naming
     * them, or a delegator, is theirs while that person still fits its step ({@link #fit}, 0092).
     */
    @Transactional(readOnly = true)
    public Actor actor(UUID userId) {
        Optional<OrgDirectory.Person> me = org.person(userId).filter(OrgDirectory.Person::active);
        Set<Role> roles = me.map(OrgDirectory.Person::roles).orElse(Set.of());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<UUID, Set<Role>> delegators = new HashMap<>();
        me.ifPresent(delegate -> delegations.findActiveForDelegate(userId).stream().filter(d -> d.coversDay(today))
                .forEach(d -> org.person(d.delegatorId()).filter(p -> authority.holds(p, delegate))
                        .ifPresent(p -> delegators.put(p.id(), p.roles()))));
        return new Actor(userId, roles, delegators, fit());
    }

    /** Of these approvals, those the user may see ({@link #viewFor}'s rule), their actor read once. */
    @Transactional(readOnly = true)
    public Set<UUID> visibleAmong(Collection<UUID> approvalIds, UUID userId) {
        Actor actor = actor(userId);
        Set<UUID> visible = new HashSet<>();
        approvals.findAllById(approvalIds).forEach(a -> {
            if (maySee(a, actor)) {
                visible.add(a.id());
            }
        });
        return visible;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayOpen(UUID approvalId, UUID userId) {
        return approvals.findById(approvalId).filter(a -> maySee(a, actor(userId))).isPresent();
    }

    private void requireVisible(Approval approval, Actor actor) {
        if (!maySee(approval, actor)) {
            throw new RecordNotFoundException("Approval", approval.id());
        }
    }

    private static boolean maySee(Approval approval, Actor actor) {
        boolean overseer = actor.roles().contains(Role.ADMIN) || actor.roles().contains(Role.SALES_DIRECTOR);
        return overseer || approval.involves(actor);
    }

    private Approval locked(UUID approvalId) {
        return approvals.findLockedById(approvalId)
                .orElseThrow(() -> new RecordNotFoundException("Approval", approvalId));
    }

    private Approval save(Approval approval) {
        var happenings = approval.drainHappenings();
        Approval saved = approvals.save(approval);
        for (Happening h : happenings) {
            carryOut(saved, h);
        }
        return saved;
    }

    private void carryOut(Approval approval, Happening happening) {
        String link = "/approvals/" + approval.id();
        if (happening instanceof Happening.Logged line) {
            history.append(approval.id(), line);
        } else if (happening instanceof Happening.Remarked remarked) {
            history.appendRemarks(approval.id(), remarked);
        } else if (happening instanceof Happening.Decided decided) {
            events.publishEvent(new ApprovalTaskDecided(approval.id(), approval.subjectType(), approval.subjectId(),
                    decided.round(), decided.stepIndex(), decided.taskId(), decided.decision(), decided.actorId()));
        } else if (happening instanceof Happening.TaskOpened opened) {
            if (opened.slaRuleId() != null) {
                deadlines.open(opened.slaRuleId(), SubjectRef.of(TASK_SUBJECT, opened.taskId()),
                        deadlineOwner(opened.assigneeId(), opened.assigneeRole(), approval), opened.at());
            }
            notifyWaiting(approval, opened.taskId(), opened.assigneeId(), opened.assigneeRole(), link);
        } else if (happening instanceof Happening.TaskReassigned moved) {
            // the deactivated approver is asked no more; the new one is, and the deadline is theirs, its due time kept
            notifier.settle(TASK_NOTICE, moved.taskId());
            notifyWaiting(approval, moved.taskId(), moved.assigneeId(), moved.assigneeRole(), link);
            if (moved.slaRuleId() != null) {
                deadlines.transfer(moved.slaRuleId(), SubjectRef.of(TASK_SUBJECT, moved.taskId()),
                        deadlineOwner(moved.assigneeId(), moved.assigneeRole(), approval));
            }
        } else if (happening instanceof Happening.TaskClosed closed) {
            // the task waits for nobody any more (decided, or skipped as its approval ended or was withdrawn)
            notifier.settle(TASK_NOTICE, closed.taskId());
            if (closed.slaRuleId() != null) {
                SubjectRef subject = SubjectRef.of(TASK_SUBJECT, closed.taskId());
                if (closed.decided()) {
                    deadlines.meet(closed.slaRuleId(), subject, closed.at());
                } else {
                    deadlines.cancel(closed.slaRuleId(), subject);
                }
            }
        } else if (happening instanceof Happening.Ended ended) {
            events.publishEvent(new ApprovalCompleted(approval.id(), approval.subjectType(),
                    approval.subjectId(), ended.outcome()));
            notifier.send(Notification.of(approval.submitterId(), NotificationKind.APPROVAL_COMPLETED,
                    ended.outcome() == ApprovalCompleted.Outcome.APPROVED
                            ? "approval.notify.approved" : "approval.notify.rejected", link, approval.title()));
        } else if (happening instanceof Happening.SentBack back) {
            events.publishEvent(new ApprovalSentBack(approval.id(), approval.subjectType(),
                    approval.subjectId(), back.round(), back.by(), back.comment()));
            notifier.send(Notification.of(approval.submitterId(), SENT_BACK_NOTICE,
                    "approval.notify.sentBack", link, approval.title(), back.comment()).urgent().about(approval.id()));
        } else if (happening instanceof Happening.Withdrawn withdrawn) {
            // a flow withdrawn after a send-back waits for no rework any more
            notifier.settle(SENT_BACK_NOTICE, approval.id());
            events.publishEvent(new ApprovalWithdrawn(approval.id(), approval.subjectType(),
                    approval.subjectId(), withdrawn.round(), withdrawn.by()));
        }
    }

    /** The "approval waiting for you" notice about the task: to its person, or to each holder of its pool's role. */
    private void notifyWaiting(Approval approval, UUID taskId, UUID assigneeId, Role assigneeRole, String link) {
        if (assigneeId != null) {
            notifier.send(Notification.of(assigneeId, TASK_NOTICE, "approval.notify.assigned", link, approval.title())
                    .about(taskId));
        } else {
            org.activeWithRole(assigneeRole).stream()
                    .filter(p -> !p.id().equals(approval.submitterId()))
                    .forEach(p -> notifier.send(Notification.of(p.id(), TASK_NOTICE,
                            "approval.notify.assigned", link, approval.title()).about(taskId)));
        }
    }

    /**
     * A person's task deadline is theirs. A pool's deadline needs one owner too, for reminders and the
     * breach escalation: the longest-serving holder of the role ({@link #poolDeadlineHolder}), else the submitter
     * (until the role has a holder, {@link #givePoolDeadlinesToHolders}).
     */
    private UUID deadlineOwner(UUID assigneeId, Role assigneeRole, Approval approval) {
        if (assigneeId != null) {
            return assigneeId;
        }
        return poolDeadlineHolder(org.activeWithRole(assigneeRole), approval.submitterId())
                .orElse(approval.submitterId());
    }

    /**
     * Who of the role's active holders ({@code holders}) owns a pool task's deadline (0073, 0074): the longest-serving
     * (the first by hire date) who did not submit the approval; empty when there is none.
     */
    private static Optional<UUID> poolDeadlineHolder(List<OrgDirectory.Person> holders, UUID submitterId) {
        return holders.stream().filter(p -> !p.id().equals(submitterId))
                .min(Comparator.comparing((OrgDirectory.Person p) -> p.hireDate() == null ? LocalDate.MAX : p.hireDate())
                        .thenComparing(OrgDirectory.Person::id))
                .map(OrgDirectory.Person::id);
    }

    /** Business time at the database's precision, so that what is stored and what was announced agree. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static ApprovalRef ref(Approval approval) {
        return new ApprovalRef(approval.id(), approval.state(), approval.round());
    }
}

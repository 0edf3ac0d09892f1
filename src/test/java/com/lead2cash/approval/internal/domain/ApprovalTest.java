package com.lead2cash.approval.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.approval.ApprovalCompleted.Outcome;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalView.State;
import com.lead2cash.approval.ApprovalView.StepState;
import com.lead2cash.approval.ApprovalView.TaskState;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.Decision;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.approval.internal.ApproverResolver;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of the approval flow, on the aggregate alone (no Spring, no database). */
class ApprovalTest {

    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    static final UUID SUBMITTER = UUID.randomUUID();
    static final UUID LEGAL = UUID.randomUUID();
    static final UUID FINANCE = UUID.randomUUID();
    static final UUID MANAGER = UUID.randomUUID();
    static final UUID DIRECTOR = UUID.randomUUID();

    /** Named users resolve to themselves; roles to their pool. */
    static final ApproverResolver RESOLVER = (rule, submitter) -> rule instanceof ApproverRule.ByUser u
            ? Assignment.person(u.userId()) : Assignment.pool(((ApproverRule.ByRole) rule).role());

    static Approval contractReview() {
        // K1: legal and finance review in parallel, then K2: the manager's final approval
        return Approval.submit(new ApprovalRequest("Contract", "C-1", "Contract C-1", SUBMITTER,
                FlowDefinition.of(
                        new StepDefinition("Review", StepMode.PARALLEL,
                                List.of(new ApproverRule.ByUser(LEGAL), new ApproverRule.ByUser(FINANCE)), "K1"),
                        new StepDefinition("Final", StepMode.SEQUENTIAL, List.of(new ApproverRule.ByUser(MANAGER)), null)),
                Map.of("amount", "1200000")), T0, RESOLVER);
    }

    static Actor actor(UUID id) {
        return Actor.of(id, Set.of(Role.SALES_MANAGER));
    }

    static UUID taskOf(Approval a, UUID assignee) {
        return a.tasks().stream().filter(t -> assignee.equals(t.assigneeId()) && t.state() == TaskState.PENDING)
                .findFirst().orElseThrow().id();
    }

    @Test
    void submissionOpensEveryTaskOfAParallelFirstStepWithItsDeadline() {
        Approval a = contractReview();
        List<Happening> happenings = a.drainHappenings();
        assertThat(happenings).filteredOn(Happening.TaskOpened.class::isInstance)
                .extracting(h -> ((Happening.TaskOpened) h).assigneeId(), h -> ((Happening.TaskOpened) h).slaRuleId())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(LEGAL, "K1"),
                        org.assertj.core.groups.Tuple.tuple(FINANCE, "K1"));
        assertThat(a.view(List.of()).steps()).extracting(ApprovalView.StepView::state)
                .containsExactly(StepState.IN_PROGRESS, StepState.NOT_STARTED);
    }

    @Test
    void parallelStepCompletesOnlyWhenEveryBranchApproves() {
        Approval a = contractReview();
        a.decide(taskOf(a, LEGAL), actor(LEGAL), Decision.APPROVE, null, T0.plusSeconds(60), RESOLVER);
        assertThat(a.currentStep()).isZero();
        assertThat(a.view(List.of()).steps().get(1).tasks()).isEmpty();

        a.drainHappenings();
        a.decide(taskOf(a, FINANCE), actor(FINANCE), Decision.APPROVE, "ok", T0.plusSeconds(120), RESOLVER);
        assertThat(a.currentStep()).isEqualTo(1);
        assertThat(a.view(List.of()).steps()).extracting(ApprovalView.StepView::state)
                .containsExactly(StepState.APPROVED, StepState.IN_PROGRESS);
        assertThat(a.drainHappenings()).anyMatch(h -> h instanceof Happening.TaskOpened o && MANAGER.equals(o.assigneeId()));

        a.decide(taskOf(a, MANAGER), actor(MANAGER), Decision.APPROVE, null, T0.plusSeconds(180), RESOLVER);
        assertThat(a.state()).isEqualTo(State.APPROVED);
        assertThat(a.drainHappenings()).contains(new Happening.Ended(Outcome.APPROVED, T0.plusSeconds(180)));
    }

    @Test
    void sequentialStepOpensTheNextApproverOnlyAfterThePreviousApproved() {
        Approval a = Approval.submit(new ApprovalRequest("Quote", "Q-1", "Quote Q-1", SUBMITTER,
                FlowDefinition.of(new StepDefinition("Discount", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.ByUser(MANAGER), new ApproverRule.ByUser(DIRECTOR)), "K2")),
                Map.of()), T0, RESOLVER);
        UUID directorTask = a.tasks().get(1).id();
        assertThat(a.tasks().get(1).state()).isEqualTo(TaskState.WAITING);
        assertThatThrownBy(() -> a.decide(directorTask, actor(DIRECTOR), Decision.APPROVE, null, T0, RESOLVER))
                .as("a rule of its state: 422, no race").isInstanceOf(com.lead2cash.platform.DomainException.class)
                .isNotInstanceOf(ConflictException.class).hasMessage("approval.task.notYourTurn");

        a.decide(taskOf(a, MANAGER), actor(MANAGER), Decision.APPROVE, null, T0, RESOLVER);
        assertThat(a.tasks().get(1).state()).isEqualTo(TaskState.PENDING);
        assertThat(a.state()).isEqualTo(State.IN_PROGRESS);
    }

    @Test
    void aRejectionEndsTheFlowAndSkipsTheRemainingTasks() {
        Approval a = contractReview();
        a.drainHappenings();
        UUID financeTask = taskOf(a, FINANCE);
        a.decide(taskOf(a, LEGAL), actor(LEGAL), Decision.REJECT, "liability clause unacceptable", T0, RESOLVER);

        assertThat(a.state()).isEqualTo(State.REJECTED);
        assertThat(a.tasks()).extracting(ApprovalTask::state).containsExactlyInAnyOrder(TaskState.REJECTED, TaskState.SKIPPED);
        List<Happening> happenings = a.drainHappenings();
        assertThat(happenings).contains(new Happening.TaskClosed(financeTask, "K1", false, T0),
                new Happening.Ended(Outcome.REJECTED, T0));
        assertThatThrownBy(() -> a.decide(financeTask, actor(FINANCE), Decision.APPROVE, null, T0, RESOLVER))
                .as("a rule of its state: 422, no race").isInstanceOf(com.lead2cash.platform.DomainException.class)
                .isNotInstanceOf(ConflictException.class).hasMessage("approval.finished");
    }

    @Test
    void sendBackReturnsItToTheSubmitterWhoResubmitsFromStepOneInTheNextRound() {
        Approval a = contractReview();
        a.decide(taskOf(a, LEGAL), actor(LEGAL), Decision.APPROVE, null, T0, RESOLVER);
        a.decide(taskOf(a, FINANCE), actor(FINANCE), Decision.APPROVE, null, T0, RESOLVER);
        a.drainHappenings();
        a.decide(taskOf(a, MANAGER), actor(MANAGER), Decision.SEND_BACK, "payment terms missing", T0, RESOLVER);

        assertThat(a.state()).isEqualTo(State.SENT_BACK);
        assertThat(a.drainHappenings()).contains(new Happening.SentBack(1, MANAGER, "payment terms missing", T0));

        assertThatThrownBy(() -> a.resubmit(MANAGER, T0, RESOLVER)).isInstanceOf(DomainException.class)
                .hasMessage("approval.resubmit.notSubmitter");
        a.resubmit(SUBMITTER, T0.plusSeconds(3600), RESOLVER);
        assertThat(a.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(a.round()).isEqualTo(2);
        assertThat(a.currentStep()).isZero();
        ApprovalView view = a.view(List.of());
        assertThat(view.steps().get(0).tasks()).extracting(ApprovalView.TaskView::state)
                .containsOnly(TaskState.PENDING).hasSize(2);
        assertThat(view.steps().get(1).tasks()).isEmpty();
    }

    @Test
    void aSentBackApprovalWhoseRecordNoLongerWaitsOnItOffersNoResubmissionAndRefusesOneChangingNothing() {
        Approval a = contractReview();
        a.decide(taskOf(a, LEGAL), actor(LEGAL), Decision.SEND_BACK, "liability clause", T0, RESOLVER);
        assertThat(a.state()).isEqualTo(State.SENT_BACK);
        a.drainHappenings();

        assertThat(a.availableActions(SUBMITTER, true, true)).containsExactlyInAnyOrder(
                com.lead2cash.approval.ApprovalAction.RESUBMIT, com.lead2cash.approval.ApprovalAction.WITHDRAW);
        assertThat(a.availableActions(SUBMITTER, false, true)).containsExactly(com.lead2cash.approval.ApprovalAction.WITHDRAW);
        assertThat(a.availableActions(MANAGER, true, true)).as("the submitter's only").isEmpty();

        assertThatThrownBy(() -> a.resubmit(SUBMITTER, null, null, false, T0, RESOLVER))
                .as("a rule of its state: 422, no race").isInstanceOf(com.lead2cash.platform.DomainException.class)
                .isNotInstanceOf(ConflictException.class).hasMessage("approval.resubmit.recordMovedOn");
        assertThat(a.state()).isEqualTo(State.SENT_BACK);
        assertThat(a.round()).isEqualTo(1);
        assertThat(a.drainHappenings()).isEmpty();
    }

    @Test
    void aSentBackApprovalWhoseRecordEndedWithTheSendBackOffersNothingAndRefusesAWithdrawalChangingNothing() {
        Approval a = contractReview();
        a.decide(taskOf(a, LEGAL), actor(LEGAL), Decision.SEND_BACK, "liability clause", T0, RESOLVER);
        a.drainHappenings();

        assertThat(a.availableActions(SUBMITTER, false, false)).as("nothing waits on it: nothing to do").isEmpty();
        assertThatThrownBy(() -> a.withdraw(SUBMITTER, false, T0))
                .as("a rule of its state: 422, no race").isInstanceOf(com.lead2cash.platform.DomainException.class)
                .isNotInstanceOf(ConflictException.class).hasMessage("approval.withdraw.recordMovedOn");
        assertThat(a.state()).isEqualTo(State.SENT_BACK);
        assertThat(a.drainHappenings()).isEmpty();

        a.withdraw(SUBMITTER, true, T0);
        assertThat(a.state()).as("a record still waiting on it is taken back").isEqualTo(State.WITHDRAWN);
    }

    @Test
    void rejectingOrSendingBackNeedsAComment() {
        Approval a = contractReview();
        for (Decision d : List.of(Decision.REJECT, Decision.SEND_BACK)) {
            assertThatThrownBy(() -> a.decide(taskOf(a, LEGAL), actor(LEGAL), d, "  ", T0, RESOLVER))
                    .isInstanceOfSatisfying(FieldValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("comment"));
        }
        assertThat(a.state()).isEqualTo(State.IN_PROGRESS);
    }

    @Test
    void actingOnSomeoneElsesTaskIsRefused() {
        Approval a = contractReview();
        assertThatThrownBy(() -> a.decide(taskOf(a, LEGAL), actor(FINANCE), Decision.APPROVE, null, T0, RESOLVER))
                .isInstanceOf(DomainException.class).hasMessage("approval.task.notYours");
        assertThatThrownBy(() -> a.decide(taskOf(a, LEGAL), actor(SUBMITTER), Decision.APPROVE, null, T0, RESOLVER))
                .hasMessage("approval.task.ownSubmission");
    }

    @Test
    void actingTwiceIsRefused() {
        Approval a = contractReview();
        UUID legalTask = taskOf(a, LEGAL);
        a.decide(legalTask, actor(LEGAL), Decision.APPROVE, null, T0, RESOLVER);
        assertThatThrownBy(() -> a.decide(legalTask, actor(LEGAL), Decision.APPROVE, null, T0, RESOLVER))
                .isInstanceOf(ConflictException.class).hasMessage("approval.task.alreadyDecided");
    }

    @Test
    void aDelegateActsOnBehalfOfTheAssignee() {
        UUID deputy = UUID.randomUUID();
        Approval a = contractReview();
        Actor delegate = new Actor(deputy, Set.of(Role.SALES_REP), Map.of(LEGAL, Set.of(Role.LEGAL)));
        assertThat(a.actionableTaskFor(delegate)).contains(taskOf(a, LEGAL));
        a.drainHappenings();
        a.decide(taskOf(a, LEGAL), delegate, Decision.APPROVE, null, T0, RESOLVER);

        ApprovalTask task = a.tasks().stream().filter(t -> LEGAL.equals(t.assigneeId())).findFirst().orElseThrow();
        assertThat(task.actedBy()).isEqualTo(deputy);
        assertThat(task.onBehalfOf()).isEqualTo(LEGAL);
        assertThat(a.drainHappenings()).filteredOn(Happening.Logged.class::isInstance)
                .anyMatch(h -> ((Happening.Logged) h).event().equals("APPROVED")
                        && LEGAL.equals(((Happening.Logged) h).onBehalfOf()));
    }

    @Test
    void anyHolderOfTheRoleMayDecideAPoolTaskButNobodyElse() {
        Approval a = Approval.submit(new ApprovalRequest("Contract", "C-2", "Contract C-2", SUBMITTER,
                FlowDefinition.of(new StepDefinition("Legal", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByRole(Role.LEGAL)), "K1")), Map.of()), T0, RESOLVER);
        UUID pool = a.tasks().get(0).id();
        assertThat(a.tasks().get(0).assigneeRole()).isEqualTo(Role.LEGAL);
        assertThatThrownBy(() -> a.decide(pool, Actor.of(UUID.randomUUID(), Set.of(Role.FINANCE)), Decision.APPROVE,
                null, T0, RESOLVER)).hasMessage("approval.task.notYours");
        UUID lawyer = UUID.randomUUID();
        a.decide(pool, Actor.of(lawyer, Set.of(Role.LEGAL)), Decision.APPROVE, null, T0, RESOLVER);
        assertThat(a.state()).isEqualTo(State.APPROVED);
        assertThat(a.tasks().get(0).actedBy()).isEqualTo(lawyer);
    }

    @Test
    void onePersonVotesOnceInAStepEvenWhenTwoOfItsTasksAreTheirs() {
        UUID both = UUID.randomUUID();
        Approval a = Approval.submit(new ApprovalRequest("Contract", "C-3", "Contract C-3", SUBMITTER,
                FlowDefinition.of(new StepDefinition("Review", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByRole(Role.LEGAL), new ApproverRule.ByRole(Role.FINANCE)), null)),
                Map.of()), T0, RESOLVER);
        Actor actor = Actor.of(both, Set.of(Role.LEGAL, Role.FINANCE));
        a.decide(a.tasks().get(0).id(), actor, Decision.APPROVE, null, T0, RESOLVER);
        assertThat(a.actionableTaskFor(actor)).isEmpty();
        assertThatThrownBy(() -> a.decide(a.tasks().get(1).id(), actor, Decision.APPROVE, null, T0, RESOLVER))
                .isNotInstanceOf(ConflictException.class).hasMessage("approval.task.oneVotePerStep");
    }

    @Test
    void theSameApproverReachedByTwoRulesGetsOneTask() {
        Approval a = Approval.submit(new ApprovalRequest("Quote", "Q-2", "Quote Q-2", SUBMITTER,
                FlowDefinition.of(new StepDefinition("Manager", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByUser(MANAGER), new ApproverRule.ByUser(MANAGER)), null)),
                Map.of()), T0, RESOLVER);
        assertThat(a.tasks()).hasSize(1);
    }

    @Test
    void withdrawingCancelsTheOpenDeadlinesAndEndsTheFlow() {
        Approval a = contractReview();
        a.drainHappenings();
        assertThatThrownBy(() -> a.withdraw(LEGAL, true, T0)).hasMessage("approval.withdraw.notSubmitter");
        a.withdraw(SUBMITTER, true, T0);
        assertThat(a.state()).isEqualTo(State.WITHDRAWN);
        assertThat(a.drainHappenings()).filteredOn(Happening.TaskClosed.class::isInstance).hasSize(2)
                .allMatch(h -> !((Happening.TaskClosed) h).decided());
    }

    @Test
    void whoSeesAnApproval() {
        Approval a = contractReview();
        assertThat(a.involves(actor(SUBMITTER))).isTrue();
        assertThat(a.involves(actor(LEGAL))).isTrue();
        assertThat(a.involves(actor(UUID.randomUUID()))).isFalse();
        assertThat(a.involves(new Actor(UUID.randomUUID(), Set.of(), Map.of(FINANCE, Set.of())))).isTrue();
    }

    /** Whether a person fits a step, as the org says it today: LEGAL fits it no more (moved, or their role taken). */
    static final StepFit LEGAL_LEFT = (person, rules, submitter, standsInFor) -> !LEGAL.equals(person);

    @Test
    void D0092_aPersonTheStepNoLongerNamesNeitherDecidesNorReadsTheirOpenTaskNorDoesTheirDelegate() {
        Approval a = contractReview();
        UUID legalTask = taskOf(a, LEGAL);
        Actor left = new Actor(LEGAL, Set.of(Role.SALES_REP), Map.of(), LEGAL_LEFT);
        Actor delegate = new Actor(UUID.randomUUID(), Set.of(Role.LEGAL), Map.of(LEGAL, Set.of(Role.LEGAL)), LEGAL_LEFT);

        assertThat(a.actionableTaskFor(left)).isEmpty();
        assertThat(a.involves(left)).isFalse();
        assertThat(a.actionableTaskFor(delegate)).isEmpty();
        assertThat(a.involves(delegate)).isFalse();
        assertThatThrownBy(() -> a.decide(legalTask, left, Decision.APPROVE, null, T0, RESOLVER))
                .hasMessage("approval.task.notYours");
        assertThatThrownBy(() -> a.decide(legalTask, delegate, Decision.APPROVE, null, T0, RESOLVER))
                .hasMessage("approval.task.notYours");
        assertThat(a.tasks().stream().filter(t -> t.id().equals(legalTask)).findFirst().orElseThrow().state())
                .isEqualTo(TaskState.PENDING);

        // finance still fits: their task stays theirs
        Actor finance = new Actor(FINANCE, Set.of(Role.FINANCE), Map.of(), LEGAL_LEFT);
        assertThat(a.actionableTaskFor(finance)).contains(taskOf(a, FINANCE));
    }

    @Test
    void D0092_aDecidedTaskStaysWhoseItWasThoughTheStepNamesThemNoMore() {
        Approval a = contractReview();
        a.decide(taskOf(a, LEGAL), actor(LEGAL), Decision.APPROVE, null, T0, RESOLVER);
        assertThat(a.involves(new Actor(LEGAL, Set.of(), Map.of(), LEGAL_LEFT))).isTrue();
    }

    @Test
    void D0092_theOpenTasksOfAPersonTheStepNamesNoMoreGoWhereTheRulesSendThemNowWithTheHistorySayingWhy() {
        UUID successor = UUID.randomUUID();
        ApproverResolver today = (rule, submitter) -> rule instanceof ApproverRule.ByUser u && u.userId().equals(LEGAL)
                ? Assignment.person(successor) : RESOLVER.resolve(rule, submitter);
        Approval a = contractReview();
        UUID legalTask = taskOf(a, LEGAL);
        a.drainHappenings();
        UUID admin = UUID.randomUUID();

        assertThat(a.reassignUnfitTasksOf(FINANCE, LEGAL_LEFT, admin, T0, today)).as("finance still fits").isEmpty();
        List<Reassignment> moved = a.reassignUnfitTasksOf(LEGAL, LEGAL_LEFT, admin, T0, today);

        assertThat(moved).containsExactly(new Reassignment(LEGAL, successor, null));
        assertThat(taskOf(a, successor)).isEqualTo(legalTask);
        assertThat(a.drainHappenings()).anyMatch(h -> h instanceof Happening.Logged l
                        && l.event().equals(Reassignment.NOT_NAMED_EVENT) && admin.equals(l.actorId())
                        && l.detail().equals("USER:" + LEGAL + ">USER:" + successor))
                .anyMatch(h -> h instanceof Happening.TaskReassigned r && r.taskId().equals(legalTask));
        a.decide(legalTask, new Actor(successor, Set.of(Role.LEGAL), Map.of(), LEGAL_LEFT), Decision.APPROVE, null, T0,
                today);
    }

    @Test
    void D0092_whenTheRulesNameOnlyThePersonAgainTheTaskFallsToTheSalesDirectors() {
        Approval a = contractReview();
        UUID legalTask = taskOf(a, LEGAL);
        List<Reassignment> moved = a.reassignUnfitTasksOf(LEGAL, LEGAL_LEFT, null, T0, RESOLVER);
        assertThat(moved).containsExactly(new Reassignment(LEGAL, null, Role.SALES_DIRECTOR));
        ApprovalTask task = a.tasks().stream().filter(t -> t.id().equals(legalTask)).findFirst().orElseThrow();
        assertThat(task.assigneeRole()).isEqualTo(Role.SALES_DIRECTOR);
        assertThat(task.fallbackReason()).isEqualTo("approval.fallback.notNamedAnyMore");
    }
}

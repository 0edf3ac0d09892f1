package com.lead2cash.approval.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.approval.internal.ApproverResolver;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * JOINT steps (联合评审): every approver's verdict is heard before a send-back returns the flow, so the
 * submitter gets every objection of the round together; remarks on sections go with a decision; a
 * resubmission may run a changed flow.
 */
class JointReviewTest {

    static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    static final UUID SUBMITTER = UUID.randomUUID();
    static final UUID MANAGER = UUID.randomUUID();
    static final ApproverResolver RESOLVER = (rule, submitter) -> rule instanceof ApproverRule.ByUser u
            ? Assignment.person(u.userId()) : Assignment.pool(((ApproverRule.ByRole) rule).role());

    static StepDefinition review() {
        return new StepDefinition("Review", StepMode.JOINT, List.of(new ApproverRule.ByRole(Role.LEGAL),
                new ApproverRule.ByRole(Role.FINANCE), new ApproverRule.ByRole(Role.OPERATIONS)), "K1");
    }

    static StepDefinition finalApproval() {
        return new StepDefinition("Final", StepMode.PARALLEL, List.of(new ApproverRule.ByUser(MANAGER)), null);
    }

    static Approval contract() {
        return Approval.submit(new ApprovalRequest("Contract", "C-1", "Contract C-1", SUBMITTER,
                FlowDefinition.of(review(), finalApproval()), Map.of("amount", "500000.00")), T0, RESOLVER);
    }

    static Actor of(Role role) {
        return Actor.of(UUID.randomUUID(), Set.of(role));
    }

    static UUID pool(Approval a, Role role) {
        return a.tasks().stream().filter(t -> role == t.assigneeRole() && t.state() == TaskState.PENDING
                && t.round() == a.round()).findFirst().orElseThrow().id();
    }

    @Test
    void everyDepartmentIsOpenedAtOnceWithItsDeadline() {
        Approval a = contract();
        assertThat(a.drainHappenings()).filteredOn(Happening.TaskOpened.class::isInstance)
                .extracting(h -> ((Happening.TaskOpened) h).assigneeRole())
                .containsExactlyInAnyOrder(Role.LEGAL, Role.FINANCE, Role.OPERATIONS);
    }

    @Test
    void anObjectionWaitsForTheOtherVerdictsAndThenReturnsAllOfThemTogether() {
        Approval a = contract();
        UUID legal = pool(a, Role.LEGAL);
        UUID finance = pool(a, Role.FINANCE);
        UUID operations = pool(a, Role.OPERATIONS);
        a.drainHappenings();

        a.decide(legal, of(Role.LEGAL), Decision.SEND_BACK, "违约责任上限过高", T0.plusSeconds(60), RESOLVER);

        assertThat(a.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(a.tasks()).filteredOn(t -> t.id().equals(finance) || t.id().equals(operations))
                .extracting(ApprovalTask::state).containsOnly(TaskState.PENDING);
        assertThat(a.view(List.of()).steps().get(0).state()).isEqualTo(StepState.IN_PROGRESS);
        assertThat(a.drainHappenings()).noneMatch(Happening.SentBack.class::isInstance);

        a.decide(finance, of(Role.FINANCE), Decision.SEND_BACK, "预付款比例不足", T0.plusSeconds(120), RESOLVER);
        a.decide(operations, of(Role.OPERATIONS), Decision.APPROVE, null, T0.plusSeconds(180), RESOLVER);

        assertThat(a.state()).isEqualTo(State.SENT_BACK);
        assertThat(a.view(List.of()).steps().get(0).state()).isEqualTo(StepState.SENT_BACK);
        assertThat(a.drainHappenings()).filteredOn(Happening.SentBack.class::isInstance).singleElement()
                .satisfies(h -> assertThat(((Happening.SentBack) h).comment()).contains("违约责任上限过高", "预付款比例不足"));
    }

    @Test
    void whenEveryDepartmentApprovesTheNextStepStarts() {
        Approval a = contract();
        for (Role r : List.of(Role.OPERATIONS, Role.LEGAL, Role.FINANCE)) {
            a.decide(pool(a, r), of(r), Decision.APPROVE, null, T0, RESOLVER);
        }
        assertThat(a.currentStep()).isEqualTo(1);
        a.decide(a.tasks().stream().filter(t -> MANAGER.equals(t.assigneeId())).findFirst().orElseThrow().id(),
                Actor.of(MANAGER, Set.of(Role.SALES_MANAGER)), Decision.APPROVE, null, T0, RESOLVER);
        assertThat(a.state()).isEqualTo(State.APPROVED);
        assertThat(a.drainHappenings()).contains(new Happening.Ended(Outcome.APPROVED, T0));
    }

    @Test
    void aRejectionInAJointStepStillEndsTheFlowAtOnce() {
        Approval a = contract();
        a.decide(pool(a, Role.LEGAL), of(Role.LEGAL), Decision.REJECT, "主体不合规", T0, RESOLVER);
        assertThat(a.state()).isEqualTo(State.REJECTED);
        assertThat(a.tasks()).extracting(ApprovalTask::state)
                .containsExactlyInAnyOrder(TaskState.REJECTED, TaskState.SKIPPED, TaskState.SKIPPED);
    }

    @Test
    void everyDecisionIsAnnouncedForTheOwningModule() {
        Approval a = contract();
        UUID legal = pool(a, Role.LEGAL);
        a.drainHappenings();
        Actor lawyer = of(Role.LEGAL);
        a.decide(legal, lawyer, Decision.APPROVE, null, T0, RESOLVER);
        assertThat(a.drainHappenings()).contains(new Happening.Decided(legal, 1, 0, Decision.APPROVE, lawyer.userId(), T0));
    }

    @Test
    void remarksOnSectionsGoWithTheDecision() {
        Approval a = contract();
        UUID legal = pool(a, Role.LEGAL);
        a.drainHappenings();
        a.decide(legal, of(Role.LEGAL), Decision.SEND_BACK, "见分项意见",
                List.of(new ApprovalRemark("LIABILITY", "违约金不超过合同总额的 20%"), new ApprovalRemark("DISPUTE", " ")),
                T0, RESOLVER);
        assertThat(a.drainHappenings()).filteredOn(Happening.Remarked.class::isInstance).singleElement()
                .satisfies(h -> assertThat(((Happening.Remarked) h).remarks()).as("blank remarks are left out")
                        .containsExactly(new ApprovalRemark("LIABILITY", "违约金不超过合同总额的 20%")));
    }

    @Test
    void remarksWithoutASectionOrTooManyAreRefusedAndNothingIsDecided() {
        Approval a = contract();
        UUID legal = pool(a, Role.LEGAL);
        assertThatThrownBy(() -> a.decide(legal, of(Role.LEGAL), Decision.APPROVE, null,
                List.of(new ApprovalRemark("", "text")), T0, RESOLVER))
                .isInstanceOfSatisfying(FieldValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("remarks[0].section"));
        assertThatThrownBy(() -> a.decide(legal, of(Role.LEGAL), Decision.APPROVE, null,
                Collections.nCopies(51, new ApprovalRemark("SCOPE", "x")), T0, RESOLVER))
                .isInstanceOf(FieldValidationException.class);
        assertThat(a.tasks()).extracting(ApprovalTask::state).containsOnly(TaskState.PENDING);
    }

    @Test
    void aResubmissionMayRunAChangedFlowInTheNextRound() {
        Approval a = contract();
        a.decide(pool(a, Role.LEGAL), of(Role.LEGAL), Decision.SEND_BACK, "改", T0, RESOLVER);
        a.decide(pool(a, Role.FINANCE), of(Role.FINANCE), Decision.APPROVE, null, T0, RESOLVER);
        a.decide(pool(a, Role.OPERATIONS), of(Role.OPERATIONS), Decision.APPROVE, null, T0, RESOLVER);
        StepDefinition risk = new StepDefinition("Risk", StepMode.PARALLEL, List.of(
                new ApproverRule.ByRole(Role.SALES_DIRECTOR), new ApproverRule.ByRole(Role.FINANCE)), null);

        a.resubmit(SUBMITTER, FlowDefinition.of(review(), risk, finalApproval()), Map.of("amount", "1200000.00"),
                T0.plusSeconds(600), RESOLVER);

        ApprovalView view = a.view(List.of());
        assertThat(view.round()).isEqualTo(2);
        assertThat(view.steps()).extracting(ApprovalView.StepView::name).containsExactly("Review", "Risk", "Final");
        assertThat(view.facts()).containsEntry("amount", "1200000.00");
        assertThat(view.steps().get(0).tasks()).as("every department reviews again").hasSize(3)
                .extracting(ApprovalView.TaskView::state).containsOnly(TaskState.PENDING);
        assertThat(a.tasks()).as("the first round's tasks stay").hasSize(6);
    }
}

package com.lead2cash.approval.internal;

import com.lead2cash.approval.ApprovableSubjects;
import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.ApprovalWithdrawn;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.PolicyChangeProposed;
import com.lead2cash.sop.PolicyProposals;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * SOP policy changes go through the same approval mechanism as quotes and contracts: a proposed
 * change becomes a flow decided by the sales director; its outcome is handed back to the SOP engine.
 * This module listens to the SOP engine's event and calls its API, so the SOP engine never depends on
 * approvals.
 */
@Component
public class PolicyChangeApprovals implements ApprovableSubjects {

    static final String SUBJECT = "PolicyChange";

    private final Approvals approvals;
    private final PolicyProposals proposals;

    private final OrgDirectory org;

    PolicyChangeApprovals(Approvals approvals, PolicyProposals proposals, OrgDirectory org) {
        this.org = org;
        this.approvals = approvals;
        this.proposals = proposals;
    }

    /** Submitted after the proposal committed, as its proposer: the audit trail records the approval as theirs. */
    @ApplicationModuleListener
    void on(PolicyChangeProposed proposed) {
        String title = "SOP: " + proposed.reason();
        ApprovalRequest request = new ApprovalRequest(SUBJECT, proposed.proposalId().toString(),
                title.length() > 200 ? title.substring(0, 200) : title, proposed.proposerId(),
                FlowDefinition.of(new StepDefinition("SALES_DIRECTOR", StepMode.SEQUENTIAL,
                        List.of(new ApproverRule.ByRole(Role.SALES_DIRECTOR)), null)),
                Map.of("reason", proposed.reason(), "changes", proposed.summary()));
        CurrentUser.actAs(org.person(proposed.proposerId()), () -> approvals.submit(request));
    }

    /**
     * Decided in the director's own transaction, not after it: an approval the SOP engine refuses (the policy changed
     * since the proposal, 409) is refused to the director and changes nothing, rather than ending approved and unapplied.
     */
    @EventListener
    void on(ApprovalCompleted completed) {
        if (!SUBJECT.equals(completed.subjectType())) {
            return;
        }
        UUID proposal = UUID.fromString(completed.subjectId());
        if (completed.outcome() == ApprovalCompleted.Outcome.APPROVED) {
            proposals.approve(proposal);
        } else {
            proposals.reject(proposal);
        }
    }

    /**
     * The proposer withdrew the change from the director (docs/decisions/0070): the proposal is withdrawn, never applied,
     * in the proposer's own transaction as a decision is heard in the director's. One no longer pending stays as it is.
     */
    @EventListener
    void on(ApprovalWithdrawn withdrawn) {
        if (SUBJECT.equals(withdrawn.subjectType())) {
            proposals.withdraw(UUID.fromString(withdrawn.subjectId()));
        }
    }

    @Override
    public String subjectType() {
        return SUBJECT;
    }

    /**
     * An outdated proposal is not approved as shown: approving it would be refused (docs/decisions/0032); nor one the
     * policy in force no longer holds with (another parameter moved on): its approval would be refused too.
     */
    @Override
    public boolean approvableAsShown(String subjectId) {
        UUID id = UUID.fromString(subjectId);
        return !proposals.outdated(id) && proposals.noLongerValid(id, Locale.ROOT).isEmpty();
    }

    /** Why: the parameters in conflict and the rule they break (an outdated one says so on its own notice). */
    @Override
    public Optional<String> whyNotApprovable(String subjectId, Locale locale) {
        return ApprovableSubjects.recordId(subjectId).flatMap(id -> proposals.noLongerValid(id, locale));
    }

    /**
     * A proposal sent back waits, pending, for its approval: resubmitted it may be approved, unless the policy moved on
     * from it (outdated, docs/decisions/0032): its approval would be refused, so a new proposal makes the change again.
     */
    @Override
    public boolean resubmittable(String subjectId, UUID approvalId) {
        return ApprovableSubjects.recordId(subjectId).map(id -> !proposals.outdated(id)).orElse(true);
    }

    /** A policy change's approval: its changes in the reader's words and whether the policy moved on since. */
    public Optional<PolicyProposals.Shown> shown(ApprovalView approval, Locale locale) {
        if (!SUBJECT.equals(approval.subjectType())) {
            return Optional.empty();
        }
        return proposals.shown(UUID.fromString(approval.subjectId()), locale);
    }
}

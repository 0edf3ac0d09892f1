package com.lead2cash.contract.internal;

import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.PendingApproval;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractRules;
import com.lead2cash.contract.internal.domain.Department;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The contract's review and approval as one flow of the approval mechanism (审批流):
 * <ol>
 *   <li>K1 — the reviewing departments of the policy together (a JOINT step: every department's verdict
 *   is heard before the contract returns for revision), each with its business-day deadline;</li>
 *   <li>K5 — when the amount reaches the policy's threshold or the risk rating requires it, the sales
 *   director and finance review the risk;</li>
 *   <li>K2 — the final approval of the owner's sales manager and the legal department's head.</li>
 * </ol>
 * A revised contract goes through the whole flow again (next round): every department approves the text
 * as it now stands, since a change made for one department's objection can touch another's concern.
 */
@Component
public class ContractReviews {

    /** The flow's first step is always the departments' review (K1). */
    public static final int REVIEW_STEP = 0;
    // step names are keys the approval screens translate (approval.step.NAME in the contract bundle)
    static final String REVIEW_STEP_NAME = "CONTRACT_REVIEW";
    static final String RISK_STEP_NAME = "RISK_REVIEW";
    static final String FINAL_STEP_NAME = "FINAL_APPROVAL";
    static final String TASK_SUBJECT = "ApprovalTask";
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final Approvals approvals;
    private final Deadlines deadlines;

    ContractReviews(Approvals approvals, Deadlines deadlines) {
        this.approvals = approvals;
        this.deadlines = deadlines;
    }

    /** The flow as the policy and the contract's amount and risk rating ask for it now. */
    static FlowDefinition flow(Contract c, ContractRules rules) {
        List<StepDefinition> steps = new ArrayList<>();
        steps.add(new StepDefinition(REVIEW_STEP_NAME, StepMode.JOINT,
                rules.departments().stream().map(d -> (ApproverRule) new ApproverRule.ByRole(d.role())).toList(),
                ContractRules.REVIEW));
        if (rules.needsRiskReview(c.amount(), c.riskLevel())) {
            steps.add(new StepDefinition(RISK_STEP_NAME, StepMode.PARALLEL, List.of(
                    new ApproverRule.ByRole(Role.SALES_DIRECTOR), new ApproverRule.ByRole(Role.FINANCE)), null));
        }
        steps.add(new StepDefinition(FINAL_STEP_NAME, StepMode.PARALLEL, List.of(
                new ApproverRule.SubmittersManager(1), new ApproverRule.DepartmentHead(Role.LEGAL)), null));
        return new FlowDefinition(steps);
    }

    /** What approvers see beside the title: the contract's figures and the checksum of the PDF they review. */
    static Map<String, String> facts(Contract c) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("contract", c.number());
        facts.put("customer", c.buyerName());
        facts.put("amount", MoneyText.of(c.amount()) + " " + c.currency());
        facts.put("riskLevel", c.riskLevel().name());
        facts.put("round", String.valueOf(c.reviewRound()));
        if (c.reviewCopySha256() != null) {
            facts.put("pdfSha256", c.reviewCopySha256());
        }
        return facts;
    }

    /**
     * Starts the flow of this submission: the next round of the contract's flow after a send-back, else a
     * new flow. The contract's owner submits (the approvers resolve around them: their manager approves).
     */
    ApprovalRef submit(Contract c, ContractRules rules) {
        FlowDefinition flow = flow(c, rules);
        Map<String, String> facts = facts(c);
        if (c.approvalId() != null) {
            Optional<ApprovalView> previous = approvals.find(c.approvalId());
            if (previous.isPresent() && previous.get().state() == ApprovalView.State.SENT_BACK) {
                return approvals.resubmit(c.approvalId(), c.ownerId(), flow, facts);
            }
        }
        String title = (c.number() + " " + c.title());
        return approvals.submit(new ApprovalRequest(ContractAccess.SUBJECT, c.id().toString(),
                title.length() > 200 ? title.substring(0, 200) : title, c.ownerId(), flow, facts));
    }

    Optional<ApprovalView> view(Contract c) {
        return c.approvalId() == null ? Optional.empty() : approvals.find(c.approvalId());
    }

    /** Where the contract's flow stands, as the contract needs to know it. */
    enum Stage { REVIEWING, FINAL_APPROVAL, APPROVED, RETURNED, WITHDRAWN }

    static Stage stage(ApprovalView v) {
        return switch (v.state()) {
            case APPROVED -> Stage.APPROVED;
            case SENT_BACK, REJECTED -> Stage.RETURNED;
            case WITHDRAWN -> Stage.WITHDRAWN;
            case IN_PROGRESS -> currentStep(v) == v.steps().size() - 1 ? Stage.FINAL_APPROVAL : Stage.REVIEWING;
        };
    }

    static int currentStep(ApprovalView v) {
        for (ApprovalView.StepView s : v.steps()) {
            if (s.state() == ApprovalView.StepState.IN_PROGRESS) {
                return s.index();
            }
        }
        return v.steps().size() - 1;
    }

    /** Whom the current step waits for: "ROLE:LEGAL" for a department's pool, "USER:…" for a person. */
    static List<String> waitingFor(ApprovalView v) {
        if (v.state() != ApprovalView.State.IN_PROGRESS) {
            return List.of();
        }
        return v.steps().get(currentStep(v)).tasks().stream()
                .filter(t -> t.state() == ApprovalView.TaskState.PENDING)
                .map(t -> t.assigneeId() != null ? "USER:" + t.assigneeId() : "ROLE:" + t.assigneeRole().name())
                .toList();
    }

    /**
     * Who approved last, completing the approval (K2's final approver): the latest approval of the last step anyone
     * approved in (steps approve in order; within a step the later decision, the later task at the same instant).
     */
    static Optional<UUID> finalApprover(ApprovalView v) {
        for (int i = v.steps().size() - 1; i >= 0; i--) {
            ApprovalView.TaskView last = null;
            for (ApprovalView.TaskView t : v.steps().get(i).tasks()) {
                if (t.state() == ApprovalView.TaskState.APPROVED && t.actedBy() != null && t.actedAt() != null
                        && (last == null || !t.actedAt().isBefore(last.actedAt()))) {
                    last = t;
                }
            }
            if (last != null) {
                return Optional.of(last.actedBy());
            }
        }
        return Optional.empty();
    }

    /** When the current step's first open task was opened (the list's "days waiting"). */
    static Instant waitingSince(ApprovalView v, Instant fallback) {
        return v.steps().get(currentStep(v)).tasks().stream()
                .filter(t -> t.state() == ApprovalView.TaskState.PENDING && t.openedAt() != null)
                .map(ApprovalView.TaskView::openedAt).min(Instant::compareTo).orElse(fallback);
    }

    static Optional<Department> departmentOf(PendingApproval p) {
        return p.assigneeRole() == null ? Optional.empty() : Department.ofRole(p.assigneeRole());
    }

    /** One department's review in the current round, with its K1 deadline. */
    public record Review(Department department, String state, Instant dueAt, java.util.UUID decidedBy,
                         Instant decidedAt, String comment, List<com.lead2cash.approval.ApprovalRemark> remarks,
                         java.util.UUID taskId) {
    }

    /** The departments' reviews of the current round (K1), each with its due time on the working calendar. */
    List<Review> reviews(ApprovalView v) {
        if (v.steps().isEmpty()) {
            return List.of();
        }
        List<Review> reviews = new ArrayList<>();
        for (ApprovalView.TaskView t : v.steps().get(REVIEW_STEP).tasks()) {
            Department d = t.assigneeRole() == null ? null : Department.ofRole(t.assigneeRole()).orElse(null);
            if (d == null) {
                continue;
            }
            Instant due = deadlines.of(SubjectRef.of(TASK_SUBJECT, t.id()), FAR_FUTURE, 5).stream()
                    .filter(r -> ContractRules.REVIEW.equals(r.ruleId())).map(r -> r.dueAt()).findFirst().orElse(null);
            reviews.add(new Review(d, reviewState(t.state()), due, t.actedBy(), t.actedAt(), t.comment(), t.remarks(), t.id()));
        }
        return reviews;
    }

    private static String reviewState(ApprovalView.TaskState state) {
        return switch (state) {
            case PENDING, WAITING -> "PENDING";
            case APPROVED -> "PASSED";
            case SENT_BACK, REJECTED -> "OBJECTED";
            case SKIPPED -> "SKIPPED";
        };
    }
}

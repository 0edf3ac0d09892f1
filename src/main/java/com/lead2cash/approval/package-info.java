/**
 * Approvals (审批) — one mechanism for quotes (Q2), contracts (K1, K2, K5), projects and policy
 * changes: a flow of sequential, parallel or joint steps (联合评审: every verdict heard before a
 * send-back), approvers by role, by named user, by department head or by position in the org tree, an
 * SLA deadline per step, approve / reject / send back with a comment and remarks on sections,
 * delegation while someone is away, and a history that cannot be edited.
 *
 * <p>Owning modules submit (and may decide on their own screens) through
 * {@link com.lead2cash.approval.Approvals} and react to {@link com.lead2cash.approval.ApprovalCompleted},
 * {@link com.lead2cash.approval.ApprovalSentBack}, {@link com.lead2cash.approval.ApprovalWithdrawn} and
 * {@link com.lead2cash.approval.ApprovalTaskDecided}
 * with {@code @ApplicationModuleListener}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals",
        allowedDependencies = {"platform", "platform :: web", "sop", "notification"})
package com.lead2cash.approval;

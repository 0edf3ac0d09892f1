/**
 * Approvals (审批) — one mechanism for quotes (Q2), contracts (K1, K2, K5), projects and policy
 * changes: a flow of sequential or parallel steps, approvers by role, by named user or by position
 * in the org tree, an SLA deadline per step, approve / reject / send back with a comment,
 * delegation while someone is away, and a history that cannot be edited.
 *
 * <p>Owning modules submit through {@link com.lead2cash.approval.Approvals} and react to
 * {@link com.lead2cash.approval.ApprovalCompleted} and {@link com.lead2cash.approval.ApprovalSentBack}
 * with {@code @ApplicationModuleListener}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals",
        allowedDependencies = {"platform", "platform :: web", "sop", "notification"})
package com.lead2cash.approval;

package com.lead2cash.approval;

/** How the approvers of one step decide: all must approve either way. */
public enum StepMode {
    /** One after another, in the order listed (会签 in sequence). */
    SEQUENTIAL,
    /** All at once; the step completes when the last of them approves (并行会签). */
    PARALLEL
}

package com.lead2cash.approval;

/** How the approvers of one step decide: all must approve either way. */
public enum StepMode {
    /** One after another, in the order listed (会签 in sequence). */
    SEQUENTIAL,
    /** All at once; the step completes when the last of them approves (并行会签). */
    PARALLEL,
    /**
     * All at once, and every opinion is heard (联合评审, K1): a send-back waits for the others' verdicts,
     * and after the last one the flow returns to the submitter with all objections together; when all
     * approve the step completes. A rejection still ends the flow at once.
     */
    JOINT
}

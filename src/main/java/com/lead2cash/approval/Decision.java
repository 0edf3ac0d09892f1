package com.lead2cash.approval;

/** What an approver answers (审批意见): approve, reject (ends the flow) or send back to the submitter for rework. */
public enum Decision {
    APPROVE, REJECT, SEND_BACK;

    /** Rejecting or sending back without saying why leaves the submitter guessing: both need a comment. */
    public boolean needsComment() {
        return this != APPROVE;
    }
}

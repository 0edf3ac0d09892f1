package com.lead2cash.lead.internal.domain;

/**
 * What a person may do next with a lead (线索操作). {@link Lead#availableActions} answers which ones
 * a given person may do now; the screens and the API show and accept exactly those.
 */
public enum LeadAction {
    /** Verify the grade: screening done. */
    SCREEN,
    /** Change the grade by hand, with a reason. */
    REGRADE,
    /** Correct what is known about the lead, or merge a duplicate capture into it. */
    CORRECT,
    /** Assign or reassign to a rep (managers). */
    ASSIGN,
    /** Take a pool lead, or join the contest of an A lead claimed moments ago (reps). */
    CLAIM,
    /** Decide a contest of claims (managers). */
    ARBITRATE,
    /** Log a contact attempt with an intent level (the owner or a manager). */
    CONTACT,
    /** Turn the contacted lead into a customer (the owner or a manager). */
    CONVERT,
    /** Close the lead as not a real prospect, with a reason. */
    DISQUALIFY,
    /** Bring a disqualified lead back into the pool (managers). */
    REOPEN
}

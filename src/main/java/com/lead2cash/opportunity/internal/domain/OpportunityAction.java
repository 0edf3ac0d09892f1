package com.lead2cash.opportunity.internal.domain;

/** What a person may do with an opportunity next; the opportunity answers which (pages and controllers ask it). */
public enum OpportunityAction {
    /** Correct name, amount, close date, product lines, competitors, next step. */
    EDIT,
    /** Move to another open stage (the evaluation gate still applies). */
    MOVE,
    /** Score on the evaluation panel (O1), in the actor's seat. */
    EVALUATE,
    /** Invite a tech-support colleague to the panel (O2). */
    INVITE_EVALUATOR,
    SET_FORECAST_CATEGORY,
    MARK_LOST,
    MARK_WON,
    REOPEN,
    REASSIGN
}

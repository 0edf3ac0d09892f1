package com.lead2cash.customer.internal.domain;

/** What a person may do with a customer next; the customer answers which (pages and controllers ask it). */
public enum CustomerAction {
    EDIT, GRADE, CHANGE_PURSUIT_MODE, LOG_ACTIVITY, ADD_CONTACT, ADVANCE, MARK_LOST, WIN_BACK, TRANSFER,
    RELEASE_TO_POOL, CLAIM, CHANGE_CREDIT, MERGE,
    /** Write the needs-analysis report and send it to a contact for confirmation (C6). */
    WRITE_NEEDS_ANALYSIS
}

package com.lead2cash.quote.internal.minutes;

/** What someone may do with a version of negotiation minutes now; screens and the API offer exactly these. */
public enum MinutesAction {
    /** Send the version to a contact of the customer for written confirmation. */
    SEND,
    /** Write the next version, superseding this one. */
    REVISE
}

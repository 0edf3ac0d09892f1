package com.lead2cash.quote.internal.minutes;

/** Where a version of negotiation minutes stands: written, sent to the contact, confirmed, changes asked, or superseded by a newer version. */
public enum MinutesStatus {
    DRAFT, SENT, CONFIRMED, CHANGES_REQUESTED, SUPERSEDED
}

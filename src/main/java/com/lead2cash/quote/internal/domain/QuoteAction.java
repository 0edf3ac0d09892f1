package com.lead2cash.quote.internal.domain;

/** What someone may do with a quote version now; screens and the API offer exactly these. */
public enum QuoteAction {
    EDIT, SUBMIT, REVIEW, SEND, REVISE
}

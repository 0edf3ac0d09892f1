package com.lead2cash.confirmation;

import java.util.List;

/** What the contact is asked to do, and so which answers the link accepts. */
public enum Purpose {
    /** Confirm a document as written, or ask for changes with a comment (needs analysis, minutes, acceptance forms). */
    CONFIRM_DOCUMENT(List.of(Outcome.CONFIRMED, Outcome.CHANGES_REQUESTED)),
    /** Accept or reject an offer (quotes). */
    ACCEPT_OR_REJECT(List.of(Outcome.ACCEPTED, Outcome.REJECTED)),
    /** Rate satisfaction 1–5 with a comment (complaints, surveys). */
    RATE(List.of(Outcome.RATED));

    private final List<Outcome> outcomes;

    Purpose(List<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    /** The answers this purpose takes, the expected one first. */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    public boolean allows(Outcome outcome) {
        return outcomes.contains(outcome);
    }

    /** The answers a contact can give. */
    public enum Outcome { CONFIRMED, CHANGES_REQUESTED, ACCEPTED, REJECTED, RATED }
}

package com.lead2cash.confirmation.internal;

/**
 * An answer through a valid, open link with a choice its page does not offer (ACCEPTED on a document to confirm,
 * none at all): a form choice that is none of those offered, 400 (decision 0014); nothing recorded.
 */
public class OutcomeNotOfferedException extends RuntimeException {

    OutcomeNotOfferedException() {
        super("answer not offered", null, false, false);
    }
}

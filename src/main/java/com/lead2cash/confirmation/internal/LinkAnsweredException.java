package com.lead2cash.confirmation.internal;

/**
 * An answer sent through a link whose confirmation is answered already (two tabs, or Back and send again): the
 * rightful holder's, so the public page shows the answer recorded, read-only, as opening the link does; the first
 * answer stands.
 */
public class LinkAnsweredException extends RuntimeException {

    LinkAnsweredException() {
        super("confirmation answered already", null, false, false);
    }
}

package com.lead2cash.confirmation.internal;

/**
 * An answer sent through a valid link whose request ended without one (a newer version, or withdrawn by its owner —
 * an order accepted on the paper form meanwhile): the rightful holder's, so the public page says so, as opening the
 * link does, rather than "this link cannot be opened".
 */
public class LinkEndedException extends RuntimeException {

    LinkEndedException() {
        super("confirmation ended", null, false, false);
    }
}

package com.lead2cash.confirmation;

/**
 * Where a confirmation stands. SENT and VIEWED are open; the answers end it; EXPIRED is an open one
 * past its expiry (derived, not stored); SUPERSEDED means a later version of the document was made; WITHDRAWN
 * means the owning module took the request back (the order's contract was terminated, the same minutes were sent
 * again), so nothing may be answered on it any more.
 */
public enum ConfirmationState {
    SENT, VIEWED, CONFIRMED, CHANGES_REQUESTED, ACCEPTED, REJECTED, RATED, EXPIRED, SUPERSEDED, WITHDRAWN;

    public boolean isOpen() {
        return this == SENT || this == VIEWED;
    }

    public boolean isAnswered() {
        return this == CONFIRMED || this == CHANGES_REQUESTED || this == ACCEPTED || this == REJECTED || this == RATED;
    }
}

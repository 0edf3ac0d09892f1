package com.lead2cash.customer;

import java.util.UUID;

/**
 * Lets the module that serves customers after the sale (after-sales) tell the customer module whom the reader serves —
 * SPEC §1's "assigned customers" of the after-sales role: the customer whose accepted handover is theirs now, and for
 * the one who manages an after-sales unit, those its people serve. The customer module lets such a reader read the
 * customer (its page, its needs analyses, its contacts masked as for anyone not above the owner) and nothing more:
 * no seller's action is offered or allowed. It declares this so that after-sales, which depends on it, answers it
 * without the customer module depending back (no cycle); with no module answering, nobody is served.
 */
public interface ServedCustomers {

    /** Whether the user on this thread serves the customer in after-sales now; false for nobody signed in. */
    boolean servedByCurrentUser(UUID customerId);
}

package com.lead2cash.platform;

import java.util.List;
import java.util.UUID;

/**
 * A module whose records are owned by a person (a lead's rep, a customer's owner, an opportunity's owner) says how many
 * open ones a person still holds (docs/decisions/0095): asked when the person is deactivated, after they are saved
 * inactive, so the administrator's answer and the person's manager say what is left to hand over (离职交接). Nothing is
 * reassigned: who takes a departed rep's business is a manager's decision, made on the module's transfer screens.
 */
public interface HeldRecords {

    /**
     * The open records of this module the person owns, one entry per kind, in the order the module lists them; a kind
     * they hold none of is left out (empty: nothing of theirs is open here).
     */
    List<Held> heldBy(UUID userId);

    /** Open leads the person owns (not converted, not disqualified). */
    String LEADS = "LEADS";

    /** Customers the person owns (the customer list of that owner). */
    String CUSTOMERS = "CUSTOMERS";

    /** Open opportunities the person owns (not won, not lost). */
    String OPPORTUNITIES = "OPPORTUNITIES";

    /**
     * How many open records of a kind ({@link #LEADS}, {@link #CUSTOMERS}, {@link #OPPORTUNITIES}) the person owns, and
     * the app-relative link to the module's list of them (filtered by that owner), or null when the module has no such
     * list.
     */
    record Held(String kind, int count, String link) {
    }

    /**
     * Published when a person who still holds open records is deactivated (0095), in the administrator's transaction:
     * who they are, the manager to tell ({@link OrgDirectory#managerOf}: the head of their unit, else the nearest one up
     * the line), and what they hold, in the modules' order — for the notice that asks the manager to hand it over.
     */
    record PersonLeftHolding(UUID userId, UUID managerId, List<Held> held) {

        public PersonLeftHolding {
            held = List.copyOf(held);
        }
    }

    /**
     * Published when a deactivated person is activated again, in the administrator's transaction: what they held is
     * theirs to work again, so the notice that asked their manager to hand it over is settled (0095, amended).
     */
    record PersonReturned(UUID userId) {
    }
}

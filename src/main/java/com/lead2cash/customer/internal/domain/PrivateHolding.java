package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * C7 — a rep's private customers (私海): at most {@code maxPrivateCustomers} customers in development,
 * and no re-claim of a customer that left them for the public pool within {@code reclaimCooldownDays}
 * calendar days (it lapsed, or they released it — otherwise releasing and re-claiming would reset the
 * follow-up clock). With the pool switched off ({@code enabled} false) neither applies.
 */
public record PrivateHolding(boolean enabled, int maxPrivateCustomers, int reclaimCooldownDays, ZoneId zone) {

    /** Refuses taking on {@code adding} more customers when {@code held} already reaches the limit. */
    public void requireRoomFor(long held, int adding) {
        if (!hasRoomFor(held, adding)) {
            throw new DomainException("customer.holding.limit", maxPrivateCustomers, held);
        }
    }

    /**
     * Refuses a rep's claim of a pool customer when they already hold the limit: the same rule as
     * {@link #requireRoomFor}, worded for the rep claiming (a transfer's refusal speaks of the new owner).
     */
    public void requireRoomToClaim(long held) {
        if (!hasRoomFor(held, 1)) {
            throw new DomainException("customer.claim.holdingLimit", maxPrivateCustomers, held);
        }
    }

    /** Whether someone holding {@code held} customers in development may take on {@code adding} more. */
    public boolean hasRoomFor(long held, int adding) {
        return !enabled || held + adding <= maxPrivateCustomers;
    }

    /** When the person a customer left (for the pool) at {@code leftAt} may claim it again: the cooldown's end. */
    public Instant reclaimableFrom(Instant leftAt) {
        return leftAt.atZone(zone).plusDays(reclaimCooldownDays).toInstant();
    }

    /**
     * Refuses a claim when the customer left this rep for the pool less than the cooldown ago;
     * {@code leftAt} null when it never did.
     */
    public void requireCooledDown(Instant leftAt, Instant now) {
        if (!enabled || leftAt == null) {
            return;
        }
        Instant allowedFrom = reclaimableFrom(leftAt);
        if (now.isBefore(allowedFrom)) {
            throw new DomainException("customer.claim.cooldown", reclaimCooldownDays,
                    LocalDate.ofInstant(leftAt, zone), LocalDate.ofInstant(allowedFrom, zone));
        }
    }
}

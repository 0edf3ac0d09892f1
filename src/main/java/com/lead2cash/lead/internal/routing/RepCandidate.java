package com.lead2cash.lead.internal.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A sales rep as lead routing ({@link RoutingEngine}) sees them.
 *
 * @param hireDate first working day; seniority for A leads counts from it. Null when the user has none
 *     recorded: no known seniority, so not senior ({@link com.lead2cash.lead.internal.domain.SeniorityRule}),
 *     but eligible for B leads
 * @param active false for reps who left, are on leave, are blocked from new leads or no longer hold a sales
 *     role ({@link SalesPeople#holdsLeads})
 * @param openABLeads A and B leads assigned to the rep and not yet closed: the load that
 *     least-loaded routing balances
 * @param lastAssignedAt when the rep last got a lead, or null if never
 */
public record RepCandidate(UUID userId, LocalDate hireDate, boolean active, int openABLeads, Instant lastAssignedAt) {

    public RepCandidate {
        Objects.requireNonNull(userId, "userId");
        if (openABLeads < 0) {
            throw new IllegalArgumentException("openABLeads must not be negative: " + openABLeads);
        }
    }
}

package com.lead2cash.lead.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where routing (线索分配, {@link RoutingEngine}) sends a lead, and why, as a message-bundle key with its
 * arguments for the lead's history.
 *
 * @param userId the rep for {@link Kind#ASSIGN_TO_REP}; the territory's manager for
 *     {@link Kind#MANAGER_QUEUE}, null meaning the general manager queue; null for
 *     {@link Kind#NURTURE}
 * @param territoryId the territory the lead was routed through, null when none matched
 * @param args arguments of the bundle message in placeholder order; may contain nulls for lead
 *     values that are not known
 */
public record RoutingDecision(Kind kind, UUID userId, UUID territoryId, String messageKey, List<Object> args) {

    public enum Kind {
        /** Assigned to a rep, who is notified and must respond ({@link LeadDeadlines}). */
        ASSIGN_TO_REP,
        /** Waiting for a manager to assign it by hand. */
        MANAGER_QUEUE,
        /** Into the nurture pool (长期培育池), batch-assigned later. */
        NURTURE
    }

    public RoutingDecision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        switch (kind) {
            case ASSIGN_TO_REP -> {
                Objects.requireNonNull(userId, "userId of the assigned rep");
                Objects.requireNonNull(territoryId, "territoryId of an assignment");
            }
            case NURTURE -> {
                if (userId != null || territoryId != null) {
                    throw new IllegalArgumentException("A nurtured lead has neither owner nor territory");
                }
            }
            case MANAGER_QUEUE -> {
                // both may be null: no territory matched, so the general manager queue takes it
            }
        }
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }
}

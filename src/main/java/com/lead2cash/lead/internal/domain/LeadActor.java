package com.lead2cash.lead.internal.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The person asking what may be done with one lead, as the lead's rules need to know them.
 *
 * @param manager a sales director or a regional / sales manager
 * @param rep a sales rep or account manager: the people who claim leads
 * @param seniority whether they count as senior for A leads ({@link SeniorityRule})
 * @param inScope the lead is in the pool (no owner) or its owner is within their data scope
 */
public record LeadActor(UUID id, boolean manager, boolean rep, SeniorityRule.Seniority seniority, boolean inScope) {

    public LeadActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seniority, "seniority");
    }
}

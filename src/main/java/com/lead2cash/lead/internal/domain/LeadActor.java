package com.lead2cash.lead.internal.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The person asking what may be done with one lead, as the lead's rules need to know them.
 *
 * @param manager a sales director or a regional / sales manager
 * @param rep a sales rep or account manager: the people who claim leads
 * @param curator marketing (the lead pool), an assistant or a manager (the team), an administrator: screens,
 *     corrects, regrades and disqualifies any lead in scope. A rep alone (SPEC: "own leads") does so only
 *     with the leads they own, or captured and that still wait for screening (L1 is theirs)
 * @param seniority whether they count as senior for A leads ({@link SeniorityRule})
 * @param inScope the lead is in the pool (no owner) or its owner is within their data scope
 * @param territory where they stand to the team of the lead's territory ({@link TerritoryStanding})
 */
public record LeadActor(UUID id, boolean manager, boolean rep, boolean curator, SeniorityRule.Seniority seniority,
                        boolean inScope, TerritoryStanding territory) {

    public LeadActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seniority, "seniority");
        Objects.requireNonNull(territory, "territory");
    }

    /** Someone to whom the lead's territory sets no bound (it has none, or they belong to its team). */
    public LeadActor(UUID id, boolean manager, boolean rep, boolean curator, SeniorityRule.Seniority seniority,
                     boolean inScope) {
        this(id, manager, rep, curator, seniority, inScope, TerritoryStanding.NO_TEAM);
    }
}

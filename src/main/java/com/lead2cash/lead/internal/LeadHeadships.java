package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.lead.internal.routing.SalesTerritory;
import com.lead2cash.lead.internal.routing.TerritoryService;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.Headships;
import com.lead2cash.platform.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0093: a manager moved out of their unit manages the sales territories of their former team no more —
 * a territory's team is its manager's unit (0035), which would otherwise follow them —, nor does one made a rep (no
 * managing role left: the territories screen would not name them its manager), and the lead work their standing
 * routed to them goes where routing sends it now: the territories' leads waiting in their queue to the general queue
 * (L9: the window the first sales director's, its due time kept; the queue's notice theirs), the claim contests they were
 * to decide to the manager above the claimants now (L8). Asked in the administrator's transaction, after the units they
 * headed and may head no more name no head.
 */
@Component
class LeadHeadships implements Headships {

    private final TerritoryService territories;
    private final LeadRepository leads;
    private final LeadRouting routing;
    private final LeadDeadlines clocks;
    private final LeadAssignment assignment;
    private final Notifier notifier;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadHeadships(TerritoryService territories, LeadRepository leads, LeadRouting routing, LeadDeadlines clocks,
                  LeadAssignment assignment, Notifier notifier, JdbcClient jdbc, Clock clock) {
        this.territories = territories;
        this.leads = leads;
        this.routing = routing;
        this.clocks = clocks;
        this.assignment = assignment;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<String> giveUpHeadshipsOf(UUID userId) {
        List<SalesTerritory> given = territories.giveUpManagementOf(userId);
        Instant now = clock.instant();
        if (!given.isEmpty()) {
            Set<UUID> ids = given.stream().map(SalesTerritory::id).collect(Collectors.toSet());
            List<UUID> queued = jdbc.sql("""
                            select id from lead_lead where queue_manager_id = :user and owner_id is null
                              and status = 'SCREENED' and territory_id in (:territories) order by created_at, id""")
                    .param("user", userId).param("territories", ids).query(UUID.class).list();
            // nobody manages the territory now: its leads wait in the general queue, as routing sends them (L9)
            queued.forEach(id -> leads.findByIdForUpdate(id).ifPresent(lead -> requeue(lead, userId, now)));
        }
        jdbc.sql("select id from lead_lead where contest_open and contest_decider_id = :user order by created_at, id")
                .param("user", userId).query(UUID.class).list()
                .forEach(id -> leads.findByIdForUpdate(id).ifPresent(assignment::contestDeciderAskedAgain));
        return given.stream().map(SalesTerritory::name).toList();
    }

    /** The territories' queued leads go to the general queue: its managers take them up (L9, 0099). */
    @Override
    public Set<Role> givenUpToHoldersOf() {
        return Set.of(LeadRouting.GENERAL_QUEUE_ROLE);
    }

    private void requeue(Lead lead, UUID formerManager, Instant now) {
        lead.queueFor(null, lead.territoryId(), now);
        leads.save(lead);
        clocks.requeued(lead, null);
        notifier.settle(LeadDeadlines.QUEUE_NOTICE, lead.id(), formerManager);
        routing.tellQueueManagers(lead, null);
    }
}

package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.HandedOnWork;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0099: the general queue (L9) is work that waits on every holder of a role — the sales directors'
 * ({@link LeadRouting#GENERAL_QUEUE_ROLE}) —, as a pool's approval tasks are (0074): a director deactivated, or the role
 * taken from them, is asked no more of its leads (their "waits in your queue" notices settled) and the windows they
 * owned go to the next director, or wait for one; the administrator is told what waits on the role when nobody active
 * holds it; and whoever is then given the role (created with it, given it, re-activated) takes up the leads that waited
 * on nobody — told of each, and their windows theirs, due times kept. Nothing of a person's own is handed on here: a
 * deactivated territory manager's queued leads stay as 0093 leaves them.
 */
@Component
class GeneralQueue implements HandedOnWork {

    private final JdbcClient jdbc;
    private final LeadRepository leads;
    private final LeadRouting routing;
    private final LeadDeadlines clocks;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final Clock clock;

    GeneralQueue(JdbcClient jdbc, LeadRepository leads, LeadRouting routing, LeadDeadlines clocks, Notifier notifier,
                 OrgDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.routing = routing;
        this.clocks = clocks;
        this.notifier = notifier;
        this.directory = directory;
        this.clock = clock;
    }

    /** A deactivated sales director gives up the general queue as one whose role was taken does. */
    @Override
    public List<Handover> handOnWorkOf(UUID userId, UUID by) {
        directory.person(userId).map(OrgDirectory.Person::roles).ifPresent(roles -> giveUpWorkOf(userId, roles));
        return List.of();
    }

    @Override
    public List<Handover> handOnWorkNoLongerTheirs(UUID userId, UUID by) {
        return List.of();
    }

    /** The leads waiting in the general queue, when the sales directors' role is asked of. */
    @Override
    public List<Waiting> waitingOn(Set<Role> roles) {
        if (!roles.contains(LeadRouting.GENERAL_QUEUE_ROLE)) {
            return List.of();
        }
        int waiting = jdbc.sql("select count(*) from lead_lead where " + LeadQueries.IN_GENERAL_QUEUE)
                .query(Integer.class).single();
        return waiting == 0 ? List.of()
                : List.of(new Waiting(LeadRouting.GENERAL_QUEUE_ROLE, GENERAL_QUEUE_LEAD, waiting));
    }

    /**
     * Given the sales directors' role: when no other active director was there to be told, they are told of each lead
     * waiting in the general queue (as every director is when a lead comes to it); the windows no director owns become
     * the queue's owner's ({@link LeadDeadlines#generalQueueWindowsToItsManagers}).
     */
    @Override
    public void takeUpWorkOf(UUID userId, Set<Role> roles) {
        if (!roles.contains(LeadRouting.GENERAL_QUEUE_ROLE)
                || directory.person(userId).filter(OrgDirectory.Person::active).isEmpty()) {
            return;
        }
        List<UUID> waiting = inGeneralQueue();
        boolean waitedOnNobody = routing.managersOfQueue(null).stream().allMatch(userId::equals);
        if (waitedOnNobody) {
            waiting.forEach(id -> leads.findById(id).ifPresent(lead -> routing.tellQueueManager(userId, lead)));
        }
        clocks.generalQueueWindowsToItsManagers(waiting, clock.instant());
    }

    /**
     * The sales directors' role taken from them (or they were deactivated): their notices of the general queue's leads
     * settled, the other directors' kept; the windows they owned to the queue's next owner, or waiting for one.
     */
    @Override
    public void giveUpWorkOf(UUID userId, Set<Role> roles) {
        if (!roles.contains(LeadRouting.GENERAL_QUEUE_ROLE)) {
            return;
        }
        List<UUID> waiting = inGeneralQueue();
        waiting.forEach(id -> notifier.settle(LeadDeadlines.QUEUE_NOTICE, id, userId));
        clocks.generalQueueWindowsToItsManagers(waiting, clock.instant());
    }

    private List<UUID> inGeneralQueue() {
        return jdbc.sql("select id from lead_lead where " + LeadQueries.IN_GENERAL_QUEUE + " order by created_at, id")
                .query(UUID.class).list();
    }
}

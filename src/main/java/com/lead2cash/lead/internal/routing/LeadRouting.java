package com.lead2cash.lead.internal.routing;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.internal.LeadDeadlines;
import com.lead2cash.lead.internal.LeadHistory;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a screened lead where routing decides ({@link RoutingEngine}): to a rep, to the nurture
 * pool, or to a manager queue — and records what follows from an assignment, however it came about.
 */
@Component
public class LeadRouting {

    /**
     * L9 — whose the general queue is (a lead no territory's manager takes): every holder of this role is told of its
     * leads, and the first of them owns their window; with nobody active holding it, its leads wait for whoever is
     * given it (docs/decisions/0099).
     */
    public static final Role GENERAL_QUEUE_ROLE = Role.SALES_DIRECTOR;

    private final LeadRouter router;
    private final LeadDeadlines clocks;
    private final LeadHistory history;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final ZoneId zone;

    LeadRouting(LeadRouter router, LeadDeadlines clocks, LeadHistory history, Notifier notifier,
                OrgDirectory directory, @Value("${l2c.zone}") ZoneId zone) {
        this.router = router;
        this.clocks = clocks;
        this.history = history;
        this.notifier = notifier;
        this.directory = directory;
        this.zone = zone;
    }

    /** Routes a lead that was just screened, and does what the decision says. */
    public void route(Lead lead, LeadRules rules, Instant now) {
        RoutingDecision decision = router.route(lead, rules, LocalDate.ofInstant(now, zone));
        history.record(lead.id(), now, decision.messageKey(), decision.args().toArray());
        switch (decision.kind()) {
            case ASSIGN_TO_REP -> {
                lead.routeTo(decision.userId(), decision.territoryId(), now);
                assigned(lead, false, "lead.notify.assigned", now);
            }
            case NURTURE -> lead.nurture(now);
            case MANAGER_QUEUE -> {
                lead.queueFor(decision.userId(), decision.territoryId(), now);
                clocks.queued(lead, decision.userId(), now);
                tellQueueManagers(lead, decision.userId());
            }
        }
    }

    /** Those who assign from the queue the lead waits in (a manager's, or the general queue: null) are told it waits. */
    public void tellQueueManagers(Lead lead, UUID queueManager) {
        managersOfQueue(queueManager).forEach(m -> tellQueueManager(m, lead));
    }

    /**
     * One who assigns from the queue the lead waits in is told it waits: as {@link #tellQueueManagers}, to this person
     * only (a sales director named while the general queue waited on nobody, docs/decisions/0099).
     */
    public void tellQueueManager(UUID manager, Lead lead) {
        notifier.send(Notification.of(manager, LeadDeadlines.QUEUE_NOTICE, "lead.notify.queued", "/leads/" + lead.id(),
                lead.code(), lead.companyName(), lead.grade()).about(lead.id()));
    }

    /** A nurtured lead in the weekly batch is routed like a B lead: any rep of its territory, least load first. */
    public boolean routeFromNurturePool(Lead lead, LeadRules rules, Instant now) {
        RoutableLead asB = router.routable(lead).withGrade(Grade.B);
        RoutingDecision decision = router.route(asB, rules, LocalDate.ofInstant(now, zone));
        if (decision.kind() != RoutingDecision.Kind.ASSIGN_TO_REP) {
            return false;
        }
        lead.routeTo(decision.userId(), decision.territoryId(), now);
        assigned(lead, false, "lead.notify.assigned", now);
        history.record(lead.id(), now, "lead.history.nurtureBatch");
        return true;
    }

    /** The lead has a new owner: routing weighs their load, and the owner's clocks start. */
    public void assigned(Lead lead, boolean reassignment, String noticeKey, Instant now) {
        router.assigned(lead.ownerId(), lead.grade(), now);
        clocks.assigned(lead, reassignment, noticeKey, now);
    }

    /** Who looks after a queue: its manager, or every sales director for the general queue. */
    public List<UUID> managersOfQueue(UUID queueManager) {
        if (queueManager != null) {
            return List.of(queueManager);
        }
        return generalQueueManagers(directory);
    }

    /**
     * L9 — who looks after the general queue: the active holders of {@link #GENERAL_QUEUE_ROLE}, by username, the first
     * of them its windows' owner ({@code LeadDeadlines}); none when nobody active holds it. The one lookup for routing,
     * its deadlines and the role's holders' work (GeneralQueue).
     */
    public static List<UUID> generalQueueManagers(OrgDirectory directory) {
        return directory.activeWithRole(GENERAL_QUEUE_ROLE).stream().map(OrgDirectory.Person::id).toList();
    }
}

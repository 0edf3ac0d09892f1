package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadAction;
import com.lead2cash.lead.internal.domain.LeadActor;
import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.lead.internal.routing.SalesPeople;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.SopPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works a lead (线索分配与认领): a manager assigns or reassigns it, a rep claims it from the pool,
 * a manager decides a contest of claims ({@link Lead#claim}); the nurture pool is handed out in
 * the weekly batch ({@link LeadRoutines}).
 */
@Service
public class LeadAssignment {

    /** Outcome of a claim for the API: 200 with the lead, or 202 when a contest opened. */
    public record ClaimResult(Lead lead, Lead.ClaimOutcome outcome) {
    }

    private final LeadRepository leads;
    private final LeadAccess access;
    private final LeadRouting routing;
    private final LeadDeadlines clocks;
    private final LeadHistory history;
    /** The notice asking a contest's decider to decide it (L8); settled once they may no longer, or it is decided. */
    static final NotificationKind CONTEST_NOTICE = NotificationKind.LEAD_CONTEST;

    private final Notifier notifier;
    private final OrgDirectory directory;
    private final DataScope dataScope;
    private final SopPolicy policy;
    private final JdbcClient jdbc;
    private final Clock clock;

    LeadAssignment(LeadRepository leads, LeadAccess access, LeadRouting routing, LeadDeadlines clocks,
                   LeadHistory history, Notifier notifier, OrgDirectory directory, DataScope dataScope,
                   SopPolicy policy, JdbcClient jdbc, Clock clock) {
        this.leads = leads;
        this.access = access;
        this.routing = routing;
        this.clocks = clocks;
        this.history = history;
        this.notifier = notifier;
        this.directory = directory;
        this.dataScope = dataScope;
        this.policy = policy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A manager assigns or reassigns a lead to a rep of their team; a reassignment needs a reason. */
    @Transactional
    public Lead assignByManager(UUID leadId, UUID rep, String reason, Long version) {
        Lead lead = access.changeable(leadId);
        lead.expectVersion(version);
        LeadActor actor = access.actor(lead);
        Instant now = clock.instant();
        lead.require(LeadAction.ASSIGN, actor, now);
        OrgDirectory.Person person = assignee(rep);
        UUID previous = lead.ownerId();
        if (previous != null && (reason == null || reason.isBlank())) {
            throw new FieldValidationException("reason", "lead.assign.reason.required");
        }
        if (reason != null && reason.length() > 500) {
            throw new FieldValidationException("reason", "lead.field.tooLong", 500);
        }
        SeniorityRule.Seniority seniority = access.seniorityOf(person);
        // the decider may settle an open contest by assigning it: its claimants learn who has it, as by arbitration
        Set<UUID> claimants = lead.contestOpen() ? lead.contestClaimants() : Set.of();
        boolean overridden = lead.assign(actor, person.id(), seniority,
                access.territoryStandingOf(lead, person.id()), reason, now);
        routing.assigned(lead, previous != null, "lead.notify.assigned", now);
        if (overridden) {
            history.record(lead.id(), now, "lead.history.assignedOverSeniority", person.displayName(),
                    seniority.requiredMonths(), reason.strip());
        } else {
            history.record(lead.id(), now, previous == null ? "lead.history.assigned" : "lead.history.reassigned",
                    person.displayName(), reason);
        }
        if (!claimants.isEmpty()) {
            contestEnded(lead);
        }
        claimants.forEach(c -> notifier.send(Notification.of(c, NotificationKind.LEAD_ARBITRATED,
                "lead.notify.arbitrated",
                "/leads/" + lead.id(), lead.code(), person.displayName())));
        return leads.save(lead);
    }

    /** An active rep (or manager) within the assigning manager's team. */
    private OrgDirectory.Person assignee(UUID rep) {
        OrgDirectory.Person person = (rep == null ? Optional.<OrgDirectory.Person>empty() : directory.person(rep))
                .filter(SalesPeople::holdsLeads)
                .orElseThrow(() -> new FieldValidationException("ownerId", "lead.assign.notARep"));
        if (!dataScope.current().covers(person.id())) {
            throw new FieldValidationException("ownerId", "lead.assign.outsideTeam");
        }
        return person;
    }

    /** The most leads one bulk assignment takes, as many customers as one bulk transfer. */
    static final int MAX_BULK = 500;

    /**
     * Bulk assignment from the pool; all or nothing; a lead named twice is assigned once. At most {@link #MAX_BULK},
     * refused by their count before a single lead is looked up.
     */
    @Transactional
    public int bulkAssign(List<UUID> leadIds, UUID rep, String reason) {
        if (leadIds == null || leadIds.isEmpty()) {
            throw new FieldValidationException("leadIds", "lead.bulk.empty");
        }
        if (leadIds.size() > MAX_BULK) {
            throw new FieldValidationException("leadIds", "lead.bulk.tooMany", MAX_BULK);
        }
        Set<UUID> distinct = new LinkedHashSet<>(leadIds);
        for (UUID id : distinct) {
            assignByManager(id, rep, reason, null);
        }
        return distinct.size();
    }

    /** A rep claims a lead; claims of one lead are decided one at a time (row lock). */
    @Transactional
    public ClaimResult claim(UUID leadId) {
        CurrentUser me = CurrentUser.require();
        Lead lead = access.lockedForClaim(leadId);
        Instant now = clock.instant();
        Lead.ClaimOutcome outcome = lead.claim(access.actor(lead), policy.current().bind(LeadRules.class), now);
        if (outcome == Lead.ClaimOutcome.CLAIMED) {
            routing.assigned(lead, false, "lead.notify.claimed", now);
            history.record(lead.id(), now, "lead.history.claimed", me.displayName());
        } else {
            history.record(lead.id(), now, "lead.history.contest", me.displayName());
            UUID decider = contestDecider(lead.contestClaimants());
            UUID askedBefore = lead.contestDeciderId();
            if (lead.contestGoesTo(decider)) {
                if (askedBefore != null) {
                    // the manager asked first may no longer settle it: his "please decide" is settled
                    notifier.settle(CONTEST_NOTICE, lead.id());
                }
                notifier.send(Notification.of(decider, CONTEST_NOTICE, "lead.notify.contest", "/leads/" + lead.id(),
                        lead.code(), lead.companyName()).about(lead.id()).urgent());
                if (askedBefore != null) {
                    // a claimant of another team moved it up: the manager asked first need not decide it any more
                    notifier.send(Notification.of(askedBefore, NotificationKind.LEAD_CONTEST_MOVED,
                            "lead.notify.contestMoved", null,
                            lead.code(), lead.companyName(),
                            directory.person(decider).map(OrgDirectory.Person::displayName).orElse("")));
                }
            }
        }
        return new ClaimResult(leads.save(lead), outcome);
    }

    /**
     * L8 — the lead's open contest ended: decided ({@link #arbitrate}), settled by an assignment
     * ({@link #assignByManager}), or the lead converted or disqualified while it was open ({@link LeadProgress}).
     * Whoever was asked to decide it has nothing left to do: their "please decide" notices are settled, and their
     * e-mail not sent yet is not sent. Every way a contest ends comes here.
     */
    void contestEnded(Lead lead) {
        notifier.settle(CONTEST_NOTICE, lead.id());
    }

    /**
     * L8 — the lead's open contest was overtaken before anyone decided it: {@code by} converted or disqualified the
     * lead ({@code messageKey} says which). Its deciders have nothing left to do ({@link #contestEnded}), and its
     * other claimants, waiting for a decision, learn how it ended, as a decision tells them.
     *
     * @param claimants the contest's claimants, read while it was open ({@link Lead#contestClaimants})
     */
    void contestOvertaken(Lead lead, Set<UUID> claimants, UUID by, String messageKey) {
        contestEnded(lead);
        String name = directory.person(by).map(OrgDirectory.Person::displayName).orElse(by.toString());
        claimants.stream().filter(c -> !c.equals(by)).forEach(c -> notifier.send(Notification.of(c,
                NotificationKind.LEAD_ARBITRATED, messageKey, "/leads/" + lead.id(), lead.code(), name)));
    }

    /**
     * L8, docs/decisions/0093 — the decider of the lead's open contest may be no longer the manager above its claimants
     * (they left the team they headed): the contest goes to whom it would go now, told once, as a claim that takes it
     * higher tells the new decider; the former decider's "please decide" is settled. Answers whether it moved.
     */
    boolean contestDeciderAskedAgain(Lead lead) {
        UUID decider = contestDecider(lead.contestClaimants());
        UUID askedBefore = lead.contestDeciderId();
        boolean news = lead.contestGoesTo(decider);
        if (java.util.Objects.equals(askedBefore, lead.contestDeciderId())) {
            return false;
        }
        if (askedBefore != null) {
            notifier.settle(CONTEST_NOTICE, lead.id(), askedBefore);
        }
        if (news) {
            notifier.send(Notification.of(decider, CONTEST_NOTICE, "lead.notify.contest", "/leads/" + lead.id(),
                    lead.code(), lead.companyName()).about(lead.id()).urgent());
        }
        leads.save(lead);
        return true;
    }

    /**
     * L8 — who decides a contest: the lowest manager above all its claimants (their team's manager when they are
     * one team's, else the manager above their teams); the sales director, as for the general queue (L9), when
     * nobody manages that part of the tree.
     */
    private UUID contestDecider(Set<UUID> claimants) {
        return directory.commonManagerOf(claimants).map(OrgDirectory.Person::id)
                .or(() -> routing.managersOfQueue(null).stream().findFirst())
                .orElse(null);
    }

    /** A page of the weekly nurture batch: how many leads it looked at and assigned, and where it stopped. */
    public record NurturePage(int seen, int assigned, Instant lastCreatedAt, UUID lastId) {
    }

    /**
     * Assigns one page of the nurture pool in the caller's transaction: up to {@code size} unowned
     * nurtured leads after the given one (oldest first), each routed like a B lead. Their rows are
     * locked and skipped by anyone else running, so no lead is handed out twice.
     */
    @Transactional
    public NurturePage assignNurtured(Instant afterCreatedAt, UUID afterId, int size) {
        LeadRules rules = policy.current().bind(LeadRules.class);
        Instant now = clock.instant();
        List<Object[]> page = jdbc.sql("""
                select id, created_at from lead_lead
                where status = 'NURTURING' and owner_id is null and (created_at, id) > (:at, :id)
                order by created_at, id limit :size for update skip locked
                """).param("at", Timestamp.from(afterCreatedAt == null ? Instant.EPOCH : afterCreatedAt))
                .param("id", afterId == null ? new UUID(0, 0) : afterId).param("size", size)
                .query((rs, i) -> new Object[] {rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant()})
                .list();
        int assigned = 0;
        for (Object[] row : page) {
            Lead lead = leads.findById((UUID) row[0]).orElseThrow();
            if (routing.routeFromNurturePool(lead, rules, now)) {
                leads.save(lead);
                assigned++;
            }
        }
        Object[] last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new NurturePage(page.size(), assigned, last == null ? afterCreatedAt : (Instant) last[1],
                last == null ? afterId : (UUID) last[0]);
    }

    /** The manager decides a claim contest for one of the claimants. */
    @Transactional
    public Lead arbitrate(UUID leadId, UUID winner, String reason, Long version) {
        Lead lead = access.changeable(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        UUID before = lead.ownerId();
        lead.arbitrate(access.actor(lead), winner, now);
        clocks.contestDecided(lead, !winner.equals(before), now);
        String name = directory.person(winner).map(OrgDirectory.Person::displayName).orElse(winner.toString());
        history.record(lead.id(), now, "lead.history.arbitrated", name, reason);
        contestEnded(lead);
        lead.claimsInOrder().forEach(c -> notifier.send(Notification.of(c.userId(), NotificationKind.LEAD_ARBITRATED,
                "lead.notify.arbitrated", "/leads/" + lead.id(), lead.code(), name)));
        return leads.save(lead);
    }
}

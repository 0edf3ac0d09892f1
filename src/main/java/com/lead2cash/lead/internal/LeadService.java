package com.lead2cash.lead.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadConverted;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectRef;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead SOP, step by step: capture with duplicate check and grading (L3), screening (L1),
 * routing and assignment with notification and first-response deadline (L4–L7), claims and
 * arbitration (L8), contact attempts, conversion, disqualification.
 */
@Service
class LeadService {

    static final String SUBJECT = "Lead";
    static final String SCREENING = "L1";
    static final String NOTIFY_ASSIGNEE = "L6";
    static final String FIRST_RESPONSE = "L7";

    /** What a capture does with possible duplicates: keep both (with a reason) or merge into a lead. */
    record DuplicateDecision(Action action, String reason, UUID mergeIntoLeadId) {
        enum Action { KEEP_BOTH, MERGE }
    }

    /** The outcome of a capture: the lead and the duplicates that were found. */
    record Captured(Lead lead, List<DuplicateFinder.Duplicate> duplicates, boolean merged) {
    }

    private final LeadRepository leads;
    private final LeadRouter router;
    private final DuplicateFinder duplicates;
    private final LeadHistory history;
    private final SopPolicy policy;
    private final Deadlines deadlines;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final DataScope dataScope;
    private final CustomerDirectory customers;
    private final Opportunities opportunities;
    private final HumanCodes codes;
    private final DisqualifyReasons disqualifyReasons;
    private final JdbcClient jdbc;
    private final Regions regions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    LeadService(LeadRepository leads, LeadRouter router, DuplicateFinder duplicates, LeadHistory history,
                SopPolicy policy, Deadlines deadlines, Notifier notifier, OrgDirectory directory, DataScope dataScope,
                CustomerDirectory customers, Opportunities opportunities, HumanCodes codes,
                DisqualifyReasons disqualifyReasons, JdbcClient jdbc, Regions regions,
                ApplicationEventPublisher events, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.leads = leads;
        this.router = router;
        this.duplicates = duplicates;
        this.history = history;
        this.policy = policy;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.directory = directory;
        this.dataScope = dataScope;
        this.customers = customers;
        this.opportunities = opportunities;
        this.codes = codes;
        this.disqualifyReasons = disqualifyReasons;
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Validates without storing: the duplicate candidates a capture of this draft would find. */
    List<DuplicateFinder.Duplicate> checkDuplicates(LeadDraft draft) {
        return duplicates.find(LeadDrafts.validate(draft, today(), regions), null);
    }

    /**
     * Captures a lead: validate, look for duplicates, grade (L3), screen at once when the data is
     * complete (L1), route (L4/L5). {@code decision} null keeps both and reports the duplicates, as the
     * API does; the UI asks the person first.
     */
    @Transactional
    Captured capture(LeadDraft raw, CaptureChannel via, UUID capturedBy, DuplicateDecision decision) {
        LeadDraft draft = LeadDrafts.validate(raw, today(), regions);
        Instant now = clock.instant();
        List<DuplicateFinder.Duplicate> found = duplicates.find(draft, null);
        if (decision != null && decision.action() == DuplicateDecision.Action.MERGE) {
            Lead target = visibleForUpdate(decision.mergeIntoLeadId());
            target.mergeFrom(draft, now);
            history.record(target.id(), now, "lead.history.merged", draft.companyName());
            return new Captured(leads.save(target), found, true);
        }
        String keepReason = null;
        if (decision != null && !found.isEmpty()) {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw new FieldValidationException("duplicateReason", "lead.duplicate.reason.required");
            }
            keepReason = decision.reason().strip();
        }
        LeadRules rules = policy.current().bind(LeadRules.class);
        GradingResult grading = LeadGrader.grade(rules.grading(), gradingInput(draft));
        Lead lead = Lead.capture(codes.next("L", "lead_code_seq"), draft, via, capturedBy, grading, keepReason, now);
        history.record(lead.id(), now, "lead.history.captured", via, lead.grade(), lead.gradePoints());
        UUID screener = screeningOwner(capturedBy);
        if (grading.complete()) {
            lead.screen(null, now);
            if (screener != null) {
                deadlines.recordMet(SCREENING, subject(lead), screener, now);
            }
            history.record(lead.id(), now, "lead.history.screenedAutomatically");
            route(lead, rules, now);
        } else if (screener != null) {
            deadlines.open(SCREENING, subject(lead), screener, now);
        }
        return new Captured(leads.save(lead), found, false);
    }

    /**
     * Corrects a lead's data; the grade follows (unless set by hand). A lead still waiting for
     * screening whose data is now complete is screened and routed, as at capture.
     */
    @Transactional
    Lead correct(UUID leadId, LeadDraft raw, Long version) {
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        LeadDraft draft = LeadDrafts.validate(raw, today(), regions);
        Instant now = clock.instant();
        LeadRules rules = policy.current().bind(LeadRules.class);
        Grade before = lead.grade();
        GradingResult grading = LeadGrader.grade(rules.grading(), gradingInput(draft));
        lead.correct(draft, grading, now);
        history.record(lead.id(), now, "lead.history.corrected", before, lead.grade());
        if (lead.status() == LeadStatus.NEW && grading.complete()) {
            lead.screen(null, now);
            deadlines.meet(SCREENING, subject(lead), now);
            history.record(lead.id(), now, "lead.history.screenedAutomatically");
            route(lead, rules, now);
        }
        return leads.save(lead);
    }

    /** A person verifies the lead as graded (L1 met) and it is routed. */
    @Transactional
    Lead screen(UUID leadId, Long version) {
        CurrentUser me = CurrentUser.require();
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        lead.screen(me.id(), now);
        deadlines.meet(SCREENING, subject(lead), now);
        history.record(lead.id(), now, "lead.history.screened");
        route(lead, policy.current().bind(LeadRules.class), now);
        return leads.save(lead);
    }

    /** Manual re-grade with a reason; on an unscreened lead it is the screening too. */
    @Transactional
    Lead regrade(UUID leadId, Grade grade, String reason, Long version) {
        CurrentUser me = CurrentUser.require();
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        if (grade == null) {
            throw new FieldValidationException("grade", "lead.grade.required");
        }
        Instant now = clock.instant();
        boolean wasNew = lead.status() == LeadStatus.NEW;
        Grade before = lead.grade();
        LeadRules rules = policy.current().bind(LeadRules.class);
        lead.regrade(LeadGrader.grade(rules.grading(), lead.gradingInput(today())), grade, reason, me.id(), now);
        history.record(lead.id(), now, "lead.history.regraded", before, grade, reason);
        if (wasNew) {
            deadlines.meet(SCREENING, subject(lead), now);
            route(lead, rules, now);
        }
        return leads.save(lead);
    }

    /** Routing (L4/L5) of a screened lead, and what follows from its decision. */
    private void route(Lead lead, LeadRules rules, Instant now) {
        RoutingDecision decision = router.route(lead, rules, LocalDate.ofInstant(now, zone));
        history.record(lead.id(), now, decision.messageKey(), decision.args().toArray());
        switch (decision.kind()) {
            case ASSIGN_TO_REP -> assign(lead, decision.userId(), decision.territoryId(), now);
            case NURTURE -> lead.nurture(now);
            case MANAGER_QUEUE -> {
                lead.queueFor(decision.userId(), decision.territoryId(), now);
                managersToInform(decision.userId()).forEach(m -> notifier.send(Notification.of(m, "lead.queued",
                        "lead.notify.queued", "/leads/" + lead.id(), lead.code(), lead.companyName(), lead.grade())));
            }
        }
    }

    private List<UUID> managersToInform(UUID manager) {
        if (manager != null) {
            return List.of(manager);
        }
        return directory.activeWithRole(Role.SALES_DIRECTOR).stream().map(OrgDirectory.Person::id).toList();
    }

    /** Assignment: the rep is told at once (L6) and the first response clock starts (L7). */
    private void assign(Lead lead, UUID rep, UUID territory, Instant now) {
        UUID previous = lead.ownerId();
        if (previous != null) {
            deadlines.cancel(FIRST_RESPONSE, subject(lead));
        }
        lead.assignTo(rep, territory, now);
        router.assigned(rep, lead.grade(), now);
        notifier.send(Notification.of(rep, "lead.assigned", "lead.notify.assigned", "/leads/" + lead.id(),
                lead.code(), lead.companyName(), lead.grade()));
        deadlines.recordMet(NOTIFY_ASSIGNEE, subject(lead), rep, now);
        deadlines.open(FIRST_RESPONSE, subject(lead), rep, now);
    }

    /** A manager assigns or reassigns a lead to a rep, with a reason. */
    @Transactional
    Lead assignByManager(UUID leadId, UUID rep, String reason, Long version) {
        requireManager();
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        OrgDirectory.Person person = directory.person(rep).filter(OrgDirectory.Person::active)
                .filter(p -> p.roles().contains(Role.SALES_REP) || p.roles().contains(Role.ACCOUNT_MANAGER)
                        || p.roles().stream().anyMatch(Role::isManagerial))
                .orElseThrow(() -> new FieldValidationException("ownerId", "lead.assign.notARep"));
        if (!dataScope.current().covers(person.id())) {
            throw new FieldValidationException("ownerId", "lead.assign.outsideTeam");
        }
        if (lead.ownerId() != null && (reason == null || reason.isBlank())) {
            throw new FieldValidationException("reason", "lead.assign.reason.required");
        }
        if (reason != null && reason.length() > 500) {
            throw new FieldValidationException("reason", "lead.field.tooLong", 500);
        }
        Instant now = clock.instant();
        UUID previous = lead.ownerId();
        assign(lead, person.id(), lead.territoryId(), now);
        history.record(lead.id(), now, previous == null ? "lead.history.assigned" : "lead.history.reassigned",
                person.displayName(), reason);
        return leads.save(lead);
    }

    /** Bulk assignment from the pool; all or nothing. */
    @Transactional
    int bulkAssign(List<UUID> leadIds, UUID rep, String reason) {
        if (leadIds == null || leadIds.isEmpty()) {
            throw new FieldValidationException("leadIds", "lead.bulk.empty");
        }
        for (UUID id : leadIds) {
            assignByManager(id, rep, reason, null);
        }
        return leadIds.size();
    }

    /** Outcome of a claim for the API: 200 with the lead, or 202 when a contest opened. */
    record ClaimResult(Lead lead, Lead.ClaimOutcome outcome) {
    }

    /** A rep claims a pool lead (L8 for A leads). Claims of one lead are serialised by a row lock. */
    @Transactional
    ClaimResult claim(UUID leadId) {
        CurrentUser me = CurrentUser.require();
        if (!me.hasAny(Role.SALES_REP, Role.ACCOUNT_MANAGER)) {
            throw new DomainException("lead.claim.repsOnly");
        }
        Lead lead = leads.findByIdForUpdate(leadId).orElseThrow(() -> new RecordNotFoundException(SUBJECT, leadId));
        if (lead.ownerId() != null && !dataScope.current().covers(lead.ownerId()) && lead.grade() != Grade.A) {
            // someone else's B/C lead: the claim is lost, not hidden
            throw new com.lead2cash.platform.ConflictException("lead.claim.lost", lead.code());
        }
        LeadRules rules = policy.current().bind(LeadRules.class);
        if (lead.grade() == Grade.A) {
            LocalDate hired = directory.person(me.id()).map(OrgDirectory.Person::hireDate).orElse(null);
            if (!rules.seniority().isSenior(hired, today())) {
                throw new DomainException("lead.claim.seniorityRequired", rules.seniorityMonths());
            }
        }
        Instant now = clock.instant();
        UUID ownerBefore = lead.ownerId();
        Lead.ClaimOutcome outcome = lead.claim(me.id(), rules.claimContestWindow(), now);
        if (outcome == Lead.ClaimOutcome.CLAIMED) {
            notifier.send(Notification.of(me.id(), "lead.assigned", "lead.notify.claimed", "/leads/" + lead.id(),
                    lead.code(), lead.companyName(), lead.grade()));
            deadlines.recordMet(NOTIFY_ASSIGNEE, subject(lead), me.id(), now);
            deadlines.open(FIRST_RESPONSE, subject(lead), me.id(), now);
            history.record(lead.id(), now, "lead.history.claimed", me.displayName());
        } else {
            history.record(lead.id(), now, "lead.history.contest", me.displayName());
            directory.managerOf(ownerBefore).map(OrgDirectory.Person::id).map(List::of)
                    .orElseGet(() -> managersToInform(null))
                    .forEach(m -> notifier.send(Notification.of(m, "lead.contest", "lead.notify.contest",
                            "/leads/" + lead.id(), lead.code(), lead.companyName()).urgent()));
        }
        return new ClaimResult(leads.save(lead), outcome);
    }

    /** The manager decides a claim contest (L8). */
    @Transactional
    Lead arbitrate(UUID leadId, UUID winner, String reason, Long version) {
        requireManager();
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        UUID before = lead.ownerId();
        lead.arbitrate(winner, now);
        if (!winner.equals(before)) {
            deadlines.cancel(FIRST_RESPONSE, subject(lead));
            deadlines.open(FIRST_RESPONSE, subject(lead), winner, now);
        }
        String name = directory.person(winner).map(OrgDirectory.Person::displayName).orElse(winner.toString());
        history.record(lead.id(), now, "lead.history.arbitrated", name, reason);
        lead.claimsInOrder().forEach(c -> notifier.send(Notification.of(c.userId(), "lead.arbitrated",
                "lead.notify.arbitrated", "/leads/" + lead.id(), lead.code(), name)));
        return leads.save(lead);
    }

    /** The owner logs a contact attempt with an intent level; the first one meets L7. */
    @Transactional
    Lead recordContact(UUID leadId, String channel, ContactIntent intent, String summary, Instant occurredAt) {
        CurrentUser me = CurrentUser.require();
        Lead lead = visibleForUpdate(leadId);
        var errors = new java.util.ArrayList<FieldValidationException.FieldError>();
        if (channel == null || channel.isBlank() || channel.length() > 30) {
            errors.add(new FieldValidationException.FieldError("channel", "lead.contact.channel.required"));
        }
        if (intent == null) {
            errors.add(new FieldValidationException.FieldError("intent", "lead.contact.intent.required"));
        }
        if (summary == null || summary.isBlank() || summary.length() > 2000) {
            errors.add(new FieldValidationException.FieldError("summary", "lead.contact.summary.required"));
        }
        Instant now = clock.instant();
        Instant when = occurredAt == null ? now : occurredAt;
        if (when.isAfter(now.plusSeconds(300)) || (lead.assignedAt() != null && when.isBefore(lead.assignedAt().minusSeconds(86400)))) {
            errors.add(new FieldValidationException.FieldError("occurredAt", "lead.contact.occurredAt.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        if (!me.id().equals(lead.ownerId()) && !me.isManager()) {
            throw new DomainException("lead.contact.ownerOnly");
        }
        boolean first = lead.recordContact(when, now);
        jdbc.sql("""
                insert into lead_contact_attempt (id, lead_id, channel, intent, summary, occurred_at, logged_by, logged_at)
                values (:id, :lead, :channel, :intent, :summary, :at, :by, :now)
                """).param("id", Ids.newId()).param("lead", lead.id()).param("channel", channel.strip())
                .param("intent", intent.name()).param("summary", summary.strip()).param("at", Timestamp.from(when))
                .param("by", me.id()).param("now", Timestamp.from(now)).update();
        if (first) {
            deadlines.meet(FIRST_RESPONSE, subject(lead), now);
        }
        history.record(lead.id(), now, "lead.history.contacted", channel.strip(), intent);
        return leads.save(lead);
    }

    /** The ids conversion created or linked; the same answer on a repeated call. */
    record Conversion(UUID customerId, UUID contactId, UUID opportunityId) {
    }

    /**
     * Conversion in one transaction: a customer (new, or the existing one the duplicate check found),
     * a contact, and optionally an opportunity. Idempotent: a converted lead answers its conversion.
     */
    @Transactional
    Conversion convert(UUID leadId, UUID existingCustomerId, boolean createOpportunity, String opportunityName,
                       BigDecimal amount) {
        CurrentUser me = CurrentUser.require();
        Lead lead = visibleForUpdate(leadId);
        if (lead.status() == LeadStatus.CONVERTED) {
            return new Conversion(lead.customerId(), lead.contactId(), lead.opportunityId());
        }
        if (!me.id().equals(lead.ownerId()) && !me.isManager()) {
            throw new DomainException("lead.convert.ownerOnly");
        }
        if (lead.status() != LeadStatus.CONTACTED) {
            throw new DomainException("lead.convert.notQualified");
        }
        if (createOpportunity && amount != null && amount.signum() < 0) {
            throw new FieldValidationException("amount", "opportunity.amount.negative");
        }
        Instant now = clock.instant();
        UUID owner = lead.ownerId();
        CustomerDirectory.CustomerRef customer;
        if (existingCustomerId != null) {
            customer = customers.find(existingCustomerId)
                    .orElseThrow(() -> new FieldValidationException("customerId", "lead.convert.customer.unknown"));
        } else {
            customer = customers.register(new CustomerDirectory.NewCustomer(lead.companyName(), lead.uscc(),
                    lead.industry(), lead.region(), owner, lead.source().name(), lead.code(),
                    com.lead2cash.customer.CustomerGrade.valueOf(lead.grade().name())));
        }
        UUID contact = customers.addContact(customer.id(), new CustomerDirectory.NewContact(
                lead.contactName() == null ? lead.companyName() : lead.contactName(), lead.contactTitle(),
                lead.phone(), lead.email(), lead.decisionMakerKnown() ? "DECISION_MAKER" : null));
        UUID opportunity = null;
        if (createOpportunity) {
            String name = opportunityName == null || opportunityName.isBlank()
                    ? lead.companyName() + (lead.productLine() == null ? "" : " · " + lead.productLine())
                    : opportunityName;
            opportunity = opportunities.open(new Opportunities.NewOpportunity(customer.id(), name,
                    amount != null ? amount : lead.budget(), owner, lead.code()));
        }
        lead.convert(customer.id(), contact, opportunity, now);
        deadlines.cancel(FIRST_RESPONSE, subject(lead));
        history.record(lead.id(), now, "lead.history.converted", customer.code());
        leads.save(lead);
        events.publishEvent(new LeadConverted(lead.id(), lead.code(), customer.id(), contact, opportunity, owner));
        return new Conversion(customer.id(), contact, opportunity);
    }

    @Transactional
    Lead disqualify(UUID leadId, String reasonCode, String note, Long version) {
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        if (reasonCode != null && !disqualifyReasons.exists(reasonCode)) {
            throw new FieldValidationException("reason", "lead.disqualify.reason.unknown");
        }
        Instant now = clock.instant();
        lead.disqualify(reasonCode, note, now);
        deadlines.cancel(SCREENING, subject(lead));
        deadlines.cancel(FIRST_RESPONSE, subject(lead));
        history.record(lead.id(), now, "lead.history.disqualified", reasonCode, note);
        return leads.save(lead);
    }

    @Transactional
    Lead reopen(UUID leadId, Long version) {
        requireManager();
        Lead lead = visibleForUpdate(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        lead.reopen(now);
        history.record(lead.id(), now, "lead.history.reopened");
        return leads.save(lead);
    }

    /** L4 — the weekly batch: nurture-pool leads are routed like B leads (any rep of the territory), least load first. */
    @Transactional
    int assignNurturePool(int limit) {
        LeadRules rules = policy.current().bind(LeadRules.class);
        List<UUID> ids = jdbc.sql("""
                select id from lead_lead where status = 'NURTURING' and owner_id is null
                order by created_at limit :limit
                """).param("limit", limit).query(UUID.class).list();
        Instant now = clock.instant();
        int assigned = 0;
        for (UUID id : ids) {
            Lead lead = leads.findByIdForUpdate(id).orElseThrow();
            RoutableLead asB = router.routable(lead).withGrade(Grade.B);
            RoutingDecision decision = router.route(asB, rules, LocalDate.ofInstant(now, zone));
            if (decision.kind() == RoutingDecision.Kind.ASSIGN_TO_REP) {
                assign(lead, decision.userId(), decision.territoryId(), now);
                history.record(lead.id(), now, "lead.history.nurtureBatch");
                leads.save(lead);
                assigned++;
            }
        }
        return assigned;
    }

    Lead visible(UUID leadId) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new RecordNotFoundException(SUBJECT, leadId));
        requireVisible(lead);
        return lead;
    }

    /** Changing a lead needs it in the pool or within the data scope; having captured it only lets one read it. */
    private Lead visibleForUpdate(UUID leadId) {
        if (leadId == null) {
            throw new FieldValidationException("leadId", "lead.required");
        }
        Lead lead = leads.findById(leadId).orElseThrow(() -> new RecordNotFoundException(SUBJECT, leadId));
        if (!mayChange(lead)) {
            throw new RecordNotFoundException(SUBJECT, leadId);
        }
        return lead;
    }

    /** Whether the current user may change the lead: it is in the pool, or its owner is within their scope. */
    boolean mayChange(Lead lead) {
        return lead.ownerId() == null || dataScope.current().covers(lead.ownerId());
    }

    /**
     * Pool leads (no owner) are visible to everyone who works leads, and a lead to whoever captured it;
     * owned ones otherwise follow the data scope.
     */
    void requireVisible(Lead lead) {
        boolean capturedByMe = lead.capturedBy() != null
                && CurrentUser.get().map(me -> me.id().equals(lead.capturedBy())).orElse(false);
        if (lead.ownerId() != null && !capturedByMe) {
            dataScope.requireVisible(SUBJECT, lead.id(), lead.ownerId());
        }
    }

    private static void requireManager() {
        if (!CurrentUser.require().isManager()) {
            throw new DomainException("lead.managersOnly");
        }
    }

    private UUID screeningOwner(UUID capturedBy) {
        if (capturedBy != null) {
            return capturedBy;
        }
        return Optional.<UUID>empty()
                .or(() -> directory.activeWithRole(Role.MARKETING).stream().map(OrgDirectory.Person::id).findFirst())
                .or(() -> directory.activeWithRole(Role.SALES_DIRECTOR).stream().map(OrgDirectory.Person::id).findFirst())
                .orElse(null);
    }

    private GradingInput gradingInput(LeadDraft d) {
        return new GradingInput(d.industry(), d.budget(), d.purchaseDate(), d.decisionMakerKnown(), d.contactName(),
                today());
    }

    static SubjectRef subject(Lead lead) {
        return SubjectRef.of(SUBJECT, lead.id());
    }
}

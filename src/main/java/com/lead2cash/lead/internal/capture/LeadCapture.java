package com.lead2cash.lead.internal.capture;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.ContactVisibility;
import com.lead2cash.lead.internal.LeadAccess;
import com.lead2cash.lead.internal.LeadDeadlines;
import com.lead2cash.lead.internal.LeadHistory;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadAction;
import com.lead2cash.lead.internal.domain.LeadActor;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.domain.LeadDrafts;
import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.grading.GradingInput;
import com.lead2cash.lead.internal.grading.GradingResult;
import com.lead2cash.lead.internal.grading.LeadGrader;
import com.lead2cash.lead.internal.grading.ScreeningRule;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.GroupCommit;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Versions;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.SopPolicy;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lead comes in and is made ready for a rep (线索录入与初筛): captured from any channel with a
 * duplicate check, graded ({@link LeadGrader}), screened ({@link ScreeningRule}) and routed
 * ({@link LeadRouting}); corrected, verified or re-graded by a person afterwards.
 */
@Service
public class LeadCapture {

    public static final String CODE_SEQUENCE = "lead_code_seq";

    /** What a capture does with possible duplicates: keep both (with a reason) or merge into a lead. */
    public record DuplicateDecision(Action action, String reason, UUID mergeIntoLeadId) {
        public enum Action { KEEP_BOTH, MERGE }
    }

    /** The outcome of a capture: the lead and the duplicates that were found. */
    public record Captured(Lead lead, List<DuplicateFinder.Duplicate> duplicates, boolean merged) {
    }

    private final LeadRepository leads;
    private final LeadAccess access;
    private final ContactVisibility contacts;
    private final DuplicateFinder duplicates;
    private final LeadRouting routing;
    private final LeadDeadlines clocks;
    private final LeadHistory history;
    private final SopPolicy policy;
    private final HumanCodes codes;
    private final Regions regions;
    private final OrgDirectory directory;
    private final Clock clock;
    private final ZoneId zone;
    private final GroupCommit<Together, Object> together;

    /** A capture's work in a group's transaction, and its draft for the group's prefetch. */
    private record Together(LeadDraft draft, Supplier<?> work) {
    }

    LeadCapture(LeadRepository leads, LeadAccess access, ContactVisibility contacts, DuplicateFinder duplicates,
                LeadRouting routing,
                LeadDeadlines clocks, LeadHistory history, SopPolicy policy,
                HumanCodes codes, Regions regions, OrgDirectory directory, Clock clock, @Value("${l2c.zone}") ZoneId zone,
                PlatformTransactionManager transactions,
                @Value("${l2c.lead.capture-group.lanes}") int lanes,
                @Value("${l2c.lead.capture-group.max-size}") int maxGroup, MeterRegistry meters) {
        this.leads = leads;
        this.access = access;
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.routing = routing;
        this.clocks = clocks;
        this.history = history;
        this.policy = policy;
        this.codes = codes;
        this.regions = regions;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
        this.together = new GroupCommit<>(new TransactionTemplate(transactions), this::prepare,
                unit -> unit.work().get(), lanes, maxGroup);
        // how the groups form (units / groups: their average size), for whoever tunes the lanes
        FunctionCounter.builder("l2c.lead.capture.groups", together, g -> g.counts()[0])
                .description("capture groups run (each one transaction)").register(meters);
        FunctionCounter.builder("l2c.lead.capture.grouped", together, g -> g.counts()[1])
                .description("captures run in groups").register(meters);
        Gauge.builder("l2c.lead.capture.waiting", together, GroupCommit::queued)
                .description("captures waiting for a lane").register(meters);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** What the lead's rules refuse in this draft (nothing when it would be captured), storing nothing. */
    public List<com.lead2cash.platform.FieldValidationException.FieldError> problems(LeadDraft draft) {
        try {
            LeadDrafts.validate(draft, today(), regions);
            return List.of();
        } catch (com.lead2cash.platform.FieldValidationException e) {
            return e.errors();
        }
    }

    /** Validates without storing: the duplicate candidates a capture of this draft would find. */
    public List<DuplicateFinder.Duplicate> checkDuplicates(LeadDraft draft) {
        return duplicates.find(LeadDrafts.validate(draft, today(), regions), null);
    }

    /** The duplicate check on its own (the API's): the same candidates, from a draft that need not say its source. */
    public List<DuplicateFinder.Duplicate> checkDuplicatesOnly(LeadDraft draft) {
        return duplicates.find(LeadDrafts.validate(draft, today(), regions, false), null);
    }

    /**
     * Captures a lead: validate, look for duplicates, grade, screen at once when the data is complete,
     * route. {@code decision} null keeps both and reports the duplicates, as the API does; the UI asks
     * the person first.
     */
    @Transactional
    public Captured capture(LeadDraft raw, CaptureChannel via, UUID capturedBy, DuplicateDecision decision) {
        LeadDraft draft = LeadDrafts.validate(raw, today(), regions);
        Instant now = clock.instant();
        List<DuplicateFinder.Duplicate> found = duplicates.find(draft, null);
        if (decision != null && decision.action() == DuplicateDecision.Action.MERGE) {
            Lead target = access.changeable(decision.mergeIntoLeadId());
            target.mergeFrom(access.actor(target), draft, now);
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
        Lead lead = Lead.capture(codes.next("L", CODE_SEQUENCE), draft, via, capturedBy, grading, keepReason, now);
        if (!found.isEmpty()) {
            lead.foundWithPossibleDuplicates();
        }
        history.record(lead.id(), now, "lead.history.captured", via, lead.grade(), lead.gradePoints());
        if (ScreeningRule.screensItself(grading)) {
            lead.screenAutomatically(now);
            clocks.screenedOnCapture(lead, now);
            history.record(lead.id(), now, "lead.history.screenedAutomatically");
            routing.route(lead, rules, now);
        } else {
            clocks.awaitsScreening(lead, now);
        }
        return new Captured(leads.save(lead), found, false);
    }

    /**
     * {@link #capture} in a transaction shared with the captures arriving at the same time (group commit,
     * {@link GroupCommit}): what a request pays per transaction — the commit, the policy and territory
     * reads, the routing loads, the duplicate candidates — is paid once for the group. The draft is
     * checked here first, so bad input is refused before it joins a group.
     */
    public Captured captureTogether(LeadDraft raw, CaptureChannel via, UUID capturedBy, DuplicateDecision decision) {
        return together(raw, () -> capture(raw, via, capturedBy, decision));
    }

    /**
     * Runs {@code work} — which captures {@code raw} with {@link #capture} — in a group's transaction, as
     * {@link #captureTogether} does (web-to-lead's idempotency record goes in with its lead); inside a
     * transaction already it runs there ({@link GroupCommit#submit}).
     */
    @SuppressWarnings("unchecked")
    public <T> T together(LeadDraft raw, Supplier<T> work) {
        LeadDraft draft = LeadDrafts.validate(raw, today(), regions);
        return (T) together.submit(new Together(draft, work));
    }

    /** What a group's captures will ask for one at a time, fetched for all of them at once (as an import batch does). */
    private void prepare(List<Together> units) {
        codes.reserve(CODE_SEQUENCE, units.size());
        duplicates.prefetch(units.stream().map(Together::draft).toList());
    }

    /** A lead the person may correct, as its form opens: out of reach 404, not theirs to correct 403. */
    @Transactional(readOnly = true)
    public Lead correctable(UUID leadId) {
        Lead lead = access.changeable(leadId);
        lead.require(LeadAction.CORRECT, access.actor(lead), clock.instant());
        return lead;
    }

    /**
     * Corrects a lead's data; the grade follows (unless set by hand). A lead still waiting for
     * screening whose data is now complete is screened and routed, as at capture.
     */
    @Transactional
    public Lead correct(UUID leadId, LeadDraft raw, Long version) {
        return correct(leadId, stored -> raw, version);
    }

    /**
     * {@link #correct(UUID, LeadDraft, Long)} of some of the data: {@code edit} answers the lead's data as stored,
     * corrected (docs/decisions/0030); the result is checked as every draft is.
     */
    @Transactional
    public Lead correct(UUID leadId, UnaryOperator<LeadDraft> edit, Long version) {
        // who asks (403) before what they send (422)
        Lead lead = correctable(leadId);
        Long stored = lead.version();
        lead.expectVersion(version);
        Instant now = clock.instant();
        LeadActor actor = access.actor(lead);
        LeadDraft draft = LeadDrafts.validate(contacts.kept(lead, edit.apply(lead.draft())), today(), regions);
        if (!lead.correctionChanges(draft)) {
            // nothing corrected: not saved, so the same version back, and no "corrected" in the history (0030)
            Versions.requireCurrent(stored, version);
            return lead;
        }
        LeadRules rules = policy.current().bind(LeadRules.class);
        Grade before = lead.grade();
        GradingResult grading = LeadGrader.grade(rules.grading(), gradingInput(draft));
        UUID owner = lead.ownerId();
        SeniorityRule.Seniority ownerSeniority = access.seniorityOfOwner(lead);
        boolean left = lead.correct(actor, draft, grading, ownerSeniority, now);
        history.record(lead.id(), now, "lead.history.corrected", before, lead.grade());
        if (left) {
            routeRaisedToA(lead, owner, ownerSeniority, rules, now);
        }
        if (lead.status() == LeadStatus.NEW && ScreeningRule.screensItself(grading)) {
            lead.screenAutomatically(now);
            clocks.screened(lead, now);
            history.record(lead.id(), now, "lead.history.screenedAutomatically");
            routing.route(lead, rules, now);
        }
        return leads.save(lead);
    }

    /** A person verifies the lead as graded: screening met, and it is routed. */
    @Transactional
    public Lead screen(UUID leadId, Long version) {
        Lead lead = access.changeable(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        lead.screen(access.actor(lead), now);
        clocks.screened(lead, now);
        history.record(lead.id(), now, "lead.history.screened");
        routing.route(lead, policy.current().bind(LeadRules.class), now);
        return leads.save(lead);
    }

    /** Manual re-grade with a reason; on an unscreened lead it is the screening too. */
    @Transactional
    public Lead regrade(UUID leadId, Grade grade, String reason, Long version) {
        Lead lead = access.changeable(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        boolean wasNew = lead.status() == LeadStatus.NEW;
        Grade before = lead.grade();
        LeadRules rules = policy.current().bind(LeadRules.class);
        UUID owner = lead.ownerId();
        SeniorityRule.Seniority ownerSeniority = access.seniorityOfOwner(lead);
        boolean left = lead.regrade(access.actor(lead), LeadGrader.grade(rules.grading(), lead.gradingInput(today())),
                grade, reason, ownerSeniority, now);
        history.record(lead.id(), now, "lead.history.regraded", before, grade, reason);
        if (wasNew) {
            clocks.screened(lead, now);
            routing.route(lead, rules, now);
        } else if (left) {
            routeRaisedToA(lead, owner, ownerSeniority, rules, now);
        }
        return leads.save(lead);
    }

    /**
     * L4 — the lead, raised to A, left an owner who may not hold A leads (their first response is not owed any more) or
     * the nurture pool ({@link Lead#leavesWhenRaisedToA}): it is routed as a captured A lead is — to a senior rep of its
     * territory, or its manager's queue with the L9 window (docs/decisions/0115).
     */
    private void routeRaisedToA(Lead lead, UUID formerOwner, SeniorityRule.Seniority ownerSeniority, LeadRules rules,
                                Instant now) {
        if (formerOwner != null) {
            clocks.leftOwner(lead);
            history.record(lead.id(), now, "lead.history.raisedAboveOwner", directory.person(formerOwner)
                    .map(OrgDirectory.Person::displayName).orElse(formerOwner.toString()), ownerSeniority.requiredMonths());
        } else {
            history.record(lead.id(), now, "lead.history.raisedOutOfNurture");
        }
        routing.route(lead, rules, now);
    }

    private GradingInput gradingInput(LeadDraft d) {
        return new GradingInput(d.industry(), d.budget(), d.purchaseDate(), d.decisionMakerKnown(), d.contactName(),
                today());
    }
}

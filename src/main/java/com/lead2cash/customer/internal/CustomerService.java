package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.CustomerStatusChanged;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerActor;
import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.customer.internal.domain.PursuitMode;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.NewAggregateInserts;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Versions;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's own SOP steps: registration with duplicate check, corrections of the profile,
 * grading (C1) and pursuit mode with the follow-up cadence they set (C2, C3), lifecycle transitions,
 * the planned next follow-up, and the milestones other modules prove. Ownership (transfer, pool) is
 * {@link CustomerOwnership}'s.
 */
@Service
public class CustomerService {

    /** The outcome of a registration: the customer and the possible duplicates that were found. */
    public record Registered(Customer customer, List<DuplicateCheck.Match> duplicates) {
    }

    private static final String CODE_PREFIX = "C";
    private static final String CODE_SEQUENCE = "customer_code_seq";

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerPolicy policy;
    private final CadenceDeadlines cadence;
    private final CustomerHistory history;
    private final DuplicateCheck duplicates;
    private final HoldingCheck holding;
    private final OrgDirectory directory;
    private final HumanCodes codes;
    private final CustomerRegions regions;
    private final OpenBusinessCheck openBusiness;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerAccess access, CustomerPolicy policy, CadenceDeadlines cadence,
                    CustomerHistory history, DuplicateCheck duplicates, HoldingCheck holding, OrgDirectory directory,
                    HumanCodes codes, CustomerRegions regions, OpenBusinessCheck openBusiness,
                    ApplicationEventPublisher events, Clock clock) {
        this.regions = regions;
        this.openBusiness = openBusiness;
        this.customers = customers;
        this.access = access;
        this.policy = policy;
        this.cadence = cadence;
        this.history = history;
        this.duplicates = duplicates;
        this.holding = holding;
        this.directory = directory;
        this.codes = codes;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a correction: the customer and the possible duplicates the correction made. */
    public record Corrected(Customer customer, List<DuplicateCheck.Match> duplicates) {
    }

    /**
     * A person registers a customer they (or, for a manager, someone in their team) will own; the
     * possible duplicates are reported and people decide: kept only with a reason ({@link DuplicatesNeedReason}),
     * which the history keeps.
     */
    @Transactional
    public Registered create(CustomerProfile profile, CustomerGrade grade, GradeFactors factors, String gradeNote,
                             UUID ownerId, String duplicateReason) {
        CurrentUser me = CurrentUser.require();
        if (!new CustomerActor(me.id(), me.roles(), true).worksCustomers()) {
            throw new com.lead2cash.platform.ForbiddenException("customer.create.notAllowed");
        }
        UUID owner = ownerId == null ? me.id() : ownerId;
        requireAssignable(owner, "ownerId");
        // a registration of the same name or code sent at the same time waits for this one, and finds it
        duplicates.lockKeys(List.of(keys(profile)));
        List<DuplicateCheck.Match> found = duplicates.find(profile.name(), profile.uscc(), null, null);
        DuplicatesNeedReason.require(found, duplicateReason);
        Registered registered = register(profile, null, grade, factors, gradeNote, CustomerStatus.PROSPECT, owner,
                me.id());
        if (!found.isEmpty()) {
            history.record(registered.customer().id(), clock.instant(), "customer.history.keptDespiteDuplicates",
                    duplicateReason.strip());
        }
        return new Registered(registered.customer(), found);
    }

    /**
     * The current transaction is about to register {@code count} customers for these owners and reads none
     * of them back before it commits (an import batch): their code numbers are taken and their owners
     * locked and counted (C7) at once, and the new customers and contacts wait with the transaction's
     * other deferred inserts. Each customer is still registered by {@link #register}, every step of it.
     */
    @Transactional
    public void prepareBatch(int count, Collection<UUID> owners) {
        codes.reserve(CODE_SEQUENCE, count);
        holding.prepare(owners);
        NewAggregateInserts.deferNewAggregates();
    }

    /**
     * Registration without duplicate check or scope (lead conversion, import): the caller has done both. Its name and
     * code are held until the transaction ends ({@link DuplicateCheck#lockKeys}), so a registration checked at the same
     * time finds this one — in a batch ({@link #prepareBatch}) the import has taken the locks of all its rows at
     * once, before its duplicate look-up.
     */
    @Transactional
    public Registered register(CustomerProfile profile, String sourceLeadCode, CustomerGrade grade, GradeFactors factors,
                               String gradeNote, CustomerStatus status, UUID owner, UUID createdBy) {
        if (!NewAggregateInserts.deferring()) {
            // before the holding lock (C7), in the order a registration by hand takes them
            duplicates.lockKeys(List.of(keys(profile)));
        }
        Instant now = clock.instant();
        if (owner != null) {
            holding.requireRoomFor(owner, 1);
        }
        Customer c = Customer.register(codes.next(CODE_PREFIX, CODE_SEQUENCE), regions.resolve(profile), sourceLeadCode, grade, factors,
                gradeNote, status, owner, createdBy, now);
        Customer.ScheduleChange change = c.reschedule(policy.cadence(), now, true);
        c = customers.save(c);
        cadence.registered(c, change);
        history.record(c.id(), now, sourceLeadCode != null ? "customer.history.converted" : "customer.history.created",
                sourceLeadCode, c.grade());
        return new Registered(c, List.of());
    }

    @Transactional
    public Corrected correct(UUID id, CustomerProfile profile, Long version, String duplicateReason) {
        // as the API's correction: one that changes nothing is not saved, its version stays (0030)
        return correct(id, current -> profile, version, duplicateReason);
    }

    /**
     * A correction of some of the profile: {@code edit} answers the profile as it is, corrected (checked). A
     * correction that makes the customer a possible duplicate (a name or credit code another customer has) is
     * checked as a registration is: kept only with a reason ({@link DuplicatesNeedReason}), which the history keeps.
     */
    @Transactional
    public Corrected correct(UUID id, java.util.function.UnaryOperator<CustomerProfile> edit, Long version,
                             String duplicateReason) {
        Customer c = forAction(id, null, CustomerAction.EDIT);
        Long stored = c.version();
        c.expectVersion(version);
        CustomerProfile before = c.profile();
        CustomerProfile after = keepWords(c, regions.resolve(edit.apply(before)));
        // a registration or correction to the same name or code at the same time waits for this one, and finds it
        duplicates.lockKeys(List.of(keys(after)));
        List<DuplicateCheck.Match> found = duplicates.madeBy(before.name(), before.uscc(), after.name(), after.uscc(),
                c.id());
        DuplicatesNeedReason.require(found, duplicateReason);
        Instant now = clock.instant();
        if (!c.correct(after, now)) {
            Versions.requireCurrent(stored, version); // not saved: the version stays (0030)
            return new Corrected(c, found);
        }
        c = customers.save(c);
        if (!found.isEmpty()) {
            history.record(c.id(), now, "customer.history.correctedDespiteDuplicates", duplicateReason.strip());
        }
        return new Corrected(c, found);
    }

    /** C1 — a person grades the customer with the four factors; the cadence follows (C2/C3). */
    @Transactional
    public Customer regrade(UUID id, CustomerGrade grade, GradeFactors factors, String note, Long version) {
        Customer c = forAction(id, version, CustomerAction.GRADE);
        Instant now = clock.instant();
        CustomerGrade before = c.grade();
        Customer.ScheduleChange change = c.regrade(grade, factors, note, policy.cadence(), now);
        CustomerGrade suggested = policy.rules().grading().suggest(c.factors()).orElse(null);
        history.record(c.id(), now, "customer.history.graded", before, c.grade(),
                suggested == null ? "—" : suggested.name(), note);
        c = customers.save(c);
        cadence.apply(c, change);
        return c;
    }

    /** Development (C2) or high-intent pursuit (C3): the next follow-up moves with the cadence. */
    @Transactional
    public Customer changePursuitMode(UUID id, PursuitMode mode, Long version) {
        Customer c = forAction(id, version, CustomerAction.CHANGE_PURSUIT_MODE);
        Instant now = clock.instant();
        Customer.ScheduleChange change = c.changePursuitMode(mode, policy.cadence(), now);
        history.record(c.id(), now, "customer.history.pursuitMode", "#customer.pursuitMode." + mode);
        c = customers.save(c);
        cadence.apply(c, change);
        return c;
    }

    /** The next lifecycle step, by hand (the modules that prove later steps call {@link #reached}). */
    @Transactional
    public Customer advance(UUID id, Long version) {
        return transition(id, version, CustomerAction.ADVANCE, c -> c.advance(clock.instant()), null);
    }

    @Transactional
    public Customer markLost(UUID id, String reason, Long version) {
        return transition(id, version, CustomerAction.MARK_LOST, c -> c.lost(reason, clock.instant(), openBusiness.of(c)), reason);
    }

    @Transactional
    public Customer winBack(UUID id, Long version) {
        return transition(id, version, CustomerAction.WIN_BACK, c -> c.wonBack(clock.instant()), null);
    }

    private Customer transition(UUID id, Long version, CustomerAction action, Consumer<Customer> step, String reason) {
        Customer c = forAction(id, version, action);
        Instant now = clock.instant();
        CustomerStatus before = c.status();
        step.accept(c);
        Customer.ScheduleChange change = c.reschedule(policy.cadence(), now, false);
        history.record(c.id(), now, "customer.history.status", "#customer.status." + before,
                "#customer.status." + c.status(), reason);
        c = customers.save(c);
        cadence.apply(c, change);
        events.publishEvent(new CustomerStatusChanged(c.id(), before, c.status()));
        return c;
    }

    /** Another module proved a milestone; no scope check (the proving module checked its own record). */
    @Transactional
    public void reached(UUID id, CustomerStatus milestone, Instant at) {
        Customer c = customers.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(CustomerAccess.SUBJECT, id));
        while (c.mergedIntoId() != null) {
            UUID survivor = c.mergedIntoId();
            c = customers.findByIdForUpdate(survivor).orElseThrow();
        }
        CustomerStatus before = c.status();
        Instant now = clock.instant();
        if (c.reached(milestone, now)) {
            Customer.ScheduleChange change = c.reschedule(policy.cadence(), now, false);
            history.record(c.id(), at == null ? now : at, "customer.history.reached", "#customer.status." + before,
                    "#customer.status." + c.status());
            c = customers.save(c);
            cadence.apply(c, change);
            events.publishEvent(new CustomerStatusChanged(c.id(), before, c.status()));
        }
    }

    /** The rep plans the next follow-up (calendar feed, home page); null clears the plan. */
    @Transactional
    public Customer planFollowUp(UUID id, Instant at, Long version) {
        return change(id, version, CustomerAction.LOG_ACTIVITY, c -> c.planFollowUp(at, clock.instant()));
    }

    /** What the duplicate check matches a customer's profile on: its name as compared and its credit code. */
    private static CompanyKeys keys(CustomerProfile profile) {
        return CompanyKeys.of(profile.name(), profile.uscc(), null, null);
    }

    /** An edit that keeps the same division keeps the words the region was entered in. */
    private static CustomerProfile keepWords(Customer c, CustomerProfile p) {
        if (p.regionCode() != null && p.regionCode().equals(c.regionCode())) {
            return new CustomerProfile(p.name(), p.uscc(), p.industry(), p.size(), c.region(), p.regionCode(),
                    p.address(), p.website(), p.source());
        }
        return p;
    }

    private Customer change(UUID id, Long version, CustomerAction action, Consumer<Customer> step) {
        Customer c = forAction(id, version, action);
        step.accept(c);
        return customers.save(c);
    }

    /** The customer, visible to the current user, who may do {@code action} with it; stale versions answer 409 on save. */
    Customer forAction(UUID id, Long version, CustomerAction action) {
        Customer c = access.visible(id);
        c.requireAction(access.actor(c), action);
        c.expectVersion(version);
        return c;
    }

    /** An owner must be an active person within the current user's scope. */
    void requireAssignable(UUID owner, String field) {
        OrgDirectory.Person person = directory.person(owner).orElse(null);
        if (person == null || !person.active()) {
            throw new FieldValidationException(field, "customer.owner.unknown");
        }
        com.lead2cash.platform.Scope scope = access.scope();
        if (!scope.covers(owner)) {
            // a rep's scope is themselves: they register their own customers, only a manager gives one to another
            throw new FieldValidationException(field, scope.kind() == com.lead2cash.platform.ScopeKind.SELF
                    ? "customer.owner.selfOnly" : "customer.owner.outsideTeam");
        }
    }
}

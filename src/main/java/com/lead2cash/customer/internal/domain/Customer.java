package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.LifecycleBucket;
import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.NotAudited;
import com.lead2cash.platform.SearchKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 客户 — a company the sales team works with, from prospect to long-standing customer. It owns its
 * rules: the lifecycle (SPEC §4) moves only by the transitions below, grading keeps the C1 factors
 * beside the grade, the follow-up schedule follows grade and pursuit mode (C2, C3, C7), ownership moves
 * by transfer, claim or lapse to the public pool (公海), a credit limit above the C8 threshold waits for
 * finance, and a merged customer is closed for good. {@link #availableActions} says what an actor may
 * do next.
 */
@Table("customer_customer")
public class Customer {

    /** What the service must do about SOP deadlines after a change of the follow-up schedule. */
    public record ScheduleChange(String previousRule, Instant previousDue, String rule, Instant startsAt, Instant due) {

        public boolean changed() {
            return !java.util.Objects.equals(previousRule, rule) || !java.util.Objects.equals(previousDue, due);
        }
    }

    @Id
    private UUID id;
    private String code;
    private String name;
    @NotAudited
    private String nameNormalized;
    private String uscc;
    private String industry;
    private CompanySize size;
    private String region;
    private String regionCode;
    private String address;
    private String website;
    private CustomerSource source;
    private String sourceLeadCode;
    private CustomerGrade grade;
    @Embedded.Nullable(prefix = "grade_")
    private GradeFactors factors;
    private String gradeNote;
    private CustomerStatus status;
    private Instant statusChangedAt;
    private String lostReason;
    private PursuitMode pursuitMode;
    private UUID ownerId;
    private Instant poolSince;
    private String cadenceRule;
    private Instant cadenceAnchorAt;
    private Instant followUpDueAt;
    private Instant lapsesAt;
    private Instant plannedFollowUpAt;
    @NotAudited
    private Instant lastActivityAt;
    private CreditRating creditRating;
    private BigDecimal creditLimit;
    private CreditRating pendingCreditRating;
    private BigDecimal pendingCreditLimit;
    private UUID creditApprovalId;
    private UUID mergedIntoId;
    private Instant mergedAt;
    private UUID createdBy;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;
    @NotAudited
    private String nameFolded;
    @NotAudited
    private String[] searchTokens;
    @NotAudited
    private String searchPinyin;
    @NotAudited
    private String searchInitials;
    @Version
    private Long version;

    Customer() {
    }

    /** The name key by today's rule, not the stored one: a customer saved again never writes back an older rule's key. */
    void refreshNameKey() {
        nameNormalized = CompanyNames.normalize(name);
    }

    /**
     * A new customer. {@code status} is PROSPECT for a company entered or imported, INITIAL_CONTACT for
     * a converted lead (it was contacted). An owned customer in development starts its follow-up
     * cadence now; one without owner starts in the public pool.
     */
    public static Customer register(String code, CustomerProfile profile, String sourceLeadCode, CustomerGrade grade,
                                    GradeFactors factors, String gradeNote, CustomerStatus status, UUID ownerId,
                                    UUID createdBy, Instant now) {
        if (status != CustomerStatus.PROSPECT && status != CustomerStatus.INITIAL_CONTACT) {
            throw new IllegalArgumentException("a customer starts as a prospect or at initial contact");
        }
        Customer c = new Customer();
        c.id = Ids.newId();
        c.code = code;
        c.apply(profile);
        c.sourceLeadCode = sourceLeadCode;
        c.grade = grade == null ? CustomerGrade.C : grade;
        c.factors = factors == null ? GradeFactors.UNKNOWN : factors;
        c.gradeNote = blankToNull(gradeNote);
        c.status = status;
        c.statusChangedAt = now;
        c.pursuitMode = PursuitMode.DEVELOPMENT;
        c.ownerId = ownerId;
        c.poolSince = ownerId == null ? now : null;
        c.cadenceAnchorAt = now;
        c.createdBy = createdBy;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /**
     * Corrects the company profile (name, credit code, industry …); the search keys follow the name. Answers whether
     * that changed anything.
     */
    public boolean correct(CustomerProfile profile, Instant now) {
        requireNotMerged();
        if (profile.equals(profile())) {
            return false; // a correction to the same is none (0030)
        }
        apply(profile);
        updatedAt = now;
        return true;
    }

    private void apply(CustomerProfile p) {
        name = p.name();
        nameNormalized = CompanyNames.normalize(p.name());
        uscc = p.uscc();
        industry = p.industry();
        size = p.size();
        region = p.region();
        regionCode = p.regionCode();
        address = p.address();
        website = p.website();
        source = p.source();
        SearchKeys.Name keys = SearchKeys.name(p.name());
        nameFolded = keys.folded();
        searchTokens = keys.tokens().toArray(String[]::new);
        searchPinyin = keys.pinyin();
        searchInitials = keys.initials();
    }

    // ---- grading (C1) and pursuit mode (C2 / C3)

    /** C1 — a person grades the customer, recording the four factors; the follow-up cadence follows. */
    public ScheduleChange regrade(CustomerGrade newGrade, GradeFactors newFactors, String note, FollowUpCadence cadence,
                                Instant now) {
        requireNotMerged();
        if (newGrade == null) {
            throw new FieldValidationException("grade", "customer.grade.required");
        }
        if (note != null && note.length() > 500) {
            throw new FieldValidationException("gradeNote", "customer.field.tooLong", 500);
        }
        grade = newGrade;
        factors = newFactors == null ? GradeFactors.UNKNOWN : newFactors;
        gradeNote = blankToNull(note);
        updatedAt = now;
        return reschedule(cadence, now, false);
    }

    /** Development (C2) or high-intent pursuit (C3); only for a customer still in development. */
    public ScheduleChange changePursuitMode(PursuitMode mode, FollowUpCadence cadence, Instant now) {
        requireNotMerged();
        if (mode == null) {
            throw new FieldValidationException("pursuitMode", "customer.pursuitMode.required");
        }
        if (!status.inDevelopment()) {
            throw new DomainException("customer.pursuitMode.notInDevelopment");
        }
        pursuitMode = mode;
        updatedAt = now;
        return reschedule(cadence, now, false);
    }

    // ---- follow-ups

    /**
     * A follow-up happened at {@code occurredAt}: a prospect is now in initial contact, the cadence runs
     * from the latest follow-up, and the rep's plan for the next one (if given) is kept. Answers the
     * schedule change; {@code previousRule} is then met at {@code occurredAt} by the service.
     */
    public ScheduleChange recordFollowUp(Instant occurredAt, Instant plannedNext, FollowUpCadence cadence, Instant now) {
        requireNotMerged();
        if (ownerId == null) {
            throw new DomainException("customer.pool.claimFirst");
        }
        if (status == CustomerStatus.PROSPECT) {
            moveTo(CustomerStatus.INITIAL_CONTACT, now);
        }
        if (lastActivityAt == null || occurredAt.isAfter(lastActivityAt)) {
            lastActivityAt = occurredAt;
        }
        if (plannedNext != null) {
            plannedFollowUpAt = plannedNext;
        } else if (plannedFollowUpAt != null && !plannedFollowUpAt.isAfter(occurredAt)) {
            plannedFollowUpAt = null;
        }
        updatedAt = now;
        if (cadenceAnchorAt != null && !occurredAt.isAfter(cadenceAnchorAt)) {
            // an older follow-up logged afterwards does not move the clock back
            return new ScheduleChange(cadenceRule, followUpDueAt, cadenceRule, null, followUpDueAt);
        }
        cadenceAnchorAt = occurredAt;
        return reschedule(cadence, now, true);
    }

    /**
     * A contact made before this customer was ours to follow up (a converted lead's contact attempt): the last
     * activity, never earlier than one known; the cadence runs from when the customer was registered, as before.
     */
    public void recordEarlierContact(Instant occurredAt, Instant now) {
        requireNotMerged();
        if (lastActivityAt == null || occurredAt.isAfter(lastActivityAt)) {
            lastActivityAt = occurredAt;
        }
        updatedAt = now;
    }

    /** The rep plans the next follow-up (shown on the home page and in the calendar feed); null clears it. */
    public void planFollowUp(Instant at, Instant now) {
        requireNotMerged();
        if (at != null && at.isBefore(now.minusSeconds(60))) {
            throw new FieldValidationException("nextFollowUpAt", "customer.followUp.inPast");
        }
        // planned for 2199 is a typo, as a follow-up's next one is
        if (at != null) {
            ActivityDraft.tooFarAhead("nextFollowUpAt", at, now).ifPresent(e -> {
                throw new FieldValidationException(List.of(e));
            });
        }
        plannedFollowUpAt = at;
        updatedAt = now;
    }

    /**
     * Recomputes the follow-up schedule: a customer in development with an owner follows the cadence of
     * its grade and mode; otherwise (pool, signed, lost, merged) none runs.
     */
    public ScheduleChange reschedule(FollowUpCadence cadence, Instant now, boolean fromFollowUp) {
        String previousRule = cadenceRule;
        Instant previousDue = followUpDueAt;
        if (ownerId == null || !status.inDevelopment() || mergedIntoId != null) {
            cadenceRule = null;
            followUpDueAt = null;
            lapsesAt = null;
            return new ScheduleChange(previousRule, previousDue, null, null, null);
        }
        Instant anchor = cadenceAnchorAt == null ? now : cadenceAnchorAt;
        FollowUpCadence.Schedule s = fromFollowUp ? cadence.from(anchor, grade, pursuitMode)
                : cadence.afterChange(anchor, grade, pursuitMode, now);
        cadenceRule = s.ruleId();
        followUpDueAt = s.dueAt();
        lapsesAt = s.lapsesAt();
        return new ScheduleChange(previousRule, previousDue, cadenceRule, s.startsAt(), followUpDueAt);
    }

    // ---- lifecycle (SPEC §4)

    /** PROSPECT → INITIAL_CONTACT 初步接洽: the first contact was made. */
    public void firstContactMade(Instant now) {
        step(CustomerStatus.PROSPECT, CustomerStatus.INITIAL_CONTACT, now);
    }

    /** INITIAL_CONTACT → NEEDS_CONFIRMED 需求明确: the customer's needs are understood and confirmed. */
    public void needsConfirmed(Instant now) {
        step(CustomerStatus.INITIAL_CONTACT, CustomerStatus.NEEDS_CONFIRMED, now);
    }

    /** NEEDS_CONFIRMED → OPPORTUNITY 销售机会: a qualified sales opportunity exists. */
    public void becameOpportunity(Instant now) {
        step(CustomerStatus.NEEDS_CONFIRMED, CustomerStatus.OPPORTUNITY, now);
    }

    /** OPPORTUNITY → SIGNED 已签约: a contract is signed; the development cadence ends. */
    public void signed(Instant now) {
        step(CustomerStatus.OPPORTUNITY, CustomerStatus.SIGNED, now);
    }

    /** SIGNED → DELIVERED 已交付: the order is delivered and accepted. */
    public void delivered(Instant now) {
        step(CustomerStatus.SIGNED, CustomerStatus.DELIVERED, now);
    }

    /** DELIVERED → ACTIVE 合作中: the customer works with us. */
    public void activated(Instant now) {
        step(CustomerStatus.DELIVERED, CustomerStatus.ACTIVE, now);
    }

    /** Any status → LOST 流失, with the reason; refused while business with the customer is open. */
    public void lost(String reason, Instant now, List<OpenBusiness.Fact> openBusiness) {
        requireNotMerged();
        if (status == CustomerStatus.LOST) {
            throw new DomainException("customer.status.illegal", Label.of("customer.status", status),
                    Label.of("customer.status", CustomerStatus.LOST));
        }
        requireNothingOpen("customer.lost.openBusiness", openBusiness);
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "customer.lost.reason.required");
        }
        if (reason.length() > 500) {
            throw new FieldValidationException("reason", "customer.field.tooLong", 500);
        }
        lostReason = reason.strip();
        moveTo(CustomerStatus.LOST, now);
    }

    /** LOST → INITIAL_CONTACT: a lost customer is approached again (重新接洽). */
    public void wonBack(Instant now) {
        step(CustomerStatus.LOST, CustomerStatus.INITIAL_CONTACT, now);
        lostReason = null;
        cadenceAnchorAt = now;
    }

    /** The next step of the sequence, by the transition named for it. */
    public void advance(Instant now) {
        CustomerStatus next = status.next();
        if (next == null) {
            throw new DomainException("customer.status.noNext", Label.of("customer.status", status));
        }
        switch (next) {
            case INITIAL_CONTACT -> firstContactMade(now);
            case NEEDS_CONFIRMED -> needsConfirmed(now);
            case OPPORTUNITY -> becameOpportunity(now);
            case SIGNED -> signed(now);
            case DELIVERED -> delivered(now);
            case ACTIVE -> activated(now);
            default -> throw new IllegalStateException("no transition to " + next);
        }
    }

    /**
     * Another module proved a milestone (a confirmed needs analysis, a signed contract): the customer
     * moves forward to it, over the steps the proof implies; at or past it, or lost, it stays. Answers
     * whether it moved.
     */
    public boolean reached(CustomerStatus milestone, Instant now) {
        requireNotMerged();
        if (milestone == CustomerStatus.LOST || milestone == CustomerStatus.PROSPECT) {
            throw new IllegalArgumentException("not a milestone: " + milestone);
        }
        if (status == CustomerStatus.LOST || status.ordinal() >= milestone.ordinal()) {
            return false;
        }
        moveTo(milestone, now);
        return true;
    }

    private void step(CustomerStatus from, CustomerStatus to, Instant now) {
        requireNotMerged();
        if (status != from) {
            throw new DomainException("customer.status.illegal", Label.of("customer.status", status),
                    Label.of("customer.status", to));
        }
        moveTo(to, now);
    }

    private void moveTo(CustomerStatus to, Instant now) {
        status = to;
        statusChangedAt = now;
        updatedAt = now;
        if (!to.inDevelopment()) {
            pursuitMode = PursuitMode.DEVELOPMENT;
        }
    }

    public LifecycleBucket bucket() {
        return status.bucket();
    }

    // ---- ownership and the public pool (C7)

    /** Whether the customer may be handed to this person: anyone but its owner. */
    public boolean transferableTo(UUID newOwner) {
        return !newOwner.equals(ownerId);
    }

    /** A manager hands the customer to another owner; the follow-up schedule is kept. */
    public void transferTo(UUID newOwner, Instant now) {
        requireNotMerged();
        if (newOwner == null) {
            throw new FieldValidationException("ownerId", "customer.owner.required");
        }
        if (!transferableTo(newOwner)) {
            throw new FieldValidationException("ownerId", "customer.transfer.sameOwner", code);
        }
        boolean fromPool = ownerId == null;
        ownerId = newOwner;
        poolSince = null;
        if (fromPool) {
            cadenceAnchorAt = now;
        }
        updatedAt = now;
    }

    /** The customer leaves its owner for the public pool (公海): lapsed (C7) or released by hand. */
    public UUID returnToPool(Instant now, List<OpenBusiness.Fact> openBusiness) {
        requireNotMerged();
        if (ownerId == null) {
            throw new DomainException("customer.pool.already");
        }
        if (!status.inDevelopment() && status != CustomerStatus.LOST) {
            throw new DomainException("customer.pool.signedStays");
        }
        requireNothingOpen("customer.pool.openBusiness", openBusiness);
        UUID previous = ownerId;
        ownerId = null;
        poolSince = now;
        plannedFollowUpAt = null;
        updatedAt = now;
        return previous;
    }

    /**
     * A customer the rep holds already is not claimed (a second claim, a double click, the owner's own): refused as
     * theirs, not as lost to someone else.
     */
    public void requireNotHeldBy(UUID rep) {
        if (rep.equals(ownerId)) {
            throw new DomainException("customer.claim.alreadyYours", code);
        }
    }

    /** A rep claims the customer from the pool; the cadence starts from the claim. */
    public void claim(UUID rep, Instant now) {
        requireNotMerged();
        requireNotHeldBy(rep);
        if (ownerId != null) {
            throw new com.lead2cash.platform.ConflictException("customer.claim.lost", code);
        }
        ownerId = rep;
        poolSince = null;
        cadenceAnchorAt = now;
        updatedAt = now;
    }

    // ---- credit (C8)

    /** Sets credit rating and limit at once (no approval needed, or approved). */
    public void setCredit(CreditRating rating, BigDecimal limit, Instant now) {
        requireNotMerged();
        validateCredit(limit);
        // a change waiting for finance is decided first: replaced here, finance's approval would apply nothing
        if (creditApprovalId != null) {
            throw new DomainException("customer.credit.pending");
        }
        requireCreditChanged(rating, limit);
        creditRating = rating;
        creditLimit = limit;
        pendingCreditRating = null;
        pendingCreditLimit = null;
        creditApprovalId = null;
        updatedAt = now;
    }

    /** C8 — the change waits for finance's approval; a second request while one waits is refused. */
    public void requestCredit(CreditRating rating, BigDecimal limit, UUID approvalId, Instant now) {
        requireNotMerged();
        validateCredit(limit);
        if (creditApprovalId != null) {
            throw new DomainException("customer.credit.pending");
        }
        requireCreditChanged(rating, limit);
        pendingCreditRating = rating;
        pendingCreditLimit = limit;
        creditApprovalId = approvalId;
        updatedAt = now;
    }

    /** Finance decided: an approved change applies, a rejected one is dropped. */
    public void creditDecided(UUID approvalId, boolean approved, Instant now) {
        if (creditApprovalId == null || !creditApprovalId.equals(approvalId)) {
            return;
        }
        if (approved) {
            creditRating = pendingCreditRating;
            creditLimit = pendingCreditLimit;
        }
        pendingCreditRating = null;
        pendingCreditLimit = null;
        creditApprovalId = null;
        updatedAt = now;
    }

    public boolean creditPending() {
        return creditApprovalId != null;
    }

    /**
     * A credit change that leaves the rating and the limit as they are (an empty form on a customer without credit)
     * has nothing to save: refused, so nothing is written and no one is told it was saved.
     */
    private void requireCreditChanged(CreditRating rating, BigDecimal limit) {
        boolean sameLimit = limit == null ? creditLimit == null : creditLimit != null && limit.compareTo(creditLimit) == 0;
        if (rating == creditRating && sameLimit) {
            throw new DomainException("customer.credit.unchanged");
        }
    }

    private static void validateCredit(BigDecimal limit) {
        if (limit != null && (limit.signum() < 0 || limit.scale() > 2 || limit.precision() - limit.scale() > 16)) {
            throw new FieldValidationException("creditLimit", "customer.credit.limit.invalid");
        }
    }

    // ---- merge

    /** This customer is merged into {@code survivor}: closed for good, kept so old links lead on. */
    public void mergeInto(UUID survivor, Instant now) {
        requireNotMerged();
        if (survivor.equals(id)) {
            throw new FieldValidationException("mergedId", "customer.merge.self");
        }
        mergedIntoId = survivor;
        mergedAt = now;
        cadenceRule = null;
        followUpDueAt = null;
        lapsesAt = null;
        plannedFollowUpAt = null;
        updatedAt = now;
    }

    /**
     * The survivor of a merge keeps its own data and takes what it did not know from the merged one;
     * the latest follow-up of both counts for the cadence.
     */
    public void absorb(Customer merged, Instant now) {
        requireNotMerged();
        uscc = uscc != null ? uscc : merged.uscc;
        industry = firstNonBlank(industry, merged.industry);
        size = size != null ? size : merged.size;
        if (region == null || region.isBlank()) {
            region = merged.region;
            regionCode = merged.regionCode;
        }
        address = firstNonBlank(address, merged.address);
        website = firstNonBlank(website, merged.website);
        source = source != null ? source : merged.source;
        if (creditRating == null && creditLimit == null) {
            creditRating = merged.creditRating;
            creditLimit = merged.creditLimit;
        }
        if (merged.cadenceAnchorAt != null && (cadenceAnchorAt == null || merged.cadenceAnchorAt.isAfter(cadenceAnchorAt))) {
            cadenceAnchorAt = merged.cadenceAnchorAt;
        }
        if (merged.lastActivityAt != null && (lastActivityAt == null || merged.lastActivityAt.isAfter(lastActivityAt))) {
            lastActivityAt = merged.lastActivityAt;
        }
        updatedAt = now;
    }

    /**
     * While business with the customer is open (another module's opportunity, contract, order or payment
     * plan), it stays with its owner: lost or in the pool, its business would belong to nobody who sees it.
     */
    private static void requireNothingOpen(String key, List<OpenBusiness.Fact> openBusiness) {
        if (!openBusiness.isEmpty()) {
            throw new DomainException(key, listed(openBusiness));
        }
    }

    /** The facts as one localised list: each joined to the rest by the bundle's separator. */
    private static MessageSourceResolvable listed(List<OpenBusiness.Fact> facts) {
        MessageSourceResolvable list = facts.get(facts.size() - 1);
        for (int i = facts.size() - 2; i >= 0; i--) {
            list = new DefaultMessageSourceResolvable(new String[] {"customer.openBusiness.more"},
                    new Object[] {facts.get(i), list});
        }
        return list;
    }

    // ---- what may be done next

    /**
     * What the actor may do with this customer now, as far as their role and its state decide: marking it
     * lost and releasing it also need nothing open, which {@link #availableActions(CustomerActor, List)} knows.
     */
    public Set<CustomerAction> availableActions(CustomerActor actor) {
        Set<CustomerAction> actions = EnumSet.noneOf(CustomerAction.class);
        if (mergedIntoId != null) {
            return actions;
        }
        boolean sales = actor.worksCustomers();
        if (ownerId == null) {
            if (actor.isRep()) {
                actions.add(CustomerAction.CLAIM);
            }
            if (actor.isManager()) {
                actions.add(CustomerAction.TRANSFER);
                actions.add(CustomerAction.MERGE);
            }
            return actions;
        }
        if (actor.coversOwner() && sales) {
            actions.addAll(List.of(CustomerAction.EDIT, CustomerAction.GRADE, CustomerAction.ADD_CONTACT,
                    CustomerAction.LOG_ACTIVITY, CustomerAction.CHANGE_CREDIT));
            if (status != CustomerStatus.LOST) {
                actions.add(CustomerAction.WRITE_NEEDS_ANALYSIS);
            }
            if (status.inDevelopment()) {
                actions.add(CustomerAction.CHANGE_PURSUIT_MODE);
            }
            if (status.next() != null) {
                actions.add(CustomerAction.ADVANCE);
            }
            if (status == CustomerStatus.LOST) {
                actions.add(CustomerAction.WIN_BACK);
            } else {
                actions.add(CustomerAction.MARK_LOST);
            }
            if (status.inDevelopment() || status == CustomerStatus.LOST) {
                actions.add(CustomerAction.RELEASE_TO_POOL);
            }
            if (actor.isManager()) {
                actions.add(CustomerAction.TRANSFER);
                actions.add(CustomerAction.MERGE);
            }
        } else if (actor.coversOwner() && actor.isFinance()) {
            actions.add(CustomerAction.CHANGE_CREDIT);
        }
        return actions;
    }

    /** What the actor may do with this customer now, knowing the business still open with it. */
    public Set<CustomerAction> availableActions(CustomerActor actor, List<OpenBusiness.Fact> openBusiness) {
        Set<CustomerAction> actions = availableActions(actor);
        if (!openBusiness.isEmpty()) {
            actions.removeAll(EnumSet.of(CustomerAction.MARK_LOST, CustomerAction.RELEASE_TO_POOL));
        }
        return actions;
    }

    /**
     * What the actor may do with this customer now, knowing the business still open with it and whether C7 refuses
     * them a claim (the re-claim cooldown, the holding limit): a claim that would be refused is not offered.
     */
    public Set<CustomerAction> availableActions(CustomerActor actor, List<OpenBusiness.Fact> openBusiness,
                                                boolean claimRefused) {
        Set<CustomerAction> actions = availableActions(actor, openBusiness);
        if (claimRefused) {
            actions.remove(CustomerAction.CLAIM);
        }
        return actions;
    }

    /**
     * Refuses an action the actor may not do now: 403 when someone else (a manager above the owner, a
     * rep) could do it in this state, so it is the actor's role that refuses; 422 when the customer's
     * state refuses it for everyone.
     */
    public void requireAction(CustomerActor actor, CustomerAction action) {
        requireNotMerged();
        if (ownerId == null && !EnumSet.of(CustomerAction.CLAIM, CustomerAction.TRANSFER, CustomerAction.MERGE).contains(action)) {
            throw new DomainException("customer.pool.claimFirst");
        }
        if (!availableActions(actor).contains(action)) {
            CustomerActor anyone = new CustomerActor(actor.userId(), java.util.Set.of(com.lead2cash.platform.Role.SALES_DIRECTOR,
                    com.lead2cash.platform.Role.SALES_REP), true);
            if (availableActions(anyone).contains(action)) {
                throw new com.lead2cash.platform.ForbiddenException("customer.action.notAllowed." + action);
            }
            throw new DomainException("customer.action.notAllowed." + action);
        }
    }

    /** A customer merged into another is closed: nothing changes on it, and nothing new starts on it. */
    public void requireNotMerged() {
        if (mergedIntoId != null) {
            throw new DomainException("customer.merged", code);
        }
    }

    /** Takes the version the client read, so that a stale edit answers 409. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    private static String firstNonBlank(String current, String candidate) {
        return current != null && !current.isBlank() ? current : candidate;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public CustomerProfile profile() {
        return new CustomerProfile(name, uscc, industry, size, region, regionCode, address, website, source);
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public String nameNormalized() { return nameNormalized; }
    public String uscc() { return uscc; }
    public String industry() { return industry; }
    public CompanySize size() { return size; }
    public String region() { return region; }
    public String regionCode() { return regionCode; }
    public String address() { return address; }
    public String website() { return website; }
    public CustomerSource source() { return source; }
    public String sourceLeadCode() { return sourceLeadCode; }
    public CustomerGrade grade() { return grade; }
    public GradeFactors factors() { return factors == null ? GradeFactors.UNKNOWN : factors; }
    public String gradeNote() { return gradeNote; }
    public CustomerStatus status() { return status; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public String lostReason() { return lostReason; }
    public PursuitMode pursuitMode() { return pursuitMode; }
    public UUID ownerId() { return ownerId; }
    public Instant poolSince() { return poolSince; }
    public String cadenceRule() { return cadenceRule; }
    public Instant cadenceAnchorAt() { return cadenceAnchorAt; }
    public Instant followUpDueAt() { return followUpDueAt; }
    public Instant lapsesAt() { return lapsesAt; }
    public Instant plannedFollowUpAt() { return plannedFollowUpAt; }
    public Instant lastActivityAt() { return lastActivityAt; }
    public CreditRating creditRating() { return creditRating; }
    public BigDecimal creditLimit() { return creditLimit; }
    public CreditRating pendingCreditRating() { return pendingCreditRating; }
    public BigDecimal pendingCreditLimit() { return pendingCreditLimit; }
    public UUID creditApprovalId() { return creditApprovalId; }
    public UUID mergedIntoId() { return mergedIntoId; }
    public Instant mergedAt() { return mergedAt; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}

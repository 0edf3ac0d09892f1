package com.lead2cash.lead.internal.domain;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.grading.GradingInput;
import com.lead2cash.lead.internal.grading.GradingResult;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.NotAudited;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.SearchKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 线索 — a prospective customer before qualification. Its transitions are named for what happens in
 * the business and refuse what the lead SOP forbids; {@link #availableActions} answers, from the same
 * rules, what a given person may do next. Lifecycle: NEW → SCREENED → ASSIGNED → CONTACTED →
 * CONVERTED, or → NURTURING (the nurture pool) / DISQUALIFIED (with a reason, can be reopened).
 */
@Table("lead_lead")
public class Lead {

    public static final String SUBJECT = "Lead";

    @Id
    private UUID id;
    private String code;
    private String companyName;
    @NotAudited
    private String companyNameNormalized;
    private String contactName;
    private String contactTitle;
    private String phone;
    @NotAudited
    private String phoneNormalized;
    private String email;
    @NotAudited
    private String emailNormalized;
    /** What lists find the lead by: any fragment of its company, contact, code or phone (see SearchKeys). */
    @NotAudited
    private List<String> searchKeys;
    private String industry;
    /** The region as entered (or the division's full name when chosen by code); see {@link #regionCode}. */
    private String region;
    /** The administrative division (行政区划) the region names; null while {@link #region} names none. */
    private String regionCode;
    private String productLine;
    private LeadSource source;
    private String sourceDetail;
    private Instant sourcedAt;
    private BigDecimal budget;
    private LocalDate purchaseDate;
    private boolean decisionMakerKnown;
    private String decisionChainNotes;
    private String uscc;
    private String notes;
    private CaptureChannel capturedVia;
    private UUID capturedBy;
    private Grade grade;
    private int gradePoints;
    private boolean gradeComplete;
    private String gradeOverrideReason;
    @NotAudited
    @MappedCollection(idColumn = "lead_id")
    private Set<GradeReason> gradeReasons;
    private Instant gradedAt;
    private Instant screenedAt;
    private UUID screenedBy;
    private LeadStatus status;
    private UUID ownerId;
    private UUID queueManagerId;
    private UUID territoryId;
    private Instant assignedAt;
    private Instant firstContactAt;
    private Instant contestClosesAt;
    private boolean contestOpen;
    /** Who decides the open contest: the lowest manager above every claimant (L8); null before anyone was told. */
    private UUID contestDeciderId;
    @NotAudited
    @MappedCollection(idColumn = "lead_id")
    private Set<LeadClaim> claims;
    private String duplicateKeepReason;
    /** Whether its capture found possible duplicates: the lead lists mark it (its page and the API check anew). */
    @NotAudited
    private boolean possibleDuplicates;
    private String disqualifyReason;
    private String disqualifyNote;
    private Instant convertedAt;
    private UUID customerId;
    private UUID contactId;
    private UUID opportunityId;
    @Version
    private Long version;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;

    @PersistenceCreator
    Lead(UUID id, String code, String companyName, String companyNameNormalized, String contactName,
         String contactTitle, String phone, String phoneNormalized, String email, String emailNormalized,
         String industry, String region, String productLine, LeadSource source, String sourceDetail,
         Instant sourcedAt, BigDecimal budget, LocalDate purchaseDate, boolean decisionMakerKnown,
         String decisionChainNotes, String uscc, String notes, CaptureChannel capturedVia, UUID capturedBy,
         Grade grade, int gradePoints, boolean gradeComplete, String gradeOverrideReason,
         Set<GradeReason> gradeReasons, Instant gradedAt, Instant screenedAt, UUID screenedBy, LeadStatus status,
         UUID ownerId, UUID queueManagerId, UUID territoryId, Instant assignedAt, Instant firstContactAt,
         Instant contestClosesAt, boolean contestOpen, Set<LeadClaim> claims, String duplicateKeepReason,
         String disqualifyReason, String disqualifyNote, Instant convertedAt, UUID customerId, UUID contactId,
         UUID opportunityId, Long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.code = code;
        this.companyName = companyName;
        // the key by today's rule, not the stored one: a lead saved again never writes back an older rule's key
        this.companyNameNormalized = CompanyNames.normalize(companyName);
        this.contactName = contactName;
        this.contactTitle = contactTitle;
        this.phone = phone;
        this.phoneNormalized = phoneNormalized;
        this.email = email;
        this.emailNormalized = emailNormalized;
        this.industry = industry;
        this.region = region;
        this.productLine = productLine;
        this.source = source;
        this.sourceDetail = sourceDetail;
        this.sourcedAt = sourcedAt;
        this.budget = budget;
        this.purchaseDate = purchaseDate;
        this.decisionMakerKnown = decisionMakerKnown;
        this.decisionChainNotes = decisionChainNotes;
        this.uscc = uscc;
        this.notes = notes;
        this.capturedVia = capturedVia;
        this.capturedBy = capturedBy;
        this.grade = grade;
        this.gradePoints = gradePoints;
        this.gradeComplete = gradeComplete;
        this.gradeOverrideReason = gradeOverrideReason;
        this.gradeReasons = gradeReasons == null ? new HashSet<>() : new HashSet<>(gradeReasons);
        this.gradedAt = gradedAt;
        this.screenedAt = screenedAt;
        this.screenedBy = screenedBy;
        this.status = status;
        this.ownerId = ownerId;
        this.queueManagerId = queueManagerId;
        this.territoryId = territoryId;
        this.assignedAt = assignedAt;
        this.firstContactAt = firstContactAt;
        this.contestClosesAt = contestClosesAt;
        this.contestOpen = contestOpen;
        this.claims = claims == null ? new HashSet<>() : new HashSet<>(claims);
        this.duplicateKeepReason = duplicateKeepReason;
        this.disqualifyReason = disqualifyReason;
        this.disqualifyNote = disqualifyNote;
        this.convertedAt = convertedAt;
        this.customerId = customerId;
        this.contactId = contactId;
        this.opportunityId = opportunityId;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new lead, graded on capture. Validation of the draft happened before (LeadDrafts). */
    public static Lead capture(String code, LeadDraft d, CaptureChannel via, UUID capturedBy, GradingResult grading,
                        String duplicateKeepReason, Instant now) {
        Lead lead = new Lead(Ids.newId(), code, d.companyName(), CompanyNames.normalize(d.companyName()),
                d.contactName(), d.contactTitle(), d.phone(), PhoneNumbers.normalize(d.phone()), d.email(),
                EmailAddresses.normalize(d.email()), d.industry(), d.region(), d.productLine(), d.source(),
                d.sourceDetail(), d.sourcedAt() == null ? now : d.sourcedAt(), d.budget(), d.purchaseDate(),
                d.decisionMakerKnown(), d.decisionChainNotes(), d.uscc(), d.notes(), via, capturedBy, null, 0, false,
                null, null, null, null, null, LeadStatus.NEW, null, null, null, null, null, null, false, null,
                duplicateKeepReason, null, null, null, null, null, null, null, now, now);
        lead.regionCode = d.regionCode();
        lead.indexForSearch();
        lead.applyGrading(grading, now);
        return lead;
    }

    /** Its capture found possible duplicates (kept as a separate lead): the lists say so. */
    public void foundWithPossibleDuplicates() {
        this.possibleDuplicates = true;
    }

    // --- what may be done next -----------------------------------------------------------------------

    /** The actions the actor may take now; every transition below refuses exactly the others. */
    public Set<LeadAction> availableActions(LeadActor actor, Instant now) {
        Set<LeadAction> actions = EnumSet.noneOf(LeadAction.class);
        for (LeadAction action : LeadAction.values()) {
            if (refusal(action, actor, now) == null) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** Refuses, with the reason, an action the actor may not take now. */
    public void require(LeadAction action, LeadActor actor, Instant now) {
        DomainException refused = refusal(action, actor, now);
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * Why the actor may not take the action now, or null when they may. A lead outside the actor's
     * scope is not found (never a hint that it exists) — except by reps joining the contest of an A
     * lead claimed moments ago. Then roles, then the lead's state.
     */
    private DomainException refusal(LeadAction action, LeadActor actor, Instant now) {
        if (action == LeadAction.CLAIM) {
            return claimRefusal(actor, now);
        }
        if (!actor.inScope()) {
            return new RecordNotFoundException(SUBJECT, id);
        }
        DomainException offTeam = offTeam(action, actor);
        return switch (action) {
            case SCREEN -> !keeps(actor) ? new ForbiddenException("lead.ownLeadsOnly")
                    : offTeam != null ? offTeam
                    : status == LeadStatus.NEW ? null
                    : notIn(LeadStatus.NEW);
            case REGRADE, CORRECT, DISQUALIFY -> !keeps(actor) ? new ForbiddenException("lead.ownLeadsOnly")
                    : offTeam != null ? offTeam
                    : closedRefusal();
            case ASSIGN -> !actor.manager() ? new ForbiddenException("lead.managersOnly")
                    // an open contest is settled by its decider alone, by arbitration or assignment (L8)
                    : notTheDecider(actor) ? new ForbiddenException("lead.arbitrate.notTheDecider")
                    : status.isClosed() ? closedRefusal()
                    : status == LeadStatus.NEW ? new DomainException("lead.assign.notScreened")
                    : territoryRefusal(actor.territory(), "lead.territory.assignOutsideTeam");
            case ARBITRATE -> !actor.manager() ? new ForbiddenException("lead.managersOnly")
                    : !contestOpen ? new DomainException("lead.arbitrate.noContest")
                    : notTheDecider(actor) ? new ForbiddenException("lead.arbitrate.notTheDecider") : null;
            case CONTACT -> !ownerOrManager(actor) ? new ForbiddenException("lead.contact.ownerOnly")
                    : status == LeadStatus.ASSIGNED || status == LeadStatus.CONTACTED ? null
                    : new DomainException("lead.contact.notAssigned");
            case CONVERT -> !ownerOrManager(actor) ? new ForbiddenException("lead.convert.ownerOnly")
                    : status == LeadStatus.CONTACTED ? null : new DomainException("lead.convert.notQualified");
            case REOPEN -> !actor.manager() ? new ForbiddenException("lead.managersOnly")
                    : offTeam != null ? offTeam
                    : status == LeadStatus.DISQUALIFIED ? null
                    : notIn(LeadStatus.DISQUALIFIED);
            case CLAIM -> throw new IllegalStateException("claims are decided above");
        };
    }

    /** A contest is open and another manager than the actor decides it. */
    private boolean notTheDecider(LeadActor actor) {
        return contestOpen && contestDeciderId != null && !contestDeciderId.equals(actor.id());
    }

    private DomainException claimRefusal(LeadActor actor, Instant now) {
        boolean pool = inPool();
        boolean contest = contestWindowOpen(now) && !actor.id().equals(ownerId);
        // not found before any rule: the seniority refusal would tell a stranger that the lead is grade A
        if (!actor.inScope() && !contest) {
            return new RecordNotFoundException(SUBJECT, id);
        }
        if (!actor.rep()) {
            return new ForbiddenException("lead.claim.repsOnly");
        }
        if (status.isClosed()) {
            return closedRefusal();
        }
        if (!pool && !contest) {
            return new DomainException(actor.id().equals(ownerId) ? "lead.claim.alreadyYours" : "lead.claim.notInPool");
        }
        DomainException outsideTeam = territoryRefusal(actor.territory(), "lead.territory.claimOutsideTeam");
        if (outsideTeam != null) {
            return outsideTeam;
        }
        if (grade == Grade.A && !actor.seniority().senior()) {
            // without a hire date the seniority is unknown, and said so: not as a fact that they are junior
            return new DomainException(actor.seniority().hireDateKnown() ? "lead.claim.seniorityRequired"
                    : "lead.claim.seniorityUnknown", actor.seniority().requiredMonths());
        }
        if (contest && hasClaimedSinceAssignment(actor.id())) {
            return new DomainException("lead.claim.alreadyClaimed");
        }
        return null;
    }

    /**
     * L5 — a manager outside a territory's team who may not assign its lead does not decide it either (screen,
     * re-grade, correct, disqualify, reopen); its owner and the people who screen leads are not managers of a team.
     */
    private DomainException offTeam(LeadAction action, LeadActor actor) {
        boolean decides = switch (action) {
            case SCREEN, REGRADE, CORRECT, DISQUALIFY, REOPEN -> true;
            default -> false;
        };
        return decides && actor.manager() && !actor.id().equals(ownerId)
                ? territoryRefusal(actor.territory(), "lead.territory.actOutsideTeam") : null;
    }

    /**
     * L4/L5 — a lead of a team's territory is taken and given within that team, or by a manager above it: the
     * one place that decides it for assignments and claims ({@link TerritoryStanding}).
     */
    private static DomainException territoryRefusal(TerritoryStanding standing, String key) {
        return standing.admitted() ? null : new DomainException(key, standing.territory(), standing.team());
    }

    /** The refusal of a step that needs the lead in {@code expected}, naming both states in the reader's words. */
    private DomainException notIn(LeadStatus expected) {
        return new DomainException("lead.status.expected", Label.of("lead.status", expected),
                Label.of("lead.status", status));
    }

    private DomainException closedRefusal() {
        return status.isClosed() ? new DomainException("lead.closed", Label.of("lead.status", status)) : null;
    }

    /**
     * Whether the actor may screen, correct, regrade or disqualify the lead: a curator any lead in scope; a rep
     * their own, or one they captured while it waits for their screening. A pool lead they may only claim.
     */
    private boolean keeps(LeadActor actor) {
        return actor.curator() || actor.id().equals(ownerId)
                || status == LeadStatus.NEW && actor.id().equals(capturedBy);
    }

    private boolean ownerOrManager(LeadActor actor) {
        return actor.id().equals(ownerId) || actor.manager();
    }

    /** Unowned, screened or nurtured: anyone who works leads may take it. */
    private boolean inPool() {
        return ownerId == null && (status == LeadStatus.SCREENED || status == LeadStatus.NURTURING);
    }

    /** An A lead claimed moments ago: other claims until the window closes make a contest. */
    private boolean contestWindowOpen(Instant now) {
        return grade == Grade.A && status == LeadStatus.ASSIGNED && contestClosesAt != null
                && now.isBefore(contestClosesAt);
    }

    /**
     * Whether the person is a claimant of the contest that is still open: they read the lead until a
     * manager decides it, though it lies outside their scope (they change nothing, {@link #availableActions}).
     */
    public boolean contestedBy(UUID person) {
        return contestOpen && person != null && hasClaimedSinceAssignment(person);
    }

    private boolean hasClaimedSinceAssignment(UUID rep) {
        return assignedAt != null && claims.stream().anyMatch(c -> c.userId().equals(rep) && !c.claimedAt().isBefore(assignedAt));
    }

    // --- screening and grading -----------------------------------------------------------------------

    private void applyGrading(GradingResult grading, Instant now) {
        this.grade = grading.grade();
        this.gradePoints = grading.points();
        this.gradeComplete = grading.complete();
        this.gradeReasons = new HashSet<>(grading.criteria().stream().map(GradeReason::of).toList());
        this.gradedAt = now;
        this.updatedAt = now;
    }

    /**
     * Corrects what is known about the lead (its registration data). The automatic grade follows the
     * facts; a grade set by hand stays, with its reasons refreshed.
     */
    public boolean correct(LeadActor actor, LeadDraft d, GradingResult grading, SeniorityRule.Seniority ownerSeniority,
                           Instant now) {
        require(LeadAction.CORRECT, actor, now);
        boolean leavesIfA = leavesWhenRaisedToA(ownerSeniority);
        companyName = d.companyName();
        companyNameNormalized = CompanyNames.normalize(d.companyName());
        contactName = d.contactName();
        contactTitle = d.contactTitle();
        phone = d.phone();
        phoneNormalized = PhoneNumbers.normalize(d.phone());
        email = d.email();
        emailNormalized = EmailAddresses.normalize(d.email());
        industry = d.industry();
        locate(d.region(), d.regionCode());
        productLine = d.productLine();
        source = d.source();
        sourceDetail = d.sourceDetail();
        budget = d.budget();
        purchaseDate = d.purchaseDate();
        decisionMakerKnown = d.decisionMakerKnown();
        decisionChainNotes = d.decisionChainNotes();
        uscc = d.uscc();
        notes = d.notes();
        indexForSearch();
        Grade manual = gradeOverrideReason == null ? null : grade;
        applyGrading(grading, now);
        if (manual != null) {
            grade = manual;
        }
        return leaveIfRaisedToA(leavesIfA, now);
    }

    /** Whether correcting the lead to this (checked) draft would change what it says: a correction to the same is none. */
    public boolean correctionChanges(LeadDraft d) {
        boolean sameRegion = d.regionCode() != null && d.regionCode().equals(regionCode) && region != null
                || Objects.equals(d.region(), region) && Objects.equals(d.region() == null ? null : d.regionCode(), regionCode);
        boolean sameBudget = d.budget() == null ? budget == null : budget != null && d.budget().compareTo(budget) == 0;
        return !(sameRegion && sameBudget
                && Objects.equals(d.companyName(), companyName) && Objects.equals(d.contactName(), contactName)
                && Objects.equals(d.contactTitle(), contactTitle) && Objects.equals(d.phone(), phone)
                && Objects.equals(d.email(), email) && Objects.equals(d.industry(), industry)
                && Objects.equals(d.productLine(), productLine) && d.source() == source
                && Objects.equals(d.sourceDetail(), sourceDetail) && Objects.equals(d.purchaseDate(), purchaseDate)
                && d.decisionMakerKnown() == decisionMakerKnown
                && Objects.equals(d.decisionChainNotes(), decisionChainNotes) && Objects.equals(d.uscc(), uscc)
                && Objects.equals(d.notes(), notes));
    }

    /** The lead's registration data as a draft, for the edit form. */
    public LeadDraft draft() {
        return new LeadDraft(companyName, contactName, contactTitle, phone, email, industry, region, productLine, source,
                sourceDetail, sourcedAt, budget, purchaseDate, decisionMakerKnown, decisionChainNotes, uscc, notes,
                regionCode);
    }

    /**
     * The lead's region changes. The same division stays as it was entered (a form posts the code of
     * the division the lead already has; the person's own words are kept).
     */
    private void locate(String text, String code) {
        if (code != null && code.equals(regionCode) && region != null) {
            return;
        }
        region = text;
        regionCode = text == null ? null : code;
    }

    /** A person verifies the lead as graded: screening done. */
    public void screen(LeadActor actor, Instant now) {
        require(LeadAction.SCREEN, actor, now);
        markScreened(actor.id(), now);
    }

    /** The data was complete, so the automatic grade stands without a person ({@link ScreeningRule}). */
    public void screenAutomatically(Instant now) {
        if (status != LeadStatus.NEW) {
            throw notIn(LeadStatus.NEW);
        }
        markScreened(null, now);
    }

    private void markScreened(UUID by, Instant now) {
        this.status = LeadStatus.SCREENED;
        this.screenedAt = now;
        this.screenedBy = by;
        this.updatedAt = now;
    }

    /**
     * The grades a regrade may give: every grade but the one the lead has — a regrade to it changes nothing, and
     * recorded it would read "regraded A → A" in the history. The lead's page offers these.
     */
    public java.util.List<Grade> regradeChoices() {
        return java.util.Arrays.stream(Grade.values()).filter(g -> g != grade).toList();
    }

    /**
     * A person changes the grade by hand, with a reason that the audit trail keeps. On a lead not yet
     * screened, this is its screening. Raised to A where it may not stay as an A lead (L4,
     * {@link #leavesWhenRaisedToA}), it leaves its owner or the nurture pool, to be routed as a captured A lead is;
     * answers whether it did.
     *
     * @param ownerSeniority its owner's seniority (L4), null when it has no owner
     */
    public boolean regrade(LeadActor actor, GradingResult recomputed, Grade manualGrade, String reason,
                           SeniorityRule.Seniority ownerSeniority, Instant now) {
        require(LeadAction.REGRADE, actor, now);
        if (manualGrade == null) {
            throw new FieldValidationException("grade", "lead.grade.required");
        }
        if (!regradeChoices().contains(manualGrade)) {
            throw new FieldValidationException("grade", "lead.regrade.sameGrade", grade);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new FieldValidationException("reason", "lead.regrade.reason.required");
        }
        boolean leavesIfA = leavesWhenRaisedToA(ownerSeniority);
        applyGrading(recomputed, now);
        this.grade = manualGrade;
        this.gradeOverrideReason = reason.trim();
        if (status == LeadStatus.NEW) {
            markScreened(actor.id(), now);
        }
        return leaveIfRaisedToA(leavesIfA, now);
    }

    /**
     * L4 — whether this lead, raised to A now (by hand or by its corrected facts), may not stay where it is: with an
     * owner who may not hold A leads (not more than the policy's months of service, or their hire date unknown), or in
     * the nurture pool, whose weekly batch hands leads out as B. It then leaves them and is routed as a captured A
     * lead is: to a senior rep of its territory, or its manager's queue (L9). An A lead stays with a rep without the
     * seniority only as a manager's override with a reason ({@link #assign}, docs/decisions/0031 and 0115). The one
     * place that decides it, for the transitions and for the screen that warns before the grade is sent.
     *
     * @param ownerSeniority its owner's seniority, null when it has no owner
     */
    public boolean leavesWhenRaisedToA(SeniorityRule.Seniority ownerSeniority) {
        if (grade == Grade.A || status.isClosed()) {
            return false;
        }
        if (status == LeadStatus.NURTURING) {
            return true;
        }
        return ownerId != null && ownerSeniority != null && !ownerSeniority.senior();
    }

    /** The lead, now graded A where it may not stay ({@code leaves}), is unowned and screened, to be routed again. */
    private boolean leaveIfRaisedToA(boolean leaves, Instant now) {
        if (!leaves || grade != Grade.A) {
            return false;
        }
        this.ownerId = null;
        this.queueManagerId = null;
        this.status = LeadStatus.SCREENED;
        this.firstContactAt = null;
        endContest();
        this.updatedAt = now;
        return true;
    }

    /** A duplicate capture's facts fill what this lead does not know yet; its note is appended. */
    public void mergeFrom(LeadActor actor, LeadDraft d, Instant now) {
        require(LeadAction.CORRECT, actor, now);
        contactName = firstNonBlank(contactName, d.contactName());
        contactTitle = firstNonBlank(contactTitle, d.contactTitle());
        if (phone == null && d.phone() != null) {
            phone = d.phone();
            phoneNormalized = PhoneNumbers.normalize(d.phone());
        }
        if (email == null && d.email() != null) {
            email = d.email();
            emailNormalized = EmailAddresses.normalize(d.email());
        }
        industry = firstNonBlank(industry, d.industry());
        if (region == null || region.isBlank()) {
            locate(d.region(), d.regionCode());
        }
        productLine = firstNonBlank(productLine, d.productLine());
        budget = budget == null ? d.budget() : budget;
        purchaseDate = purchaseDate == null ? d.purchaseDate() : purchaseDate;
        decisionMakerKnown = decisionMakerKnown || d.decisionMakerKnown();
        uscc = firstNonBlank(uscc, d.uscc());
        if (d.notes() != null && !d.notes().isBlank()) {
            String merged = (notes == null ? "" : notes + "\n") + d.notes();
            notes = merged.length() > 2000 ? merged.substring(0, 2000) : merged;
        }
        indexForSearch();
        updatedAt = now;
    }

    /** The search keys follow what the lead list searches: company, contact and code as text, the phone as a number. */
    private void indexForSearch() {
        searchKeys = SearchKeys.of(Stream.of(companyName, contactName, code).filter(Objects::nonNull).toList(),
                phoneNormalized == null ? List.of() : List.of(phoneNormalized));
    }

    private static String firstNonBlank(String current, String candidate) {
        return current != null && !current.isBlank() ? current : candidate;
    }

    // --- routing, assignment and claims --------------------------------------------------------------

    /** Routing hands the screened lead to a rep, or the weekly batch a nurtured one; the first response starts. */
    public void routeTo(UUID rep, UUID territory, Instant now) {
        if (status != LeadStatus.SCREENED && status != LeadStatus.NURTURING) {
            throw notIn(LeadStatus.SCREENED);
        }
        takeOver(rep, territory, now);
    }

    /**
     * A manager assigns the lead, or reassigns it, to a rep; the first response starts again. An A lead
     * to a rep who is not senior (L4) is the manager's override of the rule: it needs a reason, which the
     * history keeps. Answers whether the assignment overrode L4.
     */
    public boolean assign(LeadActor actor, UUID rep, SeniorityRule.Seniority repSeniority,
                          TerritoryStanding repStanding, String reason, Instant now) {
        require(LeadAction.ASSIGN, actor, now);
        if (!assignableTo(rep)) {
            throw new FieldValidationException("ownerId", "lead.assign.alreadyOwner");
        }
        if (!actor.territory().above() && !repStanding.admitted()) {
            throw new FieldValidationException("ownerId", "lead.territory.assigneeOutsideTeam",
                    repStanding.territory(), repStanding.team());
        }
        boolean override = overridesSeniority(repSeniority);
        if (override && (reason == null || reason.isBlank())) {
            throw new FieldValidationException("reason", "lead.assign.seniorityOverride.reasonRequired",
                    repSeniority.requiredMonths());
        }
        takeOver(rep, territoryId, now);
        return override;
    }

    /** Whether giving this lead to a rep of that seniority goes against L4: an A lead to a rep who is not senior. */
    public boolean overridesSeniority(SeniorityRule.Seniority repSeniority) {
        return grade == Grade.A && !repSeniority.senior();
    }

    /** Whether the lead may be assigned to the rep: not to its owner, which would restart L7 for a lead they hold. */
    public boolean assignableTo(UUID rep) {
        return !rep.equals(ownerId);
    }

    private void takeOver(UUID rep, UUID territory, Instant now) {
        this.ownerId = rep;
        this.territoryId = territory;
        this.queueManagerId = null;
        this.status = LeadStatus.ASSIGNED;
        this.assignedAt = now;
        this.firstContactAt = null;
        endContest();
        this.updatedAt = now;
    }

    /**
     * L8 — the contest is over, however it ended: decided, settled by an assignment, or the lead converted or
     * disqualified. Nobody decides it any more and no claim joins it.
     */
    private void endContest() {
        this.contestOpen = false;
        this.contestClosesAt = null;
        this.contestDeciderId = null;
    }

    /** No rep matched: the lead waits in the territory manager's queue (or the general one when null). */
    public void queueFor(UUID manager, UUID territory, Instant now) {
        if (status != LeadStatus.SCREENED || ownerId != null) {
            throw notIn(LeadStatus.SCREENED);
        }
        this.queueManagerId = manager;
        this.territoryId = territory;
        this.updatedAt = now;
    }

    /** A C lead goes to the nurture pool, to wait for the weekly batch. */
    public void nurture(Instant now) {
        if (status != LeadStatus.SCREENED) {
            throw notIn(LeadStatus.SCREENED);
        }
        this.status = LeadStatus.NURTURING;
        this.ownerId = null;
        this.updatedAt = now;
    }

    /** Outcome of a claim: the claimant owns the lead, or a contest for the manager opened. */
    public enum ClaimOutcome { CLAIMED, CONTEST }

    /**
     * L8 — a rep claims the lead from the pool (认领). The first claim wins. Claims of an A lead within
     * the policy's contest window after the first make a contest that a manager arbitrates; a later claim of a B or C lead within that window lost the race (409) — after it,
     * the lead is someone else's and not found.
     */
    public ClaimOutcome claim(LeadActor actor, LeadRules rules, Instant now) {
        if (actor.rep() && !actor.inScope() && !inPool() && !contestWindowOpen(now)
                && claimedWithin(rules.claimContestWindow(), now)) {
            throw new ConflictException("lead.claim.lost", code);
        }
        require(LeadAction.CLAIM, actor, now);
        // one claim a person: a lead back in the pool (reopened, nurtured) is claimed anew by the same rep
        claims.removeIf(c -> c.userId().equals(actor.id()));
        claims.add(new LeadClaim(actor.id(), now));
        if (inPool()) {
            takeOver(actor.id(), territoryId, now);
            if (grade == Grade.A) {
                contestClosesAt = now.plus(rules.claimContestWindow());
            }
            return ClaimOutcome.CLAIMED;
        }
        contestOpen = true;
        updatedAt = now;
        return ClaimOutcome.CONTEST;
    }

    /** Who claimed the lead since it was last assigned: the open contest's claimants, its owner among them. */
    public Set<UUID> contestClaimants() {
        return claims.stream().map(LeadClaim::userId).filter(this::hasClaimedSinceAssignment)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * L8 — the open contest goes to this manager, who alone decides it; answers whether that is news to them
     * (a further claim that leaves the decider as they were tells nobody again).
     */
    public boolean contestGoesTo(UUID decider) {
        if (!contestOpen || Objects.equals(decider, contestDeciderId)) {
            return false;
        }
        contestDeciderId = decider;
        return decider != null;
    }

    /** Whether the person decides the contest that is still open: they read the lead until they have. */
    public boolean contestDecidedBy(UUID person) {
        return contestOpen && person != null && person.equals(contestDeciderId);
    }

    /** The owner took the lead by a claim less than {@code window} ago. */
    private boolean claimedWithin(Duration window, Instant now) {
        return ownerId != null && status == LeadStatus.ASSIGNED && claims.stream()
                .anyMatch(c -> c.userId().equals(ownerId) && now.isBefore(c.claimedAt().plus(window)));
    }

    /** The manager decides a claim contest for one of the claimants. */
    public void arbitrate(LeadActor actor, UUID winner, Instant now) {
        require(LeadAction.ARBITRATE, actor, now);
        if (winner == null || !hasClaimedSinceAssignment(winner)) {
            throw new FieldValidationException("winnerId", "lead.arbitrate.notAClaimant");
        }
        takeOver(winner, territoryId, now);
    }

    // --- progress and conversion ---------------------------------------------------------------------

    /** The rep logged a contact attempt with an intent level; answers whether it was the first response. */
    public boolean recordContact(LeadActor actor, Instant occurredAt, Instant now) {
        require(LeadAction.CONTACT, actor, now);
        boolean first = firstContactAt == null;
        if (first) {
            firstContactAt = occurredAt;
        }
        status = LeadStatus.CONTACTED;
        updatedAt = now;
        return first;
    }

    /**
     * The earliest time a contact attempt may say it happened: a day before the assignment — or, on a lead never
     * assigned, before its capture: a contact dated 1900 is a typo, and would stand as the lead's first response.
     */
    public Instant earliestContact() {
        return (assignedAt == null ? createdAt : assignedAt).minusSeconds(86_400);
    }

    /** Conversion (线索转化): only a contacted (qualified) lead becomes a customer. */
    public void convert(LeadActor actor, UUID customer, UUID contact, UUID opportunity, Instant now) {
        require(LeadAction.CONVERT, actor, now);
        this.status = LeadStatus.CONVERTED;
        this.customerId = customer;
        this.contactId = contact;
        this.opportunityId = opportunity;
        this.convertedAt = now;
        endContest();
        this.updatedAt = now;
    }

    public void disqualify(LeadActor actor, String reasonCode, String note, Instant now) {
        require(LeadAction.DISQUALIFY, actor, now);
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new FieldValidationException("reason", "lead.disqualify.reason.required");
        }
        if (note != null && note.length() > 1000) {
            throw new FieldValidationException("note", "lead.field.tooLong", 1000);
        }
        this.status = LeadStatus.DISQUALIFIED;
        this.disqualifyReason = reasonCode;
        this.disqualifyNote = note == null || note.isBlank() ? null : note.trim();
        endContest();
        this.updatedAt = now;
    }

    /**
     * A disqualified lead comes back, unowned, its grade kept, where it stood before: waiting for its
     * screening (NEW) or screened, to be routed again as a freshly screened lead is.
     */
    public void reopen(LeadActor actor, Instant now) {
        require(LeadAction.REOPEN, actor, now);
        this.status = screenedAt == null ? LeadStatus.NEW : LeadStatus.SCREENED;
        this.ownerId = null;
        this.queueManagerId = null;
        this.disqualifyReason = null;
        this.disqualifyNote = null;
        this.updatedAt = now;
    }

    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    /** Whether the lead still waits for a person to screen it (L1): its grade rests on incomplete data. */
    public boolean awaitsScreening() {
        return status == LeadStatus.NEW;
    }

    public List<LeadClaim> claimsInOrder() {
        return claims.stream().sorted(Comparator.comparing(LeadClaim::claimedAt)).toList();
    }

    public List<GradeReason> gradeReasonsInOrder() {
        return gradeReasons.stream().sorted(Comparator.comparing(GradeReason::criterion)).toList();
    }

    public GradingInput gradingInput(LocalDate today) {
        return new GradingInput(industry, budget, purchaseDate, decisionMakerKnown, contactName, today);
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String companyName() { return companyName; }
    public String contactName() { return contactName; }
    public String contactTitle() { return contactTitle; }
    public String phone() { return phone; }
    public String email() { return email; }
    public String industry() { return industry; }
    public String region() { return region; }
    public String regionCode() { return regionCode; }
    /** A region was entered that names no division: kept as entered, shown with a warning. */
    public boolean regionUnresolved() { return region != null && regionCode == null; }
    public String productLine() { return productLine; }
    public LeadSource source() { return source; }
    public String sourceDetail() { return sourceDetail; }
    public Instant sourcedAt() { return sourcedAt; }
    public BigDecimal budget() { return budget; }
    public LocalDate purchaseDate() { return purchaseDate; }
    public boolean decisionMakerKnown() { return decisionMakerKnown; }
    public String decisionChainNotes() { return decisionChainNotes; }
    public String uscc() { return uscc; }
    public String notes() { return notes; }
    CaptureChannel capturedVia() { return capturedVia; }
    public UUID capturedBy() { return capturedBy; }
    public Grade grade() { return grade; }
    public int gradePoints() { return gradePoints; }
    public boolean gradeComplete() { return gradeComplete; }
    public String gradeOverrideReason() { return gradeOverrideReason; }
    Instant screenedAt() { return screenedAt; }
    public LeadStatus status() { return status; }
    public UUID ownerId() { return ownerId; }
    public UUID queueManagerId() { return queueManagerId; }
    public UUID territoryId() { return territoryId; }
    public Instant assignedAt() { return assignedAt; }
    public Instant firstContactAt() { return firstContactAt; }
    public boolean contestOpen() { return contestOpen; }
    public Instant contestClosesAt() { return contestClosesAt; }
    public UUID contestDeciderId() { return contestDeciderId; }
    String duplicateKeepReason() { return duplicateKeepReason; }
    public String disqualifyReason() { return disqualifyReason; }
    public String disqualifyNote() { return disqualifyNote; }
    Instant convertedAt() { return convertedAt; }
    public UUID customerId() { return customerId; }
    public UUID contactId() { return contactId; }
    public UUID opportunityId() { return opportunityId; }
    public Long version() { return version; }
    public Instant createdAt() { return createdAt; }
}

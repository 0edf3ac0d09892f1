package com.lead2cash.lead.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
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
 * 线索 — a prospective customer before qualification. Its transitions enforce the lead SOP: screening
 * (L1, L3), routing and assignment (L4–L7), claims and their contest (L8), conversion and
 * disqualification (SPEC §4).
 */
@Table("lead_lead")
class Lead {

    private static final Set<LeadStatus> POOL = EnumSet.of(LeadStatus.NEW, LeadStatus.SCREENED, LeadStatus.NURTURING);

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
    @NotAudited
    @MappedCollection(idColumn = "lead_id")
    private Set<LeadClaim> claims;
    private String duplicateKeepReason;
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
        this.companyNameNormalized = companyNameNormalized;
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

    /** A new lead, graded on capture (L3). Validation of the draft happened before (LeadDrafts). */
    static Lead capture(String code, LeadDraft d, CaptureChannel via, UUID capturedBy, GradingResult grading,
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
    void correct(LeadDraft d, GradingResult grading, Instant now) {
        requireOpen();
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
    }

    /** The lead's registration data as a draft, for the edit form. */
    LeadDraft draft() {
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

    /** Screening done (L1): the grade stands, verified by a person or by complete data ({@code by} null). */
    void screen(UUID by, Instant now) {
        requireStatus(LeadStatus.NEW);
        this.status = LeadStatus.SCREENED;
        this.screenedAt = now;
        this.screenedBy = by;
        this.updatedAt = now;
    }

    /**
     * A person changes the grade (L3 manual re-grade), with a reason that the audit trail keeps. On a
     * lead not yet screened, this is its screening.
     */
    void regrade(GradingResult recomputed, Grade manualGrade, String reason, UUID by, Instant now) {
        requireOpen();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new FieldValidationException("reason", "lead.regrade.reason.required");
        }
        applyGrading(recomputed, now);
        this.grade = manualGrade;
        this.gradeOverrideReason = reason.trim();
        if (status == LeadStatus.NEW) {
            screen(by, now);
        }
    }

    /** Routing or a manager hands the lead to a rep (L5, reassignment); the first response starts again (L7). */
    void assignTo(UUID rep, UUID territory, Instant now) {
        requireOpen();
        if (status == LeadStatus.NEW) {
            throw new DomainException("lead.assign.notScreened");
        }
        this.ownerId = rep;
        this.territoryId = territory;
        this.queueManagerId = null;
        this.status = LeadStatus.ASSIGNED;
        this.assignedAt = now;
        this.firstContactAt = null;
        this.contestOpen = false;
        this.updatedAt = now;
    }

    /** No rep matched: the lead waits in the territory manager's queue (or the general one when null). */
    void queueFor(UUID manager, UUID territory, Instant now) {
        requireStatus(LeadStatus.SCREENED);
        this.queueManagerId = manager;
        this.territoryId = territory;
        this.updatedAt = now;
    }

    /** C leads go to the nurture pool (L4), batch-assigned weekly. */
    void nurture(Instant now) {
        requireStatus(LeadStatus.SCREENED);
        this.status = LeadStatus.NURTURING;
        this.ownerId = null;
        this.updatedAt = now;
    }

    /** Outcome of a claim: the claimant owns the lead, or a contest for the manager opened. */
    enum ClaimOutcome { CLAIMED, CONTEST }

    /**
     * A rep claims the lead from the pool. B and C: the first claim wins, later ones are refused. A:
     * the first claim wins provisionally; another claim inside the contest window (L8) turns it into
     * a contest that a manager arbitrates.
     */
    ClaimOutcome claim(UUID rep, Duration contestWindow, Instant now) {
        requireOpen();
        if (ownerId == null && POOL.contains(status) && status != LeadStatus.NEW) {
            claims.add(new LeadClaim(rep, now));
            assignTo(rep, territoryId, now);
            if (grade == Grade.A) {
                contestClosesAt = now.plus(contestWindow);
            }
            return ClaimOutcome.CLAIMED;
        }
        boolean withinContest = grade == Grade.A && contestClosesAt != null && now.isBefore(contestClosesAt)
                && status == LeadStatus.ASSIGNED;
        if (withinContest && !rep.equals(ownerId)) {
            if (claims.stream().noneMatch(c -> c.userId().equals(rep))) {
                claims.add(new LeadClaim(rep, now));
            }
            contestOpen = true;
            updatedAt = now;
            return ClaimOutcome.CONTEST;
        }
        throw new ConflictException("lead.claim.lost", code);
    }

    /** The manager decides a claim contest (L8) for one of the claimants. */
    void arbitrate(UUID winner, Instant now) {
        if (!contestOpen) {
            throw new DomainException("lead.arbitrate.noContest");
        }
        if (claims.stream().noneMatch(c -> c.userId().equals(winner))) {
            throw new FieldValidationException("winnerId", "lead.arbitrate.notAClaimant");
        }
        UUID territory = territoryId;
        assignTo(winner, territory, now);
        contestClosesAt = null;
    }

    /** The rep logged a contact attempt with an intent level: the first response (L7) is done. */
    boolean recordContact(Instant occurredAt, Instant now) {
        if (status != LeadStatus.ASSIGNED && status != LeadStatus.CONTACTED) {
            throw new DomainException("lead.contact.notAssigned");
        }
        boolean first = firstContactAt == null;
        if (first) {
            firstContactAt = occurredAt;
        }
        status = LeadStatus.CONTACTED;
        updatedAt = now;
        return first;
    }

    /** Conversion (线索转化): only a contacted (qualified) lead becomes a customer. */
    void convert(UUID customer, UUID contact, UUID opportunity, Instant now) {
        if (status != LeadStatus.CONTACTED) {
            throw new DomainException("lead.convert.notQualified");
        }
        this.status = LeadStatus.CONVERTED;
        this.customerId = customer;
        this.contactId = contact;
        this.opportunityId = opportunity;
        this.convertedAt = now;
        this.contestOpen = false;
        this.updatedAt = now;
    }

    void disqualify(String reasonCode, String note, Instant now) {
        requireOpen();
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new FieldValidationException("reason", "lead.disqualify.reason.required");
        }
        if (note != null && note.length() > 1000) {
            throw new FieldValidationException("note", "lead.field.tooLong", 1000);
        }
        this.status = LeadStatus.DISQUALIFIED;
        this.disqualifyReason = reasonCode;
        this.disqualifyNote = note == null || note.isBlank() ? null : note.trim();
        this.contestOpen = false;
        this.updatedAt = now;
    }

    /** A disqualified lead comes back into the pool, unowned, its grade kept. */
    void reopen(Instant now) {
        requireStatus(LeadStatus.DISQUALIFIED);
        this.status = screenedAt == null ? LeadStatus.NEW : LeadStatus.SCREENED;
        this.ownerId = null;
        this.queueManagerId = null;
        this.disqualifyReason = null;
        this.disqualifyNote = null;
        this.updatedAt = now;
    }

    /** A duplicate capture's facts fill what this lead does not know yet; its note is appended. */
    void mergeFrom(LeadDraft d, Instant now) {
        requireOpen();
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

    private void requireOpen() {
        if (status.isClosed()) {
            throw new DomainException("lead.closed", status);
        }
    }

    private void requireStatus(LeadStatus expected) {
        if (status != expected) {
            throw new DomainException("lead.status.expected", expected, status);
        }
    }

    void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    List<LeadClaim> claimsInOrder() {
        return claims.stream().sorted(Comparator.comparing(LeadClaim::claimedAt)).toList();
    }

    List<GradeReason> gradeReasonsInOrder() {
        return gradeReasons.stream().sorted(Comparator.comparing(GradeReason::criterion)).toList();
    }

    GradingInput gradingInput(LocalDate today) {
        return new GradingInput(industry, budget, purchaseDate, decisionMakerKnown, contactName, today);
    }

    UUID id() { return id; }
    String code() { return code; }
    String companyName() { return companyName; }
    String contactName() { return contactName; }
    String contactTitle() { return contactTitle; }
    String phone() { return phone; }
    String email() { return email; }
    String industry() { return industry; }
    String region() { return region; }
    String regionCode() { return regionCode; }
    /** A region was entered that names no division: kept as entered, shown with a warning. */
    boolean regionUnresolved() { return region != null && regionCode == null; }
    String productLine() { return productLine; }
    LeadSource source() { return source; }
    String sourceDetail() { return sourceDetail; }
    Instant sourcedAt() { return sourcedAt; }
    BigDecimal budget() { return budget; }
    LocalDate purchaseDate() { return purchaseDate; }
    boolean decisionMakerKnown() { return decisionMakerKnown; }
    String decisionChainNotes() { return decisionChainNotes; }
    String uscc() { return uscc; }
    String notes() { return notes; }
    CaptureChannel capturedVia() { return capturedVia; }
    UUID capturedBy() { return capturedBy; }
    Grade grade() { return grade; }
    int gradePoints() { return gradePoints; }
    boolean gradeComplete() { return gradeComplete; }
    String gradeOverrideReason() { return gradeOverrideReason; }
    Instant screenedAt() { return screenedAt; }
    LeadStatus status() { return status; }
    UUID ownerId() { return ownerId; }
    UUID queueManagerId() { return queueManagerId; }
    UUID territoryId() { return territoryId; }
    Instant assignedAt() { return assignedAt; }
    Instant firstContactAt() { return firstContactAt; }
    boolean contestOpen() { return contestOpen; }
    Instant contestClosesAt() { return contestClosesAt; }
    String duplicateKeepReason() { return duplicateKeepReason; }
    String disqualifyReason() { return disqualifyReason; }
    String disqualifyNote() { return disqualifyNote; }
    Instant convertedAt() { return convertedAt; }
    UUID customerId() { return customerId; }
    UUID contactId() { return contactId; }
    UUID opportunityId() { return opportunityId; }
    Long version() { return version; }
    Instant createdAt() { return createdAt; }
}

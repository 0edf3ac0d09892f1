package com.lead2cash.contract.internal.domain;

import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.customer.InvalidUnifiedSocialCreditCodeException;
import com.lead2cash.customer.UnifiedSocialCreditCode;
import com.lead2cash.platform.ChineseCapitals;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.NotAudited;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.SearchKeys;
import com.lead2cash.platform.VersionRequiredException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 合同 — a sales contract from its draft to the archive. It owns its rules: the text changes only while
 * drafting or revising, a submission needs complete terms (every clause filled, milestones adding up to
 * the amount, a term), the review outcome moves it on (SPEC §4: DRAFT → IN_REVIEW → (REVISING →)
 * IN_REVIEW → FINAL_APPROVAL → APPROVED → SIGNED → ARCHIVED; TERMINATED), signing needs the signed scan
 * and a date no earlier than the approval, and a signed contract is never edited again — amendments and
 * terminations are their own records. {@link #availableActions} says what an actor may do next.
 */
@Table("contract_contract")
public class Contract {

    public static final int MAX_TITLE = 200;
    public static final int MAX_PARTY = 200;
    public static final int MAX_SIGNATORIES = 500;
    public static final int MAX_REASON = 1000;
    /** The largest contract amount the product takes (CNY): 十亿. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    @Id
    private UUID id;
    private String number;
    private String title;
    private UUID opportunityId;
    private UUID customerId;
    private UUID quoteId;
    private UUID templateId;
    private Integer templateVersion;
    private UUID ownerId;
    private ContractStatus status;
    private Instant statusChangedAt;
    private BigDecimal amount;
    private String currency;
    private RiskLevel riskLevel;
    private LocalDate termStart;
    private LocalDate termEnd;
    private String buyerName;
    /** What the contract list's search finds it by: number, title and buyer (platform.SearchKeys). */
    @NotAudited
    private List<String> searchKeys;
    private String buyerTaxId;
    private String buyerAddress;
    private String buyerRepresentative;
    private String sellerName;
    @NotAudited
    @MappedCollection(idColumn = "contract", keyColumn = "position")
    private List<ContractSection> sections;
    @MappedCollection(idColumn = "contract", keyColumn = "position")
    private List<PaymentMilestone> milestones;
    @NotAudited
    @MappedCollection(idColumn = "contract", keyColumn = "position")
    private List<ContractLine> lines;
    @NotAudited
    @MappedCollection(idColumn = "contract")
    private Set<ContractValue> sourceValues;
    private int reviewRound;
    private UUID approvalId;
    private Instant submittedAt;
    private UUID reviewCopyFileId;
    private String reviewCopySha256;
    @NotAudited
    private String waitingFor;
    @NotAudited
    private Instant waitingSince;
    private Instant approvedAt;
    private LocalDate signedOn;
    private String signatories;
    private Instant signedAt;
    private UUID signedRecordedBy;
    private UUID scanFileId;
    private Instant archivedAt;
    private UUID archivedBy;
    private String archiveLocation;
    private Instant terminatedAt;
    private LocalDate retainUntil;
    private UUID createdBy;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;
    @Version
    private Long version;

    Contract() {
    }

    /**
     * What a new contract starts from: the opportunity, customer and quote, the template's clauses (with
     * their placeholders), the values its sources gave, the terms.
     */
    public record Draft(String title, UUID opportunityId, UUID customerId, UUID quoteId, UUID templateId,
                        Integer templateVersion, UUID ownerId, BigDecimal amount, RiskLevel riskLevel,
                        LocalDate termStart, LocalDate termEnd, String buyerName, String buyerTaxId,
                        String sellerName, List<TemplateClause> clauses, java.util.Map<String, String> sourceValues,
                        List<PaymentMilestone> milestones, List<ContractLine> lines) {
    }

    /** A clause of the template the contract is drafted on. */
    public record TemplateClause(String sectionKey, String heading, String body) {
    }

    /** The terms that may change while drafting or revising; null (left out) keeps a term as it is, blank text clears it. */
    public record Terms(String title, BigDecimal amount, RiskLevel riskLevel, LocalDate termStart, LocalDate termEnd,
                        String buyerName, String buyerTaxId, String buyerAddress, String buyerRepresentative,
                        List<PaymentMilestone> milestones) {
    }

    /**
     * A new contract in DRAFT 草拟, kept (R1) from today until the policy's years have passed; its milestones due on or
     * after {@code today} when given (none: asked on submission).
     */
    public static Contract draft(Draft d, String number, UUID createdBy, LocalDate keptUntil, LocalDate today,
                                 Instant now) {
        return draft(d, number, createdBy, keptUntil, today, today, now);
    }

    /**
     * {@link #draft(Draft, String, UUID, LocalDate, LocalDate, Instant)} on the company's day {@code draftedOn}, which
     * bounds the term ({@link #termProblems}; none: the term's first day is only asked not to be before 2000), while
     * milestones are asked against {@code today} when given.
     */
    public static Contract draft(Draft d, String number, UUID createdBy, LocalDate keptUntil, LocalDate draftedOn,
                                 LocalDate today, Instant now) {
        Contract c = new Contract();
        c.id = Ids.newId();
        c.number = number;
        c.opportunityId = Objects.requireNonNull(d.opportunityId());
        c.customerId = Objects.requireNonNull(d.customerId());
        c.quoteId = d.quoteId();
        c.templateId = d.templateId();
        c.templateVersion = d.templateVersion();
        c.ownerId = Objects.requireNonNull(d.ownerId());
        c.currency = "CNY";
        c.sellerName = d.sellerName();
        c.status = ContractStatus.DRAFT;
        c.statusChangedAt = now;
        c.lines = new ArrayList<>(d.lines() == null ? List.of() : d.lines());
        c.milestones = new ArrayList<>();
        c.sourceValues = new java.util.LinkedHashSet<>();
        (d.sourceValues() == null ? java.util.Map.<String, String>of() : d.sourceValues()).forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                c.sourceValues.add(new ContractValue(k, v.strip()));
            }
        });
        c.apply(new Terms(d.title(), d.amount(), d.riskLevel() == null ? RiskLevel.LOW : d.riskLevel(), d.termStart(),
                d.termEnd(), d.buyerName(), d.buyerTaxId(), null, null, d.milestones()), true, today, draftedOn);
        java.util.Map<String, String> values = c.values();
        c.sections = new ArrayList<>(d.clauses().stream()
                .map(t -> ContractSection.fromTemplate(t.sectionKey(), t.heading(), t.body(), values)).toList());
        c.retainUntil = keptUntil;
        c.createdBy = createdBy;
        c.createdAt = now;
        c.updatedAt = now;
        c.waitFor(List.of("USER:" + c.ownerId), now);
        return c;
    }

    /**
     * Changes the terms (only while drafting or revising); milestones must add up to the amount. {@code draftedOn}:
     * the company's calendar day the contract was drafted, the earliest a payment falls due.
     */
    public void revise(Terms terms, LocalDate draftedOn, Instant now) {
        requireEditable();
        apply(terms, false, draftedOn, draftedOn);
        java.util.Map<String, String> values = values();
        sections.replaceAll(s -> s.refilled(values));
        updatedAt = now;
    }

    /** The values the template's placeholders are filled with now. */
    public java.util.Map<String, String> values() {
        java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
        sourceValues.forEach(v -> sources.put(v.name(), v.value()));
        return Placeholders.of(this, sources);
    }

    /** The sums under the product lines down to the amount, as the scope clause states them. */
    public LineTotals lineTotals() {
        String quoteTax = sourceValues.stream().filter(v -> v.name().equals(Placeholders.QUOTE_TAX))
                .map(ContractValue::value).findFirst().orElse(null);
        return LineTotals.of(lines, amount, quoteTax);
    }

    /**
     * Why a term is refused, if it is — the one check of a term's days. Its first day is a day the business plans: from
     * {@link InputRules#FIRST_BUSINESS_DATE} (a term from 1901 is a typo) to {@link InputRules#MAX_YEARS_AHEAD} years
     * after the contract was drafted ({@code draftedOn}), as any planned date. Its last day is not before the first, and
     * at most as many years after the first: a contract running longer (to 2199) is a typo or a record pushed out of
     * sight, not a term this business signs.
     */
    static List<FieldValidationException.FieldError> termProblems(LocalDate start, LocalDate end, LocalDate draftedOn) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (draftedOn != null) {
            InputRules.businessDateProblem("termStart", start, draftedOn).ifPresent(errors::add);
        } else if (start != null && start.isBefore(InputRules.FIRST_BUSINESS_DATE)) {
            errors.add(new FieldValidationException.FieldError("termStart", "error.input.dateTooEarly",
                    InputRules.FIRST_BUSINESS_DATE));
        }
        if (end == null || !errors.isEmpty() || (start == null && draftedOn == null)) {
            // a first day refused is not what the last day is measured from
            return errors;
        }
        if (start != null && end.isBefore(start)) {
            errors.add(new FieldValidationException.FieldError("termEnd", "contract.term.order"));
        } else {
            LocalDate latest = InputRules.latestAhead(start != null ? start : draftedOn);
            if (end.isAfter(latest)) {
                errors.add(new FieldValidationException.FieldError("termEnd", "contract.term.tooLong",
                        InputRules.MAX_YEARS_AHEAD, latest));
            }
        }
        return errors;
    }

    private void apply(Terms t, boolean creating, LocalDate draftedOn, LocalDate termFrom) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        String newTitle = t.title() == null ? (creating ? null : title) : InputRules.strip(t.title());
        if (newTitle == null || newTitle.isEmpty() || newTitle.length() > MAX_TITLE) {
            errors.add(new FieldValidationException.FieldError("title", "contract.title.invalid", MAX_TITLE));
        } else {
            InputRules.singleLineProblem("title", t.title()).ifPresent(errors::add);
        }
        BigDecimal newAmount = t.amount() == null ? amount : t.amount();
        if (newAmount == null) {
            errors.add(new FieldValidationException.FieldError("amount", "contract.amount.required"));
        } else if (newAmount.signum() <= 0 || newAmount.scale() > 2) {
            errors.add(new FieldValidationException.FieldError("amount", "contract.amount.invalid"));
        } else if (newAmount.compareTo(MAX_AMOUNT) >= 0) {
            // a well-formed amount that is too large is told so, not "at most two decimals"
            errors.add(new FieldValidationException.FieldError("amount", "contract.amount.tooLarge",
                    MoneyText.of(MAX_AMOUNT)));
        }
        LocalDate newStart = t.termStart() == null ? termStart : t.termStart();
        LocalDate newEnd = t.termEnd() == null ? termEnd : t.termEnd();
        if (t.termStart() != null || t.termEnd() != null) {
            errors.addAll(termProblems(newStart, newEnd, termFrom));
        }
        String newBuyer = t.buyerName() == null ? buyerName : InputRules.strip(t.buyerName());
        if (newBuyer == null || newBuyer.isEmpty() || newBuyer.length() > MAX_PARTY) {
            errors.add(new FieldValidationException.FieldError("buyerName", "contract.buyer.required", MAX_PARTY));
        } else {
            InputRules.singleLineProblem("buyerName", t.buyerName()).ifPresent(errors::add);
        }
        for (var field : List.of(new String[] {"buyerAddress", t.buyerAddress()},
                new String[] {"buyerRepresentative", t.buyerRepresentative()})) {
            if (field[1] != null && field[1].strip().length() > MAX_PARTY) {
                errors.add(new FieldValidationException.FieldError(field[0], "contract.field.tooLong", MAX_PARTY));
            }
        }
        String newTaxId = t.buyerTaxId();
        if (newTaxId != null && !newTaxId.isBlank()) {
            // the taxpayer id printed in the PARTIES clause and the PDF is the one invoices check: a unified social credit code
            try {
                newTaxId = UnifiedSocialCreditCode.parse(newTaxId).value();
            } catch (InvalidUnifiedSocialCreditCodeException e) {
                errors.add(new FieldValidationException.FieldError("buyerTaxId", e.messageKey(), e.args().toArray()));
            }
        }
        List<PaymentMilestone> newMilestones = t.milestones() == null ? milestones : t.milestones();
        // milestones kept as they were are not asked again (they may have fallen due since): only new ones; named
        // beside the other fields' refusals, their sum asked whenever the amount itself is valid
        boolean amountValid = errors.stream().noneMatch(e -> e.field().equals("amount"));
        Milestones.Checked checkedMilestones = Milestones.check(newMilestones,
                amountValid ? newAmount.setScale(2) : null, t.milestones() == null ? null : draftedOn);
        errors.addAll(checkedMilestones.errors());
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        List<PaymentMilestone> checked = checkedMilestones.milestones();
        title = newTitle;
        amount = newAmount.setScale(2);
        riskLevel = t.riskLevel() == null ? riskLevel : t.riskLevel();
        termStart = newStart;
        termEnd = newEnd;
        buyerName = newBuyer;
        buyerTaxId = newTaxId == null ? buyerTaxId : blankToNull(newTaxId);
        if (!creating) {
            buyerAddress = t.buyerAddress() == null ? buyerAddress : blankToNull(t.buyerAddress());
            buyerRepresentative = t.buyerRepresentative() == null ? buyerRepresentative : blankToNull(t.buyerRepresentative());
        }
        milestones.clear();
        milestones.addAll(checked);
        searchKeys = searchKeys(number, title, buyerName);
    }

    /** The search keys of a contract: its number, title and buyer as text (the same code fills existing rows). */
    public static List<String> searchKeys(String number, String title, String buyerName) {
        return SearchKeys.of(java.util.stream.Stream.of(number, title, buyerName).filter(Objects::nonNull).toList(),
                List.of());
    }

    /** Rewrites one clause (only while drafting or revising); the template's text stays beside it. */
    public void editSection(String key, String heading, String body, Instant now) {
        requireEditable();
        int index = indexOf(key);
        ContractSection current = sections.get(index);
        sections.set(index, current.withText(validHeading(heading == null ? current.heading() : heading), validBody(body)));
        updatedAt = now;
    }

    /** Adds a clause the template does not have (其他约定); it is marked as added for the reviewers. */
    public String addClause(String heading, String body, Instant now) {
        requireEditable();
        if (sections.size() >= 60) {
            throw new DomainException("contract.sections.tooMany", 60);
        }
        int n = 1;
        while (hasSection("OTHER-" + n)) {
            n++;
        }
        String key = "OTHER-" + n;
        sections.add(new ContractSection(key, validHeading(heading), validBody(body), null, null));
        updatedAt = now;
        return key;
    }

    /** Removes an added clause; the core clauses of the template stay (their text may change). */
    public void removeClause(String key, Instant now) {
        requireEditable();
        int index = indexOf(key);
        if (sections.get(index).key().core() || !sections.get(index).added()) {
            throw new DomainException("contract.section.core");
        }
        sections.remove(index);
        updatedAt = now;
    }

    /**
     * DRAFT or REVISING → IN_REVIEW (K1). Refused unless the contract is complete: every core clause
     * written without unfilled placeholders, milestones adding up to the amount and none falling due before the day
     * it was drafted ({@code draftedOn}), a term. Answers the round.
     */
    public int submit(LocalDate draftedOn, Instant now) {
        if (!status.editable()) {
            throw new DomainException("contract.submit.notEditable");
        }
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        for (SectionKey k : SectionKey.values()) {
            if (k.core() && sections.stream().noneMatch(s -> s.key() == k && !s.body().isBlank())) {
                errors.add(new FieldValidationException.FieldError("sections." + k.name(), "contract.section.missing"));
            }
        }
        for (ContractSection s : sections) {
            if (s.unfilled()) {
                // which clause and which values, by what they are, so the rep knows what to give under "Edit the terms"
                errors.add(new FieldValidationException.FieldError("sections." + s.sectionKey(), "contract.section.unfilled",
                        s.heading(), new PlaceholderLabels(List.copyOf(Placeholders.unfilledIn(s.body())))));
            }
        }
        if (milestones.isEmpty()) {
            errors.add(new FieldValidationException.FieldError("milestones", "contract.milestones.required"));
        }
        if (termStart == null) {
            errors.add(new FieldValidationException.FieldError("termStart", "contract.term.required"));
        }
        if (termEnd == null) {
            errors.add(new FieldValidationException.FieldError("termEnd", "contract.term.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Milestones.checked(milestones, amount, draftedOn);
        reviewRound++;
        submittedAt = submittedAt == null ? now : submittedAt;
        moveTo(ContractStatus.IN_REVIEW, now);
        return reviewRound;
    }

    /** The PDF of this round, as the reviewers see it: kept in the file store, its SHA-256 recorded. */
    public void reviewCopy(UUID fileId, String sha256) {
        if (status != ContractStatus.IN_REVIEW) {
            throw new IllegalStateException("a review copy belongs to a submission");
        }
        reviewCopyFileId = fileId;
        reviewCopySha256 = sha256;
    }

    public void reviewedIn(UUID approval) {
        approvalId = approval;
    }

    /**
     * What a reviewer's remarks are about, each by its section key in order: one of this contract's clauses as they
     * now stand, as the review form offers them, or every one not so refused by its place ({@code remarks[i].section}).
     * A blank one is left to the approval's own rule (a remark names its section).
     */
    public void requireClausesRemarkedOn(List<String> sections) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            String key = sections.get(i);
            if (key != null && !key.isBlank() && this.sections.stream().noneMatch(s -> s.sectionKey().equals(key.strip()))) {
                errors.add(new FieldValidationException.FieldError("remarks[" + i + "].section",
                        "contract.review.remark.noSuchClause", key.strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    /** Every review passed (K1, and K5 when it applies): the final approval (K2) is under way. */
    public boolean reviewsPassed(Instant now) {
        if (status != ContractStatus.IN_REVIEW) {
            return false;
        }
        moveTo(ContractStatus.FINAL_APPROVAL, now);
        return true;
    }

    /** The final approval passed (K2): APPROVED 已批准, to be signed (K3). */
    public boolean approved(Instant now) {
        if (status != ContractStatus.IN_REVIEW && status != ContractStatus.FINAL_APPROVAL) {
            return false;
        }
        approvedAt = now;
        moveTo(ContractStatus.APPROVED, now);
        waitFor(List.of("USER:" + ownerId), now);
        return true;
    }

    /** A department objected, or an approver sent it back or turned it down: REVISING 修改中. */
    public boolean returnedForRevision(Instant now) {
        if (status != ContractStatus.IN_REVIEW && status != ContractStatus.FINAL_APPROVAL) {
            return false;
        }
        moveTo(ContractStatus.REVISING, now);
        waitFor(List.of("USER:" + ownerId), now);
        return true;
    }

    /**
     * APPROVED → SIGNED 已签署 (K3), with the signed scan, the day it was signed (not before the approval,
     * not in the future) and who signed for each side.
     */
    public void sign(LocalDate on, String signedBy, UUID scan, UUID recordedBy, LocalDate today, LocalDate approvalDay,
                     Instant now) {
        if (status != ContractStatus.APPROVED) {
            throw new DomainException("contract.sign.notApproved");
        }
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (on == null) {
            errors.add(new FieldValidationException.FieldError("signedOn", "contract.signedOn.required"));
        } else if (on.isAfter(today)) {
            errors.add(new FieldValidationException.FieldError("signedOn", "contract.signedOn.future"));
        } else if (on.isBefore(approvalDay)) {
            errors.add(new FieldValidationException.FieldError("signedOn", "contract.signedOn.beforeApproval", approvalDay));
        }
        String who = signedBy == null ? "" : signedBy.strip();
        if (who.isEmpty() || who.length() > MAX_SIGNATORIES) {
            errors.add(new FieldValidationException.FieldError("signatories", "contract.signatories.required", MAX_SIGNATORIES));
        }
        if (scan == null) {
            errors.add(new FieldValidationException.FieldError("scan", "contract.scan.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        signedOn = on;
        signatories = who;
        scanFileId = scan;
        signedAt = now;
        signedRecordedBy = recordedBy;
        moveTo(ContractStatus.SIGNED, now);
        waitFor(List.of("USER:" + ownerId), now);
    }

    /**
     * SIGNED → ARCHIVED 已归档 (K4): the key data — parties, amount, dates, term, payment terms, owner — are
     * recorded on the contract; the archivist adds where the paper original is kept.
     */
    public void archive(String location, UUID by, Instant now) {
        if (status != ContractStatus.SIGNED) {
            throw new DomainException("contract.archive.notSigned");
        }
        // K4: the archive says where the paper original is; an archive that does not is no archive
        String where = location == null ? "" : location.strip();
        if (where.isEmpty()) {
            throw new FieldValidationException("location", "contract.archive.location.required");
        }
        if (where.length() > MAX_PARTY) {
            throw new FieldValidationException("location", "contract.field.tooLong", MAX_PARTY);
        }
        archiveLocation = where;
        archivedAt = now;
        archivedBy = by;
        moveTo(ContractStatus.ARCHIVED, now);
        waitFor(List.of(), now);
    }

    /** What a termination says: the status it ended, the day it takes effect and why. */
    public record Termination(ContractStatus before, LocalDate effectiveOn, String reason) {
    }

    /**
     * Any state but TERMINATED → TERMINATED 已终止, with a reason, effective on a day (today when not given): not
     * before the contract was signed (drafted, when it never was), nor after its term ends, nor more than
     * {@link InputRules#MAX_YEARS_AHEAD} years ahead — the retention (R1) counts from it. The termination itself is its own record.
     */
    public Termination terminate(String reason, LocalDate effectiveOn, ZoneId zone, Instant now) {
        return terminate(reason, effectiveOn, List.of(), zone, now);
    }

    /**
     * {@link #terminate(String, LocalDate, ZoneId, Instant)}, some of whose values the input rules already refused
     * ({@code refused}, read as null): those are named together with every refusal of the other fields, nothing ended.
     */
    public Termination terminate(String reason, LocalDate effectiveOn, List<FieldValidationException.FieldError> refused,
                                 ZoneId zone, Instant now) {
        if (status == ContractStatus.TERMINATED) {
            throw new DomainException("contract.terminated");
        }
        List<FieldValidationException.FieldError> errors = new ArrayList<>(refused);
        Set<String> named = new java.util.HashSet<>();
        refused.forEach(e -> named.add(e.field()));
        String why = reason == null ? "" : reason.strip();
        if (!named.contains("reason") && (why.isEmpty() || why.length() > MAX_REASON)) {
            errors.add(new FieldValidationException.FieldError("reason", "contract.reason.required", MAX_REASON));
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate effective = effectiveOn == null ? today : effectiveOn;
        // a day the input rules refused was not read: not measured again
        if (!named.contains("effectiveOn")) {
            if (signedOn != null && effective.isBefore(signedOn)) {
                errors.add(new FieldValidationException.FieldError("effectiveOn", "contract.termination.beforeSigning", signedOn));
            } else if (effective.isBefore(LocalDate.ofInstant(createdAt, zone))) {
                errors.add(new FieldValidationException.FieldError("effectiveOn", "contract.termination.beforeDraft"));
            } else if (termEnd != null && effective.isAfter(termEnd)) {
                // the contract ends by itself on its term's last day: a termination takes effect within the term
                errors.add(new FieldValidationException.FieldError("effectiveOn", "contract.termination.afterTermEnd",
                        termEnd));
            } else if (effective.isAfter(InputRules.latestAhead(today))) {
                errors.add(new FieldValidationException.FieldError("effectiveOn", "contract.termination.tooFar",
                        InputRules.latestAhead(today)));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        ContractStatus before = status;
        terminatedAt = now;
        moveTo(ContractStatus.TERMINATED, now);
        waitFor(List.of(), now);
        return new Termination(before, effective, why);
    }

    /** R1: the retention moves later with the contract's last event of record (signing, termination). */
    public void keepUntil(LocalDate until) {
        if (retainUntil == null || until.isAfter(retainUntil)) {
            retainUntil = until;
        }
    }

    /**
     * The contract goes to another owner with its customer's open business (decision 0023): only while it is not
     * closed (archived or terminated contracts stay with the owner they were closed under). When it waits for its
     * owner (to revise, to sign), it now waits for the new one, since the same moment.
     */
    public void handOver(UUID newOwner, Instant now) {
        if (status == ContractStatus.ARCHIVED || status == ContractStatus.TERMINATED) {
            throw new DomainException("contract.handOver.closed");
        }
        String previous = "USER:" + ownerId;
        ownerId = Objects.requireNonNull(newOwner);
        if (waitingFor != null) {
            waitingFor = String.join(",", Arrays.stream(waitingFor.split(","))
                    .map(w -> w.equals(previous) ? "USER:" + newOwner : w).toList());
        }
        updatedAt = now;
    }

    /**
     * Whom the contract's review waits for now (the approvers of its flow's current step), since when: only while it is in
     * review (IN_REVIEW, FINAL_APPROVAL); otherwise it waits for whom its own state says.
     */
    public void awaitApprovers(List<String> whom, Instant since) {
        if (status == ContractStatus.IN_REVIEW || status == ContractStatus.FINAL_APPROVAL) {
            waitFor(whom, since);
        }
    }

    /** Whom the contract waits for ("ROLE:LEGAL", "USER:…"), since when: the list shows it. */
    public void waitFor(List<String> whom, Instant since) {
        String joined = whom.isEmpty() ? null : String.join(",", whom);
        if (!Objects.equals(joined, waitingFor)) {
            waitingFor = joined;
            waitingSince = joined == null ? null : since;
        }
    }

    /** What the actor may do next with this contract. */
    public Set<ContractAction> availableActions(ContractActor actor) {
        Set<ContractAction> actions = EnumSet.noneOf(ContractAction.class);
        boolean legalOrAdmin = actor.has(Role.LEGAL) || actor.has(Role.ADMIN);
        if (status.editable() && actor.worksContract()) {
            actions.add(ContractAction.EDIT);
            actions.add(ContractAction.SUBMIT);
        }
        if (status == ContractStatus.IN_REVIEW && !actor.pendingReviews().isEmpty()) {
            actions.add(ContractAction.REVIEW);
        }
        if ((status == ContractStatus.IN_REVIEW || status == ContractStatus.FINAL_APPROVAL) && actor.pendingApproval()) {
            actions.add(ContractAction.APPROVE);
        }
        if (status == ContractStatus.APPROVED && actor.worksContract()) {
            actions.add(ContractAction.SIGN);
        }
        if (status == ContractStatus.SIGNED && (actor.worksContract() || legalOrAdmin)) {
            actions.add(ContractAction.ARCHIVE);
        }
        if (status.signed() && actor.worksContract()) {
            actions.add(ContractAction.AMEND);
        }
        if (status != ContractStatus.TERMINATED
                && ((!approvedByManagement() && actor.worksContract()) || actor.managesOwner() || legalOrAdmin)) {
            // once the sales manager and legal head approved it (K2) the rep alone no longer ends it (docs/decisions/0046)
            actions.add(ContractAction.TERMINATE);
        }
        if (legalOrAdmin && retentionEnded(actor.today())) {
            actions.add(ContractAction.DELETE);
        }
        return Collections.unmodifiableSet(actions);
    }

    /**
     * Refused with 403 when the actor may not do it at all or, for a decision, when the pending step is not
     * theirs (docs/decisions/0014); 422 when the contract's state does not allow it now.
     */
    public void requireAction(ContractActor actor, ContractAction action) {
        if (availableActions(actor).contains(action)) {
            return;
        }
        boolean legalOrAdmin = actor.has(Role.LEGAL) || actor.has(Role.ADMIN);
        boolean theirs = switch (action) {
            case EDIT, SUBMIT, SIGN, AMEND -> actor.worksContract();
            case REVIEW -> actor.roles().stream().anyMatch(r -> Department.ofRole(r).isPresent());
            case APPROVE -> actor.roles().stream().anyMatch(r -> r.isManagerial() || r == Role.FINANCE || r == Role.LEGAL);
            case ARCHIVE -> actor.worksContract() || legalOrAdmin;
            case TERMINATE -> actor.worksContract() || actor.managesOwner() || legalOrAdmin;
            case DELETE -> legalOrAdmin;
        };
        if (!theirs) {
            throw new AccessDeniedException("contract action " + action);
        }
        if (action == ContractAction.DELETE) {
            requireRetentionEnded(actor.today());
        }
        if (action == ContractAction.TERMINATE && status != ContractStatus.TERMINATED && approvedByManagement()) {
            // the rep works it, but an approved contract is ended by those who approved it (0046): who asks, 403
            throw new ForbiddenException("contract.termination.managementOnly");
        }
        if (action == ContractAction.APPROVE
                && (status == ContractStatus.IN_REVIEW || status == ContractStatus.FINAL_APPROVAL)) {
            // a step is pending, but not for them: who asks (403), not what the contract's state forbids (422)
            throw new ForbiddenException("contract.approval.notYourStep");
        }
        throw new DomainException("contract.action.notNow", action.name(), Label.of("contract.status", status));
    }

    /** R1: deletion is refused before the retention has ended. */
    public void requireRetentionEnded(LocalDate today) {
        if (!retentionEnded(today)) {
            throw new DomainException("contract.retained", retainUntil);
        }
    }

    private boolean retentionEnded(LocalDate today) {
        return retainUntil == null || !today.isBefore(retainUntil);
    }

    public void expectVersion(Long expected) {
        if (expected != null && !Objects.equals(expected, version)) {
            throw new ConflictException("error.staleVersion");
        }
    }

    /** An action that must name the version read (a termination): without it 428, stale 409. */
    public void requireVersion(Long expected) {
        if (expected == null) {
            throw new VersionRequiredException();
        }
        if (!Objects.equals(expected, version)) {
            throw new ConflictException("error.staleVersion");
        }
    }

    /** Passed final approval by the sales manager and the legal head (K2): approved, signed or archived. */
    private boolean approvedByManagement() {
        return status == ContractStatus.APPROVED || status.signed();
    }

    private void moveTo(ContractStatus next, Instant now) {
        status = next;
        statusChangedAt = now;
        updatedAt = now;
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new DomainException("contract.locked", Label.of("contract.status", status));
        }
    }

    private boolean hasSection(String key) {
        return sections.stream().anyMatch(s -> s.sectionKey().equals(key));
    }

    private int indexOf(String key) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).sectionKey().equals(key)) {
                return i;
            }
        }
        throw new FieldValidationException("section", "contract.section.unknown", key);
    }

    private static String validHeading(String heading) {
        String h = heading == null ? "" : heading.strip();
        if (h.isEmpty() || h.length() > ContractSection.MAX_HEADING) {
            throw new FieldValidationException("heading", "contract.section.heading", ContractSection.MAX_HEADING);
        }
        return h;
    }

    private static String validBody(String body) {
        String b = body == null ? "" : body.strip().replace("\r\n", "\n");
        if (b.isEmpty() || b.length() > ContractSection.MAX_BODY) {
            throw new FieldValidationException("body", "contract.section.body", ContractSection.MAX_BODY);
        }
        return b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String amountInWords() {
        return ChineseCapitals.of(amount);
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public String title() { return title; }
    public UUID opportunityId() { return opportunityId; }
    public UUID customerId() { return customerId; }
    public UUID quoteId() { return quoteId; }
    public UUID templateId() { return templateId; }
    public Integer templateVersion() { return templateVersion; }
    public UUID ownerId() { return ownerId; }
    public ContractStatus status() { return status; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public RiskLevel riskLevel() { return riskLevel; }
    public LocalDate termStart() { return termStart; }
    public LocalDate termEnd() { return termEnd; }
    public String buyerName() { return buyerName; }
    public String buyerTaxId() { return buyerTaxId; }
    public String buyerAddress() { return buyerAddress; }
    public String buyerRepresentative() { return buyerRepresentative; }
    public String sellerName() { return sellerName; }
    public List<ContractSection> sections() { return Collections.unmodifiableList(sections); }
    public List<PaymentMilestone> milestones() { return Collections.unmodifiableList(milestones); }
    public List<ContractLine> lines() { return Collections.unmodifiableList(lines); }
    public Set<ContractValue> sourceValues() { return Collections.unmodifiableSet(sourceValues); }
    public int reviewRound() { return reviewRound; }
    public UUID approvalId() { return approvalId; }
    public Instant submittedAt() { return submittedAt; }
    public UUID reviewCopyFileId() { return reviewCopyFileId; }
    public String reviewCopySha256() { return reviewCopySha256; }
    public String waitingFor() { return waitingFor; }
    public Instant waitingSince() { return waitingSince; }
    public Instant approvedAt() { return approvedAt; }
    public LocalDate signedOn() { return signedOn; }
    public String signatories() { return signatories; }
    public Instant signedAt() { return signedAt; }
    public UUID scanFileId() { return scanFileId; }
    public Instant archivedAt() { return archivedAt; }
    public UUID archivedBy() { return archivedBy; }
    public String archiveLocation() { return archiveLocation; }
    public Instant terminatedAt() { return terminatedAt; }
    public LocalDate retainUntil() { return retainUntil; }
    public UUID createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}

package com.lead2cash.quote.internal.domain;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 报价 / 方案 — one version of a quote to a customer for an opportunity. Every version carries the
 * quote's number, its revision and its date (Q1); a new version supersedes the one before, which stays
 * readable as it was. A version is written as a DRAFT, submitted — approved at once within its author's
 * discount authority, else PENDING_APPROVAL until whoever holds enough authority decides (Q2) — reviewed
 * by a manager (Q1), sent to the customer, and accepted or rejected by them.
 */
@Table("quote_quote")
public class Quote {

    static final int MAX_LINES = 200;

    @Id
    private UUID id;
    private String number;
    private int revision;
    private UUID opportunityId;
    private UUID customerId;
    private UUID authorId;
    private QuoteStatus status;
    private String currency;
    private UUID priceListId;
    private LocalDate quotedOn;
    private LocalDate validUntil;
    private String deliveryPeriod;
    private String paymentTerms;
    private String notes;
    private BigDecimal subtotal;
    private BigDecimal tax;
    private BigDecimal total;
    private BigDecimal listTotal;
    private BigDecimal maxDiscount;
    private Authority requiredAuthority;
    private UUID approvalId;
    private UUID reviewedBy;
    private Instant reviewedAt;
    private String reviewComment;
    private UUID confirmationId;
    private Instant sentAt;
    private Instant answeredAt;
    @MappedCollection(idColumn = "quote", keyColumn = "quote_key")
    private List<QuoteLine> lines = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Quote() {
    }

    /**
     * The first version of a new quote, as a draft, its number taken from {@code number} only once its lines passed
     * their checks: a quote refused takes none, and the series' row the number comes from is locked no longer than
     * needed.
     */
    public static Quote draft(java.util.function.Supplier<String> number, UUID opportunityId, UUID customerId,
                              UUID authorId, QuoteTerms terms, List<QuoteLine> lines, Authority required,
                              LocalDate quotedOn, Instant now) {
        Quote q = new Quote();
        q.id = Ids.newId();
        q.revision = 1;
        q.opportunityId = opportunityId;
        q.customerId = customerId;
        q.authorId = authorId;
        q.status = QuoteStatus.DRAFT;
        q.currency = "CNY";
        q.quotedOn = quotedOn;
        q.createdAt = now;
        q.apply(terms, lines, required, now);
        q.number = number.get();
        return q;
    }

    /** Replaces the terms and lines of a draft. */
    public void change(QuoteTerms terms, List<QuoteLine> lines, Authority required, LocalDate today, Instant now) {
        requireStatus(QuoteStatus.DRAFT, "quote.notDraft");
        quotedOn = today;
        apply(terms, lines, required, now);
    }

    /**
     * How many lines a version may have: at least one, at most {@link #MAX_LINES}. A count alone, so that whoever
     * prices the lines asks it first and refuses too many before a single line is looked up in the catalogue.
     */
    public static java.util.Optional<FieldValidationException.FieldError> lineCountProblem(List<?> lines) {
        if (lines == null || lines.isEmpty()) {
            return java.util.Optional.of(new FieldValidationException.FieldError("lines", "quote.lines.required"));
        }
        if (lines.size() > MAX_LINES) {
            return java.util.Optional.of(new FieldValidationException.FieldError("lines", "quote.lines.tooMany", MAX_LINES));
        }
        return java.util.Optional.empty();
    }

    private void apply(QuoteTerms terms, List<QuoteLine> newLines, Authority required, Instant now) {
        lineCountProblem(newLines).ifPresent(problem -> {
            throw new FieldValidationException(List.of(problem));
        });
        // each quantity and price fits an amount, their products may not: the totals are stored as amounts too
        QuoteTotals.Totals totals = QuoteTotals.of(newLines);
        if (Stream.of(totals.total(), totals.listTotal()).anyMatch(t -> InputRules.amountProblem(t).isPresent())) {
            throw new FieldValidationException("lines", "quote.lines.totalTooLarge",
                    InputRules.MONEY_PRECISION - InputRules.MONEY_SCALE);
        }
        priceListId = terms.priceListId();
        validUntil = terms.validUntil();
        deliveryPeriod = terms.deliveryPeriod();
        paymentTerms = terms.paymentTerms();
        notes = terms.notes();
        lines = new ArrayList<>(newLines);
        subtotal = totals.subtotal();
        tax = totals.tax();
        total = totals.total();
        listTotal = totals.listTotal();
        maxDiscount = lines.stream().map(QuoteLine::effectiveDiscount).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        requiredAuthority = required;
        reviewedBy = null;
        reviewedAt = null;
        reviewComment = null;
        updatedAt = now;
    }

    /**
     * A new version of this quote: a draft with the same number, the next revision and a copy of the terms
     * and lines, dated today; this version is SUPERSEDED and stays readable. An accepted quote is kept as
     * the customer accepted it.
     */
    public Quote revise(UUID authorId, LocalDate today, Instant now) {
        if (status == QuoteStatus.ACCEPTED) {
            throw new DomainException("quote.revise.accepted");
        }
        if (status == QuoteStatus.SUPERSEDED || status == QuoteStatus.DRAFT) {
            throw new DomainException("quote.revise.notAllowed", Label.of("quote.status", status));
        }
        Quote next = new Quote();
        next.id = Ids.newId();
        next.number = number;
        next.revision = revision + 1;
        next.opportunityId = opportunityId;
        next.customerId = customerId;
        next.authorId = authorId;
        next.status = QuoteStatus.DRAFT;
        next.currency = currency;
        next.quotedOn = today;
        next.createdAt = now;
        next.apply(new QuoteTerms(priceListId, validUntil, deliveryPeriod, paymentTerms, notes), lines,
                requiredAuthority, now);
        status = QuoteStatus.SUPERSEDED;
        updatedAt = now;
        return next;
    }

    /**
     * Q2 — submits the draft: within the author's discount authority it is approved at once, above it it
     * waits for an approval (answers true then, and the caller starts the flow).
     */
    public boolean submit(Authority authorAuthority, Authority required, Instant now) {
        requireStatus(QuoteStatus.DRAFT, "quote.notDraft");
        requiredAuthority = required;
        updatedAt = now;
        if (authorAuthority.covers(required)) {
            status = QuoteStatus.APPROVED;
            return false;
        }
        status = QuoteStatus.PENDING_APPROVAL;
        return true;
    }

    public void approvalStarted(UUID approval) {
        approvalId = approval;
    }

    /** Q2 — the approval ended approved; the approver's decision is the manager's review of the pricing (Q1). */
    public void approved(UUID approver, String comment, Instant now) {
        requireStatus(QuoteStatus.PENDING_APPROVAL, "quote.notPending");
        status = QuoteStatus.APPROVED;
        reviewedBy = approver;
        reviewedAt = now;
        reviewComment = comment;
        updatedAt = now;
    }

    /** Q2 — the approval was rejected or sent back: the author reworks the draft. */
    public void backToDraft(Instant now) {
        requireStatus(QuoteStatus.PENDING_APPROVAL, "quote.notPending");
        status = QuoteStatus.DRAFT;
        updatedAt = now;
    }

    /** Q1 — a manager other than the author records their review of the quote's logic and pricing. */
    public void review(QuoteActor actor, String comment, Instant now) {
        // who may review does not depend on whether sending waits for a review
        requireAction(actor, QuoteAction.REVIEW, false);
        reviewedBy = actor.id();
        reviewedAt = now;
        reviewComment = comment == null || comment.isBlank() ? null : comment.strip();
        updatedAt = now;
    }

    /** Sends the approved quote to the customer; with the policy's Q1 review required, a reviewed one only. */
    public void sent(UUID confirmation, boolean reviewBeforeSending, Instant now) {
        requireStatus(QuoteStatus.APPROVED, "quote.send.notApproved");
        if (awaitsReview(reviewBeforeSending)) {
            throw new DomainException("quote.send.notReviewed");
        }
        status = QuoteStatus.SENT;
        confirmationId = confirmation;
        sentAt = now;
        updatedAt = now;
    }

    /** The confirmation that carries the link the customer answers. */
    public void confirmationSent(UUID confirmation) {
        requireStatus(QuoteStatus.SENT, "quote.notSent");
        confirmationId = confirmation;
    }

    /** The version the client read; a stale one is refused (409) when saved. */
    public void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    /**
     * Whether this version is still out for the customer's answer (0040): sent, its opportunity open, and no quote of
     * the opportunity accepted — otherwise its links are withdrawn and an answer changes nothing.
     */
    public boolean awaitsAnswer(Stage opportunityStage, boolean anyAccepted) {
        return status == QuoteStatus.SENT && opportunityStage.isOpen() && !anyAccepted;
    }

    /**
     * The customer's answer to the link of this version, recorded while it still awaited one ({@link #awaitsAnswer}:
     * the opportunity open, no quote of it accepted). Answers whether the answer counts: once the customer accepted
     * another quote of the opportunity an acceptance of this one changes nothing — the opportunity moved on with that
     * one. An answer recorded before the opportunity was won or lost counts though it is applied after (0052): the
     * quote says what the customer was told, as when it was applied before the close.
     */
    public boolean answered(boolean accepted, boolean anotherAccepted, Instant now) {
        requireStatus(QuoteStatus.SENT, "quote.notSent");
        if (accepted && anotherAccepted) {
            return false;
        }
        status = accepted ? QuoteStatus.ACCEPTED : QuoteStatus.REJECTED;
        answeredAt = now;
        updatedAt = now;
        return true;
    }

    /**
     * What every page of a printed copy of this version says of it (Q1, Q2): a version not approved for sending — a
     * draft (one an approver sent back or rejected too), one waiting on its approval, one approved but held for the
     * manager's review — is marked not to go to the customer, a superseded one as superseded; one that may go, or
     * went, to the customer is printed unmarked. {@code reviewBeforeSending}: the policy's Q1.
     */
    public QuotePrintMark printMark(boolean reviewBeforeSending) {
        return switch (status) {
            case DRAFT, PENDING_APPROVAL -> QuotePrintMark.DRAFT;
            case APPROVED -> awaitsReview(reviewBeforeSending) ? QuotePrintMark.AWAITING_REVIEW : QuotePrintMark.NONE;
            case SUPERSEDED -> QuotePrintMark.SUPERSEDED;
            case SENT, ACCEPTED, REJECTED -> QuotePrintMark.NONE;
        };
    }

    /** Q1 — whether this version may not be sent before a manager has reviewed it. */
    private boolean awaitsReview(boolean reviewBeforeSending) {
        return reviewBeforeSending && reviewedAt == null;
    }

    /** Q1 — approved but held until a manager reviews it: the one step before sending that only a manager can take. */
    public boolean awaitsManagersReview(boolean reviewBeforeSending) {
        return status == QuoteStatus.APPROVED && awaitsReview(reviewBeforeSending);
    }

    /** Q1 — whether the actor is the one this version waits for: it awaits a review and they may record it. */
    public boolean awaitsReviewBy(QuoteActor actor, boolean reviewBeforeSending) {
        return awaitsManagersReview(reviewBeforeSending)
                && availableActions(actor, reviewBeforeSending).contains(QuoteAction.REVIEW);
    }

    /**
     * What the actor may do with this version now; {@code reviewBeforeSending}: the policy's Q1 (an approved version
     * is offered for sending only once reviewed). Nothing once the customer accepted a quote of the opportunity.
     */
    public Set<QuoteAction> availableActions(QuoteActor actor, boolean reviewBeforeSending) {
        // once the customer accepted a quote of the opportunity no other quote of it goes out again (0040): a step on
        // one (edit, submit, review, revise) would only lead to a version that could never be sent
        if (actor.quoteAccepted()) {
            return EnumSet.noneOf(QuoteAction.class);
        }
        return offered(actor, reviewBeforeSending);
    }

    /** What the actor would be offered were no quote of the opportunity accepted. */
    private Set<QuoteAction> offered(QuoteActor actor, boolean reviewBeforeSending) {
        Set<QuoteAction> actions = EnumSet.noneOf(QuoteAction.class);
        if (!actor.works() || !actor.opportunityOpen()) {
            return actions;
        }
        switch (status) {
            case DRAFT -> {
                actions.add(QuoteAction.EDIT);
                actions.add(QuoteAction.SUBMIT);
            }
            case APPROVED -> {
                if (!awaitsReview(reviewBeforeSending) && actor.opportunityProposing()) {
                    actions.add(QuoteAction.SEND);
                }
                actions.add(QuoteAction.REVISE);
            }
            case SENT, PENDING_APPROVAL, REJECTED -> actions.add(QuoteAction.REVISE);
            default -> {
            }
        }
        boolean reviewable = status == QuoteStatus.DRAFT || status == QuoteStatus.PENDING_APPROVAL
                || status == QuoteStatus.APPROVED;
        if (reviewable && actor.manager() && !actor.id().equals(authorId) && reviewedAt == null) {
            actions.add(QuoteAction.REVIEW);
        }
        return actions;
    }

    /** Refuses what the actor may not do: 403 when nobody in their place could, 422 when the state forbids it. */
    public void requireAction(QuoteActor actor, QuoteAction action, boolean reviewBeforeSending) {
        if (availableActions(actor, reviewBeforeSending).contains(action)) {
            return;
        }
        if (!actor.works()) {
            throw new ForbiddenException("error.forbidden");
        }
        if (action == QuoteAction.REVIEW) {
            // who may never review this version is told why (Q1): the review is a manager's, and not the author's
            if (!actor.manager()) {
                throw new ForbiddenException("quote.review.managersOnly");
            }
            if (actor.id().equals(authorId)) {
                throw new ForbiddenException("quote.review.ownQuote");
            }
        }
        // from here on someone who may act on quotes asks: what refuses them is a state, 422
        if (!actor.opportunityOpen()) {
            throw new DomainException("quote.opportunityClosed");
        }
        if (action == QuoteAction.REVISE && status == QuoteStatus.ACCEPTED) {
            throw new DomainException("quote.revise.accepted");
        }
        if (actor.quoteAccepted() && offered(actor, reviewBeforeSending).contains(action)) {
            // what another quote's acceptance alone refuses: its revision, or a step towards sending it, could never be sent
            throw new DomainException(switch (action) {
                case REVISE -> "quote.revise.anotherAccepted";
                case EDIT -> "quote.edit.anotherAccepted";
                default -> "quote.send.anotherAccepted";
            });
        }
        if (action == QuoteAction.SEND && status == QuoteStatus.APPROVED) {
            if (!actor.opportunityProposing()) {
                throw new DomainException("quote.send.beforeProposal", Label.of("opportunity.stage", actor.opportunityStage()));
            }
            if (actor.quoteAccepted()) {
                throw new DomainException("quote.send.anotherAccepted");
            }
            if (awaitsReview(reviewBeforeSending)) {
                throw new DomainException("quote.send.notReviewed");
            }
        }
        throw new DomainException("quote.action.notNow",
                Label.of("quote.action", action), Label.of("quote.status", status));
    }

    private void requireStatus(QuoteStatus expected, String key) {
        if (status != expected) {
            throw new DomainException(key, Label.of("quote.status", status));
        }
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public int revision() { return revision; }
    public UUID opportunityId() { return opportunityId; }
    public UUID customerId() { return customerId; }
    public UUID authorId() { return authorId; }
    public QuoteStatus status() { return status; }
    public String currency() { return currency; }
    public UUID priceListId() { return priceListId; }
    public LocalDate quotedOn() { return quotedOn; }
    public LocalDate validUntil() { return validUntil; }
    public String deliveryPeriod() { return deliveryPeriod; }
    public String paymentTerms() { return paymentTerms; }
    public String notes() { return notes; }
    public BigDecimal subtotal() { return subtotal; }
    public BigDecimal tax() { return tax; }
    public BigDecimal total() { return total; }
    public BigDecimal listTotal() { return listTotal; }
    /** The largest discount of the lines, in percent with two places, as shown ({@link QuoteLine#effectiveDiscount}). */
    public BigDecimal maxDiscount() { return maxDiscount; }

    /** Q2 — the largest discount of this version's lines unrounded: what the authority it needs is decided on. */
    public BigDecimal authorityDiscount() {
        return authorityDiscount(lines);
    }

    /** Q2 — the largest discount of the lines unrounded ({@link QuoteLine#unroundedDiscount}). */
    public static BigDecimal authorityDiscount(List<QuoteLine> lines) {
        return lines.stream().map(QuoteLine::unroundedDiscount).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }
    public Authority requiredAuthority() { return requiredAuthority; }
    public UUID approvalId() { return approvalId; }
    public UUID reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
    public String reviewComment() { return reviewComment; }
    public UUID confirmationId() { return confirmationId; }
    public Instant sentAt() { return sentAt; }
    public Instant answeredAt() { return answeredAt; }
    public List<QuoteLine> lines() { return List.copyOf(lines); }
    public Instant createdAt() { return createdAt; }
    public long version() { return version == null ? 0 : version; }

    /** The totals recomputed from the lines (with the tax per rate). */
    public QuoteTotals.Totals totals() {
        return QuoteTotals.of(lines);
    }
}

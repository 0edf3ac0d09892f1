package com.lead2cash.quote.internal;

import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalSentBack;
import com.lead2cash.approval.ApprovalWithdrawn;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.catalog.Catalog;
import com.lead2cash.confirmation.ConfirmationAnswered;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Opportunities.OpportunityRef;
import com.lead2cash.opportunity.OpportunityStageChanged;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Scope;
import com.lead2cash.quote.internal.domain.Authority;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteAction;
import com.lead2cash.quote.internal.domain.QuoteActor;
import com.lead2cash.quote.internal.domain.QuoteLine;
import com.lead2cash.quote.internal.domain.QuoteRepository;
import com.lead2cash.quote.internal.domain.QuoteStatus;
import com.lead2cash.quote.internal.domain.QuoteTerms;
import com.lead2cash.quote.internal.domain.QuoteTotals;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works quotes (报价): writes versions on an opportunity with prices from the applicable price list,
 * submits them under the author's discount authority or through the approval mechanism (Q2), records the
 * manager's review (Q1), sends them to a customer contact to accept or reject online, and moves the
 * opportunity on when the customer accepts. A quote is visible to whoever sees its opportunity.
 */
@Service
public class QuoteService {

    private static final Logger log = LoggerFactory.getLogger(QuoteService.class);

    /** The prefix of quote numbers ("Q-2026-000123"), a document series without gaps. */
    static final String NUMBER_PREFIX = "Q";

    /** The subject type of a quote's approvals and confirmations. */
    public static final String SUBJECT = "Quote";
    /** The roles that review quotes (Q1): a {@link QuoteActor#manager()}; their home page lists the quotes awaiting it. */
    public static final java.util.Set<Role> REVIEWERS = java.util.Set.of(Role.SALES_MANAGER, Role.REGIONAL_MANAGER, Role.SALES_DIRECTOR);

    /**
     * The notice asking the author's manager to review a version (Q1), about the version: sent only for a version
     * approved at once (one that went through an approval was reviewed by its approver), and settled once it leaves the
     * review step by any path — reviewed, revised, the customer accepting another quote of its opportunity, or the
     * opportunity won or lost.
     */
    static final NotificationKind REVIEW_NOTICE = NotificationKind.QUOTE_REVIEW_REQUESTED;

    /** One line as asked: the unit price defaults to the applicable price list's, the discount to none. */
    public record LineRequest(UUID productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
    }

    /** The content of a version: its lines and terms. */
    public record Content(UUID priceListId, List<LineRequest> lines, LocalDate validUntil, String deliveryPeriod,
                          String paymentTerms, String notes) {
    }

    private final QuoteRepository quotes;
    private final Opportunities opportunities;
    private final Catalog catalog;
    private final CustomerDirectory customers;
    private final Approvals approvals;
    private final Confirmations confirmations;
    private final QuoteDocuments documents;
    private final SopPolicy policy;
    private final HumanCodes codes;
    private final OrgDirectory org;
    private final Notifier notifier;
    private final DataScope dataScope;
    private final Clock clock;
    private final ZoneId zone;

    QuoteService(QuoteRepository quotes, Opportunities opportunities, Catalog catalog, CustomerDirectory customers,
                 Approvals approvals, Confirmations confirmations, QuoteDocuments documents, SopPolicy policy,
                 HumanCodes codes, OrgDirectory org, Notifier notifier, DataScope dataScope, Clock clock,
                 @Value("${l2c.zone}") ZoneId zone) {
        this.org = org;
        this.notifier = notifier;
        this.dataScope = dataScope;
        this.quotes = quotes;
        this.opportunities = opportunities;
        this.catalog = catalog;
        this.customers = customers;
        this.approvals = approvals;
        this.confirmations = confirmations;
        this.documents = documents;
        this.policy = policy;
        this.codes = codes;
        this.clock = clock;
        this.zone = zone;
    }

    public QuoteRules rules() {
        return policy.current().bind(QuoteRules.class);
    }

    /** Writes the first version of a new quote on an opportunity the user works. */
    @Transactional
    public Quote create(UUID opportunityId, Content content) {
        if (opportunityId == null) {
            throw new FieldValidationException("opportunityId", "quote.opportunity.required");
        }
        OpportunityRef opportunity = requireQuoter(opportunityId);
        Optional<DomainException> refused = newQuoteRefusal(opportunity);
        if (refused.isPresent()) {
            throw refused.get();
        }
        LocalDate today = today();
        Drafted drafted = drafted(content, opportunity.customerId(), today);
        QuoteTerms terms = drafted.terms();
        List<QuoteLine> lines = drafted.lines();
        // the number last, after every check that may refuse: it comes without gaps from the series' counter row, which
        // stays locked until this transaction ends (a revision keeps its quote's number and takes none)
        Quote quote = Quote.draft(() -> codes.nextDocumentNumber(NUMBER_PREFIX), opportunity.id(), opportunity.customerId(),
                CurrentUser.require().id(), terms, lines, rules().required(Quote.authorityDiscount(lines)), today, clock.instant());
        return quotes.save(quote);
    }

    /**
     * The opportunity a new quote would be for, visible to the user (404 otherwise), who works it — its owner or a
     * manager above (403 otherwise, whatever its stage): who may write a quote of it. Creating asks it, and so does the
     * new quote's form before it is shown.
     */
    @Transactional(readOnly = true)
    public OpportunityRef requireQuoter(UUID opportunityId) {
        OpportunityRef opportunity = opportunities.requireVisible(opportunityId);
        if (!opportunities.worksOn(opportunityId)) {
            throw new com.lead2cash.platform.ForbiddenException("error.forbidden");
        }
        return opportunity;
    }

    /**
     * Why the opportunity takes no new quote, if it does not: it is closed, or the customer accepted a quote of it —
     * no other quote of it goes out then (0040), so a new one could never be sent. Creating asks it, and so does the
     * opportunity's quote card before it offers a new quote.
     */
    @Transactional(readOnly = true)
    public Optional<DomainException> newQuoteRefusal(OpportunityRef opportunity) {
        if (opportunity.stage().isClosed()) {
            // the stage as the reader's language names it ("Won", "赢单"), not its code
            return Optional.of(new DomainException("quote.opportunity.closed",
                    new org.springframework.context.support.DefaultMessageSourceResolvable("opportunity.stage." + opportunity.stage().name())));
        }
        if (quotes.anyAccepted(opportunity.id())) {
            return Optional.of(new DomainException("quote.create.anotherAccepted"));
        }
        return Optional.empty();
    }

    /** Rewrites a draft's lines and terms. */
    @Transactional
    public Quote change(UUID id, Content content, Long version) {
        Quote quote = forAction(id, version, QuoteAction.EDIT);
        LocalDate today = today();
        Drafted drafted = drafted(content, quote.customerId(), today);
        QuoteTerms terms = drafted.terms();
        List<QuoteLine> lines = drafted.lines();
        quote.change(terms, lines, rules().required(Quote.authorityDiscount(lines)), today, clock.instant());
        return quotes.save(quote);
    }

    /**
     * Q1 — a new version of the quote (a draft copying this one); this one is superseded and stays
     * readable, an approval it waited for is withdrawn and a link the customer has says it was superseded.
     */
    @Transactional
    public Quote revise(UUID id, Long version) {
        Quote current = forAction(id, version, QuoteAction.REVISE);
        UUID me = CurrentUser.require().id();
        boolean pending = current.status() == QuoteStatus.PENDING_APPROVAL;
        Quote next = current.revise(me, today(), clock.instant());
        quotes.save(current);
        notifier.settle(REVIEW_NOTICE, current.id());
        if (pending && current.approvalId() != null) {
            approvals.find(current.approvalId())
                    .filter(a -> a.state() == ApprovalView.State.IN_PROGRESS)
                    .ifPresent(a -> approvals.withdraw(a.id(), a.submitterId()));
        }
        Quote saved = quotes.save(next);
        confirmations.supersede(new ConfirmationSubject(SUBJECT, saved.number(), saved.revision()));
        return saved;
    }

    /**
     * Q2 — submits the draft: approved at once when the discount is within the submitter's authority
     * (rep, manager, director, from the policy), else it goes to whoever holds enough authority: the
     * submitter's line manager up to the manager's limit, the sales director above it.
     */
    @Transactional
    public Quote submit(UUID id, Long version) {
        Quote quote = forAction(id, version, QuoteAction.SUBMIT);
        CurrentUser me = CurrentUser.require();
        QuoteRules rules = rules();
        // on the discount unrounded: the shown 5.00 % of a real 5.0045 % is above a rep's 5 %
        Authority required = rules.required(quote.authorityDiscount());
        if (quote.submit(QuoteRules.of(me.roles()), required, clock.instant())) {
            ApprovalRef approval = approvals.submit(new ApprovalRequest(SUBJECT, quote.id().toString(),
                    title(quote, customers.find(quote.customerId()).map(CustomerDirectory.CustomerRef::name).orElse("")),
                    me.id(), flow(required), facts(quote, required)));
            quote.approvalStarted(approval.id());
        }
        Quote saved = quotes.save(quote);
        if (saved.awaitsManagersReview(rules.reviewBeforeSending())) {
            askForReview(saved);
        }
        return saved;
    }

    /**
     * Q1 — tells the author's line manager that the quote waits for their review: a manager above the author is
     * above the opportunity's owner too (the author works it), and is never the author (who may not review).
     */
    private void askForReview(Quote quote) {
        org.managerOf(quote.authorId()).filter(m -> !m.id().equals(quote.authorId())).ifPresent(manager ->
                notifier.send(Notification.of(manager.id(), REVIEW_NOTICE,
                        "quote.notify.reviewRequested",
                        "/quotes/" + quote.id(), quote.number(), quote.revision(),
                        customers.find(quote.customerId()).map(CustomerDirectory.CustomerRef::name).orElse(""),
                        org.person(quote.authorId()).map(OrgDirectory.Person::displayName).orElse(""))
                        .about(quote.id())));
    }

    /**
     * Q1 — the approved quotes waiting for the current user's review (the aggregate decides who may review), oldest
     * first: the managers' home panel. Candidates are read within the reader's scope of authors.
     */
    @Transactional(readOnly = true)
    public List<Quote> awaitingMyReview(int limit) {
        boolean reviewBeforeSending = rules().reviewBeforeSending();
        if (!reviewBeforeSending) {
            return List.of();
        }
        UUID me = CurrentUser.require().id();
        Scope scope = dataScope.current();
        // a few more than shown: some candidates in scope may be ones the reader does not work
        int candidates = limit * 3;
        List<Quote> found = scope.isAll() ? quotes.findAwaitingReview(me, candidates)
                : scope.owners().isEmpty() ? List.of() : quotes.findAwaitingReviewOf(scope.owners(), me, candidates);
        return found.stream().filter(q -> q.awaitsReviewBy(actor(q), reviewBeforeSending)).limit(limit).toList();
    }

    /** Q1 — a manager records their review of the quote's logic and pricing. */
    @Transactional
    public Quote review(UUID id, String comment, Long version) {
        Quote quote = visibleForUpdate(id, version);
        if (comment != null && comment.length() > 2000) {
            throw new FieldValidationException("comment", "quote.field.tooLong", 2000);
        }
        quote.review(actor(quote), comment, clock.instant());
        Quote saved = quotes.save(quote);
        notifier.settle(REVIEW_NOTICE, saved.id());
        return saved;
    }

    /**
     * Sends the approved (and, with the Q1 review required, reviewed) version to a contact of the customer to
     * accept or reject online: a signed link by e-mail and as a QR code.
     */
    @Transactional
    public Sent send(UUID id, UUID contactId, Long version, Locale locale) {
        Quote quote = forAction(id, version, QuoteAction.SEND);
        if (contactId == null) {
            throw new FieldValidationException("contactId", "quote.contact.required");
        }
        CustomerDirectory.ContactPoint contact = customers.contactPoint(contactId)
                .filter(c -> c.customerId().equals(quote.customerId()))
                .orElseThrow(() -> new FieldValidationException("contactId", "quote.contact.notOfCustomer"));
        String customerName = customers.find(quote.customerId()).map(CustomerDirectory.CustomerRef::name).orElse("");
        OpportunityRef opportunity = opportunities.find(quote.opportunityId()).orElseThrow();
        // the state is checked before the link exists: a refused send leaves nothing behind
        quote.sent(null, rules().reviewBeforeSending(), clock.instant());
        // the language the sender named, else the contact's own (decision 0089): the quote, its e-mail and its page
        Locale language = locale != null ? locale : contact.language();
        SentConfirmation sent = confirmations.request(new ConfirmationRequest(Purpose.ACCEPT_OR_REJECT,
                new ConfirmationSubject(SUBJECT, quote.number(), quote.revision()),
                documents.confirmationDocument(quote, customerName, language),
                new Recipient(contact.contactId(), contact.name(), contact.email(), language), opportunity.ownerId(),
                CurrentUser.require().id(), quote.validUntil() == null ? null
                        : quote.validUntil().plusDays(1).atStartOfDay(zone).toInstant(), language));
        quote.confirmationSent(sent.confirmation().id());
        return new Sent(quotes.save(quote), sent);
    }

    public record Sent(Quote quote, SentConfirmation confirmation) {
    }

    /** One version the current user may see (its opportunity's scope), else 404. */
    @Transactional(readOnly = true)
    public Quote visible(UUID id) {
        Quote quote = quotes.findById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(quote);
        return quote;
    }

    /** Every version of the opportunity's quotes, newest first. */
    @Transactional(readOnly = true)
    public List<Quote> ofOpportunity(UUID opportunityId) {
        opportunities.requireVisible(opportunityId);
        return quotes.findByOpportunity(opportunityId);
    }

    /** Every version of the quote the version belongs to, newest first. */
    @Transactional(readOnly = true)
    public List<Quote> versions(Quote quote) {
        return quotes.findVersions(quote.number());
    }

    /** The customer's links for this version, newest first. */
    public List<com.lead2cash.confirmation.ConfirmationView> confirmationsOf(Quote quote) {
        return confirmations.of(SUBJECT, quote.number()).stream()
                .filter(c -> c.subject().version() == quote.revision()).toList();
    }

    /** Whether the current user may open the quote's approval (Q2): the approval module's rule, not the quote's readers. */
    @Transactional(readOnly = true)
    public boolean approvalOpenable(Quote quote) {
        return quote.approvalId() != null && approvals.mayOpen(quote.approvalId(), CurrentUser.require().id());
    }

    public QuoteActor actor(Quote quote) {
        CurrentUser me = CurrentUser.require();
        // who works the opportunity whatever its stage (403 otherwise); where the opportunity stands refuses by state (422)
        Stage stage = opportunities.find(quote.opportunityId()).map(OpportunityRef::stage).orElseThrow();
        return new QuoteActor(me.id(), opportunities.worksOn(quote.opportunityId()),
                REVIEWERS.stream().anyMatch(me::has), stage, quotes.anyAccepted(quote.opportunityId()));
    }

    /**
     * Q2 — the approval ended: approved moves the quote on (the approver reviewed its pricing), rejected sends it back to
     * draft; in the approver's own transaction, so the quote can be sent the moment the decision is answered.
     */
    @org.springframework.context.event.EventListener
    void on(ApprovalCompleted completed) {
        if (!SUBJECT.equals(completed.subjectType())) {
            return;
        }
        quotes.findByApprovalForUpdate(completed.approvalId())
                .filter(q -> q.status() == QuoteStatus.PENDING_APPROVAL)
                .ifPresent(q -> {
                    if (completed.outcome() == ApprovalCompleted.Outcome.APPROVED) {
                        ApprovalView.TaskView decision = lastDecision(completed.approvalId());
                        q.approved(decision == null ? null : decision.actedBy(),
                                decision == null ? null : decision.comment(), clock.instant());
                    } else {
                        q.backToDraft(clock.instant());
                    }
                    quotes.save(q);
                });
    }

    @org.springframework.context.event.EventListener
    void on(ApprovalSentBack sentBack) {
        if (SUBJECT.equals(sentBack.subjectType())) {
            backToDraft(sentBack.approvalId());
        }
    }

    /**
     * Q2 — the submitter withdrew the approval: the quote is a draft again, as after a send-back, to be changed and
     * submitted anew (docs/decisions/0068). A quote revised meanwhile (its approval withdrawn by {@link #revise}) is
     * superseded, not pending, and stays as it is.
     */
    @org.springframework.context.event.EventListener
    void on(ApprovalWithdrawn withdrawn) {
        if (SUBJECT.equals(withdrawn.subjectType())) {
            backToDraft(withdrawn.approvalId());
        }
    }

    /** The quote still waiting on this approval is a draft again (sent back or withdrawn), to change and submit anew. */
    private void backToDraft(UUID approvalId) {
        quotes.findByApprovalForUpdate(approvalId)
                .filter(q -> q.status() == QuoteStatus.PENDING_APPROVAL)
                .ifPresent(q -> {
                    q.backToDraft(clock.instant());
                    quotes.save(q);
                });
    }

    /**
     * The customer answered the link of a version still out: accepted moves the opportunity on (NEGOTIATION or CONTRACT)
     * and withdraws the open links of the opportunity's other quotes — the customer took this one. An acceptance after
     * another quote of it was accepted changes nothing. An answer recorded just before the opportunity was won or lost
     * (its commit came first) is recorded on the quote all the same, and the closed opportunity does not move (0052).
     */
    @ApplicationModuleListener
    void on(ConfirmationAnswered answered) {
        if (!SUBJECT.equals(answered.subjectType()) || answered.purpose() != Purpose.ACCEPT_OR_REJECT) {
            return;
        }
        quotes.findVersions(answered.subjectId()).stream()
                .filter(q -> q.revision() == answered.subjectVersion() && q.status() == QuoteStatus.SENT)
                .findFirst()
                .ifPresent(found -> {
                    List<Quote> ofOpportunity = quotes.findByOpportunityForUpdate(found.opportunityId());
                    Quote q = ofOpportunity.stream().filter(x -> x.id().equals(found.id())
                            && x.status() == QuoteStatus.SENT).findFirst().orElse(null);
                    if (q == null) {
                        return;
                    }
                    boolean accepted = answered.outcome() == Purpose.Outcome.ACCEPTED;
                    boolean anotherAccepted = ofOpportunity.stream().anyMatch(x -> x.status() == QuoteStatus.ACCEPTED);
                    if (!q.answered(accepted, anotherAccepted, answered.answeredAt())) {
                        log.info("Quote {} v{}: the customer's acceptance changes nothing, another quote of its "
                                + "opportunity was accepted", q.number(), q.revision());
                        return;
                    }
                    quotes.save(q);
                    if (accepted) {
                        // a won or lost opportunity stays as it was closed: no stage move, no amount
                        if (opportunities.find(q.opportunityId()).map(OpportunityRef::stage).orElseThrow().isOpen()) {
                            opportunities.quoteAccepted(q.opportunityId(), q.id(), q.total(), answered.answeredAt());
                        }
                        ofOpportunity.stream().map(Quote::number).filter(n -> !n.equals(q.number())).distinct()
                                .forEach(n -> confirmations.withdraw(SUBJECT, n));
                        // no other quote of the opportunity goes out now (0040): none waits for a review any more
                        ofOpportunity.stream().filter(x -> !x.id().equals(q.id()))
                                .forEach(x -> notifier.settle(REVIEW_NOTICE, x.id()));
                    }
                });
    }

    /**
     * A won or lost opportunity takes no answer on its quotes any more: the open links of every quote of it are
     * withdrawn (their page says so and takes no answer). Nothing of it waits for a review, or for its author to
     * rework what an approver sent back, any more: those notices are settled.
     */
    @ApplicationModuleListener
    void on(OpportunityStageChanged changed) {
        if (changed.to().isOpen()) {
            return;
        }
        List<Quote> ofOpportunity = quotes.findByOpportunity(changed.opportunityId());
        ofOpportunity.stream().map(Quote::number).distinct().forEach(n -> confirmations.withdraw(SUBJECT, n));
        for (Quote q : ofOpportunity) {
            notifier.settle(REVIEW_NOTICE, q.id());
            if (q.approvalId() != null) {
                approvals.subjectClosed(SUBJECT, q.id().toString());
            }
        }
    }

    /** The approver whose decision ended the flow: the last task approved. */
    private ApprovalView.TaskView lastDecision(UUID approvalId) {
        return approvals.find(approvalId).flatMap(a -> a.steps().stream().flatMap(st -> st.tasks().stream())
                .filter(t -> t.state() == ApprovalView.TaskState.APPROVED && t.actedBy() != null)
                .reduce((first, second) -> second)).orElse(null);
    }

    private FlowDefinition flow(Authority required) {
        ApproverRule approver = required == Authority.MANAGER
                ? new ApproverRule.SubmittersManager(1) : new ApproverRule.ByRole(Role.SALES_DIRECTOR);
        return FlowDefinition.of(new StepDefinition(required.name(), StepMode.SEQUENTIAL, List.of(approver), null));
    }

    /** What the approver sees: the discount, the margin against list price and the customer's record with us. */
    private Map<String, String> facts(Quote quote, Authority required) {
        QuoteTotals.Totals totals = quote.totals();
        Opportunities.CustomerRecord record = opportunities.recordOf(quote.customerId());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("quote", quote.number() + " v" + quote.revision());
        facts.put("customer", customers.find(quote.customerId()).map(CustomerDirectory.CustomerRef::name).orElse(""));
        facts.put("total", MoneyText.of(quote.total()) + " " + quote.currency());
        facts.put("subtotal", MoneyText.of(quote.subtotal()));
        facts.put("maxDiscountPercent", quote.maxDiscount().toPlainString());
        facts.put("listTotal", MoneyText.of(totals.listTotal()));
        facts.put("belowListPercent", totals.belowListPercent().toPlainString());
        facts.put("requiredAuthority", required.name());
        facts.put("customerWon", record.won() + " / " + MoneyText.of(record.wonAmount()));
        facts.put("customerLost", record.lost() + " / " + MoneyText.of(record.lostAmount()));
        facts.put("customerOpen", record.open() + " / " + MoneyText.of(record.openAmount()));
        facts.put("customerQuotesAccepted", String.valueOf(quotes.countAccepted(quote.customerId())));
        return facts;
    }

    /**
     * The approval's title, in no reader's language (it is stored once and read in both): the quote and whose it
     * is; the approval page says "Quote" / "报价" beside it.
     */
    private static String title(Quote quote, String customer) {
        String title = quote.number() + " v" + quote.revision() + (customer.isBlank() ? "" : " · " + customer);
        return title.length() > 200 ? title.substring(0, 200) : title;
    }

    /**
     * What Save would refuse, field by field, in a quote's content for this customer: every refused field at once, as
     * Save names them (lines numbered without the blank ones), nothing saved. A form some of whose values could not
     * even be read asks it, so the rest are judged with them (a negative quantity beside a discount typed as 1e1).
     */
    @Transactional(readOnly = true)
    public List<FieldError> fieldRefusals(UUID customerId, Content content) {
        try {
            drafted(content, customerId, today());
            return List.of();
        } catch (FieldValidationException e) {
            return e.errors();
        }
    }

    /** A draft's terms and lines as checked, before the quote itself judges them together. */
    private record Drafted(QuoteTerms terms, List<QuoteLine> lines) {
    }

    /**
     * The terms and the lines, each checked: every refused field is named at once (a past validity and a line's
     * negative quantity and its discount over 100 together), not only the terms' when the lines are wrong too.
     * Lines are priced from the named price list only when it applies to the customer.
     */
    private Drafted drafted(Content content, UUID customerId, LocalDate today) {
        // the count first, before anything is looked up in the catalogue: a request of 20 000 lines is refused at once
        // (with the terms' own refusals), not after pricing every one of them
        List<FieldError> errors = new ArrayList<>(Quote.lineCountProblem(content.lines()).stream().toList());
        boolean counted = errors.isEmpty();
        QuoteTerms terms = null;
        UUID priceList = content.priceListId();
        try {
            terms = terms(content, customerId, today, counted);
        } catch (FieldValidationException e) {
            errors.addAll(e.errors());
            if (e.errors().stream().anyMatch(f -> f.field().equals("priceListId"))) {
                priceList = null;
            }
        }
        List<QuoteLine> lines = null;
        try {
            if (counted) {
                lines = lines(content.lines(), customerId, priceList, today);
            }
        } catch (FieldValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new Drafted(terms, lines);
    }

    /** The terms checked; whether the named price list applies is looked up only when the lines are to be priced. */
    private QuoteTerms terms(Content content, UUID customerId, LocalDate today, boolean pricing) {
        UUID priceList = content.priceListId();
        if (pricing && priceList != null && catalog.listsFor(customerId, today).stream().noneMatch(l -> l.id().equals(priceList))) {
            throw new FieldValidationException("priceListId", "quote.priceList.notApplicable");
        }
        return QuoteTerms.validated(priceList, content.validUntil(), content.deliveryPeriod(), content.paymentTerms(),
                content.notes(), today);
    }

    /**
     * The lines with their prices: the unit price from the applicable price list unless one is given. Asked only of
     * lines whose count {@link Quote#lineCountProblem} took.
     */
    private List<QuoteLine> lines(List<LineRequest> requested, UUID customerId, UUID priceListId, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        var products = catalog.products(requested.stream().map(LineRequest::productId)
                .filter(java.util.Objects::nonNull).toList());
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest r = requested.get(i);
            String at = "lines[" + i + "].";
            if (r == null) {
                errors.add(new FieldError("lines[" + i + "]", "quote.line.required"));
                continue;
            }
            var product = r.productId() == null ? null : products.get(r.productId());
            if (product == null || !product.active()) {
                errors.add(new FieldError(at + "productId", "quote.line.product.unknown"));
            }
            if (r.quantity() == null || r.quantity().signum() <= 0) {
                errors.add(new FieldError(at + "quantity", "quote.line.quantity.positive"));
            }
            if (r.unitPrice() != null && r.unitPrice().signum() < 0) {
                errors.add(new FieldError(at + "unitPrice", "quote.line.unitPrice.negative"));
            }
            BigDecimal discount = r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(new BigDecimal("100")) > 0) {
                errors.add(new FieldError(at + "discountPercent", "quote.line.discount.range"));
            }
            if (!errors.isEmpty()) {
                continue;
            }
            Catalog.Price price = catalog.priceFor(product.id(), customerId, priceListId, today);
            BigDecimal unitPrice = r.unitPrice() != null ? r.unitPrice() : price.unitPrice();
            lines.add(new QuoteLine(product.id(), product.code(), product.name(), product.specification(),
                    product.unit(), product.listPrice(), price.unitPrice(), unitPrice, r.quantity(), discount,
                    product.taxRate(), QuoteTotals.lineTotal(r.quantity(), unitPrice, discount)));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return lines;
    }

    private Quote forAction(UUID id, Long version, QuoteAction action) {
        Quote quote = visibleForUpdate(id, version);
        quote.requireAction(actor(quote), action, rules().reviewBeforeSending());
        return quote;
    }

    private Quote visibleForUpdate(UUID id, Long version) {
        Quote quote = quotes.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        requireVisible(quote);
        quote.expectVersion(version);
        return quote;
    }

    private void requireVisible(Quote quote) {
        try {
            opportunities.requireVisible(quote.opportunityId());
        } catch (RecordNotFoundException outOfScope) {
            throw new RecordNotFoundException(SUBJECT, quote.id());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

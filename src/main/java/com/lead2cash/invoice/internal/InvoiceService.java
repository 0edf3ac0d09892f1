package com.lead2cash.invoice.internal;

import com.lead2cash.approval.ApprovalCompleted;
import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalSentBack;
import com.lead2cash.approval.ApprovalWithdrawn;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.Approvals;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.catalog.Catalog;
import com.lead2cash.contract.ContractAmended;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.Contracts;
import com.lead2cash.customer.InvalidUnifiedSocialCreditCodeException;
import com.lead2cash.customer.UnifiedSocialCreditCode;
import com.lead2cash.invoice.ContractInvoicing;
import com.lead2cash.invoice.internal.domain.Invoice;
import com.lead2cash.invoice.internal.domain.InvoiceAction;
import com.lead2cash.invoice.internal.domain.InvoiceLine;
import com.lead2cash.invoice.internal.domain.InvoiceRepository;
import com.lead2cash.invoice.internal.domain.InvoiceStatus;
import com.lead2cash.invoice.internal.domain.InvoiceType;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoice requests (开票申请): against a signed contract the requester may see, for no more than it has
 * not yet invoiced (held by pending, approved and issued requests), with the buyer's taxpayer id checked
 * as a unified social credit code; finance approves through the approval mechanism, issues and reverses.
 */
@Service
public class InvoiceService implements ContractInvoicing {

    public static final String SUBJECT = "Invoice";
    public static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','ADMIN')";
    /** Those who approve, issue and reverse invoices: finance and the administrator. */
    public static final String FINANCE_ROLES = "hasAnyRole('FINANCE','ADMIN')";
    /** The roles {@link #READER_ROLES} admits, for what the invoice module shows elsewhere (menu, cards, timeline). */
    public static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.ADMIN);
    static final int MAX_TEXT = 200;

    /** A line as asked for. */
    public record LineRequest(String description, BigDecimal amount, BigDecimal taxRate) {
    }

    /** An invoice request as entered. */
    public record NewInvoice(UUID contractId, InvoiceType type, String buyerName, String buyerTaxId,
                             String buyerAddressPhone, String buyerBankAccount, BigDecimal amount,
                             List<LineRequest> lines) {
    }

    private final InvoiceRepository invoices;
    private final Contracts contracts;
    private final Catalog catalog;
    private final Approvals approvals;
    private final DataScope scope;
    private final HumanCodes codes;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final com.lead2cash.platform.OrgDirectory org;

    InvoiceService(InvoiceRepository invoices, Contracts contracts, Catalog catalog, Approvals approvals, DataScope scope,
                   HumanCodes codes, AuditTrail audit, Notifier notifier, JdbcClient jdbc, Clock clock,
                   @Value("${l2c.zone}") ZoneId zone, com.lead2cash.platform.OrgDirectory org) {
        this.org = org;
        this.notifier = notifier;
        this.invoices = invoices;
        this.contracts = contracts;
        this.catalog = catalog;
        this.approvals = approvals;
        this.scope = scope;
        this.codes = codes;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public Invoice request(NewInvoice in) {
        CurrentUser me = CurrentUser.require();
        if (in.contractId() == null) {
            throw new FieldValidationException("contractId", "invoice.contract.required");
        }
        // one request at a time per contract, so two cannot both take what is left; taken before the contract
        // is read, so an amendment committed meanwhile is seen with its amount
        lockInvoicing(in.contractId());
        Contracts.SignedContract c = contracts.signed(in.contractId())
                .filter(s -> scope.current().covers(s.ownerId()))
                .orElseThrow(() -> new RecordNotFoundException("Contract", in.contractId()));
        if (c.status() == ContractStatus.TERMINATED) {
            throw new DomainException("invoice.contract.terminated", c.number());
        }
        // the taxpayer id's problem is told with the request's others, not alone before them
        FieldValidationException.FieldError taxIdProblem = null;
        String taxId = null;
        if (in.buyerTaxId() == null || in.buyerTaxId().isBlank()) {
            taxIdProblem = new FieldValidationException.FieldError("buyerTaxId", "invoice.buyerTaxId.required");
        } else {
            try {
                taxId = UnifiedSocialCreditCode.parse(in.buyerTaxId()).value();
            } catch (InvalidUnifiedSocialCreditCodeException e) {
                // what is wrong with it, as the code's one validation says (a wrong length is no wrong check digit)
                taxIdProblem = new FieldValidationException.FieldError("buyerTaxId", e.messageKey(), e.args().toArray());
            }
        }
        for (String[] f : new String[][] {{"buyerName", in.buyerName()}, {"buyerAddressPhone", in.buyerAddressPhone()},
                {"buyerBankAccount", in.buyerBankAccount()}}) {
            InputRules.requireFieldText(f[0], f[1], MAX_TEXT);
        }
        if (in.lines() != null) {
            for (int i = 0; i < in.lines().size(); i++) {
                LineRequest l = in.lines().get(i);
                if (l != null) {
                    InputRules.requireFieldText("lines[" + i + "].description", l.description(), MAX_TEXT);
                }
            }
        }
        BigDecimal uninvoiced = c.currentAmount().subtract(invoices.held(c.id()));
        List<InvoiceLine> lines = linesOf(in, new Requestable(c, uninvoiced));
        // lines left out that cannot be derived: told as the reason, in place of "give the lines", with the others
        FieldValidationException.FieldError linesProblem = lines == null && severalRates(c)
                ? new FieldValidationException.FieldError("lines", whyNotSplit(new Requestable(c, uninvoiced), in.amount()))
                : null;
        Instant now = clock.instant();
        Invoice inv;
        try {
            inv = Invoice.request(codes.nextDocumentNumber("KP"), c.id(), c.number(), c.customerId(),
                    c.ownerId(), in.type(), in.buyerName(), taxId, in.buyerAddressPhone(), in.buyerBankAccount(),
                    in.amount(), lines, uninvoiced, me.id(), now);
        } catch (FieldValidationException refused) {
            if (taxIdProblem == null && linesProblem == null) {
                throw refused;
            }
            List<FieldValidationException.FieldError> all = new ArrayList<>();
            if (taxIdProblem != null) {
                all.add(taxIdProblem);
            }
            refused.errors().stream().filter(e -> linesProblem == null || !"lines".equals(e.field())).forEach(all::add);
            if (linesProblem != null) {
                all.add(linesProblem);
            }
            throw new FieldValidationException(all);
        }
        if (taxIdProblem != null) {
            throw new FieldValidationException(List.of(taxIdProblem));
        }
        Invoice saved = invoices.save(inv);
        ApprovalRef ref = approvals.submit(new ApprovalRequest(SUBJECT, saved.id().toString(),
                saved.number() + " · " + c.number() + " · " + MoneyText.of(saved.amount()) + " " + saved.currency(), me.id(),
                FlowDefinition.of(new StepDefinition("finance", StepMode.PARALLEL,
                        List.of(new ApproverRule.ByRole(Role.FINANCE)), null)),
                Map.of("contract", c.number(), "amount", MoneyText.of(saved.amount()), "type", saved.type().name(),
                        "buyer", saved.buyerName(), "taxId", saved.buyerTaxId())));
        saved.submittedFor(ref.id());
        return invoices.save(saved);
    }

    /**
     * An amendment lowering the contract below what its invoices hold is refused: heard in the amendment's
     * transaction (docs/decisions/0017), the refusal (422) undoes it. Under the lock a request takes, so a
     * request and an amendment at the same moment see each other.
     */
    @EventListener
    void on(ContractAmended amended) {
        lockInvoicing(amended.contractId());
        Invoice.requireContractAmountCovers(amended.amount(), invoices.held(amended.contractId()));
    }

    /**
     * Finance's decision reaches the invoice in finance's own transaction, not after it: the invoice is approved (and
     * may be issued) the moment the decision is answered, and a decision the invoice cannot take undoes itself.
     */
    @EventListener
    void on(ApprovalCompleted completed) {
        if (SUBJECT.equals(completed.subjectType())) {
            invoices.findByApprovalForUpdate(completed.approvalId()).ifPresent(inv -> {
                boolean approved = completed.outcome() == ApprovalCompleted.Outcome.APPROVED;
                if (approved && inv.status() == InvoiceStatus.PENDING_APPROVAL && contractTerminated(inv)) {
                    // as a new request is refused: nothing is invoiced on a terminated contract (decision 0044)
                    throw new DomainException("invoice.contract.terminated", inv.contractNumber());
                }
                inv.decided(approved, clock.instant());
                invoices.save(inv);
            });
        }
    }

    @EventListener
    void on(ApprovalSentBack sentBack) {
        if (SUBJECT.equals(sentBack.subjectType())) {
            invoices.findByApprovalForUpdate(sentBack.approvalId()).ifPresent(inv -> {
                inv.decided(false, clock.instant());
                invoices.save(inv);
            });
        }
    }

    /**
     * The requester withdrew the request's approval from the approvals page (decision 0070): the request still waiting
     * for finance is cancelled, its amount free again. Heard after the withdrawal committed, as the contract hears one:
     * a cancellation withdraws a pending request's approval itself ({@link #cancel}), and the request it cancelled in
     * that transaction is no longer pending here. Heard again, or for a request finance decided or someone cancelled
     * meanwhile, it changes nothing.
     */
    @ApplicationModuleListener
    void on(ApprovalWithdrawn withdrawn) {
        if (SUBJECT.equals(withdrawn.subjectType())) {
            invoices.findByApprovalForUpdate(withdrawn.approvalId())
                    .filter(inv -> inv.status() == InvoiceStatus.PENDING_APPROVAL)
                    .ifPresent(inv -> {
                        inv.approvalWithdrawn(withdrawn.withdrawnBy(), clock.instant());
                        // heard after the withdrawal committed, with no one signed in: recorded as the withdrawer's
                        com.lead2cash.platform.CurrentUser.actAs(org.person(withdrawn.withdrawnBy()), () -> {
                            Invoice saved = invoices.save(inv);
                            audit.record("INVOICE_CANCELLED", SUBJECT, saved.id().toString(),
                                    "invoice.audit.cancelledOnWithdrawal", saved.number());
                        });
                    });
        }
    }

    /**
     * The contract was terminated (decision 0088, as its orders stop and its deadlines close, 0036): a request still
     * waiting for finance can never be approved (nothing is invoiced on a terminated contract), so its approval is
     * withdrawn — finance's task closes — and the request cancelled, its amount free again; its requester is told. Heard
     * after the termination committed. A request finance already approved stays for finance to close (the invoice page
     * and list mark it); one decided or cancelled meanwhile is not moved.
     */
    @ApplicationModuleListener
    void on(com.lead2cash.contract.ContractTerminated terminated) {
        for (Invoice seen : invoices.findByContract(terminated.contractId())) {
            if (seen.status() != InvoiceStatus.PENDING_APPROVAL) {
                continue;
            }
            // the approval first, then the invoice: the order a decision and a cancellation take them
            withdrawRunningApproval(seen);
            invoices.findByIdForUpdate(seen.id()).filter(inv -> inv.status() == InvoiceStatus.PENDING_APPROVAL)
                    .ifPresent(inv -> {
                        inv.contractTerminated(clock.instant());
                        Invoice saved = invoices.save(inv);
                        audit.record("INVOICE_CANCELLED", SUBJECT, saved.id().toString(),
                                "invoice.audit.cancelledOnTermination", saved.number(), saved.contractNumber());
                        notifier.send(Notification.of(saved.requestedBy(), NotificationKind.INVOICE_CANCELLED,
                                "invoice.notify.cancelledOnTermination", "/invoices/" + saved.id(), saved.number(),
                                saved.contractNumber()));
                    });
        }
    }

    /** Finance records the number (and a paper invoice's code) and the date of the issued invoice. */
    @Transactional
    public Invoice issue(UUID id, String invoiceNumber, String invoiceCode, LocalDate invoicedOn, Long version) {
        Invoice inv = forAction(id, version, InvoiceAction.ISSUE);
        InputRules.requireFieldText("invoiceNumber", invoiceNumber, MAX_TEXT);
        InputRules.requireFieldText("invoiceCode", invoiceCode, MAX_TEXT);
        inv.issue(invoiceNumber, invoiceCode, invoices::invoiceNumberTaken, invoicedOn, CurrentUser.require().id(),
                zone, clock.instant());
        Invoice saved;
        try {
            saved = invoices.save(inv);
        } catch (DuplicateKeyException e) { // issued at the same moment on another invoice: the unique index decides
            throw new FieldValidationException("invoiceNumber", "invoice.invoiceNumber.taken",
                    inv.invoiceCode() == null ? inv.invoiceNumber() : inv.invoiceCode() + " " + inv.invoiceNumber());
        }
        audit.record("INVOICE_ISSUED", SUBJECT, saved.id().toString(), saved.number() + " " + saved.invoiceNumber());
        return saved;
    }

    /** 红冲 — finance reverses an issued invoice with a reason. */
    @Transactional
    public Invoice redReverse(UUID id, String reason, Long version) {
        Invoice inv = forAction(id, version, InvoiceAction.RED_REVERSE);
        InputRules.requireFieldText("reason", reason, MAX_TEXT);
        inv.redReverse(reason, CurrentUser.require().id(), clock.instant());
        Invoice saved = invoices.save(inv);
        audit.record("INVOICE_RED_REVERSED", SUBJECT, saved.id().toString(), saved.number() + " " + reason);
        return saved;
    }

    /**
     * 撤销 — the requester or finance cancels a request not yet issued, with a reason; its amount is free again. A request
     * still with finance has its approval withdrawn (finance has nothing left to decide); the requester hears of it when
     * someone else (finance) cancelled. The approval is withdrawn before the invoice is locked, in the order a decision
     * takes them (approval, then invoice), and only a flow still running: one decided meanwhile refuses it (409).
     */
    @Transactional
    public Invoice cancel(UUID id, String reason, Long version) {
        CurrentUser me = CurrentUser.require();
        boolean finance = me.hasAny(Role.FINANCE, Role.ADMIN);
        Invoice seen = visible(id);
        InputRules.requireFieldText("reason", reason, MAX_TEXT);
        // a refusal below (reason, who, version) undoes the withdrawal with the rest of the transaction
        if (seen.status() == InvoiceStatus.PENDING_APPROVAL && seen.availableActions(me.id(), finance)
                .contains(InvoiceAction.CANCEL)) {
            withdrawRunningApproval(seen);
        }
        Invoice inv = invoices.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        inv.cancel(reason, me.id(), finance, clock.instant());
        inv.expectVersion(version);
        Invoice saved = invoices.save(inv);
        audit.record("INVOICE_CANCELLED", SUBJECT, saved.id().toString(), saved.number() + " " + saved.cancelReason());
        if (!me.id().equals(saved.requestedBy())) {
            notifier.send(Notification.of(saved.requestedBy(), NotificationKind.INVOICE_CANCELLED, "invoice.notify.cancelled",
                    "/invoices/" + saved.id(), saved.number(), saved.contractNumber(), saved.cancelReason()));
        }
        return saved;
    }

    /**
     * Withdraws the request's approval while its flow still runs — finance has nothing left to decide, its task closes —
     * in the submitter's name, as a cancellation ({@link #cancel}) and a contract's termination (decision 0088) both do,
     * before the invoice is locked. A request with no approval, or one decided meanwhile, is left as it is.
     */
    private void withdrawRunningApproval(Invoice request) {
        if (request.approvalId() != null) {
            approvals.find(request.approvalId()).filter(a -> a.state() == ApprovalView.State.IN_PROGRESS)
                    .ifPresent(a -> approvals.withdraw(a.id(), a.submitterId()));
        }
    }

    /** An invoice whose contract's owner is in the reader's scope (finance sees all), else 404. */
    @Transactional(readOnly = true)
    public Invoice visible(UUID id) {
        Invoice inv = invoices.findById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        scope.requireVisible(SUBJECT, id, inv.ownerId());
        return inv;
    }

    @Transactional(readOnly = true)
    public List<Invoice> ofContract(UUID contractId) {
        return invoices.findByContract(contractId).stream().filter(i -> scope.current().covers(i.ownerId())).toList();
    }

    /** These invoices, in the order given, those the reader may see. */
    @Transactional(readOnly = true)
    public List<Invoice> visible(List<UUID> ids) {
        java.util.Map<UUID, Invoice> found = new java.util.HashMap<>();
        invoices.findAllById(ids).forEach(i -> found.put(i.id(), i));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull)
                .filter(i -> scope.current().covers(i.ownerId())).toList();
    }

    /** What is left to invoice on a contract the reader may see. */
    @Transactional(readOnly = true)
    public BigDecimal uninvoiced(UUID contractId) {
        Contracts.SignedContract c = contracts.signed(contractId).filter(s -> scope.current().covers(s.ownerId()))
                .orElseThrow(() -> new RecordNotFoundException("Contract", contractId));
        return c.currentAmount().subtract(invoices.held(c.id()));
    }

    /** The contract's terms once signed, if the caller may see it; empty before signing; 404 out of scope. */
    @Transactional(readOnly = true)
    public java.util.Optional<Contracts.SignedContract> signedContract(UUID contractId) {
        java.util.Optional<Contracts.SignedContract> c = contracts.signed(contractId);
        if (c.isPresent() && !scope.current().covers(c.get().ownerId())) {
            throw new RecordNotFoundException("Contract", contractId);
        }
        return c;
    }

    /** The company's today, in its zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The first day the invoice may be dated when it is issued (the date picker's min). */
    public LocalDate earliestInvoiceDate(Invoice inv) {
        return inv.earliestInvoiceDate(zone);
    }

    /** The last day the invoice may be dated when it is issued today (the date picker's max). */
    public LocalDate latestInvoiceDate() {
        return Invoice.latestInvoiceDate(today());
    }

    /** A contract an invoice may be requested on now, and what is left to invoice on it. */
    public record Requestable(Contracts.SignedContract contract, BigDecimal uninvoiced) {
    }

    /**
     * The request's lines; none given (SPEC: {@code lines[]} is optional), the lines the request form starts with: at
     * the one rate the contract's products share, one line for the amount asked; at several rates, the line per rate
     * when the whole uninvoiced amount is asked and the form would split it so. Null when they cannot be derived.
     */
    private List<InvoiceLine> linesOf(NewInvoice in, Requestable r) {
        if (in.lines() != null && !in.lines().isEmpty()) {
            return in.lines().stream().map(l -> l == null ? null : new InvoiceLine(l.description(), l.amount(), l.taxRate()))
                    .toList();
        }
        if (in.amount() == null) {
            return null;
        }
        List<StartingLine> starting = startingLines(r, Invoice.MAX_LINES);
        if (starting.stream().anyMatch(l -> l.taxRate() == null)) {
            return null;
        }
        if (starting.size() == 1) {
            StartingLine only = starting.get(0);
            return List.of(new InvoiceLine(only.description(), in.amount(), only.taxRate()));
        }
        if (in.amount().compareTo(r.uninvoiced()) != 0) {
            return null;
        }
        return starting.stream().map(l -> new InvoiceLine(l.description(), l.amount(), l.taxRate())).toList();
    }

    /**
     * Why a request without lines on a contract whose products are taxed at several rates was not split by rate as
     * {@link #startingLines} splits it — only the whole contract at once, unamended, its amount its product lines' — the
     * message key saying so: not the whole amount asked, an amendment, something invoiced or requested already, or a
     * contract amount other than its product lines'.
     */
    private static String whyNotSplit(Requestable r, BigDecimal asked) {
        Contracts.SignedContract c = r.contract();
        if (asked == null || asked.compareTo(r.uninvoiced()) != 0) {
            return "invoice.lines.severalRates";
        }
        if (!c.amendments().isEmpty()) {
            return "invoice.lines.severalRatesAmended";
        }
        if (r.uninvoiced().compareTo(c.amount()) != 0) {
            return "invoice.lines.severalRatesPartlyInvoiced";
        }
        return "invoice.lines.severalRatesNotTheProducts";
    }

    /** Whether the contract's products are taxed at more than one rate in the catalog. */
    private boolean severalRates(Contracts.SignedContract c) {
        return catalogRates(c).map(rates -> rates.values().stream().distinct().count() > 1).orElse(false);
    }

    /**
     * The tax rate a new request on the contract starts from: the one its products are taxed at in the catalog, when
     * they agree on one. Products at different rates (or none known) give none: the person splits the lines.
     */
    public java.util.Optional<BigDecimal> usualTaxRate(Contracts.SignedContract contract) {
        return catalogRates(contract).flatMap(InvoiceService::shared);
    }

    /** The one rate all the products are taxed at, if they agree on one. */
    private static java.util.Optional<BigDecimal> shared(Map<UUID, BigDecimal> rates) {
        List<BigDecimal> distinct = rates.values().stream().distinct().toList();
        return distinct.size() == 1 ? java.util.Optional.of(distinct.get(0)) : java.util.Optional.empty();
    }

    /** Each of the contract's products' rate in the catalog; empty when it names none, or one's product or rate is unknown. */
    private java.util.Optional<Map<UUID, BigDecimal>> catalogRates(Contracts.SignedContract contract) {
        List<UUID> products = contract.lines().stream().map(Contracts.Line::productId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (products.isEmpty()) {
            return java.util.Optional.empty();
        }
        var known = catalog.products(products);
        if (known.size() < products.size() || known.values().stream().anyMatch(p -> p.taxRate() == null)) {
            return java.util.Optional.empty();
        }
        Map<UUID, BigDecimal> rates = new HashMap<>();
        known.forEach((id, p) -> rates.put(id, p.taxRate().stripTrailingZeros()));
        return java.util.Optional.of(rates);
    }

    /** A line the request form starts with: what it is for, its amount, its tax rate (none when unknown). */
    public record StartingLine(String description, BigDecimal amount, BigDecimal taxRate) {
    }

    /**
     * The lines a new request starts with: the whole uninvoiced amount at the rate the contract's products share; when
     * they are taxed at different rates and nothing is invoiced yet, one line per rate with the products taxed at it
     * (at most {@code rows}, the form's rows) — else one line without a rate, the person splits it.
     */
    public List<StartingLine> startingLines(Requestable r, int rows) {
        Contracts.SignedContract c = r.contract();
        java.util.Optional<Map<UUID, BigDecimal>> rates = catalogRates(c);
        java.util.Optional<BigDecimal> usual = rates.flatMap(InvoiceService::shared);
        if (usual.isPresent()) {
            return List.of(new StartingLine(c.title(), r.uninvoiced(), usual.get()));
        }
        List<StartingLine> byRate = rates.map(known -> linesByRate(c, known)).orElse(List.of());
        boolean wholeContract = r.uninvoiced().compareTo(c.amount()) == 0 && c.amendments().isEmpty();
        if (wholeContract && !byRate.isEmpty() && byRate.size() <= rows
                && byRate.stream().map(StartingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .compareTo(c.amount()) == 0) {
            return byRate;
        }
        return List.of(new StartingLine(c.title(), r.uninvoiced(), null));
    }

    /**
     * The contract's lines grouped by their product's rate, in the contract's order, each group's amount with its
     * tax; empty if a line names no product.
     */
    private List<StartingLine> linesByRate(Contracts.SignedContract c, Map<UUID, BigDecimal> rates) {
        if (c.lines().stream().anyMatch(l -> l.productId() == null)) {
            return List.of();
        }
        Map<BigDecimal, List<Contracts.Line>> groups = new java.util.LinkedHashMap<>();
        c.lines().stream().sorted(java.util.Comparator.comparingInt(Contracts.Line::position)).forEach(l ->
                groups.computeIfAbsent(rates.get(l.productId()), k -> new ArrayList<>()).add(l));
        List<StartingLine> lines = new ArrayList<>();
        groups.forEach((rate, group) -> {
            String names = String.join("、", group.stream().map(Contracts.Line::productName).distinct().toList());
            // the lines are without tax, the invoice's amounts with it: each rate's tax rounded once, as the quote's
            BigDecimal net = group.stream().map(Contracts.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal tax = net.multiply(rate).divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
            lines.add(new StartingLine(names.length() <= MAX_TEXT ? names : c.title(), net.add(tax), rate));
        });
        return lines;
    }

    /**
     * Whether an invoice may be requested on the contract now — signed, not terminated, something left to
     * invoice — the answer the contract's page and the request form ask, as {@link #request} refuses the rest.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Requestable> requestable(UUID contractId) {
        return signedContract(contractId).flatMap(this::requestable);
    }

    /** {@link #requestable(UUID)} of a signed contract the caller sees. */
    private java.util.Optional<Requestable> requestable(Contracts.SignedContract signed) {
        return java.util.Optional.of(signed).filter(c -> c.status() != ContractStatus.TERMINATED)
                .map(c -> new Requestable(c, c.currentAmount().subtract(invoices.held(c.id()))))
                .filter(r -> r.uninvoiced().signum() > 0);
    }

    /**
     * {@link #requestable} for the request form: no signed contract by that id within the caller's scope — unknown,
     * unsigned or someone else's — answers 404 alike, as {@link #request} does, so the form never tells that an id is
     * a contract; one that may not be invoiced now answers 422 ({@code invoice.request.notRequestable}).
     */
    @Transactional(readOnly = true)
    public Requestable requireRequestable(UUID contractId) {
        Contracts.SignedContract signed = signedContract(contractId)
                .orElseThrow(() -> new RecordNotFoundException("Contract", contractId));
        return requestable(signed).orElseThrow(() -> new DomainException("invoice.request.notRequestable"));
    }

    /** The approval of the request (finance's decision), as the approval mechanism reports it. */
    @Transactional(readOnly = true)
    public java.util.Optional<com.lead2cash.approval.ApprovalView> approval(Invoice inv) {
        return inv.approvalId() == null ? java.util.Optional.empty() : approvals.find(inv.approvalId());
    }

    /** Whether the current user may open the request's approval: the approval module's rule, not the invoice's readers. */
    @Transactional(readOnly = true)
    public boolean approvalOpenable(Invoice inv) {
        return inv.approvalId() != null && approvals.mayOpen(inv.approvalId(), CurrentUser.require().id());
    }

    public Set<InvoiceAction> actions(Invoice inv) {
        CurrentUser me = CurrentUser.require();
        Set<InvoiceAction> actions = inv.availableActions(me.id(), me.hasAny(Role.FINANCE, Role.ADMIN));
        if (actions.contains(InvoiceAction.ISSUE) && contractTerminated(inv)) {
            actions.remove(InvoiceAction.ISSUE);
        }
        return actions;
    }

    /**
     * Whether the invoice's contract was terminated: a request not yet issued is then neither approved nor issued,
     * as a new one is refused (decision 0044); one issued before stays, and is reversed as any other.
     */
    @Transactional(readOnly = true)
    public boolean contractTerminated(Invoice inv) {
        return terminated(inv.contractId());
    }

    /** A request not yet issued whose contract was terminated: it can never be issued (decision 0044). */
    @Transactional(readOnly = true)
    public boolean neverIssuable(Invoice inv) {
        return inv.status().awaitsIssue() && contractTerminated(inv);
    }

    private boolean terminated(UUID contractId) {
        return contracts.signed(contractId).map(c -> c.status() == ContractStatus.TERMINATED).orElse(false);
    }

    /** Of the invoice list's rows, the ids of the requests that can never be issued ({@link #neverIssuable(Invoice)}). */
    @Transactional(readOnly = true)
    public Set<UUID> neverIssuable(Collection<InvoiceQueries.InvoiceRow> rows) {
        Map<UUID, Boolean> terminated = new HashMap<>();
        return rows.stream().filter(r -> r.status().awaitsIssue()
                        && terminated.computeIfAbsent(r.contractId(), this::terminated))
                .map(InvoiceQueries.InvoiceRow::id).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> invoiced(Collection<UUID> contractIds) {
        Map<UUID, BigDecimal> out = new HashMap<>();
        if (contractIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select contract_id, sum(amount) as invoiced from invoice_invoice where contract_id in (:ids) "
                        + "and status = 'ISSUED' group by contract_id")
                .param("ids", contractIds)
                .query((rs, i) -> Map.entry(rs.getObject("contract_id", UUID.class), rs.getBigDecimal("invoiced")))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Waiting> waiting(int limit) {
        return jdbc.sql("""
                select id, number, contract_id, contract_number, buyer_name, amount, status, created_at
                from invoice_invoice where status in ('PENDING_APPROVAL', 'APPROVED')
                order by created_at, id limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Waiting(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("contract_id", UUID.class), rs.getString("contract_number"), rs.getString("buyer_name"),
                        rs.getBigDecimal("amount"), rs.getString("status"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private void lockInvoicing(UUID contractId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "invoice:" + contractId).query(Object.class).list();
    }

    private Invoice forAction(UUID id, Long version, InvoiceAction action) {
        Invoice inv = invoices.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        scope.requireVisible(SUBJECT, id, inv.ownerId());
        if (!CurrentUser.require().hasAny(Role.FINANCE, Role.ADMIN)) {
            throw new ForbiddenException("invoice.financeOnly");
        }
        if (action == InvoiceAction.ISSUE && inv.status() == InvoiceStatus.APPROVED && contractTerminated(inv)) {
            throw new DomainException("invoice.contract.terminated", inv.contractNumber());
        }
        if (!actions(inv).contains(action)) {
            throw new DomainException("invoice.status.notAllowed",
                    Label.of("invoice.status", inv.status()));
        }
        inv.expectVersion(version);
        return inv;
    }

}

package com.lead2cash.invoice.internal.domain;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.VatRates;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 开票申请 / 发票 — an invoice requested against a signed contract: its type, the buyer's invoicing data,
 * lines with tax rates adding up to the amount. Finance approves it, issues it with the number and date
 * of the invoice, and may reverse an issued one by a red-letter invoice (红冲) with a reason. A request not yet
 * issued may be cancelled (撤销) with a reason, by its requester or by finance; it then holds nothing of the contract.
 */
@Table("invoice_invoice")
public class Invoice {

    public static final int MAX_LINES = 50;

    /** A paper invoice's number (8 digits, with a code) or a fully digital one's (全电发票, 20 digits, no code). */
    private static final Pattern PAPER_NUMBER = Pattern.compile("\\d{8}");
    private static final Pattern DIGITAL_NUMBER = Pattern.compile("\\d{20}");
    /** 发票代码 of a paper invoice: 10 digits (专票) or 12 (普票). */
    private static final Pattern INVOICE_CODE = Pattern.compile("\\d{10}|\\d{12}");

    @Id
    private UUID id;
    private String number;
    private UUID contractId;
    private String contractNumber;
    private UUID customerId;
    private UUID ownerId;
    private InvoiceType type;
    private String buyerName;
    private String buyerTaxId;
    private String buyerAddressPhone;
    private String buyerBankAccount;
    private BigDecimal amount;
    private String currency;
    private InvoiceStatus status;
    private UUID approvalId;
    private String invoiceNumber;
    private String invoiceCode;
    private LocalDate invoicedOn;
    /** When and by whom the issue was recorded: the day alone cannot place it on a timeline (null before it was kept). */
    private Instant issuedAt;
    private UUID issuedBy;
    private String redReason;
    private Instant redAt;
    private UUID redBy;
    private String cancelReason;
    private Instant cancelledAt;
    private UUID cancelledBy;
    /** Cancelled because its requester withdrew its approval from the approvals page (decision 0070): no reason typed. */
    private boolean cancelledOnWithdrawal;
    /** Cancelled because its contract was terminated while it waited for finance (decision 0088): no reason typed. */
    private boolean cancelledOnTermination;
    private UUID requestedBy;
    @MappedCollection(idColumn = "invoice_id", keyColumn = "line_key")
    private List<InvoiceLine> lines = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Invoice() {
    }

    /**
     * A request for {@code amount}, refused above {@code uninvoiced} (what the contract has not yet had
     * invoiced or requested); the lines must add up to the amount. The taxpayer id was verified by the caller.
     */
    public static Invoice request(String number, UUID contractId, String contractNumber, UUID customerId, UUID ownerId,
                                  InvoiceType type, String buyerName, String buyerTaxId, String addressPhone,
                                  String bankAccount, BigDecimal amount, List<InvoiceLine> lines, BigDecimal uninvoiced,
                                  UUID by, Instant now) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(new FieldValidationException.FieldError("type", "invoice.type.required"));
        }
        if (com.lead2cash.platform.InputRules.isBlank(buyerName)) {
            errors.add(new FieldValidationException.FieldError("buyerName", "invoice.buyerName.required"));
        }
        if (type == InvoiceType.VAT_SPECIAL && (blank(addressPhone) || blank(bankAccount))) {
            errors.add(new FieldValidationException.FieldError(blank(addressPhone) ? "buyerAddressPhone" : "buyerBankAccount",
                    "invoice.special.buyerData"));
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            errors.add(new FieldValidationException.FieldError("amount", "invoice.amount.positive"));
        }
        if (lines != null && lines.size() > MAX_LINES) {
            errors.add(new FieldValidationException.FieldError("lines", "invoice.lines.tooMany", MAX_LINES));
        }
        for (int i = 0; lines != null && i < lines.size(); i++) {
            InvoiceLine l = lines.get(i);
            if (l == null || blank(l.description())) {
                errors.add(new FieldValidationException.FieldError("lines[" + i + "].description", "invoice.line.description"));
            } else if (l.amount() == null || l.amount().signum() <= 0 || l.amount().scale() > 2) {
                errors.add(new FieldValidationException.FieldError("lines[" + i + "].amount", "invoice.amount.positive"));
            } else if (!VatRates.lawful(l.taxRate())) {
                errors.add(new FieldValidationException.FieldError("lines[" + i + "].taxRate", "invoice.line.taxRate",
                        VatRates.listed()));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        if (lines == null || lines.isEmpty()) {
            throw new FieldValidationException("lines", "invoice.lines.required");
        }
        BigDecimal sum = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(amount) != 0) {
            throw new FieldValidationException("lines", "invoice.lines.sum", MoneyText.of(sum), MoneyText.of(amount));
        }
        if (amount.compareTo(uninvoiced) > 0) {
            throw new DomainException("invoice.amount.exceedsUninvoiced", MoneyText.of(uninvoiced));
        }
        Invoice inv = new Invoice();
        inv.id = Ids.newId();
        inv.number = number;
        inv.contractId = contractId;
        inv.contractNumber = contractNumber;
        inv.customerId = customerId;
        inv.ownerId = ownerId;
        inv.type = type;
        inv.buyerName = com.lead2cash.platform.InputRules.strip(buyerName);
        inv.buyerTaxId = buyerTaxId;
        inv.buyerAddressPhone = blank(addressPhone) ? null : addressPhone.strip();
        inv.buyerBankAccount = blank(bankAccount) ? null : bankAccount.strip();
        inv.amount = amount.setScale(2);
        inv.currency = "CNY";
        inv.status = InvoiceStatus.PENDING_APPROVAL;
        inv.requestedBy = by;
        inv.lines = lines.stream().map(l -> new InvoiceLine(l.description().strip(), l.amount().setScale(2),
                l.taxRate().setScale(2))).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        inv.createdAt = now;
        inv.updatedAt = now;
        return inv;
    }

    /**
     * A contract's amount may not fall below what its invoices hold (pending, approved and issued requests):
     * an amendment that would is refused; a red-letter reversal (or a rejected request) frees the amount first.
     */
    public static void requireContractAmountCovers(BigDecimal amount, BigDecimal held) {
        if (amount.compareTo(held) < 0) {
            throw new DomainException("invoice.amendment.belowInvoiced", MoneyText.of(amount), MoneyText.of(held));
        }
    }

    public void submittedFor(UUID approval) {
        approvalId = approval;
    }

    /** Finance decided the request: APPROVED, or REJECTED (also when sent back: a new request is made). */
    public void decided(boolean approved, Instant now) {
        if (status != InvoiceStatus.PENDING_APPROVAL) {
            return;
        }
        status = approved ? InvoiceStatus.APPROVED : InvoiceStatus.REJECTED;
        updatedAt = now;
    }

    /**
     * APPROVED → ISSUED: the number and date of the invoice as issued by the tax system, and for a paper
     * invoice (8-digit number) its code (发票代码, 10 or 12 digits); a fully digital invoice (20-digit number)
     * has no code. A number (with its code) another invoice already carries is refused ({@code taken(code,
     * number)} answers that, the code empty for a digital one), also when that one was reversed: the
     * red-letter invoice cancels it, the number stays used. The date is the day it was issued: from
     * {@link #earliestInvoiceDate} to {@link #latestInvoiceDate}, the company's days in {@code zone}.
     */
    public void issue(String invoiceNo, String code, BiPredicate<String, String> taken, LocalDate on, UUID by,
                      ZoneId zone, Instant now) {
        if (status != InvoiceStatus.APPROVED) {
            throw new DomainException("invoice.status.notAllowed",
                    Label.of("invoice.status", status));
        }
        if (blank(invoiceNo)) {
            throw new FieldValidationException("invoiceNumber", "invoice.invoiceNumber.required");
        }
        // full-width digits (１２３４５６７８, typed in a Chinese input method) are checked and kept as ASCII
        String no = InputRules.halfWidth(invoiceNo).strip();
        String theCode = blank(code) ? null : InputRules.halfWidth(code).strip();
        if (PAPER_NUMBER.matcher(no).matches()) {
            if (theCode == null) {
                throw new FieldValidationException("invoiceCode", "invoice.invoiceCode.required");
            }
            if (!INVOICE_CODE.matcher(theCode).matches()) {
                throw new FieldValidationException("invoiceCode", "invoice.invoiceCode.format");
            }
        } else if (DIGITAL_NUMBER.matcher(no).matches()) {
            if (theCode != null) {
                throw new FieldValidationException("invoiceCode", "invoice.invoiceCode.digital");
            }
        } else {
            throw new FieldValidationException("invoiceNumber", "invoice.invoiceNumber.format");
        }
        if (on == null || on.isAfter(latestInvoiceDate(LocalDate.ofInstant(now, zone)))) {
            throw new FieldValidationException("invoicedOn", "invoice.invoicedOn.invalid");
        }
        if (on.isBefore(earliestInvoiceDate(zone))) {
            throw new FieldValidationException("invoicedOn", "invoice.invoicedOn.beforeRequest", earliestInvoiceDate(zone));
        }
        // last: the only check that asks the database
        if (taken.test(theCode == null ? "" : theCode, no)) {
            throw new FieldValidationException("invoiceNumber", "invoice.invoiceNumber.taken",
                    theCode == null ? no : theCode + " " + no);
        }
        invoiceNumber = no;
        invoiceCode = theCode;
        invoicedOn = on;
        issuedAt = now;
        issuedBy = by;
        status = InvoiceStatus.ISSUED;
        updatedAt = now;
    }

    /**
     * The invoice goes with its contract to the contract's new owner (decision 0023): an invoice is seen through its
     * contract's owner, whatever its status, so the one who now collects the contract's money sees what was invoiced.
     */
    public void handOver(UUID newOwner, Instant now) {
        ownerId = Objects.requireNonNull(newOwner);
        updatedAt = now;
    }

    /**
     * The first day the invoice may be dated: the day it was requested. It is issued only after finance approved
     * the request, and the request needs a signed contract, so an earlier date is a typo (1900-01-01), not a fact.
     */
    public LocalDate earliestInvoiceDate(ZoneId zone) {
        return LocalDate.ofInstant(createdAt, zone);
    }

    /** The last day the invoice may be dated: today, the day of issue is a fact, never a plan. */
    public static LocalDate latestInvoiceDate(LocalDate today) {
        return today;
    }

    /** ISSUED → RED_REVERSED (红冲): a red-letter invoice cancels it, with the reason; the amount is free again. */
    public void redReverse(String reason, UUID by, Instant now) {
        if (status != InvoiceStatus.ISSUED) {
            throw new DomainException("invoice.status.notAllowed",
                    Label.of("invoice.status", status));
        }
        if (blank(reason)) {
            throw new FieldValidationException("reason", "invoice.red.reason");
        }
        redReason = reason.strip();
        redAt = now;
        redBy = by;
        status = InvoiceStatus.RED_REVERSED;
        updatedAt = now;
    }

    /**
     * PENDING_APPROVAL or APPROVED → CANCELLED (撤销): a request not yet issued that is no longer wanted (the requester
     * withdraws it) or can no longer be issued (finance closes it, e.g. its contract was terminated), with the reason;
     * its amount is free again. Only its requester and finance may ({@link #mayCancel}); an issued invoice is undone by
     * a red-letter invoice ({@link #redReverse}), never cancelled. A pending request's approval is withdrawn by the caller.
     */
    public void cancel(String reason, UUID by, boolean finance, Instant now) {
        if (!status.awaitsIssue()) {
            throw new DomainException("invoice.status.notAllowed",
                    Label.of("invoice.status", status));
        }
        if (!mayCancel(by, finance)) {
            throw new ForbiddenException("invoice.cancel.notYours");
        }
        if (blank(reason)) {
            throw new FieldValidationException("reason", "invoice.cancel.reason");
        }
        cancelReason = reason.strip();
        cancelledAt = now;
        cancelledBy = by;
        status = InvoiceStatus.CANCELLED;
        updatedAt = now;
    }

    /**
     * PENDING_APPROVAL → CANCELLED: its requester withdrew its approval from the approvals page (撤回, decision 0070), so
     * finance has nothing left to decide. The request is cancelled as its requester's cancellation would cancel it, the
     * withdrawal standing for the reason; its amount is free again and a new request may be made. Refused for a request
     * no longer pending: one finance decided, or one already cancelled, is not moved by a withdrawal heard late or twice.
     */
    public void approvalWithdrawn(UUID by, Instant now) {
        if (status != InvoiceStatus.PENDING_APPROVAL) {
            throw new DomainException("invoice.status.notAllowed",
                    Label.of("invoice.status", status));
        }
        cancelledOnWithdrawal = true;
        cancelledAt = now;
        cancelledBy = by;
        status = InvoiceStatus.CANCELLED;
        updatedAt = now;
    }

    /**
     * PENDING_APPROVAL → CANCELLED: its contract was terminated while the request waited for finance (decision 0088),
     * so nothing is left for finance to decide — a terminated contract is not invoiced. Cancelled as a withdrawal
     * cancels it (0070), the termination standing for the reason, by no one (the contract's termination did it); its
     * approval is withdrawn by the caller. Refused for a request no longer pending: one approved stays finance's to close.
     */
    public void contractTerminated(Instant now) {
        if (status != InvoiceStatus.PENDING_APPROVAL) {
            throw new DomainException("invoice.status.notAllowed",
                    Label.of("invoice.status", status));
        }
        cancelledOnTermination = true;
        cancelledAt = now;
        status = InvoiceStatus.CANCELLED;
        updatedAt = now;
    }

    /** Who may cancel a request not yet issued: the one who requested it, and finance. */
    private boolean mayCancel(UUID actor, boolean finance) {
        return finance || (actor != null && actor.equals(requestedBy));
    }

    /**
     * What {@code actor} may do with the invoice next: finance issues an approved request and reverses an issued
     * invoice; finance and the requester cancel a request not yet issued.
     */
    public Set<InvoiceAction> availableActions(UUID actor, boolean finance) {
        Set<InvoiceAction> actions = EnumSet.noneOf(InvoiceAction.class);
        if (finance && status == InvoiceStatus.APPROVED) {
            actions.add(InvoiceAction.ISSUE);
        }
        if (finance && status == InvoiceStatus.ISSUED) {
            actions.add(InvoiceAction.RED_REVERSE);
        }
        if (status.awaitsIssue() && mayCancel(actor, finance)) {
            actions.add(InvoiceAction.CANCEL);
        }
        return actions;
    }

    public void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public UUID contractId() { return contractId; }
    public String contractNumber() { return contractNumber; }
    public UUID customerId() { return customerId; }
    public UUID ownerId() { return ownerId; }
    public InvoiceType type() { return type; }
    public String buyerName() { return buyerName; }
    public String buyerTaxId() { return buyerTaxId; }
    public String buyerAddressPhone() { return buyerAddressPhone; }
    public String buyerBankAccount() { return buyerBankAccount; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public InvoiceStatus status() { return status; }
    public UUID approvalId() { return approvalId; }
    public String invoiceNumber() { return invoiceNumber; }
    /** 发票代码 of a paper invoice; null for a fully digital one (and before issue). */
    public String invoiceCode() { return invoiceCode; }
    public LocalDate invoicedOn() { return invoicedOn; }
    public String redReason() { return redReason; }
    public Instant redAt() { return redAt; }
    public Instant issuedAt() { return issuedAt; }
    public UUID issuedBy() { return issuedBy; }
    public UUID redBy() { return redBy; }
    public String cancelReason() { return cancelReason; }
    public Instant cancelledAt() { return cancelledAt; }
    public UUID cancelledBy() { return cancelledBy; }
    /** Whether it was cancelled by the withdrawal of its approval (decision 0070), not with a reason of its own. */
    public boolean cancelledOnWithdrawal() { return cancelledOnWithdrawal; }
    /** Whether it was cancelled by its contract's termination while it waited for finance (decision 0088). */
    public boolean cancelledOnTermination() { return cancelledOnTermination; }
    public UUID requestedBy() { return requestedBy; }
    public List<InvoiceLine> lines() { return List.copyOf(lines); }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }
}

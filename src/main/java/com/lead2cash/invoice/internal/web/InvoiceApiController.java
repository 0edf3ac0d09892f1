package com.lead2cash.invoice.internal.web;

import com.lead2cash.platform.web.ReasonedAction;
import com.lead2cash.invoice.internal.InvoiceQueries;
import com.lead2cash.invoice.internal.InvoiceService;
import com.lead2cash.invoice.internal.InvoiceService.LineRequest;
import com.lead2cash.invoice.internal.InvoiceService.NewInvoice;
import com.lead2cash.invoice.internal.domain.Invoice;
import com.lead2cash.invoice.internal.domain.InvoiceAction;
import com.lead2cash.invoice.internal.domain.InvoiceStatus;
import com.lead2cash.invoice.internal.domain.InvoiceType;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invoices over the API (SPEC §6): request against a contract, read, issue, red-letter reversal, cancellation. */
@RestController
@Tag(name = "Invoices")
@PreAuthorize(InvoiceService.READER_ROLES)
class InvoiceApiController {

    record InvoiceLineRequest(String description, BigDecimal amount, BigDecimal taxRate) {
    }

    /** SPEC §6: {contractId*, type, buyerName*, buyerTaxId*, amount*, lines[]}, plus address, phone, bank and account. */
    record InvoiceRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID contractId, InvoiceType type,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String buyerName,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String buyerTaxId,
                          @Schema(description = SPECIAL_BUYER_DATA) String buyerAddressPhone,
                          @Schema(description = SPECIAL_BUYER_DATA) String buyerBankAccount,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
                          @Schema(description = "Optional. Left out (or empty): one line for the amount at the rate the "
                                  + "contract's products share in the catalog; products at several rates are split by rate "
                                  + "only when the amount is all the contract has not yet invoiced, otherwise 422 on lines")
                          List<InvoiceLineRequest> lines) {
    }

    static final String SPECIAL_BUYER_DATA = "Required when type is VAT_SPECIAL (422 without it), optional for VAT_ORDINARY";

    /** invoiceCode: 发票代码 of a paper invoice (8-digit number), absent for a fully digital one (20-digit number). */
    record InvoiceIssueRequest(String invoiceNumber, String invoiceCode, LocalDate invoicedOn, Long version)
            implements Versioned {
    }

    record InvoiceLineView(String description, BigDecimal amount, BigDecimal taxRate) {
    }

    /** SPEC §6: {id, status, approvalId}, and everything else the invoice says. */
    record InvoiceView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, String number, InvoiceStatus status,
                       UUID approvalId, UUID contractId, String contractNumber, UUID customerId, InvoiceType type,
                       String buyerName, String buyerTaxId, String buyerAddressPhone, String buyerBankAccount,
                       BigDecimal amount, String currency, List<InvoiceLineView> lines, String invoiceNumber,
                       String invoiceCode, LocalDate invoicedOn, String redReason, Instant redAt,
                       @Schema(description = "Why the request was cancelled (status CANCELLED), else absent; absent "
                               + "too when it was cancelled by the withdrawal of its approval (cancelledOnWithdrawal) or by "
                               + "its contract's termination (cancelledOnTermination)")
                       String cancelReason,
                       Instant cancelledAt, UUID cancelledBy,
                       @Schema(description = "True when the request was cancelled because its requester withdrew its "
                               + "approval on the approvals page (decision 0070): cancelledAt and cancelledBy say when and "
                               + "who, there is no cancelReason")
                       boolean cancelledOnWithdrawal,
                       @Schema(description = "True when the request was cancelled because its contract was terminated "
                               + "while it waited for finance (decision 0088): cancelledAt says when, there is no "
                               + "cancelReason nor cancelledBy")
                       boolean cancelledOnTermination,
                       Instant createdAt, Set<InvoiceAction> actions, long version) {
    }

    private final InvoiceService service;
    private final InvoiceQueries queries;

    InvoiceApiController(InvoiceService service, InvoiceQueries queries) {
        this.queries = queries;
        this.service = service;
    }

    @Operation(summary = "Request an invoice against a signed contract, up to what it has not yet invoiced; finance approves it")
    @PostMapping("/api/v1/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(404)
    ResponseEntity<InvoiceView> request(@RequestBody InvoiceRequest body) {
        Invoice inv = service.request(new NewInvoice(body.contractId(), body.type(), body.buyerName(), body.buyerTaxId(),
                body.buyerAddressPhone(), body.buyerBankAccount(), body.amount(), body.lines() == null ? null
                : body.lines().stream().map(l -> l == null ? null : new LineRequest(l.description(), l.amount(), l.taxRate())).toList()));
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + inv.id())).body(view(inv));
    }

    @Operation(summary = "With contractId: that contract's invoices, oldest first, in one page. Without: the invoices "
            + "you may see, newest first, by status and type, paged by cursor")
    @GetMapping("/api/v1/invoices")
    CursorPage<InvoiceView> list(@RequestParam(required = false) UUID contractId,
                                 @RequestParam(required = false) InvoiceStatus status,
                                 @RequestParam(required = false) InvoiceType type,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer size) {
        if (contractId != null) {
            return new CursorPage<>(service.ofContract(contractId).stream()
                    .filter(i -> status == null || i.status() == status).filter(i -> type == null || i.type() == type)
                    .map(this::view).toList(), null);
        }
        CursorPage<InvoiceQueries.InvoiceRow> page = queries.list(status, type, cursor, size);
        return new CursorPage<>(service.visible(page.items().stream().map(InvoiceQueries.InvoiceRow::id).toList())
                .stream().map(this::view).toList(), page.nextCursor());
    }

    @Operation(summary = "One invoice, with what you may do next")
    @GetMapping("/api/v1/invoices/{id}")
    InvoiceView get(@PathVariable UUID id) {
        return view(service.visible(id));
    }

    @Operation(summary = "Finance records the number and date of the approved invoice as issued; a paper invoice "
            + "(8-digit number) with its invoiceCode (10 or 12 digits), a fully digital one (20 digits) without")
    @PostMapping("/api/v1/invoices/{id}/issue")
    @PreAuthorize(InvoiceService.FINANCE_ROLES)
    InvoiceView issue(@PathVariable UUID id, @RequestBody InvoiceIssueRequest body) {
        return view(service.issue(id, body.invoiceNumber(), body.invoiceCode(), body.invoicedOn(), body.version()));
    }

    @Operation(summary = "Finance reverses an issued invoice by a red-letter invoice, with a reason; the amount may be invoiced again")
    @PostMapping("/api/v1/invoices/{id}/red-reversal")
    @PreAuthorize(InvoiceService.FINANCE_ROLES)
    InvoiceView redReverse(@PathVariable UUID id, @RequestBody ReasonedAction body) {
        return view(service.redReverse(id, body.reason(), body.version()));
    }

    @Operation(summary = "The requester or finance cancels a request not yet issued (pending or approved), with a reason; "
            + "a pending request's approval is withdrawn and the amount may be invoiced again. An issued invoice is "
            + "reversed by red-letter instead (422)")
    @PostMapping("/api/v1/invoices/{id}/cancellation")
    InvoiceView cancel(@PathVariable UUID id, @RequestBody ReasonedAction body) {
        return view(service.cancel(id, body.reason(), body.version()));
    }

    private InvoiceView view(Invoice i) {
        return new InvoiceView(i.id(), i.number(), i.status(), i.approvalId(), i.contractId(), i.contractNumber(),
                i.customerId(), i.type(), i.buyerName(), i.buyerTaxId(), i.buyerAddressPhone(), i.buyerBankAccount(),
                i.amount(), i.currency(), i.lines().stream().map(l -> new InvoiceLineView(l.description(), l.amount(),
                        l.taxRate())).toList(), i.invoiceNumber(), i.invoiceCode(), i.invoicedOn(), i.redReason(), i.redAt(), i.cancelReason(),
                i.cancelledAt(), i.cancelledBy(), i.cancelledOnWithdrawal(), i.cancelledOnTermination(), i.createdAt(),
                service.actions(i), i.version());
    }
}

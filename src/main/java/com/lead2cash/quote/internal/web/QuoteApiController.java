package com.lead2cash.quote.internal.web;

import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.VersionRequest;
import com.lead2cash.confirmation.SentLink;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import com.lead2cash.quote.internal.QuoteDocuments;
import com.lead2cash.quote.internal.QuoteService;
import com.lead2cash.quote.internal.QuoteService.Content;
import com.lead2cash.quote.internal.QuoteService.LineRequest;
import com.lead2cash.quote.internal.domain.Authority;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteAction;
import com.lead2cash.quote.internal.domain.QuoteLine;
import com.lead2cash.quote.internal.domain.QuoteStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Quotes over the API (SPEC §6): write, correct a draft, revise, submit (Q2), review (Q1), send, read, print. */
@RestController
@Tag(name = "Quotes")
@PreAuthorize(QuoteApiController.READER_ROLES)
class QuoteApiController {

    /**
     * Roles that see quotes at all: those who read opportunities, except tech support, who sees only the opportunities
     * it is invited to evaluate.
     */
    static final String READER_ROLES = "hasAnyRole('SALES_DIRECTOR','REGIONAL_MANAGER','SALES_MANAGER',"
            + "'SALES_REP','ACCOUNT_MANAGER','SALES_ASSISTANT','FINANCE','ADMIN')";
    /** {@link #READER_ROLES} as roles, for what other screens offer. */
    static final Set<Role> READERS = Set.of(Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER,
            Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT, Role.FINANCE, Role.ADMIN);

    record QuoteLineRequest(UUID productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        LineRequest request() {
            return new LineRequest(productId, quantity, unitPrice, discountPercent);
        }
    }

    /** SPEC §6: {opportunityId*, lines[{productId, quantity, unitPrice, discountPercent}], validUntil, deliveryPeriod, paymentTerms}, plus a price list and notes. */
    record QuoteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID opportunityId, UUID priceListId,
                        List<QuoteLineRequest> lines, LocalDate validUntil, String deliveryPeriod, String paymentTerms,
                        String notes) {
        Content content() {
            return new Content(priceListId, lines == null ? null : lines.stream().map(l -> l == null ? null : l.request()).toList(),
                    validUntil, deliveryPeriod, paymentTerms, notes);
        }
    }

    /** A draft rewritten, with the version it was read at. */
    record QuoteUpdate(UUID priceListId, List<QuoteLineRequest> lines, LocalDate validUntil, String deliveryPeriod,
                       String paymentTerms, String notes, Long version) implements Versioned {
        Content content() {
            return new Content(priceListId, lines == null ? null : lines.stream().map(l -> l == null ? null : l.request()).toList(),
                    validUntil, deliveryPeriod, paymentTerms, notes);
        }
    }

    record QuoteReviewRequest(String comment, Long version) {
    }

    /** To whom, and in which language the document and e-mail are written (the contact's own when absent). */
    record QuoteSendRequest(UUID contactId, @Schema(description = DocumentLanguage.API_DESCRIPTION_TO_CONTACT) String locale,
                            Long version) implements Versioned {
    }

    record QuoteLineView(UUID productId, String productCode, String productName, String specification, String unit,
                    BigDecimal listPrice, BigDecimal referencePrice, BigDecimal unitPrice, BigDecimal quantity,
                    BigDecimal discountPercent, BigDecimal taxRate, BigDecimal lineTotal) {
        static QuoteLineView of(QuoteLine l) {
            return new QuoteLineView(l.productId(), l.productCode(), l.productName(), l.specification(), l.unit(),
                    l.listPrice(), l.referencePrice(), l.unitPrice(), l.quantity(), l.discountPercent(), l.taxRate(),
                    l.lineTotal());
        }
    }

    record QuoteTaxView(BigDecimal rate, BigDecimal amount) {
    }

    record QuoteReviewView(UUID reviewedBy, Instant reviewedAt, String comment) {
    }

    /** SPEC §6: {id, number, revision, status, subtotal, tax, total}, and everything else a version says. */
    record QuoteView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, String number, int revision,
                     QuoteStatus status, UUID opportunityId, UUID customerId, UUID authorId, String currency,
                     UUID priceListId, LocalDate quotedOn, LocalDate validUntil, String deliveryPeriod,
                     String paymentTerms, String notes, List<QuoteLineView> lines, BigDecimal subtotal, List<QuoteTaxView> taxes,
                     BigDecimal tax, BigDecimal total, BigDecimal listTotal, BigDecimal belowListPercent,
                     BigDecimal maxDiscountPercent, Authority requiredAuthority, UUID approvalId, QuoteReviewView review,
                     UUID confirmationId, Instant sentAt, Instant answeredAt, Set<QuoteAction> actions, long version) {
    }

    /** SPEC §6: {confirmation: {id, state: SENT, url, expiresAt}}, and the quote now SENT. */
    record QuoteSentBody(SentLink confirmation, QuoteView quote) {
    }

    private final QuoteService service;
    private final QuoteDocuments documents;

    QuoteApiController(QuoteService service, QuoteDocuments documents) {
        this.service = service;
        this.documents = documents;
    }

    @Operation(summary = "Write the first version of a quote on an opportunity you work (DRAFT); unit prices default to the applicable price list")
    @PostMapping("/api/v1/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(404)
    ResponseEntity<QuoteView> create(@RequestBody QuoteRequest body) {
        QuoteView view = view(service.create(body.opportunityId(), body.content()));
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + view.id())).body(view);
    }

    @Operation(summary = "Every version of the quotes of an opportunity, newest first")
    @GetMapping("/api/v1/quotes")
    @Refuses(404)
    CursorPage<QuoteView> list(@RequestParam UUID opportunityId) {
        return new CursorPage<>(service.ofOpportunity(opportunityId).stream().map(this::view).toList(), null);
    }

    @Operation(summary = "One version of a quote, with what you may do next")
    @GetMapping("/api/v1/quotes/{id}")
    QuoteView get(@PathVariable UUID id) {
        return view(service.visible(id));
    }

    @Operation(summary = "Every version of the quote this version belongs to, newest first (Q1)")
    @GetMapping("/api/v1/quotes/{id}/versions")
    CursorPage<QuoteView> versions(@PathVariable UUID id) {
        return new CursorPage<>(service.versions(service.visible(id)).stream().map(this::view).toList(), null);
    }

    @Operation(summary = "Rewrite a draft's lines and terms (409 on a stale version)")
    @PutMapping("/api/v1/quotes/{id}")
    QuoteView change(@PathVariable UUID id, @RequestBody QuoteUpdate body) {
        return view(service.change(id, body.content(), body.version()));
    }

    @Operation(summary = "Q1: a new version of the quote (a draft copying this one); this version is superseded and stays readable")
    @PostMapping("/api/v1/quotes/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(409)
    ResponseEntity<QuoteView> revise(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        QuoteView view = view(service.revise(id, body == null ? null : body.version()));
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + view.id())).body(view);
    }

    @Operation(summary = "Q2: submit the draft; APPROVED within your discount authority, else PENDING_APPROVAL with approvalId")
    @PostMapping("/api/v1/quotes/{id}/submit")
    @Refuses(409)
    QuoteView submit(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        return view(service.submit(id, body == null ? null : body.version()));
    }

    @Operation(summary = "Q1: a manager records the review of the quote's logic and pricing")
    @PostMapping("/api/v1/quotes/{id}/review")
    @Refuses(409)
    QuoteView review(@PathVariable UUID id, @RequestBody(required = false) QuoteReviewRequest body) {
        return view(service.review(id, body == null ? null : body.comment(), body == null ? null : body.version()));
    }

    @Operation(summary = "Send the approved and reviewed quote to a contact of the customer, who accepts or rejects it online")
    @PostMapping("/api/v1/quotes/{id}/send")
    @Refuses(409)
    QuoteSentBody send(@PathVariable UUID id, @RequestBody QuoteSendRequest body) {
        QuoteService.Sent sent = service.send(id, body.contactId(), body.version(), DocumentLanguage.named(body.locale()));
        var c = sent.confirmation();
        return new QuoteSentBody(SentLink.of(c), view(sent.quote()));
    }

    @Operation(summary = "The quote as a PDF with the company's letterhead and a searchable Chinese text layer")
    @GetMapping("/api/v1/quotes/{id}/pdf")
    @Refuses(422)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The quote's PDF",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @Parameter(description = DocumentLanguage.API_DESCRIPTION)
                               @RequestParam(required = false) String locale) {
        Quote quote = service.visible(id);
        byte[] bytes = documents.pdf(quote, DocumentLanguage.of(locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(QuoteDocuments.fileName(quote)).build().toString())
                .body(bytes);
    }

    private QuoteView view(Quote q) {
        var totals = q.totals();
        List<QuoteTaxView> taxes = totals.taxByRate().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new QuoteTaxView(e.getKey(), e.getValue())).toList();
        return new QuoteView(q.id(), q.number(), q.revision(), q.status(), q.opportunityId(), q.customerId(),
                q.authorId(), q.currency(), q.priceListId(), q.quotedOn(), q.validUntil(), q.deliveryPeriod(),
                q.paymentTerms(), q.notes(), q.lines().stream().map(QuoteLineView::of).toList(), q.subtotal(), taxes, q.tax(),
                q.total(), totals.listTotal(), totals.belowListPercent(), q.maxDiscount(), q.requiredAuthority(),
                q.approvalId(), q.reviewedAt() == null ? null : new QuoteReviewView(q.reviewedBy(), q.reviewedAt(), q.reviewComment()),
                q.confirmationId(), q.sentAt(), q.answeredAt(), q.availableActions(service.actor(q), service.rules().reviewBeforeSending()), q.version());
    }
}

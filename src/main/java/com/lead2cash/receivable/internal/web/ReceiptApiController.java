package com.lead2cash.receivable.internal.web;

import com.lead2cash.platform.IdempotencyKey;
import com.lead2cash.platform.web.ReasonedAction;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import com.lead2cash.platform.web.SingleHeader;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.receivable.internal.ReceiptQueries;
import com.lead2cash.receivable.internal.ReceivableAccess;
import com.lead2cash.receivable.internal.ReceiptService;
import com.lead2cash.receivable.internal.ReceiptService.AllocationRequest;
import com.lead2cash.receivable.internal.ReceiptService.NewReceipt;
import com.lead2cash.receivable.internal.domain.Receipt;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import com.lead2cash.receivable.internal.domain.ReceiptState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
import tools.jackson.databind.json.JsonMapper;

/** Receipts over the API (SPEC §6): finance records, allocates and reverses them. */
@RestController
@Tag(name = "Receipts")
class ReceiptApiController {

    record ReceiptAllocationRequest(UUID receivableId, BigDecimal amount) {
        AllocationRequest request() {
            return new AllocationRequest(receivableId, amount);
        }
    }

    /** SPEC §6: {customerId*, amount*, receivedOn*, method*, reference, allocations[{receivableId, amount}]}, plus the payer. */
    record ReceiptRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate receivedOn,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReceiptMethod method, String payer,
                          String reference, List<ReceiptAllocationRequest> allocations) {
    }

    record ReceiptAllocateRequest(List<ReceiptAllocationRequest> allocations, Long version) implements Versioned {
    }

    record ReceiptAllocationView(UUID receivableId, BigDecimal amount, UUID allocatedBy, Instant allocatedAt) {
    }

    record ReceiptView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, String number, UUID customerId,
                       BigDecimal amount, BigDecimal allocatedAmount, BigDecimal unallocated, String currency,
                       LocalDate receivedOn, ReceiptMethod method, String payer, String reference, ReceiptState state,
                       UUID recordedBy, Instant recordedAt, UUID reversedBy, Instant reversedAt, String reversalReason,
                       List<ReceiptAllocationView> allocations, long version,
                       @Schema(description = REPEATED_REFERENCE) boolean repeatedReference) {
        static ReceiptView of(Receipt r) {
            return new ReceiptView(r.id(), r.number(), r.customerId(), r.amount(), r.allocatedAmount(), r.unallocated(),
                    r.currency(), r.receivedOn(), r.method(), r.payer(), r.reference(), r.state(), r.recordedBy(),
                    r.recordedAt(), r.reversedBy(), r.reversedAt(), r.reversalReason(),
                    r.allocations().stream().map(a -> new ReceiptAllocationView(a.planId(), a.amount(), a.allocatedBy(),
                            a.allocatedAt())).toList(), r.version(), r.repeatsReference());
        }
    }

    static final String REPEATED_REFERENCE = "The receipt stands beside an earlier standing receipt of its customer with "
            + "the same bank reference (any letter case), entered before references were held unique or brought "
            + "together by a customer merge: the same transfer twice, finance reverses the one not meant. False once "
            + "either is reversed";

    /** A receipt in the list: what came, when, how, from whom, and how much of it is allocated. */
    record ReceiptListItem(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, String number, UUID customerId,
                           BigDecimal amount, BigDecimal allocatedAmount, BigDecimal unallocated, String currency,
                           LocalDate receivedOn, ReceiptMethod method, String payer, String reference,
                           ReceiptState state, Instant recordedAt,
                           @Schema(description = REPEATED_REFERENCE) boolean repeatedReference) {
        static ReceiptListItem of(ReceiptQueries.ReceiptRow r) {
            return new ReceiptListItem(r.id(), r.number(), r.customerId(), r.amount(), r.allocatedAmount(),
                    r.unallocated(), r.currency(), r.receivedOn(), r.method(), r.payer(), r.reference(), r.state(),
                    r.recordedAt(), r.repeatedReference());
        }
    }

    private final ReceiptService receipts;
    private final ReceiptQueries queries;
    private final JsonMapper json;

    ReceiptApiController(ReceiptService receipts, ReceiptQueries queries, JsonMapper json) {
        this.receipts = receipts;
        this.queries = queries;
        this.json = json;
    }

    @Operation(summary = "Receipts, newest first, filtered by the day received (from, to inclusive), method, state, "
            + "payer name (part of it), customer and repeatedReference; for finance, the sales director and the "
            + "administrator")
    @GetMapping("/api/v1/receipts")
    @PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
    @Refuses(422)
    CursorPage<ReceiptListItem> list(@RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to,
                                     @RequestParam(required = false) ReceiptMethod method,
                                     @RequestParam(required = false) ReceiptState state,
                                     @RequestParam(required = false) String payer,
                                     @Parameter(description = "true: only the standing receipts that repeat the bank "
                                             + "reference of an earlier standing receipt of their customer, for "
                                             + "finance to reverse the one not meant; false or absent: no such filter")
                                     @RequestParam(defaultValue = "false") boolean repeatedReference,
                                     @Parameter(description = "only the receipts of this customer; none for an id "
                                             + "no receipt names (as the other lists' filters by id)")
                                     @RequestParam(required = false) UUID customerId,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Integer size) {
        return queries.list(new ReceiptQueries.Filter(from, to, method, state, payer, repeatedReference, customerId),
                cursor, size).map(ReceiptListItem::of);
    }

    @Operation(summary = "P2: finance records a receipt (amount, day, method, payer, reference) and allocates it to the "
            + "customer's plans: 201; 200 with the same receipt for a repeated Idempotency-Key with the same body; 422 "
            + "also for the key reused with another body, and for a bank reference a standing receipt of the customer has")
    @PostMapping("/api/v1/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ReceivableAccess.FINANCE_ROLES)
    @ApiResponse(responseCode = "200", description = "The receipt already recorded with this Idempotency-Key (as it stands now)")
    @Refuses(404)
    // the header is read by SingleHeader, not @RequestHeader: two headers are not the key their values joined by a comma
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, required = false, schema = @Schema(type = "string"),
            description = "Optional, 1 to 100 characters, each user's own: a retry with the same key and body records "
                    + "nothing and answers the receipt the first request recorded")
    ResponseEntity<ReceiptView> record(@RequestBody ReceiptRequest body, jakarta.servlet.http.HttpServletRequest http) {
        // one key, as sent (400 naming the header when sent twice); read after the body, as the body's refusals come first
        String idempotencyKey = SingleHeader.of(http, IdempotencyKey.HEADER);
        // the body as read, field by field: a retry matches whatever its spacing or field order
        Optional<IdempotencyKey> key = IdempotencyKey.of(idempotencyKey, json, body,
                "receipt.idempotencyKey.invalid");
        ReceiptService.Recorded recorded = receipts.record(new NewReceipt(body.customerId(), body.amount(),
                body.receivedOn(), body.method(), body.payer(), body.reference(), body.allocations() == null ? null
                : body.allocations().stream().map(a -> a == null ? null : a.request()).toList()), key.orElse(null));
        Receipt r = recorded.receipt();
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/receipts/" + r.id())).body(ReceiptView.of(r));
    }

    @Operation(summary = "One receipt with its allocations (finance, the sales director, the administrator)")
    @GetMapping("/api/v1/receipts/{id}")
    @PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
    ReceiptView get(@PathVariable UUID id) {
        return ReceiptView.of(receipts.visible(id));
    }

    @Operation(summary = "Allocate what is left of a receipt to plans of its customer")
    @PostMapping("/api/v1/receipts/{id}/allocations")
    @PreAuthorize(ReceivableAccess.FINANCE_ROLES)
    ReceiptView allocate(@PathVariable UUID id, @RequestBody ReceiptAllocateRequest body) {
        return ReceiptView.of(receipts.allocate(id, body.allocations() == null ? null
                : body.allocations().stream().map(a -> a == null ? null : a.request()).toList(), body.version()));
    }

    @Operation(summary = "Reverse a wrong receipt with a reason; the plans it paid owe again. Receipts are never edited or deleted")
    @PostMapping("/api/v1/receipts/{id}/reversal")
    @PreAuthorize(ReceivableAccess.FINANCE_ROLES)
    ReceiptView reverse(@PathVariable UUID id, @RequestBody ReasonedAction body) {
        return ReceiptView.of(receipts.reverse(id, body.reason(), body.version()));
    }
}

package com.lead2cash.order.internal.web;

import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.web.VersionedAction;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.confirmation.SentLink;
import com.lead2cash.order.internal.OrderAccess;
import com.lead2cash.order.internal.OrderQueries;
import com.lead2cash.order.internal.OrderService;
import com.lead2cash.order.internal.OrderService.AcceptanceForm;
import com.lead2cash.order.internal.OrderService.LineRequest;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderAction;
import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import com.lead2cash.platform.web.RequiredVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Orders over the API (SPEC §6): create from a signed contract, prepare, ship (D2), progress (D1), delay (D3), deliver, accept. */
@RestController
@Tag(name = "Orders")
@PreAuthorize(OrderAccess.READER_ROLES)
class OrderApiController {

    /** A multipart action cannot make one of two places required in the document: it says so instead (0014). */
    static final String VERSION_REQUIRED = "Required: the order's version as read, as this field or as If-Match; "
            + "428 without either, 409 when stale";

    record OrderLineRequest(UUID productId, BigDecimal quantity) {
    }

    /** SPEC §6: {contractId*, lines[{productId, quantity}], address, consignee, promisedDate}, plus the consignee's phone. */
    record OrderRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID contractId,
                        List<OrderLineRequest> lines, String address, String consignee, String consigneePhone,
                        LocalDate promisedDate) {
    }

    record ShipmentRequest(Integer line, BigDecimal quantity, String carrier, String waybillNumber, LocalDate shipDate,
                           Long version) implements Versioned {
    }

    record WaybillRequest(String waybillNumber, Long version) implements Versioned {
    }

    record ShipmentCancellationRequest(String reason, Long version) implements Versioned {
    }

    record ProgressNoteRequest(String note) {
    }

    record DelayRequest(LocalDate promisedDate, String reason, Long version) implements Versioned {
    }

    record DeliveryRequest(LocalDate deliveredOn, Long version) implements Versioned {
    }

    /** To whom, and in which language the document and e-mail are written (the contact's own when absent). */
    record AcceptanceSendRequest(UUID contactId, @Schema(description = DocumentLanguage.API_DESCRIPTION_TO_CONTACT) String locale) {
    }

    record OrderLineView(int line, UUID productId, String productCode, String productName, String unit,
                         BigDecimal quantity, BigDecimal shipped) {
    }

    record ShipmentView(int shipment, int line, BigDecimal quantity, String carrier, String waybillNumber,
                        Instant waybillRecordedAt, LocalDate shipDate, Instant recordedAt,
                        @Schema(description = "When operations cancelled this booked shipment before it left (its quantity "
                                + "free to ship again); null while it stands")
                        Instant cancelledAt, UUID cancelledBy, String cancelReason,
                        @Schema(description = "Whether you may cancel it now: booked for a later day, not left, not "
                                + "cancelled (operations)")
                        boolean cancellable) {
    }

    record PromisedDateView(LocalDate promisedDate, String reason, Instant customerToldAt, Instant recordedAt) {
    }

    /**
     * {@code quantity} and {@code quality} in the reader's language when the customer's contact accepted online; then
     * {@code signedBy} is the name typed on the link, and {@code nameMatchesRecipient} whether it is the recipient's
     * (as {@code /api/v1/confirmations/{id}} and the order's acceptance card say it).
     */
    record AcceptanceView(LocalDate acceptedOn, String signedBy, String quantity, String quality, String remarks,
                          UUID formFileId, UUID confirmationId,
                          @Schema(description = "Accepted online: whether the name typed (signedBy) is the name of the"
                                  + " contact the link was sent to (spaces and case ignored); null when accepted on the"
                                  + " signed form")
                          Boolean nameMatchesRecipient) {
    }

    record ProgressNoteView(String note, UUID recordedBy, Instant recordedAt) {
    }

    /** SPEC §6: {id, number, status, version}, and everything else an order says. */
    record OrderView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, String number, OrderStatus status,
                     UUID contractId, String contractNumber, UUID customerId, UUID ownerId, String address,
                     String consignee, String consigneePhone, LocalDate promisedDate, List<PromisedDateView> promises,
                     List<OrderLineView> lines, List<ShipmentView> shipments, LocalDate deliveredOn,
                     AcceptanceView acceptance,
                     @Schema(description = "The day the order's contract was terminated (合同终止): nothing more is prepared, "
                             + "shipped or accepted; goods already shipped are still delivered. Null while the contract stands.")
                     LocalDate contractTerminatedOn,
                     @Schema(description = "D1: the rep's progress notes as the order's page lists them, newest first (the last 50)")
                     List<ProgressNoteView> progressNotes,
                     Set<OrderAction> actions, long version) {
    }

    record OrderDelayed(OrderView order, boolean customerEmailed) {
    }

    private final OrderService service;
    private final OrderAccess access;
    private final OrderQueries queries;

    OrderApiController(OrderService service, OrderAccess access, OrderQueries queries) {
        this.service = service;
        this.access = access;
        this.queries = queries;
    }

    @Operation(summary = "An order from a signed contract you may see: its products and quantities (all of the contract when none are given), address, consignee, promised date")
    @PostMapping("/api/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(404)
    ResponseEntity<OrderView> create(@RequestBody OrderRequest body) {
        Order o = service.create(body.contractId(), body.lines() == null ? null
                        : body.lines().stream().map(l -> l == null ? null : new LineRequest(l.productId(), l.quantity())).toList(),
                body.address(), body.consignee(), body.consigneePhone(), body.promisedDate());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).body(view(o));
    }

    @Operation(summary = "Orders in your scope, newest first, by contract or status")
    @GetMapping("/api/v1/orders")
    CursorPage<OrderQueries.OrderRow> list(@RequestParam(required = false) UUID contractId,
                                           @RequestParam(required = false) OrderStatus status,
                                           @RequestParam(required = false) String cursor,
                                           @RequestParam(required = false) Integer size) {
        return queries.list(contractId, status, cursor, size);
    }

    @Operation(summary = "One order with its lines, shipments, promised dates and what you may do next")
    @GetMapping("/api/v1/orders/{id}")
    OrderView get(@PathVariable UUID id) {
        return view(access.visible(id));
    }

    @Operation(summary = "Operations starts preparing the goods")
    @PostMapping("/api/v1/orders/{id}/preparation")
    @PreAuthorize(OrderAccess.OPERATIONS_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.START_PREPARING)
    OrderView prepare(@PathVariable UUID id, @RequestBody VersionedAction body) {
        return view(service.startPreparing(id, body.version()));
    }

    @Operation(summary = "D2: a shipment of part of a line with carrier and ship date; its waybill number is due a business day before the ship date")
    @PostMapping("/api/v1/orders/{id}/shipments")
    @PreAuthorize(OrderAccess.OPERATIONS_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.SHIP)
    OrderView ship(@PathVariable UUID id, @RequestBody ShipmentRequest body) {
        return view(service.ship(id, body.line() == null ? 0 : body.line(), body.quantity(), body.carrier(),
                body.waybillNumber(), body.shipDate(), body.version()));
    }

    @Operation(summary = "D2: record the carrier's waybill number of a shipment")
    @PostMapping("/api/v1/orders/{id}/shipments/{shipment}/waybill")
    @PreAuthorize(OrderAccess.OPERATIONS_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.RECORD_WAYBILL)
    OrderView waybill(@PathVariable UUID id, @PathVariable int shipment, @RequestBody WaybillRequest body) {
        return view(service.recordWaybill(id, shipment, body.waybillNumber(), body.version()));
    }

    @Operation(summary = "Cancel a booked shipment that has not left yet (its ship date after today), with the reason: "
            + "it stays on the order as cancelled and its quantity is free to ship again")
    @PostMapping("/api/v1/orders/{id}/shipments/{shipment}/cancellation")
    @PreAuthorize(OrderAccess.OPERATIONS_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.CANCEL_SHIPMENT)
    OrderView cancelShipment(@PathVariable UUID id, @PathVariable int shipment,
                             @RequestBody ShipmentCancellationRequest body) {
        return view(service.cancelShipment(id, shipment, body.reason(), body.version()));
    }

    @Operation(summary = "D1: the owning rep's weekly progress check, as a note; the next week's check opens")
    @PostMapping("/api/v1/orders/{id}/progress-notes")
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.RECORD_PROGRESS)
    @Refuses(422)
    OrderView progress(@PathVariable UUID id, @RequestBody ProgressNoteRequest body) {
        return view(service.recordProgress(id, body.note()));
    }

    @Operation(summary = "D3: a delay with the new promised date and reason; the customer's contact is e-mailed the same day")
    @PostMapping("/api/v1/orders/{id}/delays")
    @PreAuthorize(OrderAccess.SELLER_OR_OPERATIONS_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.DELAY)
    OrderDelayed delay(@PathVariable UUID id, @RequestBody DelayRequest body) {
        OrderService.Delayed d = service.delay(id, body.promisedDate(), body.reason(), body.version());
        return new OrderDelayed(view(d.order()), d.customerEmailed());
    }

    @Operation(summary = "D3: the rep told the customer of the latest delay themselves")
    @PostMapping("/api/v1/orders/{id}/delays/customer-told")
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.RECORD_PROGRESS)
    @Refuses(422)
    OrderView customerTold(@PathVariable UUID id) {
        return view(service.customerTold(id));
    }

    @Operation(summary = "Everything shipped arrived at the customer on the day given")
    @PostMapping("/api/v1/orders/{id}/delivery")
    @PreAuthorize(OrderAccess.SELLER_OR_OPERATIONS_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.DELIVER)
    OrderView deliver(@PathVariable UUID id, @RequestBody DeliveryRequest body) {
        return view(service.deliver(id, body.deliveredOn(), body.version()));
    }

    @Operation(summary = "Record the acceptance on the signed acceptance form (a PDF or image, at most 20 MB): quantity, quality, remarks, signed by, date; on the version read (the field or If-Match, 428 without)")
    @PostMapping(value = "/api/v1/orders/{id}/acceptance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.ACCEPT)
    OrderView accept(@PathVariable UUID id, @RequestPart("form") MultipartFile form,
                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate acceptedOn,
                     @Parameter(schema = @Schema(maxLength = OrderService.MAX_TEXT)) @RequestParam String signedBy,
                     @Parameter(schema = @Schema(maxLength = OrderService.MAX_TEXT)) @RequestParam String quantity,
                     @Parameter(schema = @Schema(maxLength = OrderService.MAX_TEXT)) @RequestParam String quality,
                     @Parameter(schema = @Schema(maxLength = OrderService.MAX_TEXT)) @RequestParam(required = false) String remarks,
                     @Parameter(description = VERSION_REQUIRED) @RequestParam(required = false) Long version,
                     @Parameter(description = VERSION_REQUIRED)
                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws IOException {
        long read = RequiredVersion.of(version, ifMatch);
        return view(service.accept(id, new AcceptanceForm(acceptedOn, signedBy, quantity, quality, remarks),
                form.getOriginalFilename(), form.getSize(), form.getInputStream(), read));
    }

    @Operation(summary = "Send the acceptance form to a contact of the customer, who accepts online through the link")
    @PostMapping("/api/v1/orders/{id}/acceptance/send")
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.SEND_ACCEPTANCE)
    @Refuses(422)
    SentLink.Answer sendAcceptance(@PathVariable UUID id, @RequestBody AcceptanceSendRequest body) {
        SentConfirmation s = service.sendAcceptance(id, body.contactId(), DocumentLanguage.named(body.locale()));
        return SentLink.Answer.of(s);
    }

    private OrderView view(Order o) {
        List<OrderLineView> lines = new java.util.ArrayList<>();
        for (int i = 0; i < o.lines().size(); i++) {
            var l = o.lines().get(i);
            lines.add(new OrderLineView(i + 1, l.productId(), l.productCode(), l.productName(), l.unit(), l.quantity(), l.shipped()));
        }
        List<ShipmentView> shipments = new java.util.ArrayList<>();
        java.util.Set<Integer> cancellable = service.cancellableShipments(o);
        for (int i = 0; i < o.shipments().size(); i++) {
            var s = o.shipments().get(i);
            shipments.add(new ShipmentView(i + 1, s.lineKey(), s.quantity(), s.carrier(), s.waybillNumber(),
                    s.waybillRecordedAt(), s.shipDate(), s.recordedAt(), s.cancelledAt(), s.cancelledBy(),
                    s.cancelReason(), cancellable.contains(i + 1)));
        }
        OrderService.AcceptanceResults results = service.acceptanceResults(o);
        return new OrderView(o.id(), o.number(), o.status(), o.contractId(), o.contractNumber(), o.customerId(),
                o.ownerId(), o.address(), o.consignee(), access.consigneePhone(o), o.promisedDate(),
                o.promises().stream().map(p -> new PromisedDateView(p.promisedDate(), p.reason(), p.customerToldAt(),
                        p.recordedAt())).toList(), lines, shipments, o.deliveredOn(),
                o.acceptedOn() == null ? null : new AcceptanceView(o.acceptedOn(), o.acceptanceSignedBy(),
                        results.quantity(), results.quality(), o.acceptanceRemarks(), o.acceptanceFileId(),
                        o.acceptanceConfirmationId(), service.acceptanceNameMatchesRecipient(o)),
                o.contractTerminatedOn(), service.progressNotes(o.id()).stream()
                        .map(n -> new ProgressNoteView(n.note(), n.recordedBy(), n.recordedAt())).toList(),
                service.actions(o), o.version());
    }
}

package com.lead2cash.order.internal.domain;

import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 订单 — the delivery of (part of) a signed contract: its products and quantities, where to and to whom,
 * the promised date and every later one (D3), the shipments in parts with their waybills (D2), delivery
 * and the customer's acceptance (验收: quantity, quality, remarks, who signed and when, the signed form or
 * the online confirmation). CREATED → PREPARING → SHIPPED → DELIVERED → ACCEPTED.
 */
@Table("order_order")
public class Order {

    /** The quantity result of an acceptance confirmed online: everything received. A bundle key. */
    public static final String ONLINE_QUANTITY = "order.acceptance.online.quantity";
    /** The quality result of an acceptance confirmed online: accepted. A bundle key. */
    public static final String ONLINE_QUALITY = "order.acceptance.online.quality";

    @Id
    private UUID id;
    private String number;
    private UUID contractId;
    private String contractNumber;
    private UUID customerId;
    private UUID ownerId;
    private OrderStatus status;
    private String address;
    private String consignee;
    private String consigneePhone;
    private LocalDate promisedDate;
    private LocalDate deliveredOn;
    /** When the delivery was recorded: the day alone cannot order it before an acceptance of the same day. */
    private Instant deliveredAt;
    /** Who recorded the delivery (null on orders delivered before it was kept). */
    private UUID deliveredBy;
    private LocalDate acceptedOn;
    private Instant acceptedAt;
    /** Who recorded the acceptance: null when the customer's contact accepted online, or before it was kept. */
    private UUID acceptedBy;
    private String acceptanceSignedBy;
    /** The results as written on the signed form; null when said by their key (confirmed online). */
    private String acceptanceQuantity;
    private String acceptanceQuality;
    /**
     * The results an acceptance confirmed online states ({@link #ONLINE_QUANTITY}, {@link #ONLINE_QUALITY}): bundle
     * keys, said in the reader's language when read; null when written by hand.
     */
    private String acceptanceQuantityKey;
    private String acceptanceQualityKey;
    private String acceptanceRemarks;
    private UUID acceptanceFileId;
    private UUID acceptanceConfirmationId;
    /** The day the order's contract was terminated (合同终止), null while it stands. */
    private LocalDate contractTerminatedOn;
    @MappedCollection(idColumn = "order_id", keyColumn = "line_key")
    private List<OrderLine> lines = new ArrayList<>();
    @MappedCollection(idColumn = "order_id", keyColumn = "shipment_key")
    private List<Shipment> shipments = new ArrayList<>();
    @MappedCollection(idColumn = "order_id", keyColumn = "promise_key")
    private List<PromisedDate> promises = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Order() {
    }

    /** The most lines an order has: a quote's most (a contract's products come from one), each product once. */
    public static final int MAX_LINES = 200;

    /**
     * Refuses more lines than an order has by their count alone: asked before a single line is looked up in the
     * contract or the catalogue, so that 20 000 of them are refused at once.
     */
    public static void requireLineCount(List<?> lines) {
        tooManyLines(lines).ifPresent(tooMany -> {
            throw new FieldValidationException(List.of(tooMany));
        });
    }

    private static java.util.Optional<FieldValidationException.FieldError> tooManyLines(List<?> lines) {
        return lines != null && lines.size() > MAX_LINES
                ? java.util.Optional.of(new FieldValidationException.FieldError("lines", "order.lines.tooMany", MAX_LINES))
                : java.util.Optional.empty();
    }

    /** A new order for a signed contract; lines were checked against the contract by the caller. */
    public static Order create(String number, UUID contractId, String contractNumber, UUID customerId, UUID ownerId,
                               List<OrderLine> lines, String address, String consignee, String consigneePhone,
                               LocalDate promisedDate, UUID by, LocalDate today, Instant now) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldValidationException.FieldError("lines", "order.lines.required"));
        } else {
            tooManyLines(lines).ifPresent(errors::add);
        }
        errors.addAll(problems(address, consignee, consigneePhone, promisedDate, today));
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Order o = new Order();
        o.id = Ids.newId();
        o.number = number;
        o.contractId = contractId;
        o.contractNumber = contractNumber;
        o.customerId = customerId;
        o.ownerId = ownerId;
        o.status = OrderStatus.CREATED;
        o.lines = new ArrayList<>(lines);
        o.address = address.strip();
        o.consignee = consignee.strip();
        o.consigneePhone = consigneePhone == null || consigneePhone.isBlank() ? null : consigneePhone.strip();
        o.promisedDate = promisedDate;
        o.promises.add(new PromisedDate(promisedDate, null, null, by, now));
        o.createdAt = now;
        o.updatedAt = now;
        return o;
    }

    /**
     * Everything wrong with an order's delivery details at once: where to, to whom, a consignee's phone that can be
     * dialled (checked as a contact's is), and the promised date.
     */
    public static List<FieldValidationException.FieldError> problems(String address, String consignee,
                                                                     String consigneePhone, LocalDate promisedDate,
                                                                     LocalDate today) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (address == null || address.isBlank()) {
            errors.add(new FieldValidationException.FieldError("address", "order.address.required"));
        }
        if (consignee == null || consignee.isBlank()) {
            errors.add(new FieldValidationException.FieldError("consignee", "order.consignee.required"));
        }
        if (consigneePhone != null && !consigneePhone.isBlank()
                && !PhoneNumbers.isPlausible(PhoneNumbers.normalize(consigneePhone))) {
            errors.add(new FieldValidationException.FieldError("consigneePhone", "order.consigneePhone.invalid"));
        }
        if (promisedDate == null) {
            errors.add(new FieldValidationException.FieldError("promisedDate", "order.promisedDate.required"));
        } else if (promisedDate.isBefore(today)) {
            errors.add(new FieldValidationException.FieldError("promisedDate", "order.promisedDate.past"));
        } else if (promisedDate.isAfter(InputRules.latestAhead(today))) {
            errors.add(new FieldValidationException.FieldError("promisedDate", "order.promisedDate.tooFar",
                    InputRules.latestAhead(today)));
        }
        return errors;
    }

    /** CREATED → PREPARING: operations starts preparing the goods. */
    public void startPreparing(Instant now) {
        requireStatus(EnumSet.of(OrderStatus.CREATED));
        requireNotStopped(OrderAction.START_PREPARING);
        status = OrderStatus.PREPARING;
        updatedAt = now;
    }

    /**
     * A shipment of part of a line (partial shipments), recorded when it leaves or booked ahead for a later ship date
     * (its waybill is due before then, D2): refused above what remains of the line. Once every line is booked in full
     * the order is SHIPPED — at once when the last goods leave today or left earlier, else on the day they leave
     * ({@link #goodsLeft}); until then it is PREPARING (decision 0044). A ship date after the order's promised date
     * (the latest, after its delays) is refused: goods that arrive late are a delay the customer is told of (D3), recorded
     * first (decision 0064). Answers the shipment's number (1, 2, …).
     */
    public int ship(int lineKey, BigDecimal quantity, String carrier, String waybill, LocalDate shipDate, UUID by,
                    LocalDate today, ZoneId zone, Instant now) {
        requireStatus(EnumSet.of(OrderStatus.CREATED, OrderStatus.PREPARING));
        requireNotStopped(OrderAction.SHIP);
        if (lineKey < 1 || lineKey > lines.size()) {
            throw new FieldValidationException("line", "order.shipment.line");
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.scale() > 2) {
            throw new FieldValidationException("quantity", "order.shipment.quantity");
        }
        if (carrier == null || carrier.isBlank()) {
            throw new FieldValidationException("carrier", "order.shipment.carrier");
        }
        if (shipDate == null) {
            throw new FieldValidationException("shipDate", "order.shipment.shipDate");
        }
        if (shipDate.isBefore(earliestShipDate(zone)) || shipDate.isAfter(latestShipDate(today))) {
            throw new FieldValidationException("shipDate", "order.shipment.shipDate.range", earliestShipDate(zone),
                    latestShipDate(today));
        }
        if (shipDate.isAfter(promisedDate)) {
            throw new FieldValidationException("shipDate", "order.shipment.afterPromised", shipDate.toString(),
                    promisedDate.toString());
        }
        OrderLine line = lines.get(lineKey - 1);
        if (quantity.compareTo(line.remaining()) > 0) {
            // a quantity as the order's lines show it: 5, not 5.00
            throw new DomainException("order.shipment.exceedsLine", line.productName(),
                    line.remaining().stripTrailingZeros().toPlainString());
        }
        lines.set(lineKey - 1, line.shippedMore(quantity));
        String wb = waybill == null || waybill.isBlank() ? null : waybill.strip();
        shipments.add(new Shipment(lineKey, quantity, carrier.strip(), wb, wb == null ? null : now, shipDate, by, now,
                null, null, null));
        if (status == OrderStatus.CREATED) {
            status = OrderStatus.PREPARING;
        }
        goodsLeft(today, now);
        updatedAt = now;
        return shipments.size();
    }

    /** Every line booked to ship in full (some shipments may leave later). */
    public boolean fullyBooked() {
        return lines.stream().allMatch(l -> l.remaining().signum() == 0);
    }

    /**
     * PREPARING → SHIPPED (已发货) when everything is booked and the last goods have left by {@code today}: not before
     * they leave. A contract terminated meanwhile stops what had not left yet (decision 0036), so it stays PREPARING.
     * Answers whether the order changed.
     */
    public boolean goodsLeft(LocalDate today, Instant now) {
        if (status != OrderStatus.PREPARING || !fullyBooked() || lastShipDate().isAfter(today)
                || contractTerminatedOn != null) {
            return false;
        }
        status = OrderStatus.SHIPPED;
        updatedAt = now;
        return true;
    }

    /** The day the order becomes SHIPPED when everything is booked and the last shipment leaves after today, else null. */
    public LocalDate shipsOn(LocalDate today) {
        return status == OrderStatus.PREPARING && fullyBooked() && lastShipDate().isAfter(today) ? lastShipDate() : null;
    }

    /**
     * The first day a shipment may be dated: it is recorded before it leaves (D2 counts back from the ship date) or
     * after, but nothing left before the order was made — the day the order was created in the company's zone.
     */
    public LocalDate earliestShipDate(ZoneId zone) {
        return LocalDate.ofInstant(createdAt, zone);
    }

    /** The last day a shipment may be planned for, as far ahead as any planned date ({@link InputRules#MAX_YEARS_AHEAD}). */
    public static LocalDate latestShipDate(LocalDate today) {
        return InputRules.latestAhead(today);
    }

    /**
     * The last day this order's next shipment may be dated: its promised date (after its delays), which a later ship
     * date needs a delay for first, and never beyond {@link #latestShipDate}.
     */
    public LocalDate shipNoLaterThan(LocalDate today) {
        LocalDate latest = latestShipDate(today);
        return promisedDate.isBefore(latest) ? promisedDate : latest;
    }

    /**
     * Whether shipment {@code shipmentKey} (1, 2, …) may still be cancelled: it is booked for a day after today, so it
     * has not left, and was not cancelled before (decision 0064).
     */
    public boolean shipmentCancellable(int shipmentKey, LocalDate today) {
        if (shipmentKey < 1 || shipmentKey > shipments.size()
                || !EnumSet.of(OrderStatus.CREATED, OrderStatus.PREPARING).contains(status)) {
            return false;
        }
        Shipment s = shipments.get(shipmentKey - 1);
        return !s.cancelled() && s.shipDate().isAfter(today);
    }

    /** The shipments (by number, 1, 2, …) that may still be cancelled ({@link #shipmentCancellable}). */
    public Set<Integer> cancellableShipments(LocalDate today) {
        return java.util.stream.IntStream.rangeClosed(1, shipments.size()).filter(k -> shipmentCancellable(k, today))
                .boxed().collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * Cancels a booked shipment that has not left yet, with the reason (a mistyped ship date, a booking the carrier
     * dropped): it stays on the order under its number as cancelled, by whom and when, and its quantity is free to ship
     * again. Goods that left are not cancelled: what happened stays on record. Answers the cancelled shipment.
     */
    public Shipment cancelShipment(int shipmentKey, String reason, UUID by, LocalDate today, Instant now) {
        if (shipmentKey < 1 || shipmentKey > shipments.size()) {
            throw new FieldValidationException("shipment", "order.shipment.unknown");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "order.shipment.cancel.reason");
        }
        Shipment s = shipments.get(shipmentKey - 1);
        if (s.cancelled()) {
            throw new DomainException("order.shipment.cancel.cancelled", shipmentKey);
        }
        if (!shipmentCancellable(shipmentKey, today)) {
            throw new DomainException("order.shipment.cancel.left", shipmentKey, s.shipDate().toString());
        }
        Shipment cancelled = s.cancel(reason.strip(), Objects.requireNonNull(by), now);
        shipments.set(shipmentKey - 1, cancelled);
        lines.set(s.lineKey() - 1, lines.get(s.lineKey() - 1).shippedLess(s.quantity()));
        updatedAt = now;
        return cancelled;
    }

    /** D2 — the carrier's waybill number for a shipment recorded without one. */
    public Shipment recordWaybill(int shipmentKey, String waybill, Instant now) {
        if (shipmentKey < 1 || shipmentKey > shipments.size()) {
            throw new FieldValidationException("shipment", "order.shipment.unknown");
        }
        if (waybill == null || waybill.isBlank()) {
            throw new FieldValidationException("waybillNumber", "order.waybill.required");
        }
        Shipment s = shipments.get(shipmentKey - 1);
        if (s.cancelled()) {
            throw new DomainException("order.shipment.cancel.cancelled", shipmentKey);
        }
        if (s.waybillNumber() != null) {
            throw new DomainException("order.waybill.recorded", s.waybillNumber());
        }
        Shipment with = s.withWaybill(waybill.strip(), now);
        shipments.set(shipmentKey - 1, with);
        updatedAt = now;
        return with;
    }

    /** D3 — a delay: the new promised date and the reason, kept beside every earlier promise. */
    public PromisedDate delay(LocalDate newDate, String reason, UUID by, LocalDate today, Instant now) {
        requireStatus(EnumSet.of(OrderStatus.CREATED, OrderStatus.PREPARING, OrderStatus.SHIPPED));
        requireNotStopped(OrderAction.DELAY);
        if (newDate == null) {
            throw new FieldValidationException("promisedDate", "order.promisedDate.required");
        }
        if (reason == null || reason.isBlank()) {
            throw new FieldValidationException("reason", "order.delay.reason");
        }
        if (!newDate.isAfter(promisedDate) || newDate.isBefore(today)) {
            throw new FieldValidationException("promisedDate", "order.delay.later", promisedDate.toString());
        }
        if (newDate.isAfter(InputRules.latestAhead(today))) {
            throw new FieldValidationException("promisedDate", "order.promisedDate.tooFar", InputRules.latestAhead(today));
        }
        promisedDate = newDate;
        PromisedDate p = new PromisedDate(newDate, reason.strip(), null, by, now);
        promises.add(p);
        updatedAt = now;
        return p;
    }

    /** D3 — the customer was told of the latest delay. */
    public void customerTold(Instant at) {
        int last = promises.size() - 1;
        if (last < 1) {
            throw new DomainException("order.delay.none");
        }
        if (promises.get(last).customerToldAt() == null) {
            promises.set(last, promises.get(last).told(at));
        }
    }

    /**
     * SHIPPED → DELIVERED: everything arrived on {@code day}, a fact: not after today, and not before the last
     * shipment left.
     */
    public void deliver(LocalDate day, UUID by, LocalDate today, Instant now) {
        requireStatus(EnumSet.of(OrderStatus.SHIPPED));
        if (day == null || day.isAfter(today)) {
            throw new FieldValidationException("deliveredOn", "order.deliveredOn.invalid");
        }
        LocalDate lastShipped = lastShipDate();
        if (day.isBefore(lastShipped)) {
            throw new FieldValidationException("deliveredOn", "order.deliveredOn.beforeShipment", lastShipped.toString());
        }
        deliveredOn = day;
        deliveredAt = now;
        deliveredBy = by;
        status = OrderStatus.DELIVERED;
        updatedAt = now;
    }

    /**
     * DELIVERED → ACCEPTED (验收): on the signed form ({@code fileId}) recorded by a user ({@code by}), or online
     * ({@code confirmationId}), where the customer's contact accepted and no user did ({@code by} null).
     */
    public void accept(LocalDate day, String signedBy, String quantity, String quality, String remarks, UUID fileId,
                       UUID confirmationId, UUID by, LocalDate today, Instant now) {
        accept(day, signedBy, quantity, null, quality, null, remarks, fileId, confirmationId, by, today, now);
    }

    /**
     * The customer's contact accepted online, on the confirmation {@code confirmationId}: the quantity and quality
     * results are what the document they confirmed states — kept as their bundle keys ({@link #ONLINE_QUANTITY},
     * {@link #ONLINE_QUALITY}), said in each reader's language when read, not in one language once.
     */
    public void acceptOnline(LocalDate day, String signedBy, String remarks, UUID confirmationId, LocalDate today,
                             Instant now) {
        accept(day, signedBy, null, ONLINE_QUANTITY, null, ONLINE_QUALITY, remarks, null,
                Objects.requireNonNull(confirmationId), null, today, now);
    }

    private void accept(LocalDate day, String signedBy, String quantity, String quantityKey, String quality,
                        String qualityKey, String remarks, UUID fileId, UUID confirmationId, UUID by, LocalDate today,
                        Instant now) {
        requireStatus(EnumSet.of(OrderStatus.DELIVERED));
        requireNotStopped(OrderAction.ACCEPT);
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (day == null || day.isAfter(today) || (deliveredOn != null && day.isBefore(deliveredOn))) {
            errors.add(new FieldValidationException.FieldError("acceptedOn", "order.acceptedOn.invalid"));
        }
        if (signedBy == null || signedBy.isBlank()) {
            errors.add(new FieldValidationException.FieldError("signedBy", "order.acceptance.signedBy"));
        }
        if (quantityKey == null && (quantity == null || quantity.isBlank())) {
            errors.add(new FieldValidationException.FieldError("quantity", "order.acceptance.quantity"));
        }
        if (qualityKey == null && (quality == null || quality.isBlank())) {
            errors.add(new FieldValidationException.FieldError("quality", "order.acceptance.quality"));
        }
        if (fileId == null && confirmationId == null) {
            errors.add(new FieldValidationException.FieldError("form", "order.acceptance.form"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        acceptedOn = day;
        acceptedAt = now;
        acceptedBy = by;
        acceptanceSignedBy = signedBy.strip();
        acceptanceQuantity = quantityKey != null ? null : quantity.strip();
        acceptanceQuality = qualityKey != null ? null : quality.strip();
        acceptanceQuantityKey = quantityKey;
        acceptanceQualityKey = qualityKey;
        acceptanceRemarks = remarks == null || remarks.isBlank() ? null : remarks.strip();
        acceptanceFileId = fileId;
        acceptanceConfirmationId = confirmationId;
        status = OrderStatus.ACCEPTED;
        updatedAt = now;
    }

    /**
     * The day from which the person could record the delivery when they may record it but not yet: everything is
     * booked to ship, the last shipment only leaves after today (the order is SHIPPED that day), and no delivery can
     * be dated before it leaves.
     * Null when they may record it now, or never may.
     */
    public LocalDate deliveryOpensOn(boolean works, boolean operations, LocalDate today) {
        if (!(works || operations) || !(status == OrderStatus.SHIPPED
                || status == OrderStatus.PREPARING && fullyBooked() && contractTerminatedOn == null)) {
            return null;
        }
        LocalDate lastShipped = lastShipDate();
        return lastShipped != null && lastShipped.isAfter(today) ? lastShipped : null;
    }

    /**
     * The order's contract was terminated: the order keeps its status (SPEC §4 has no state for it), and what it
     * still allows narrows to {@link #stoppedByTermination()}. Answers whether this changed the order (once only).
     */
    public boolean contractTerminated(LocalDate effectiveOn, Instant now) {
        if (contractTerminatedOn != null || status == OrderStatus.ACCEPTED) {
            return false;
        }
        contractTerminatedOn = Objects.requireNonNull(effectiveOn);
        updatedAt = now;
        return true;
    }

    /**
     * What the contract's termination stops: everything but recording what already left — goods on the road are
     * still delivered and their waybills recorded; nothing is prepared, shipped, delayed, checked or accepted. A booked
     * shipment that will not leave may still be cancelled, so the order says so.
     */
    public Set<OrderAction> stoppedByTermination() {
        return contractTerminatedOn == null ? EnumSet.noneOf(OrderAction.class)
                : EnumSet.complementOf(EnumSet.of(OrderAction.DELIVER, OrderAction.RECORD_WAYBILL,
                        OrderAction.CANCEL_SHIPMENT));
    }

    /** What the person may do next: the rep works the order (progress, delays, acceptance), operations ships. */
    public Set<OrderAction> availableActions(boolean works, boolean operations, LocalDate today) {
        Set<OrderAction> actions = byStatus(works, operations, today);
        actions.removeAll(stoppedByTermination());
        return actions;
    }

    /** {@link #availableActions} as the status alone allows them, before the contract's termination. */
    public Set<OrderAction> byStatus(boolean works, boolean operations, LocalDate today) {
        Set<OrderAction> actions = EnumSet.noneOf(OrderAction.class);
        boolean open = status != OrderStatus.ACCEPTED;
        // whose part each is, said once (theirs); here only what the state allows
        Predicate<OrderAction> mine = action -> theirs(action, works, operations);
        if (mine.test(OrderAction.START_PREPARING) && status == OrderStatus.CREATED) {
            actions.add(OrderAction.START_PREPARING);
        }
        if (mine.test(OrderAction.SHIP) && (status == OrderStatus.CREATED || status == OrderStatus.PREPARING)
                && !fullyBooked()) {
            actions.add(OrderAction.SHIP);
        }
        if (mine.test(OrderAction.RECORD_WAYBILL)
                && shipments.stream().anyMatch(s -> s.waybillNumber() == null && !s.cancelled())) {
            actions.add(OrderAction.RECORD_WAYBILL);
        }
        if (mine.test(OrderAction.CANCEL_SHIPMENT)
                && !cancellableShipments(today).isEmpty()) {
            actions.add(OrderAction.CANCEL_SHIPMENT);
        }
        if (mine.test(OrderAction.DELIVER) && status == OrderStatus.SHIPPED
                && deliveryOpensOn(works, operations, today) == null) {
            actions.add(OrderAction.DELIVER);
        }
        if (mine.test(OrderAction.RECORD_PROGRESS) && open) {
            actions.add(OrderAction.RECORD_PROGRESS);
        }
        if (mine.test(OrderAction.DELAY) && open && status != OrderStatus.DELIVERED) {
            actions.add(OrderAction.DELAY);
        }
        if (mine.test(OrderAction.ACCEPT) && status == OrderStatus.DELIVERED) {
            actions.add(OrderAction.ACCEPT);
        }
        if (mine.test(OrderAction.SEND_ACCEPTANCE) && status == OrderStatus.DELIVERED) {
            actions.add(OrderAction.SEND_ACCEPTANCE);
        }
        return actions;
    }

    /**
     * Whose part an action is, whatever the order's state ({@link #byStatus} offers it to no one else): operations
     * prepare, ship, cancel a booked shipment and record waybills; the rep (or those above) records the weekly progress and the acceptance;
     * either records a delay or the delivery. Asked by someone whose part it is not, the answer is 403, never the state.
     */
    public static boolean theirs(OrderAction action, boolean works, boolean operations) {
        return switch (action) {
            case START_PREPARING, SHIP, RECORD_WAYBILL, CANCEL_SHIPMENT -> operations;
            case RECORD_PROGRESS, ACCEPT, SEND_ACCEPTANCE -> works;
            case DELAY, DELIVER -> works || operations;
        };
    }

    /** Refuses what the contract's termination stopped, saying so: "the contract was terminated" (合同已终止). */
    public void requireNotStopped(OrderAction action) {
        if (stoppedByTermination().contains(action)) {
            throw new DomainException("order.contractTerminated.refused", Label.of("order.action", action),
                    contractNumber, contractTerminatedOn.toString());
        }
    }

    private void requireStatus(Set<OrderStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new DomainException("order.status.notAllowed",
                    Label.of("order.status", status));
        }
    }

    /**
     * The order goes to its contract's new owner with the customer's open business (decision 0023) until it is
     * accepted: an accepted order stays with the owner it was accepted under.
     */
    public void handOver(UUID newOwner, Instant now) {
        requireStatus(EnumSet.complementOf(EnumSet.of(OrderStatus.ACCEPTED)));
        ownerId = Objects.requireNonNull(newOwner);
        updatedAt = now;
    }

    public void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    public UUID id() { return id; }
    public String number() { return number; }
    public UUID contractId() { return contractId; }
    public String contractNumber() { return contractNumber; }
    public UUID customerId() { return customerId; }
    public UUID ownerId() { return ownerId; }
    public OrderStatus status() { return status; }
    public String address() { return address; }
    public String consignee() { return consignee; }
    public String consigneePhone() { return consigneePhone; }
    public LocalDate promisedDate() { return promisedDate; }
    public LocalDate deliveredOn() { return deliveredOn; }
    public UUID deliveredBy() { return deliveredBy; }
    public LocalDate acceptedOn() { return acceptedOn; }
    public UUID acceptedBy() { return acceptedBy; }
    public String acceptanceSignedBy() { return acceptanceSignedBy; }
    public String acceptanceQuantity() { return acceptanceQuantity; }
    public String acceptanceQuality() { return acceptanceQuality; }
    public String acceptanceQuantityKey() { return acceptanceQuantityKey; }
    public String acceptanceQualityKey() { return acceptanceQualityKey; }
    public String acceptanceRemarks() { return acceptanceRemarks; }
    public UUID acceptanceFileId() { return acceptanceFileId; }
    public UUID acceptanceConfirmationId() { return acceptanceConfirmationId; }
    public LocalDate contractTerminatedOn() { return contractTerminatedOn; }
    public List<OrderLine> lines() { return List.copyOf(lines); }
    public List<Shipment> shipments() { return List.copyOf(shipments); }

    /** The day the last shipment left (null before the first; a cancelled one never leaves): no delivery is dated earlier. */
    public LocalDate lastShipDate() {
        return shipments.stream().filter(s -> !s.cancelled()).map(Shipment::shipDate).max(Comparator.naturalOrder())
                .orElse(null);
    }
    public List<PromisedDate> promises() { return List.copyOf(promises); }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }
}

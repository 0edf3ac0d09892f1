package com.lead2cash.order.internal;

import com.lead2cash.catalog.Catalog;
import com.lead2cash.confirmation.ConfirmationAnswered;
import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.Contracts;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.files.FileKind;
import com.lead2cash.files.StoredFile;
import com.lead2cash.files.Upload;
import com.lead2cash.files.FileStore;
import com.lead2cash.notification.ExternalMail;
import com.lead2cash.order.OrderAccepted;
import com.lead2cash.order.OrderDelivered;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderAction;
import com.lead2cash.order.internal.domain.OrderLine;
import com.lead2cash.order.internal.domain.OrderRepository;
import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.order.internal.domain.PromisedDate;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectRef;
import java.io.InputStream;
import java.math.BigDecimal;
import com.lead2cash.platform.BackgroundTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders and delivery (订单与交付): an order from a signed contract, preparation and partial shipments with
 * their waybills (D2), the rep's weekly progress notes (D1), delays that tell the customer the same day
 * (D3), delivery, and acceptance on the signed form or online through a confirmation link.
 */
@Service
public class OrderService {

    public static final String ACCEPTANCE_SUBJECT = "OrderAcceptance";
    static final String SHIPMENT_SUBJECT = "OrderShipment";
    static final String DELAY_SUBJECT = "OrderDelay";
    static final long MAX_FORM = 20L * 1024 * 1024;
    /** The longest text of an order's fields (an acceptance's signed by, quantity, quality, remarks; a waybill…). */
    public static final int MAX_TEXT = 500;

    /** One product and quantity asked for. */
    public record LineRequest(UUID productId, BigDecimal quantity) {
    }

    /** The acceptance form as filled in (验收单). */
    public record AcceptanceForm(LocalDate acceptedOn, String signedBy, String quantity, String quality, String remarks) {
    }

    private final OrderRepository orders;
    private final OrderAccess access;
    private final Contracts contracts;
    private final CustomerDirectory customers;
    private final Deadlines deadlines;
    private final BusinessCalendar calendar;
    private final SopPolicy policy;
    private final HumanCodes codes;
    private final FileStore files;
    private final Confirmations confirmations;
    private final ExternalMail mail;
    private final Catalog catalog;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final BackgroundTasks background;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    OrderService(OrderRepository orders, OrderAccess access, Contracts contracts, CustomerDirectory customers,
                 Deadlines deadlines, BusinessCalendar calendar, SopPolicy policy, HumanCodes codes, FileStore files,
                 Confirmations confirmations, ExternalMail mail, Catalog catalog, MessageSource messages,
                 ApplicationEventPublisher events, JdbcClient jdbc, BackgroundTasks background, AuditTrail audit,
                 Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.orders = orders;
        this.access = access;
        this.contracts = contracts;
        this.customers = customers;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.policy = policy;
        this.codes = codes;
        this.files = files;
        this.confirmations = confirmations;
        this.mail = mail;
        this.catalog = catalog;
        this.messages = messages;
        this.events = events;
        this.jdbc = jdbc;
        this.background = background;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        SopPolicy.defaults().bind(OrderRules.class);
    }

    OrderRules rules() {
        return policy.current().bind(OrderRules.class);
    }

    /** The company's today, in its zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The company's zone, in which an order's days are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** An order for a signed contract the caller may see; no lines means every line of the contract in full. */
    @Transactional
    public Order create(UUID contractId, List<LineRequest> requested, String address, String consignee,
                        String consigneePhone, LocalDate promisedDate) {
        CurrentUser me = CurrentUser.require();
        if (contractId == null) {
            throw new FieldValidationException("contractId", "order.contract.required");
        }
        Contracts.SignedContract c = contracts.signed(contractId)
                .filter(s -> access.isVisible(s.ownerId()))
                .orElseThrow(() -> new RecordNotFoundException("Contract", contractId));
        if (c.status() == ContractStatus.TERMINATED) {
            throw new DomainException("order.contract.terminated", c.number());
        }
        if (!mayMakeOrders(me)) {
            throw new com.lead2cash.platform.ForbiddenException("order.create.notAllowed");
        }
        // the count first, before the contract is locked or a line looked up in the catalogue (one look-up a line)
        Order.requireLineCount(requested);
        // one order at a time per contract, so two cannot both take what is left of a line
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "order:" + c.id()).query(Object.class).list();
        // every problem of the form at once, not one per attempt
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        List<OrderLine> lines = lines(c, requested, errors);
        List<String> unreadable = new ArrayList<>();
        for (String[] f : new String[][] {{"address", address}, {"consignee", consignee}, {"consigneePhone", consigneePhone}}) {
            InputRules.fieldProblem(f[0], f[1], MAX_TEXT).ifPresent(e -> {
                errors.add(e);
                unreadable.add(e.field());
            });
        }
        Order.problems(address, consignee, consigneePhone, promisedDate, today()).stream()
                .filter(e -> !unreadable.contains(e.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        Instant now = clock.instant();
        Order o = Order.create(codes.nextDocumentNumber("DD"), c.id(), c.number(), c.customerId(), c.ownerId(),
                lines, address, consignee, consigneePhone, promisedDate, me.id(), today(), now);
        Order saved = orders.save(o);
        deadlines.open(OrderRules.PROGRESS, subject(saved), saved.ownerId(), now);
        return saved;
    }

    /** Sales (the contract's rep and those above them, by scope) and operations make orders. */
    private static boolean mayMakeOrders(CurrentUser me) {
        return me.hasAny(OrderAccess.SELLERS) || OrderAccess.isOperations(me);
    }

    /** A product of the contract and how much of it no order has taken yet; the order form starts from it. */
    public record OrderableLine(UUID productId, String productCode, String productName, String unit, BigDecimal left) {
    }

    /**
     * What an order made now from the contract starts from; {@code lines} empty when the contract lists no
     * products (drafted without a quote), so the order names catalogue products.
     */
    public record Orderable(Contracts.SignedContract contract, List<OrderableLine> lines) {

        public boolean fromCatalogue() {
            return contract.lines().isEmpty();
        }
    }

    /** The contract's terms once signed, if the caller may see it; empty before signing; 404 out of scope. */
    @Transactional(readOnly = true)
    public java.util.Optional<Contracts.SignedContract> signedContract(UUID contractId) {
        java.util.Optional<Contracts.SignedContract> c = contracts.signed(contractId);
        if (c.isPresent() && !access.isVisible(c.get().ownerId())) {
            throw new RecordNotFoundException("Contract", contractId);
        }
        return c;
    }

    /**
     * Whether the caller may make an order from the contract now and what it would start from: the contract
     * signed and not terminated, the caller sales or operations, and something of it left to order — the
     * one answer the contract's page and the order form ask, as {@link #create} refuses the rest.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Orderable> orderable(UUID contractId) {
        return signedContract(contractId).flatMap(this::orderable);
    }

    /** {@link #orderable(UUID)} of a signed contract the caller sees. */
    private java.util.Optional<Orderable> orderable(Contracts.SignedContract signed) {
        CurrentUser me = CurrentUser.require();
        return java.util.Optional.of(signed)
                .filter(c -> c.status() != ContractStatus.TERMINATED && mayMakeOrders(me))
                .flatMap(c -> {
                    Map<UUID, BigDecimal> ordered = new HashMap<>();
                    for (Order other : orders.findByContract(c.id())) {
                        other.lines().forEach(l -> ordered.merge(l.productId(), l.quantity(), BigDecimal::add));
                    }
                    List<OrderableLine> left = c.lines().stream().filter(l -> l.productId() != null)
                            .map(l -> new OrderableLine(l.productId(), l.productCode(), l.productName(), l.unit(),
                                    l.quantity().subtract(ordered.getOrDefault(l.productId(), BigDecimal.ZERO))))
                            .filter(l -> l.left().signum() > 0).toList();
                    return c.lines().isEmpty() || !left.isEmpty()
                            ? java.util.Optional.of(new Orderable(c, left)) : java.util.Optional.empty();
                });
    }

    /**
     * {@link #orderable} for the order form: no signed contract by that id within the caller's scope — unknown,
     * unsigned or someone else's — answers 404 alike, as {@link #create} does, so the form never tells that an id is
     * a contract; to one who makes no orders (finance reads them) 403, as {@link #create} answers; one that may not be
     * ordered from now answers 422 ({@code order.create.notOrderable}).
     */
    @Transactional(readOnly = true)
    public Orderable requireOrderable(UUID contractId) {
        Contracts.SignedContract signed = signedContract(contractId)
                .orElseThrow(() -> new RecordNotFoundException("Contract", contractId));
        if (!mayMakeOrders(CurrentUser.require())) {
            throw new com.lead2cash.platform.ForbiddenException("order.create.notAllowed");
        }
        return orderable(signed).orElseThrow(() -> new DomainException("order.create.notOrderable"));
    }

    /**
     * The lines asked for, each a product of the contract within what the contract's other orders left, each product
     * once; what is wrong with any line is added to {@code errors}.
     */
    private List<OrderLine> lines(Contracts.SignedContract c, List<LineRequest> requested,
                                  List<FieldValidationException.FieldError> errors) {
        Map<UUID, BigDecimal> ordered = new HashMap<>();
        for (Order other : orders.findByContract(c.id())) {
            other.lines().forEach(l -> ordered.merge(l.productId(), l.quantity(), BigDecimal::add));
        }
        List<LineRequest> wanted = requested == null || requested.isEmpty()
                ? c.lines().stream().filter(l -> l.productId() != null)
                        .map(l -> new LineRequest(l.productId(), l.quantity().subtract(ordered.getOrDefault(l.productId(), BigDecimal.ZERO))))
                        .filter(l -> l.quantity().signum() > 0).toList()
                : requested;
        if (wanted.isEmpty()) {
            // a contract drafted without a quote lists no products: the order must name them
            errors.add(new FieldValidationException.FieldError("lines",
                    c.lines().isEmpty() ? "order.lines.name" : "order.lines.nothingLeft"));
        }
        List<OrderLine> lines = new ArrayList<>();
        Map<UUID, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            LineRequest r = wanted.get(i);
            String at = "lines[" + i + "]";
            if (r == null || r.productId() == null) {
                errors.add(new FieldValidationException.FieldError(at + ".productId", "order.line.product"));
                continue;
            }
            // a contract keeps quantities to three places (2.000): what counts is the places the quantity needs
            boolean quantityRead = r.quantity() != null && r.quantity().signum() > 0
                    && r.quantity().stripTrailingZeros().scale() <= 2;
            if (!quantityRead) {
                errors.add(new FieldValidationException.FieldError(at + ".quantity", "order.line.quantity"));
            }
            Contracts.Line line;
            if (c.lines().isEmpty()) {
                // a contract drafted without a quote lists no products: the order names catalogue products
                Catalog.ProductRef p = catalog.product(r.productId()).orElse(null);
                if (p == null) {
                    errors.add(new FieldValidationException.FieldError(at + ".productId", "order.line.product"));
                    continue;
                }
                line = new Contracts.Line(i + 1, p.id(), p.code(), p.name(), p.unit(), r.quantity(), null, null);
            } else {
                line = c.lines().stream().filter(l -> r.productId().equals(l.productId())).findFirst().orElse(null);
                if (line == null) {
                    errors.add(new FieldValidationException.FieldError(at + ".productId", "order.line.notInContract"));
                    continue;
                }
            }
            Integer first = lineOf.putIfAbsent(r.productId(), i + 1);
            if (first != null) {
                // one product, one line: two lines of it would be shipped and checked as if they were different goods
                errors.add(new FieldValidationException.FieldError(at + ".productId", "order.line.duplicate",
                        line.productCode() + " " + line.productName(), first));
                continue;
            }
            if (!quantityRead) {
                continue;
            }
            if (!c.lines().isEmpty()) {
                BigDecimal left = line.quantity().subtract(ordered.getOrDefault(r.productId(), BigDecimal.ZERO));
                if (r.quantity().compareTo(left) > 0) {
                    errors.add(new FieldValidationException.FieldError(at + ".quantity", "order.line.exceedsContract",
                            left.stripTrailingZeros().toPlainString()));
                    continue;
                }
            }
            ordered.merge(r.productId(), r.quantity(), BigDecimal::add);
            lines.add(new OrderLine(line.productId(), line.productCode(), line.productName(), line.unit(),
                    r.quantity().setScale(2), BigDecimal.ZERO.setScale(2)));
        }
        return lines;
    }

    @Transactional
    public Order startPreparing(UUID id, Long version) {
        Order o = forAction(id, version, OrderAction.START_PREPARING);
        o.startPreparing(clock.instant());
        return orders.save(o);
    }

    /**
     * A shipment of part of a line, leaving today or earlier, or booked for a later day (the order is SHIPPED only
     * when the last goods leave, decision 0044); D2 runs until its waybill is on record: due the policy's window
     * before the ship date, whenever the shipment is recorded (decision 0122). Booked inside the window, on the day
     * it leaves or backdated, the advance notice was not given: a waybill given with it is met late, a missing one is
     * overdue at once.
     */
    @Transactional
    public Order ship(UUID id, int line, BigDecimal quantity, String carrier, String waybill, LocalDate shipDate,
                      Long version) {
        Order o = forAction(id, version, OrderAction.SHIP);
        InputRules.requireFieldText("carrier", carrier, MAX_TEXT);
        InputRules.requireFieldText("waybillNumber", waybill, MAX_TEXT);
        Instant now = clock.instant();
        int key = o.ship(line, quantity, carrier, waybill, shipDate, CurrentUser.require().id(), today(), zone, now);
        SubjectRef shipment = shipmentSubject(o, key);
        Instant due = waybillDueAt(shipDate);
        deadlines.openUntil(OrderRules.WAYBILL, shipment, CurrentUser.require().id(), now, due);
        if (o.shipments().get(key - 1).waybillNumber() != null) {
            deadlines.meet(OrderRules.WAYBILL, shipment, now);
        }
        LocalDate shipsOn = o.shipsOn(today());
        if (shipsOn != null) {
            // the last goods leave later: the order becomes SHIPPED at the start of that day, not now
            Instant at = shipsOn.atStartOfDay(zone).toInstant();
            background.runAfter(OrderGoodsLeave.instance(o.id()), Duration.between(now, at));
        }
        return orders.save(o);
    }

    /**
     * D2's due time: the policy's window before the ship date, also when that has already passed as the shipment is
     * recorded — SPEC §2 measures the advance notice, and a waybill given after it is late however the shipment was
     * recorded (decision 0122, amending 0044's "due by the end of the ship date", which could never be late).
     */
    Instant waybillDueAt(LocalDate shipDate) {
        return rules().waybillDueAt(shipDate, calendar.current());
    }

    /**
     * Operations cancels a booked shipment that has not left yet, with the reason (decision 0064): the order keeps it as
     * cancelled and frees its quantity to ship again; its waybill deadline (D2) closes as cancelled unless it was
     * missed already, and an order no longer booked in full waits for no goods to leave. Audited as the order's step.
     */
    @Transactional
    public Order cancelShipment(UUID id, int shipmentKey, String reason, Long version) {
        Order o = access.visibleForUpdate(id);
        refuseIfNotTheirs(o, OrderAction.CANCEL_SHIPMENT);
        o.expectVersion(version);
        InputRules.requireFieldText("reason", reason, MAX_TEXT);
        Instant now = clock.instant();
        var cancelled = o.cancelShipment(shipmentKey, reason, CurrentUser.require().id(), today(), now);
        deadlines.cancel(OrderRules.WAYBILL, shipmentSubject(o, shipmentKey));
        if (o.shipsOn(today()) == null) {
            background.cancel(OrderGoodsLeave.instance(o.id()));
        }
        audit.record("ORDER_SHIPMENT_CANCELLED", OrderAccess.SUBJECT, o.id(), "order.audit.shipmentCancelled",
                o.number(), shipmentKey, cancelled.shipDate().toString(), cancelled.cancelReason());
        return orders.save(o);
    }

    /** The day the booked goods leave: a fully booked order becomes SHIPPED (the background task's work). */
    @Transactional
    public void goodsLeft(UUID id) {
        orders.findByIdForUpdate(id).filter(o -> o.goodsLeft(today(), clock.instant())).ifPresent(orders::save);
    }

    /** D2 — the carrier's waybill number, met on time when recorded by the due time. */
    @Transactional
    public Order recordWaybill(UUID id, int shipmentKey, String waybill, Long version) {
        Order o = forAction(id, version, OrderAction.RECORD_WAYBILL);
        InputRules.requireFieldText("waybillNumber", waybill, MAX_TEXT);
        Instant now = clock.instant();
        o.recordWaybill(shipmentKey, waybill, now);
        deadlines.meet(OrderRules.WAYBILL, shipmentSubject(o, shipmentKey), now);
        return orders.save(o);
    }

    /** D1 — the rep's progress check: the week's deadline is met and the next one opens. */
    @Transactional
    public Order recordProgress(UUID id, String note) {
        Order o = forAction(id, null, OrderAction.RECORD_PROGRESS);
        if (note == null || note.isBlank()) {
            throw new FieldValidationException("note", "order.progress.note");
        }
        InputRules.requireFieldText("note", note, InputRules.MAX_TEXT);
        Instant now = clock.instant();
        jdbc.sql("insert into order_progress_note (order_id, note, recorded_by, recorded_at) values (:o, :n, :by, :at)")
                .param("o", o.id()).param("n", note.strip()).param("by", CurrentUser.require().id())
                .param("at", java.sql.Timestamp.from(now)).update();
        deadlines.meet(OrderRules.PROGRESS, subject(o), now);
        deadlines.open(OrderRules.PROGRESS, subject(o), o.ownerId(), now);
        return o;
    }

    /** A progress note as the order's page lists it. */
    public record ProgressNote(String note, UUID recordedBy, Instant recordedAt) {
    }

    /** An acceptance's quantity and quality results as the reader reads them. */
    public record AcceptanceResults(String quantity, String quality) {
    }

    /**
     * The order's acceptance results in the reader's language: as written on the signed form, or — accepted online —
     * what the confirmed document states, said from their keys. Null when the order is not accepted.
     */
    public AcceptanceResults acceptanceResults(Order o) {
        if (o.acceptedOn() == null) {
            return null;
        }
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return new AcceptanceResults(said(o.acceptanceQuantity(), o.acceptanceQuantityKey(), locale),
                said(o.acceptanceQuality(), o.acceptanceQualityKey(), locale));
    }

    private String said(String written, String key, Locale locale) {
        return key == null ? written : messages.getMessage(key, null, key, locale);
    }

    public List<ProgressNote> progressNotes(UUID orderId) {
        return jdbc.sql("select note, recorded_by, recorded_at from order_progress_note where order_id = :o order by id desc limit 50")
                .param("o", orderId)
                .query((rs, i) -> new ProgressNote(rs.getString("note"), rs.getObject("recorded_by", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant())).list();
    }

    /** What a delay did: the order and whether the customer's contact was e-mailed at once (D3). */
    public record Delayed(Order order, boolean customerEmailed) {
    }

    /**
     * D3 — a delay: the new promised date and reason recorded, and the customer's contact told the same
     * day — by e-mail at once when they have an address and mail is configured (the rule met then), else
     * the rep tells them and confirms it before the day ends.
     */
    @Transactional
    public Delayed delay(UUID id, LocalDate newDate, String reason, Long version) {
        Order o = forAction(id, version, OrderAction.DELAY);
        InputRules.requireFieldText("reason", reason, MAX_TEXT);
        Instant now = clock.instant();
        PromisedDate p = o.delay(newDate, reason, CurrentUser.require().id(), today(), now);
        SubjectRef delay = delaySubject(o, o.promises().size());
        CustomerDirectory.ContactPoint contact = customers.contacts(o.customerId()).stream().findFirst()
                .flatMap(c -> customers.contactPoint(c.id())).orElse(null);
        boolean emailed = false;
        if (contact != null && contact.email() != null && !contact.email().isBlank() && mail.available()) {
            Locale zh = Locale.SIMPLIFIED_CHINESE;
            mail.send(new ExternalMail.Email(contact.email(), contact.name(), "order.delay",
                    messages.getMessage("order.delay.mail.subject", new Object[] {o.number()}, zh),
                    messages.getMessage("order.delay.mail.body", new Object[] {contact.name(), o.number(),
                            o.contractNumber(), p.promisedDate().toString(), p.reason()}, zh)));
            o.customerTold(now);
            emailed = true;
        }
        // "the same day": due at the end of the company's day, met at once when the e-mail went out with the delay
        Instant endOfDay = today().plusDays(1).atStartOfDay(zone).toInstant();
        deadlines.openUntil(OrderRules.DELAY, delay, o.ownerId(), now, endOfDay);
        if (emailed) {
            deadlines.meet(OrderRules.DELAY, delay, now);
        }
        return new Delayed(orders.save(o), emailed);
    }

    /** D3 — the rep told the customer of the latest delay themselves (by phone, in person). */
    @Transactional
    public Order customerTold(UUID id) {
        Order o = forAction(id, null, OrderAction.RECORD_PROGRESS);
        Instant now = clock.instant();
        o.customerTold(now);
        deadlines.meet(OrderRules.DELAY, delaySubject(o, o.promises().size()), now);
        return orders.save(o);
    }

    /** SHIPPED → DELIVERED; the payment on delivery falls due. */
    @Transactional
    public Order deliver(UUID id, LocalDate deliveredOn, Long version) {
        Order o = forAction(id, version, OrderAction.DELIVER);
        o.deliver(deliveredOn, CurrentUser.require().id(), today(), clock.instant());
        Order saved = orders.save(o);
        events.publishEvent(new OrderDelivered(o.id(), o.number(), o.contractId(), o.customerId(), deliveredOn));
        return saved;
    }

    /** DELIVERED → ACCEPTED on the signed acceptance form (a PDF or a photo of it). */
    @Transactional
    public Order accept(UUID id, AcceptanceForm form, String fileName, long size, InputStream content, Long version) {
        Order o = forAction(id, version, OrderAction.ACCEPT);
        requireNotAcceptedOnline(o);
        for (String[] f : new String[][] {{"signedBy", form.signedBy()}, {"quantity", form.quantity()},
                {"quality", form.quality()}, {"remarks", form.remarks()}}) {
            InputRules.requireFieldText(f[0], f[1], MAX_TEXT);
        }
        UUID fileId = null;
        if (content != null) {
            StoredFile stored = files.store(new Upload(OrderAccess.SUBJECT, o.id().toString(), "form", fileName, size,
                    Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG), MAX_FORM, today().plusYears(10)), content);
            fileId = stored.id();
        }
        o.accept(form.acceptedOn(), form.signedBy(), form.quantity(), form.quality(), form.remarks(), fileId, null,
                CurrentUser.require().id(), today(), clock.instant());
        // the customer's links take no answer once the order is accepted (decision 0044); under the order's lock,
        // which an online answer takes too, so the two are recorded one after the other, never both
        confirmations.withdraw(ACCEPTANCE_SUBJECT, o.id().toString());
        return accepted(o);
    }

    /**
     * The customer accepted online a moment ago and the order is taking it (the answer committed under the order's
     * lock; the order follows after it): the paper form is refused as a lost race (409), so only one is recorded.
     */
    private void requireNotAcceptedOnline(Order o) {
        confirmations.of(ACCEPTANCE_SUBJECT, o.id().toString()).stream()
                .filter(c -> c.state() == com.lead2cash.confirmation.ConfirmationState.CONFIRMED).findFirst()
                .ifPresent(c -> {
                    throw new com.lead2cash.platform.ConflictException("order.acceptance.acceptedOnline",
                            c.answeredName());
                });
    }

    /** Sends the acceptance form to a contact of the customer, who accepts online (CONFIRM_DOCUMENT). */
    @Transactional
    public SentConfirmation sendAcceptance(UUID id, UUID contactId, Locale locale) {
        Order o = forAction(id, null, OrderAction.SEND_ACCEPTANCE);
        if (contactId == null) {
            throw new FieldValidationException("contactId", "order.acceptance.contact");
        }
        CustomerDirectory.ContactPoint contact = customers.contactPoint(contactId)
                .filter(c -> c.customerId().equals(o.customerId()))
                .orElseThrow(() -> new FieldValidationException("contactId", "order.acceptance.contact"));
        // the language the sender named, else the contact's own (decision 0089): the form, the e-mail, the page
        Locale l = locale != null ? locale : contact.language();
        List<List<String>> rows = o.lines().stream().map(line -> List.of(line.productCode(), line.productName(),
                line.quantity().toPlainString() + (line.unit() == null ? "" : " " + line.unit()))).toList();
        ConfirmationDocument document = new ConfirmationDocument(
                messages.getMessage("order.acceptance.document.title", new Object[] {o.number()}, l), List.of(
                new ConfirmationDocument.Paragraph(messages.getMessage("order.acceptance.document.delivery", null, l),
                        messages.getMessage("order.acceptance.document.deliveryText", new Object[] {o.contractNumber(),
                                String.valueOf(o.deliveredOn()), o.address(), o.consignee()}, l)),
                new ConfirmationDocument.Table(messages.getMessage("order.acceptance.document.lines", null, l),
                        List.of(messages.getMessage("order.acceptance.document.code", null, l),
                                messages.getMessage("order.acceptance.document.product", null, l),
                                messages.getMessage("order.acceptance.document.quantity", null, l)), rows),
                new ConfirmationDocument.Paragraph(messages.getMessage("order.acceptance.document.statement", null, l),
                        messages.getMessage("order.acceptance.document.statementText", null, l))));
        return confirmations.request(new ConfirmationRequest(Purpose.CONFIRM_DOCUMENT,
                ConfirmationSubject.of(ACCEPTANCE_SUBJECT, o.id(), 1), document,
                new Recipient(contact.contactId(), contact.name(), contact.email(), l), o.ownerId(),
                CurrentUser.require().id(), null, l));
    }

    /** The customer's contact accepted online: the order is ACCEPTED as they confirmed it. */
    @ApplicationModuleListener
    void on(ConfirmationAnswered answered) {
        if (!ACCEPTANCE_SUBJECT.equals(answered.subjectType())
                || answered.outcome() != Purpose.Outcome.CONFIRMED) {
            return;
        }
        orders.findByIdForUpdate(UUID.fromString(answered.subjectId()))
                // a link sent before the contract was terminated no longer accepts the order
                .filter(o -> o.status() == OrderStatus.DELIVERED && o.contractTerminatedOn() == null)
                .ifPresent(o -> {
                    // the results the confirmed document states, said in each reader's language when read
                    o.acceptOnline(LocalDate.ofInstant(answered.answeredAt(), zone), answered.answeredName(),
                            answered.comment(), answered.confirmationId(), LocalDate.ofInstant(clock.instant(), zone),
                            clock.instant());
                    accepted(o);
                });
    }

    private Order accepted(Order o) {
        Instant now = clock.instant();
        Order saved = orders.save(o);
        deadlines.cancel(OrderRules.PROGRESS, subject(o));
        customers.reached(o.customerId(), CustomerStatus.DELIVERED, now);
        UUID contactId = o.acceptanceConfirmationId() == null ? null
                : confirmations.find(o.acceptanceConfirmationId()).map(ConfirmationView::recipientContactId).orElse(null);
        events.publishEvent(new OrderAccepted(o.id(), o.number(), o.contractId(), o.customerId(), o.acceptedOn(),
                o.ownerId(), contactId, productLine(o)));
        return saved;
    }

    /** The product line every line of the order belongs to, or null when they differ or are not known. */
    private String productLine(Order o) {
        List<UUID> products = o.lines().stream().map(OrderLine::productId).filter(java.util.Objects::nonNull).toList();
        if (products.size() != o.lines().size() || products.isEmpty()) {
            return null;
        }
        List<String> lines = catalog.products(products).values().stream().map(Catalog.ProductRef::productLine)
                .distinct().toList();
        return lines.size() == 1 ? lines.get(0) : null;
    }

    /** The orders of a contract the reader may see. */
    @Transactional(readOnly = true)
    public List<Order> ofContract(UUID contractId) {
        return orders.findByContract(contractId).stream().filter(o -> access.isVisible(o.ownerId())).toList();
    }

    /**
     * A deadline of the order as its page shows it: late when breached, met late or open past its due time; its state
     * MET_LATE when met after the due time (the sweep need not have seen it breached).
     */
    public record OrderDeadline(String ruleId, Instant dueAt, String state, boolean late) {

        static OrderDeadline of(Deadlines.DeadlineRecord d, Instant now) {
            return new OrderDeadline(d.ruleId(), d.dueAt(), d.metLate() ? "MET_LATE" : d.state(), d.lateAt(now));
        }
    }

    /** The order's deadlines: the rep's current weekly progress check (D1) and each shipment's waybill (D2) by number. */
    public record OrderDeadlines(OrderDeadline progress, Map<Integer, OrderDeadline> waybills) {
    }

    @Transactional(readOnly = true)
    public OrderDeadlines deadlinesOf(Order o) {
        Instant now = clock.instant();
        OrderDeadline progress = deadlines.of(subject(o), now, 5).stream()
                .filter(d -> OrderRules.PROGRESS.equals(d.ruleId())).findFirst()
                .map(d -> OrderDeadline.of(d, now)).orElse(null);
        Map<Integer, OrderDeadline> waybills = new HashMap<>();
        for (int key = 1; key <= o.shipments().size(); key++) {
            int k = key;
            deadlines.of(shipmentSubject(o, key), now, 5).stream().filter(d -> OrderRules.WAYBILL.equals(d.ruleId()))
                    .findFirst().ifPresent(d -> waybills.put(k, OrderDeadline.of(d, now)));
        }
        return new OrderDeadlines(progress, waybills);
    }

    /** The acceptance links sent for the order, with the customer's answers. */
    @Transactional(readOnly = true)
    public List<com.lead2cash.confirmation.ConfirmationView> acceptanceLinks(Order o) {
        return confirmations.of(ACCEPTANCE_SUBJECT, o.id().toString());
    }

    /**
     * Whether the name typed on the confirmation the order was accepted online on is its recipient's; null when it
     * was accepted on the signed form (no name typed online).
     */
    @Transactional(readOnly = true)
    public Boolean acceptanceNameMatchesRecipient(Order o) {
        return o.acceptanceConfirmationId() == null ? null : confirmations.find(o.acceptanceConfirmationId())
                .filter(c -> c.answeredAt() != null).map(ConfirmationView::nameMatchesRecipient).orElse(null);
    }

    /** The signed acceptance form of an order the reader may see. */
    @Transactional(readOnly = true)
    public StoredFile acceptanceForm(UUID id) {
        Order o = access.visible(id);
        if (o.acceptanceFileId() == null) {
            throw new RecordNotFoundException("File", id);
        }
        return files.find(o.acceptanceFileId()).orElseThrow(() -> new RecordNotFoundException("File", id));
    }

    public InputStream open(StoredFile file) {
        return files.open(file.id());
    }

    public Set<OrderAction> actions(Order o) {
        return o.availableActions(access.works(o), OrderAccess.isOperations(CurrentUser.require()), today());
    }

    /** The shipments (by number) the caller may cancel now: operations, and each booked and not left, as the order says. */
    public Set<Integer> cancellableShipments(Order o) {
        if (!actions(o).contains(OrderAction.CANCEL_SHIPMENT)) {
            return Set.of();
        }
        return o.cancellableShipments(today());
    }

    /** The day from which the caller can record the order's delivery, when only the last shipment's date holds it back. */
    public LocalDate deliveryOpensOn(Order o) {
        return o.deliveryOpensOn(access.works(o), OrderAccess.isOperations(CurrentUser.require()), today());
    }

    /** Nobody in the caller's place could take the action, in any state (finance never records a delivery): 403 first. */
    private void refuseIfNotTheirs(Order o, OrderAction action) {
        if (!Order.theirs(action, access.works(o), OrderAccess.isOperations(CurrentUser.require()))) {
            throw OrderAccess.notYours(action);
        }
    }

    private Order forAction(UUID id, Long version, OrderAction action) {
        Order o = access.visibleForUpdate(id);
        if (!actions(o).contains(action)) {
            refuseIfNotTheirs(o, action);
            if (o.byStatus(true, true, today()).contains(action)) {
                o.requireNotStopped(action);
            }
            LocalDate opensOn = action == OrderAction.DELIVER ? deliveryOpensOn(o) : null;
            if (opensOn != null) {
                throw new DomainException("order.deliver.notYet", opensOn.toString());
            }
            if (o.availableActions(true, true, today()).contains(action)) {
                // the order's state allows it, the caller's part does not (operations ship, the rep accepts): 403
                throw OrderAccess.notYours(action);
            }
            // the action and the state in the reader's words, not their codes
            throw new DomainException("order.action.notAllowed",
                    Label.of("order.action", action),
                    Label.of("order.status", o.status()));
        }
        o.expectVersion(version);
        return o;
    }


    static SubjectRef subject(Order o) {
        return SubjectRef.of(OrderAccess.SUBJECT, o.id());
    }

    static SubjectRef shipmentSubject(Order o, int key) {
        return SubjectRef.of(SHIPMENT_SUBJECT, o.id() + ":" + key);
    }

    static SubjectRef delaySubject(Order o, int promiseNumber) {
        return SubjectRef.of(DELAY_SUBJECT, o.id() + ":" + promiseNumber);
    }
}

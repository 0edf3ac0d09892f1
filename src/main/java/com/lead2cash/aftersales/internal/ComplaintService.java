package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.MajorComplaintReceived;
import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.aftersales.internal.domain.AftersalesRules;
import com.lead2cash.aftersales.internal.domain.Complaint;
import com.lead2cash.aftersales.internal.domain.ComplaintCategory;
import com.lead2cash.aftersales.internal.domain.ComplaintRepository;
import com.lead2cash.aftersales.internal.domain.Handover;
import com.lead2cash.aftersales.internal.domain.HandoverRepository;
import com.lead2cash.aftersales.internal.domain.ReceivedVia;
import com.lead2cash.aftersales.internal.domain.Severity;
import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.files.FileKind;
import com.lead2cash.files.FileStore;
import com.lead2cash.files.StoredFile;
import com.lead2cash.files.Upload;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.SubjectRef;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint's way from receipt to close (投诉处理): receipt with its SLA on the working calendar by
 * severity (S1 first response, S2 resolution), the level-I flag (S3) and the repeat link (S4); the
 * handler's classification, first response, 5 Whys with actions, evidence files, the resolution told to
 * the customer, the customer's rating through the confirmation link, and the close — with the rating,
 * which is then the complaint's satisfaction result, or with a reason, after which a survey goes to the contact.
 * <p>The handler's "complaint for you to handle" ({@link #HANDLER_NOTICE}) is sent about the complaint and settled
 * when its handler answers it (the first response; a complaint closes only after that) or it goes to another handler.
 * The level-I notices tell managers what happened, and stay.
 */
@Service
@Transactional
public class ComplaintService {

    static final long MAX_EVIDENCE = 20L * 1024 * 1024;
    /** The handler's notice that a complaint is theirs to handle: to answer it (S1) and resolve it (S2). */
    static final NotificationKind HANDLER_NOTICE = NotificationKind.AFTERSALES_COMPLAINT_RECEIVED;

    /** A complaint as received (SPEC: customerId*, category*, severity*, description*, receivedVia). */
    public record NewComplaint(UUID customerId, ComplaintCategory category, Severity severity, String description,
                               ReceivedVia receivedVia, UUID contactId, String productLine) {
    }

    private final ComplaintRepository complaints;
    private final HandoverRepository handovers;
    private final AftersalesAccess access;
    private final CustomerDirectory customers;
    private final Confirmations confirmations;
    private final SurveyService surveys;
    private final FileStore files;
    private final Deadlines deadlines;
    private final BusinessCalendar calendar;
    private final SopPolicy policy;
    private final OrgDirectory org;
    private final Notifier notifier;
    private final ComplaintHistory history;
    private final HumanCodes codes;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ZoneId zone;

    ComplaintService(ComplaintRepository complaints, HandoverRepository handovers, AftersalesAccess access,
                     CustomerDirectory customers, Confirmations confirmations, SurveyService surveys,
                     FileStore files, Deadlines deadlines, BusinessCalendar calendar, SopPolicy policy,
                     OrgDirectory org, Notifier notifier, ComplaintHistory history, HumanCodes codes, JdbcClient jdbc,
                     ApplicationEventPublisher publisher, Clock clock,
                     @Value("${l2c.zone}") ZoneId zone) {
        this.complaints = complaints;
        this.handovers = handovers;
        this.access = access;
        this.customers = customers;
        this.confirmations = confirmations;
        this.surveys = surveys;
        this.files = files;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.policy = policy;
        this.org = org;
        this.notifier = notifier;
        this.history = history;
        this.codes = codes;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Receives a complaint of a customer the caller may see, or serves (its after-sales owner), when they may receive
     * it ({@link #mayReceive}; 403 otherwise). The after-sales owner serving the customer handles it; without one, the
     * person who received it.
     */
    public Complaint receive(NewComplaint req) {
        CurrentUser me = CurrentUser.require();
        if (req.customerId() == null) {
            throw new FieldValidationException("customerId", "aftersales.error.required");
        }
        Optional<UUID> servedBy = handovers.findServiceOwner(req.customerId());
        Complainant party = complainant(req.customerId())
                .orElseThrow(() -> new RecordNotFoundException("Customer", req.customerId()));
        if (!mayReceive(party)) {
            throw new ForbiddenException("aftersales.error.notReceiver");
        }
        if (req.contactId() != null && customers.contactPoint(req.contactId())
                .filter(p -> p.customerId().equals(req.customerId())).isEmpty()) {
            throw new FieldValidationException("contactId", "aftersales.error.notCustomersContact");
        }
        UUID contact = req.contactId() != null ? req.contactId() : contactsOf(req.customerId()).stream().findFirst().orElse(null);
        Instant now = clock.instant();
        UUID handler = servedBy.orElse(me.id());
        PolicySnapshot snapshot = policy.current();
        AftersalesRules rules = snapshot.bind(AftersalesRules.class);
        Complaint.Sla sla = req.severity() == null ? null : sla(snapshot, rules, req.severity(), now);
        UUID repeatOf = complaints.findLatestSince(req.customerId(),
                now.minus(Duration.ofDays(rules.repeatWindowDays()))).orElse(null);
        Complaint c = Complaint.receive(codes.nextDocumentNumber("CP"),
                new Complaint.Receipt(req.customerId(), party.name(), party.ownerId(), contact, req.productLine(),
                        req.category(), req.severity(), req.receivedVia(), req.description()),
                handler, me.id(), sla == null ? new Complaint.Sla(snapshot.version(), now, now, false) : sla, repeatOf, now);
        Complaint saved = complaints.save(c);
        openSla(saved);
        notifier.send(Notification.of(handler, HANDLER_NOTICE,
                "aftersales.notify.complaintReceived",
                link(saved), saved.code(), saved.customerName()).about(saved.id()));
        if (saved.levelOne()) {
            flagLevelOne(saved);
        }
        return saved;
    }

    @Transactional(readOnly = true)
    public Complaint get(UUID id) {
        return access.complaint(id, false);
    }

    /**
     * The handler confirms category and severity, and may name another handler. A changed severity is kept in
     * the complaint's history; a lower one needs a reason, and when it ends a level-I incident the manager who
     * was told of it (S3) is told that too. The deadlines of the old severity are cancelled: compliance still
     * counts those already breached, the others are superseded by the new severity's.
     */
    public Complaint classify(UUID id, ComplaintCategory category, Severity severity, UUID handler, String reason,
                              Long version) {
        Complaint c = locked(id, version, Complaint.Action.CLASSIFY);
        if (handler != null && org.person(handler).filter(p -> access.mayHandle(p, c)).isEmpty()) {
            throw new FieldValidationException("handlerId", "aftersales.error.notHandler");
        }
        UUID before = c.handlerId();
        Severity severityBefore = c.severity();
        boolean wasLevelOne = c.levelOne();
        PolicySnapshot snapshot = policy.current();
        Complaint.Sla sla = severity == null || severity == severityBefore
                ? new Complaint.Sla(c.policyVersion(), c.responseDueAt(), c.resolutionDueAt(), c.levelOne())
                : sla(snapshot, snapshot.bind(AftersalesRules.class), severity, c.receivedAt());
        Complaint.Actor actor = access.actor(c);
        Instant now = clock.instant();
        String why = c.classify(category, severity, handler, reason, sla, actor, now);
        Complaint saved = complaints.save(c);
        if (severity != severityBefore) {
            history.severityChanged(saved.id(), actor.id(), severityBefore, severity, why, now);
            deadlines.cancel(AftersalesRules.FIRST_RESPONSE, subject(saved));
            deadlines.cancel(AftersalesRules.RESOLUTION, subject(saved));
            openSla(saved);
        } else if (!saved.handlerId().equals(before)) {
            deadlines.transfer(AftersalesRules.FIRST_RESPONSE, subject(saved), saved.handlerId());
            deadlines.transfer(AftersalesRules.RESOLUTION, subject(saved), saved.handlerId());
        }
        if (saved.levelOne() && !wasLevelOne) {
            flagLevelOne(saved);
        } else if (saved.levelOne() && !saved.handlerId().equals(before)) {
            // S3: a new handler's line hears of the incident too; whoever was told already is not told again
            Set<UUID> newly = levelOneAudience(saved, saved.handlerId());
            newly.removeAll(levelOneAudience(saved, before));
            newly.remove(before);
            tellLevelOne(saved, newly);
        } else if (wasLevelOne && !saved.levelOne()) {
            for (UUID told : levelOneAudience(saved, before)) {
                notifier.send(Notification.of(told, NotificationKind.AFTERSALES_COMPLAINT_LEVEL_ONE_DOWNGRADED,
                        "aftersales.notify.complaintLevelOneDowngraded", link(saved), saved.code(), saved.customerName(),
                        why == null ? "—" : why).urgent());
            }
        }
        if (!saved.handlerId().equals(before)) {
            // the handler before has nothing left to do about it: their notice is settled, the new handler's asks
            notifier.settle(HANDLER_NOTICE, saved.id());
            notifier.send(Notification.of(saved.handlerId(), HANDLER_NOTICE,
                    "aftersales.notify.complaintReceived", link(saved), saved.code(), saved.customerName())
                    .about(saved.id()));
        }
        return saved;
    }

    /** The complaint's history, newest first. */
    @Transactional(readOnly = true)
    public List<ComplaintHistory.Event> history(Complaint c) {
        return history.of(c.id());
    }

    /** S1: the first response to the customer; handling starts. */
    public Complaint respond(UUID id, String text, Long version) {
        Complaint c = locked(id, version, Complaint.Action.RESPOND);
        Instant now = clock.instant();
        c.respond(text, access.actor(c), now);
        Complaint saved = complaints.save(c);
        deadlines.meet(AftersalesRules.FIRST_RESPONSE, subject(saved), now);
        // answered: the handler took it up, the complaint's own page leads the rest of the way
        notifier.settle(HANDLER_NOTICE, saved.id());
        return saved;
    }

    /** The 5 Whys, root cause and the corrective and preventive actions with their owners and due dates. */
    public Complaint analyse(UUID id, Complaint.RootCause rootCause, Long version) {
        Complaint c = locked(id, version, Complaint.Action.ANALYSE);
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        owner("correctiveOwnerId", rootCause.correctiveOwnerId(), errors);
        owner("preventiveOwnerId", rootCause.preventiveOwnerId(), errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        c.analyse(rootCause, access.actor(c), LocalDate.ofInstant(clock.instant(), zone));
        return complaints.save(c);
    }

    private void owner(String field, UUID id, List<FieldValidationException.FieldError> errors) {
        if (id != null && actionOwners().stream().noneMatch(p -> p.id().equals(id))) {
            errors.add(new FieldValidationException.FieldError(field, "aftersales.error.notActionOwner"));
        }
    }

    /**
     * Whom the current user may give a corrective or preventive action to: active after-sales staff and the
     * active members of their own unit. The form offers these; the API takes no one else.
     */
    @Transactional(readOnly = true)
    public List<OrgDirectory.Person> actionOwners() {
        Set<UUID> seen = new HashSet<>();
        List<OrgDirectory.Person> all = new ArrayList<>();
        for (OrgDirectory.Person p : org.activeWithRole(Role.AFTER_SALES)) {
            if (seen.add(p.id())) {
                all.add(p);
            }
        }
        CurrentUser me = CurrentUser.require();
        if (me.orgUnitId() != null) {
            for (OrgDirectory.Person p : org.activeMembersOf(me.orgUnitId())) {
                if (seen.add(p.id())) {
                    all.add(p);
                }
            }
        }
        return all;
    }

    /** An evidence file (a PDF or image, checked by content) kept with the complaint. */
    public StoredFile addEvidence(UUID id, String fileName, long size, InputStream content) {
        Complaint c = access.complaint(id, true);
        Instant now = clock.instant();
        Complaint.Actor actor = access.actor(c);
        c.require(Complaint.Action.ADD_EVIDENCE, actor);
        int years = policy.current().bind(AftersalesRules.class).retentionYears();
        StoredFile stored = files.store(new Upload(AftersalesAccess.COMPLAINT, c.id().toString(), "file", fileName, size,
                Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG), MAX_EVIDENCE,
                LocalDate.ofInstant(now, zone).plusYears(years)), content);
        c.addEvidence(stored.id(), actor, now);
        complaints.save(c);
        return stored;
    }

    /** The evidence files of a visible complaint, oldest first. */
    @Transactional(readOnly = true)
    public List<StoredFile> evidence(Complaint c) {
        return files.findAll(c.evidence().stream().map(Complaint.Evidence::fileId).toList());
    }

    /**
     * A keyset page of the evidence files of a visible complaint, oldest first by the time each was added, then by
     * file id; a cursor not made by this list is refused (400). The complaint holds its evidence, so the page is cut
     * from it after the cursor's key, never by position.
     */
    @Transactional(readOnly = true)
    public CursorPage<StoredFile> evidence(UUID id, String cursor, Integer requestedSize) {
        Complaint c = access.complaint(id, false);
        int size = CursorPage.size(requestedSize);
        java.util.Comparator<Complaint.Evidence> order = java.util.Comparator.comparing(Complaint.Evidence::addedAt)
                .thenComparing(Complaint.Evidence::fileId);
        java.util.stream.Stream<Complaint.Evidence> rows = c.evidence().stream().sorted(order);
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("evidence", cursor, 2);
            Complaint.Evidence after = new Complaint.Evidence(key.uuid(1), null, key.timestamp(0).toInstant());
            rows = rows.filter(e -> order.compare(e, after) > 0);
        }
        CursorPage<Complaint.Evidence> page = CursorPage.of("evidence", rows.limit(size + 1L).toList(), size,
                e -> List.of(e.addedAt().toString(), e.fileId()));
        java.util.Map<UUID, StoredFile> stored = new java.util.HashMap<>();
        files.findAll(page.items().stream().map(Complaint.Evidence::fileId).toList())
                .forEach(f -> stored.put(f.id(), f));
        return new CursorPage<>(page.items().stream().map(e -> stored.get(e.fileId()))
                .filter(java.util.Objects::nonNull).toList(), page.nextCursor());
    }

    /** The content of one evidence file of a visible complaint. */
    @Transactional(readOnly = true)
    public StoredFile evidenceFile(UUID id, UUID fileId) {
        Complaint c = access.complaint(id, false);
        if (c.evidence().stream().noneMatch(e -> e.fileId().equals(fileId))) {
            throw new RecordNotFoundException("File", fileId);
        }
        return files.find(fileId).orElseThrow(() -> new RecordNotFoundException("File", fileId));
    }

    public InputStream open(StoredFile file) {
        return files.open(file.id());
    }

    /** S2: the resolution told to the customer. */
    public Complaint giveFeedback(UUID id, String resolution, Long version) {
        Complaint c = locked(id, version, Complaint.Action.GIVE_FEEDBACK);
        Instant now = clock.instant();
        c.giveFeedback(resolution, access.actor(c), now);
        Complaint saved = complaints.save(c);
        deadlines.meet(AftersalesRules.RESOLUTION, subject(saved), now);
        return saved;
    }

    /**
     * Asks the complaint's contact (or another of the customer's) to rate the handling through a link, in the language
     * the sender named ({@code locale}) or, with none named, the one that contact prefers (decision 0098). Asked again
     * (the same contact or another), the links sent before are withdrawn first: only the latest link takes the rating,
     * the one the complaint names ({@link Complaint#ratingConfirmationId}).
     */
    public SentConfirmation requestRating(UUID id, UUID contactId, Locale locale) {
        Complaint c = access.complaint(id, true);
        Complaint.Actor actor = access.actor(c);
        c.require(Complaint.Action.REQUEST_RATING, actor);
        UUID contact = contactId != null ? contactId : c.contactId();
        if (contact == null) {
            throw new FieldValidationException("contactId", "aftersales.error.required");
        }
        CustomerDirectory.ContactPoint point = customers.contactPoint(contact)
                .filter(p -> p.customerId().equals(c.customerId()))
                .orElseThrow(() -> new FieldValidationException("contactId", "aftersales.error.notCustomersContact"));
        // the language the sender named, else the contact's own (decision 0098): the form, the e-mail, the page
        Locale language = locale != null ? locale : point.language();
        // under the complaint's lock, which an answer on a rating link takes too (ComplaintConfirmationSubjects)
        confirmations.withdraw(AftersalesAccess.COMPLAINT, c.id().toString());
        SentConfirmation sent = confirmations.request(new ConfirmationRequest(Purpose.RATE,
                ConfirmationSubject.of(AftersalesAccess.COMPLAINT, c.id(), 1), ratingDocument(c, language),
                new Recipient(point.contactId(), point.name(), point.email(), language), c.handlerId(), actor.id(),
                null, language));
        c.ratingRequested(sent.confirmation().id(), actor);
        complaints.save(c);
        return sent;
    }

    private static ConfirmationDocument ratingDocument(Complaint c, Locale locale) {
        boolean zh = locale == null || Locale.CHINESE.getLanguage().equals(locale.getLanguage());
        return new ConfirmationDocument((zh ? "投诉处理满意度 " : "Your complaint ") + c.code(), List.of(
                new ConfirmationDocument.Paragraph(zh ? "您的投诉" : "Your complaint", c.description()),
                new ConfirmationDocument.Paragraph(zh ? "处理结果" : "How we resolved it", c.resolution())));
    }

    /**
     * Closes with the customer's rating (the latest RATED confirmation of this complaint, {@link Complaint#latestRating})
     * or, when none could be obtained, a reason; refused with neither, with an earlier rating, and with a reason once the
     * customer has rated it. The rating is the complaint's satisfaction result; closed
     * with a reason, a satisfaction survey goes to the contact. Either way the complaint's rating links still open are
     * withdrawn (under the complaint's lock, which an answer on one takes too): a rating arriving after the close is
     * refused and changes nothing.
     */
    public Complaint close(UUID id, UUID satisfactionConfirmationId, String noRatingReason, Long version) {
        Complaint c = locked(id, version, Complaint.Action.CLOSE);
        // the answers committed under this lock before us: the complaint decides which of them is its result
        List<ConfirmationView> links = confirmations.of(AftersalesAccess.COMPLAINT, c.id().toString());
        if (satisfactionConfirmationId != null
                && links.stream().noneMatch(v -> v.id().equals(satisfactionConfirmationId))) {
            throw new FieldValidationException("satisfactionConfirmationId", "aftersales.error.notThisComplaint");
        }
        List<Complaint.Rating> ratings = ratings(links);
        ConfirmationView rated = satisfactionConfirmationId == null ? null : links.stream()
                .filter(v -> v.id().equals(satisfactionConfirmationId)).findFirst().orElseThrow();
        Complaint.Actor actor = access.actor(c);
        c.close(satisfactionConfirmationId, ratings, noRatingReason, actor, clock.instant());
        Complaint saved = complaints.save(c);
        confirmations.withdraw(AftersalesAccess.COMPLAINT, saved.id().toString());
        SatisfactionSurveys.SurveyRequest survey = new SatisfactionSurveys.SurveyRequest(
                SatisfactionSurveys.Occasion.COMPLAINT_CLOSED, saved.id(), saved.customerId(), saved.contactId(),
                saved.customerOwnerId(), saved.productLine(), saved.code(), actor.id());
        if (rated != null) {
            surveys.recordRating(survey, rated);
        } else if (saved.contactId() != null) {
            surveys.send(survey);
        }
        return saved;
    }

    /** The ratings the complaint's links took (RATED confirmations), as the complaint weighs them. */
    private static List<Complaint.Rating> ratings(List<ConfirmationView> links) {
        return links.stream().filter(v -> v.state() == ConfirmationState.RATED && v.rating() != null)
                .map(v -> new Complaint.Rating(v.id(), v.answeredAt(), v.rating(), v.comment())).toList();
    }

    /**
     * The customer's rating that would close the complaint ({@link Complaint#latestRating}): the confirmation its page
     * offers the close with, the only one {@link #close} takes; empty while none was rated.
     */
    @Transactional(readOnly = true)
    public Optional<ConfirmationView> latestRating(Complaint c, List<ConfirmationView> links) {
        return c.latestRating(ratings(links)).flatMap(r -> links.stream()
                .filter(v -> v.id().equals(r.confirmationId())).findFirst());
    }

    /** The complaints linked to this one as repeats: the one it repeats and those repeating it. */
    @Transactional(readOnly = true)
    public List<Complaint> linked(Complaint c) {
        List<UUID> ids = jdbc.sql("select id from aftersales_complaint where repeat_of = :id or id = :of order by received_at")
                .param("id", c.id()).param("of", c.repeatOf()).query(UUID.class).list();
        return complaints.findAllById(ids).stream().filter(access::isVisible)
                .sorted(java.util.Comparator.comparing(Complaint::receivedAt)).toList();
    }

    /**
     * The customer's contacts the current user may reach, primary first: the directory's when they may see
     * the customer, else those handed over to its after-sales owner.
     */
    @Transactional(readOnly = true)
    public List<UUID> contactsOf(UUID customerId) {
        if (customers.find(customerId).isPresent()) {
            return customers.contacts(customerId).stream().map(CustomerDirectory.ContactRef::id).toList();
        }
        return handovers.findLatestAccepted(customerId).map(Handover::contactIds).orElse(List.of());
    }

    /** S3, E1: a level-I incident is reported at once ({@link #levelOneAudience}), and the incident process hears of it. */
    private void flagLevelOne(Complaint c) {
        tellLevelOne(c, levelOneAudience(c, c.handlerId()));
        publisher.publishEvent(new MajorComplaintReceived(c.id(), c.code(), c.customerId(), c.handlerId(), c.receivedAt()));
    }

    private void tellLevelOne(Complaint c, Set<UUID> people) {
        for (UUID told : people) {
            notifier.send(Notification.of(told, NotificationKind.AFTERSALES_COMPLAINT_LEVEL_ONE,
                    "aftersales.notify.complaintLevelOne",
                    link(c), c.code(), c.customerName()).urgent());
        }
    }

    /**
     * Who hears of a level-I incident (E1: reported within the hour): the handler's line manager — for the head of a
     * unit under a company without a manager, the sales director, as a deadline's breach escalates — and the
     * customer's rep with the rep's manager, who answer for the customer. Not the handler, who has the complaint.
     */
    private Set<UUID> levelOneAudience(Complaint c, UUID handler) {
        Set<UUID> told = new LinkedHashSet<>(above(handler));
        if (c.customerOwnerId() != null) {
            told.add(c.customerOwnerId());
            told.addAll(above(c.customerOwnerId()));
        }
        told.remove(handler);
        return told;
    }

    /** The person's line manager, or at the top of the tree (no manager above) the active sales directors. */
    private List<UUID> above(UUID person) {
        Optional<OrgDirectory.Person> manager = org.managerOf(person);
        if (manager.isPresent()) {
            return List.of(manager.get().id());
        }
        return org.activeWithRole(Role.SALES_DIRECTOR).stream().map(OrgDirectory.Person::id).toList();
    }

    /** S1, S2, S3 for a severity, counted from {@code from} on the working calendar. */
    private Complaint.Sla sla(PolicySnapshot snapshot, AftersalesRules rules, Severity severity, Instant from) {
        return new Complaint.Sla(snapshot.version(), calendar.due(from, rules.responseWindow(severity)),
                calendar.due(from, rules.resolutionWindow(severity)), rules.isLevelOne(severity));
    }

    private void openSla(Complaint c) {
        if (c.firstResponseAt() == null) {
            deadlines.openUntil(AftersalesRules.FIRST_RESPONSE, subject(c), c.handlerId(), c.receivedAt(), c.responseDueAt());
        }
        deadlines.openUntil(AftersalesRules.RESOLUTION, subject(c), c.handlerId(), c.receivedAt(), c.resolutionDueAt());
    }

    /** A customer a complaint may be received for: the form's choice (id and name) and the customer's rep. */
    public record Complainant(UUID id, String name, UUID ownerId) {
    }

    /**
     * The customer if the current user may receive a complaint of it: one they may see, or one they serve as
     * its after-sales owner (who need not read the customer's own record); empty for any other. The complaint
     * form offers what this answers, so it never offers a customer {@link #receive} would refuse.
     */
    @Transactional(readOnly = true)
    public Optional<Complainant> complainant(UUID customerId) {
        UUID me = CurrentUser.require().id();
        return customers.find(customerId).map(c -> new Complainant(customerId, c.name(), c.ownerId()))
                .or(() -> handovers.findServiceOwner(customerId).filter(me::equals)
                        .flatMap(s -> handovers.findLatestAccepted(customerId))
                        .map(h -> new Complainant(customerId, h.customerName(), h.repId())));
    }

    /**
     * Whether the current user may receive a complaint of this customer: only someone who may be its handler
     * ({@code AftersalesAccess#mayReceive}), after-sales staff or a seller who serves the customer. {@link #receive}
     * refuses anyone else (403), and the complaint form and the customer's after-sales card offer it to no one else.
     */
    @Transactional(readOnly = true)
    public boolean mayReceive(Complainant party) {
        return access.mayReceive(party.ownerId());
    }

    /** The complaint to act on: who asks (403) and its status (422) are checked before its version (409) and the input. */
    private Complaint locked(UUID id, Long version, Complaint.Action action) {
        Complaint c = access.complaint(id, true);
        c.require(action, access.actor(c));
        com.lead2cash.platform.Versions.requireCurrent(c.version(), version);
        return c;
    }

    static SubjectRef subject(Complaint c) {
        return SubjectRef.of(AftersalesAccess.COMPLAINT, c.id());
    }

    static String link(Complaint c) {
        return "/complaints/" + c.id();
    }
}

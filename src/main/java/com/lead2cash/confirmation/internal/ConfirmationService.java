package com.lead2cash.confirmation.internal;

import com.lead2cash.confirmation.ConfirmationAnswered;
import com.lead2cash.confirmation.ConfirmationDelivery;
import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.EmailDelivery;
import com.lead2cash.confirmation.EmailNotSent;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.confirmation.internal.web.PublicConfirmationController;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends confirmations and takes their answers. The owning module's side ({@link Confirmations}) joins
 * its transaction; the contact's side ({@link #open}, {@link #answer}) checks the link every time and
 * refuses every bad link alike ({@link LinkRefusedException}).
 */
@Service
public class ConfirmationService implements Confirmations {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationService.class);

    /**
     * What a link opens onto: the form, word of a newer version, word that the request was withdrawn, or the answer
     * the contact already gave.
     */
    public enum Access { OPEN, SUPERSEDED, WITHDRAWN, ANSWERED }

    /**
     * A link that opened: the confirmation and the document exactly as sent (none when superseded or withdrawn), and
     * the language its recipient's record names for their page (null: their browser's).
     */
    public record Opened(Access access, ConfirmationView confirmation, ConfirmationDocument document,
                         java.util.Locale recipientLanguage) {

        Opened(Access access, Confirmation c, Instant now, ConfirmationDocument document) {
            this(access, c.view(now), document, c.recipientLanguage().orElse(null));
        }
    }

    private final ConfirmationRepository confirmations;
    private final ConfirmationLinks links;
    private final ConfirmationMail mail;
    private final SubjectDirectory subjects;
    private final ConfirmationProperties properties;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final Clock clock;

    ConfirmationService(ConfirmationRepository confirmations, ConfirmationLinks links, ConfirmationMail mail,
                        SubjectDirectory subjects, ConfirmationProperties properties, ApplicationEventPublisher events,
                        Notifier notifier, Clock clock) {
        this.confirmations = confirmations;
        this.links = links;
        this.mail = mail;
        this.subjects = subjects;
        this.properties = properties;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SentConfirmation request(ConfirmationRequest request) {
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt() != null ? request.expiresAt() : now.plus(properties.linkValidity());
        Optional<Confirmation> open = openFor(request, now);
        if (open.isPresent() && !open.get().locale().equals(request.locale())) {
            // the same version in another language replaces the open one, whose link then says so
            open.get().supersede(now);
            confirmations.save(open.get());
            open = Optional.empty();
        }
        Confirmation confirmation = open
                .map(same -> {
                    same.resend(now, expiresAt);
                    return same;
                })
                .orElseGet(() -> Confirmation.send(request.purpose(), request.subject(), request.document(),
                        request.recipient(), request.ownerId(), request.requestedBy(), request.locale(), now,
                        expiresAt));
        confirmation = confirmations.save(confirmation);
        return issueLink(confirmation, request.requestedBy(), true);
    }

    /**
     * The open confirmation of the same version for the same contact, which a new request re-sends (in the same
     * language; asked in another, it is superseded by a new one).
     */
    private Optional<Confirmation> openFor(ConfirmationRequest request, Instant now) {
        if (request.recipient().contactId() == null) {
            return Optional.empty();
        }
        return confirmations.findBySubject(request.subject().type(), request.subject().id()).stream()
                .filter(c -> c.subject().equals(request.subject()) && c.purpose() == request.purpose()
                        && request.recipient().contactId().equals(c.recipientContactId()) && c.openAt(now))
                .findFirst();
    }

    @Override
    @Transactional
    public int supersede(ConfirmationSubject newVersion) {
        Instant now = clock.instant();
        int superseded = 0;
        for (Confirmation c : confirmations.findBySubject(newVersion.type(), newVersion.id())) {
            if (c.subject().version() < newVersion.version() && c.supersede(now)) {
                confirmations.save(c);
                superseded++;
            }
        }
        return superseded;
    }

    @Override
    @Transactional
    public int withdraw(String subjectType, String subjectId) {
        Instant now = clock.instant();
        int withdrawn = 0;
        // locked: an answer committed meanwhile is read as answered and stays, not an optimistic-lock failure
        for (Confirmation c : confirmations.findBySubjectForUpdate(subjectType, subjectId)) {
            if (c.withdraw(now)) {
                confirmations.save(c);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ConfirmationView> of(String subjectType, String subjectId) {
        Instant now = clock.instant();
        return confirmations.findBySubject(subjectType, subjectId).stream().map(c -> c.view(now)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> openable(Collection<ConfirmationView> views) {
        return views.isEmpty() ? Set.of() : subjects.visible(views);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConfirmationView> find(UUID confirmationId) {
        return confirmations.findById(confirmationId).map(c -> c.view(clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, ConfirmationDelivery> findAll(Collection<UUID> confirmationIds) {
        List<UUID> ids = confirmationIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<UUID, EmailDelivery> delivery = links.delivery(ids);
        Map<UUID, ConfirmationDelivery> found = new HashMap<>();
        confirmations.findAllById(ids).forEach(c -> found.put(c.id(), new ConfirmationDelivery(c.view(now),
                delivery.getOrDefault(c.id(), new EmailDelivery(false, null)))));
        return found;
    }

    // ---- the rep's side ----

    /** A confirmation the caller's data scope covers, its recipient's address masked as theirs to see; 404 otherwise. */
    @Transactional(readOnly = true)
    public ConfirmationView visible(UUID confirmationId) {
        ConfirmationView view = find(confirmationId)
                .orElseThrow(() -> new RecordNotFoundException("Confirmation", confirmationId));
        return subjects.requireVisible(view);
    }

    /**
     * Whether the confirmation has an address to e-mail its link to — asked of the stored record, since the reader's
     * view may hide the address (field rules) while the link can still be mailed to it.
     */
    @Transactional(readOnly = true)
    public boolean addressed(UUID confirmationId) {
        return find(confirmationId).map(ConfirmationView::recipientEmail).filter(e -> !e.isBlank()).isPresent();
    }

    /** The document exactly as it was sent, for the rep's page. */
    @Transactional(readOnly = true)
    public ConfirmationDocument documentOf(UUID confirmationId) {
        return DocumentCodec.parse(confirmations.findById(confirmationId)
                .orElseThrow(() -> new RecordNotFoundException("Confirmation", confirmationId)).document());
    }

    public Optional<ConfirmationSubjects.SubjectInfo> subjectInfo(ConfirmationView view) {
        return subjects.info(view);
    }

    public int linkCount(UUID confirmationId) {
        return links.count(confirmationId);
    }

    /**
     * A new link to an open confirmation the caller may see (to show its QR code again, or e-mail it
     * again). Earlier links keep working until the confirmation is answered, superseded or expires.
     */
    @Transactional
    public SentConfirmation reissue(UUID confirmationId, UUID issuedBy, boolean email) {
        visible(confirmationId);
        return issueLink(openForUpdate(confirmationId), issuedBy, email);
    }

    @Override
    @Transactional
    public SentConfirmation renewLink(UUID confirmationId, UUID issuedBy) {
        Confirmation confirmation = openForUpdate(confirmationId);
        links.revokeAll(confirmationId);
        return issueLink(confirmation, issuedBy, false);
    }

    /** The confirmation locked for a new link; 404 unknown, 422 no longer open. */
    private Confirmation openForUpdate(UUID confirmationId) {
        Confirmation confirmation = confirmations.findByIdForUpdate(confirmationId)
                .orElseThrow(() -> new RecordNotFoundException("Confirmation", confirmationId));
        if (!confirmation.openAt(clock.instant())) {
            throw new com.lead2cash.platform.DomainException("confirmation.notOpen");
        }
        return confirmation;
    }

    private SentConfirmation issueLink(Confirmation confirmation, UUID issuedBy, boolean email) {
        EmailNotSent notSent = email ? whyNotEmailed(confirmation.recipientEmail()) : EmailNotSent.NOT_REQUESTED;
        boolean emailed = notSent == null;
        if (notSent == EmailNotSent.NO_PUBLIC_ADDRESS) {
            log.warn("confirmation {}: not e-mailed, l2c.confirmation.base-url (L2C_BASE_URL) is not set",
                    confirmation.id());
        }
        String token = links.issue(confirmation, issuedBy, notSent);
        String url = url(confirmation.id(), token);
        if (emailed) {
            mail.send(confirmation, url);
        }
        return new SentConfirmation(subjects.asSeen(confirmation.view(clock.instant())), url, confirmation.expiresAt(),
                QrCodes.dataUri(url), emailed, notSent);
    }

    /**
     * Why a link to this address cannot be e-mailed now, null when it can; the first that holds, in the order the
     * rep or an administrator would fix them. An e-mailed link never takes its host from the request: a forged Host
     * header would put a foreign address into a mail the company sends, so without a configured public address
     * the rep passes the link on.
     */
    private EmailNotSent whyNotEmailed(String recipientEmail) {
        if (recipientEmail == null || recipientEmail.isBlank()) {
            return EmailNotSent.NO_ADDRESS;
        }
        if (!mail.serverAvailable()) {
            return EmailNotSent.NO_MAIL_SERVER;
        }
        return hasPublicAddress() ? null : EmailNotSent.NO_PUBLIC_ADDRESS;
    }

    private boolean hasPublicAddress() {
        return properties.baseUrl() != null && !properties.baseUrl().isBlank();
    }

    /** The configured public address; without one (a link only shown to the rep) the address the rep uses. */
    private String url(UUID id, String token) {
        String base = properties.baseUrl();
        if (!hasPublicAddress()) {
            try {
                base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            } catch (IllegalStateException noRequest) {
                base = "";
            }
        }
        return base.replaceAll("/+$", "") + PublicConfirmationController.PATH + id + "/" + token;
    }

    // ---- the contact's side: every call checks the link ----

    /**
     * Opens the link: the document as sent, word that it was superseded or withdrawn, or — once answered — the answer, read-only
     * (the contact who answered through it may look again); the first open of an open one marks it VIEWED.
     */
    @Transactional(noRollbackFor = LinkRefusedException.class)
    public Opened open(String confirmationId, String token) {
        Confirmation confirmation = verified(confirmationId, token, false);
        Instant now = clock.instant();
        ConfirmationState state = confirmation.stateAt(now);
        if (state == ConfirmationState.SUPERSEDED) {
            return new Opened(Access.SUPERSEDED, confirmation, now, null);
        }
        if (state == ConfirmationState.WITHDRAWN) {
            return new Opened(Access.WITHDRAWN, confirmation, now, null);
        }
        if (state.isAnswered()) {
            return new Opened(Access.ANSWERED, confirmation, now, DocumentCodec.parse(confirmation.document()));
        }
        if (!confirmation.openAt(now)) {
            throw new LinkRefusedException();
        }
        confirmation.viewed(now);
        confirmation = confirmations.save(confirmation);
        return new Opened(Access.OPEN, confirmation, now, DocumentCodec.parse(confirmation.document()));
    }

    /** The language a confirmation's recipient's record names for their page; empty when none (or no such one). */
    @Transactional(readOnly = true)
    public Optional<java.util.Locale> recipientLanguage(UUID confirmationId) {
        return confirmations.findById(confirmationId).flatMap(Confirmation::recipientLanguage);
    }

    /**
     * Takes the contact's answer through the link; field errors come back as FieldValidationException, a second
     * answer as {@link LinkAnsweredException}, an answer on a superseded or withdrawn request as
     * {@link LinkEndedException}, a choice its purpose does not offer as {@link OutcomeNotOfferedException}, changing
     * nothing. The owning module is asked first whether its record still waits for the answer (and may lock it), so
     * an answer never crosses the module's own decision (an order accepted on the paper form withdraws its links).
     */
    @Transactional(noRollbackFor = LinkEndedException.class)
    public ConfirmationView answer(String confirmationId, String token, Confirmation.Answer answer) {
        Confirmation unlocked = verified(confirmationId, token, false);
        // the owner's record before this row, in the order its own actions lock them: no deadlock, no crossing
        if (!subjects.awaitsAnswer(unlocked.subject().type(), unlocked.subject().id())) {
            withdraw(unlocked.subject().type(), unlocked.subject().id());
        }
        Confirmation confirmation = verified(confirmationId, token, true);
        Instant now = clock.instant();
        ConfirmationState state = confirmation.stateAt(now);
        if (state.isAnswered()) {
            throw new LinkAnsweredException();
        }
        if (state == ConfirmationState.SUPERSEDED || state == ConfirmationState.WITHDRAWN) {
            throw new LinkEndedException();
        }
        if (!confirmation.openAt(now)) {
            throw new LinkRefusedException();
        }
        if (answer.outcome() == null || !confirmation.purpose().allows(answer.outcome())) {
            throw new OutcomeNotOfferedException();
        }
        confirmation.answer(answer, now);
        confirmation = confirmations.save(confirmation);
        ConfirmationView view = confirmation.view(now);
        events.publishEvent(new ConfirmationAnswered(view.id(), view.subject().type(), view.subject().id(),
                view.subject().version(), view.purpose(), answer.outcome(), confirmation.answeredName(), now,
                confirmation.rating(), confirmation.comment(), confirmation.answeredSha256()));
        String link = subjects.info(view).map(ConfirmationSubjects.SubjectInfo::link)
                .orElse("/confirmations/" + view.id());
        notifier.send(Notification.of(confirmation.requestedBy(), NotificationKind.CONFIRMATION_ANSWERED,
                "confirmation.notification." + answer.outcome().name(), link, signer(confirmation),
                confirmation.title()));
        return view;
    }

    /**
     * Who answered, as the answer's notification names them: the name they typed, and when it is not the recipient's
     * the notification says so and whose link it was, as the confirmation's page does.
     */
    private static Object signer(Confirmation answered) {
        if (answered.nameMatchesRecipient()) {
            return answered.answeredName();
        }
        return Notification.Words.of("confirmation.notification.nameDiffers",
                answered.answeredName() + " ≠ " + answered.recipientName(),
                List.of(answered.answeredName(), answered.recipientName()));
    }

    /** The confirmation the link belongs to, or a refusal that is the same for every bad link. */
    private Confirmation verified(String confirmationId, String token, boolean lock) {
        Optional<UUID> id = uuid(confirmationId);
        Optional<Confirmation> confirmation = id.flatMap(lock ? confirmations::findByIdForUpdate : confirmations::findById);
        if (!links.matches(confirmation, token)) {
            throw new LinkRefusedException();
        }
        if (!confirmation.get().documentIntact()) {
            log.warn("confirmation {}: the stored document no longer matches its hash; link refused", id.get());
            throw new LinkRefusedException();
        }
        return confirmation.get();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null || text.length() != 36 ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

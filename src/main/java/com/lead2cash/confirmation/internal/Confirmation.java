package com.lead2cash.confirmation.internal;

import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 客户确认 — one request to a customer's contact to confirm one version of a document in writing. It
 * holds the document as sent (canonical form and its SHA-256), answers whether a link may still be
 * used, and takes exactly one answer allowed by its purpose, recording who (the typed name), when, from
 * where and on which version.
 */
@Table("confirmation_confirmation")
public class Confirmation {

    static final int MAX_NAME = 100;
    static final int MAX_COMMENT = 4000;
    static final int MAX_USER_AGENT = 500;

    /** One answer as the contact gave it, with where it came from. */
    public record Answer(Purpose.Outcome outcome, String name, Integer rating, String comment, String fromAddress,
                  String userAgent) {
    }

    @Id
    private UUID id;
    private Purpose purpose;
    private String subjectType;
    private String subjectId;
    private int subjectVersion;
    private String title;
    @NotAudited
    private String document;
    private String documentSha256;
    private UUID recipientContactId;
    private String recipientName;
    private String recipientEmail;
    private String locale;
    private String recipientLanguage;
    private UUID ownerId;
    private UUID requestedBy;
    private Instant sentAt;
    private Instant expiresAt;
    private ConfirmationState state;
    private Instant viewedAt;
    private Instant answeredAt;
    private String answeredName;
    private String answeredIp;
    private String answeredUserAgent;
    private String answeredSha256;
    private Integer rating;
    private String comment;
    private Instant supersededAt;
    private Instant withdrawnAt;
    @Version
    private Long version;

    @PersistenceCreator
    Confirmation(UUID id, Purpose purpose, String subjectType, String subjectId, int subjectVersion, String title,
                 String document, String documentSha256, UUID recipientContactId, String recipientName,
                 String recipientEmail, String locale, String recipientLanguage, UUID ownerId, UUID requestedBy,
                 Instant sentAt,
                 Instant expiresAt, ConfirmationState state, Instant viewedAt, Instant answeredAt, String answeredName,
                 String answeredIp, String answeredUserAgent, String answeredSha256, Integer rating, String comment,
                 Instant supersededAt, Instant withdrawnAt, Long version) {
        this.id = id;
        this.purpose = purpose;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.subjectVersion = subjectVersion;
        this.title = title;
        this.document = document;
        this.documentSha256 = documentSha256;
        this.recipientContactId = recipientContactId;
        this.recipientName = recipientName;
        this.recipientEmail = recipientEmail;
        this.locale = locale;
        this.recipientLanguage = recipientLanguage;
        this.ownerId = ownerId;
        this.requestedBy = requestedBy;
        this.sentAt = sentAt;
        this.expiresAt = expiresAt;
        this.state = state;
        this.viewedAt = viewedAt;
        this.answeredAt = answeredAt;
        this.answeredName = answeredName;
        this.answeredIp = answeredIp;
        this.answeredUserAgent = answeredUserAgent;
        this.answeredSha256 = answeredSha256;
        this.rating = rating;
        this.comment = comment;
        this.supersededAt = supersededAt;
        this.withdrawnAt = withdrawnAt;
        this.version = version;
    }

    /** Freezes the document and opens the confirmation; it expires at {@code expiresAt}. */
    static Confirmation send(Purpose purpose, ConfirmationSubject subject, ConfirmationDocument document,
                             Recipient recipient, UUID ownerId, UUID requestedBy, Locale locale, Instant now,
                             Instant expiresAt) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (com.lead2cash.platform.InputRules.isBlank(recipient.name())) {
            errors.add(new FieldValidationException.FieldError("recipient.name", "confirmation.recipient.name.required"));
        }
        if (recipient.email() != null && !looksLikeEmail(recipient.email())) {
            errors.add(new FieldValidationException.FieldError("recipient.email", "confirmation.recipient.email.invalid"));
        }
        if (!expiresAt.isAfter(now)) {
            errors.add(new FieldValidationException.FieldError("expiresAt", "confirmation.expiresAt.past"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        String canonical = document.canonicalJson();
        return new Confirmation(Ids.newId(), purpose, subject.type(), subject.id(), subject.version(),
                document.title(), canonical, ConfirmationDocument.sha256(canonical), recipient.contactId(),
                com.lead2cash.platform.InputRules.strip(recipient.name()), recipient.email(), locale.toLanguageTag(),
                recipient.language() == null ? null : recipient.language().toLanguageTag(), ownerId, requestedBy, now,
                expiresAt, ConfirmationState.SENT, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Where it stands at {@code now}: an open confirmation past its expiry is EXPIRED. */
    ConfirmationState stateAt(Instant now) {
        return state.isOpen() && !now.isBefore(expiresAt) ? ConfirmationState.EXPIRED : state;
    }

    /** A link to it still opens the document and takes an answer. */
    boolean openAt(Instant now) {
        return stateAt(now).isOpen();
    }

    /** The same version is sent to the same contact again: a fresh link, and at least the new expiry. */
    void resend(Instant now, Instant newExpiry) {
        if (!openAt(now)) {
            throw new DomainException("confirmation.notOpen");
        }
        if (newExpiry.isAfter(expiresAt)) {
            expiresAt = newExpiry;
        }
    }

    /** The contact opened the link; the first time counts. */
    void viewed(Instant now) {
        if (!openAt(now)) {
            throw new DomainException("confirmation.notOpen");
        }
        if (state == ConfirmationState.SENT) {
            state = ConfirmationState.VIEWED;
            viewedAt = now;
        }
    }

    /**
     * Takes the contact's answer. The typed name must not be blank (it is recorded as typed, and the rep
     * sees whether it matches the recipient); asking for changes needs a comment; a rating is 1–5.
     */
    void answer(Answer answer, Instant now) {
        if (!openAt(now)) {
            throw new DomainException("confirmation.notOpen");
        }
        if (answer.outcome() == null || !purpose.allows(answer.outcome())) {
            throw new DomainException("confirmation.answer.notForPurpose");
        }
        String name = com.lead2cash.platform.InputRules.trimToNull(answer.name());
        String text = com.lead2cash.platform.InputRules.trimToNull(answer.comment());
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (name == null) {
            errors.add(new FieldValidationException.FieldError("name", "confirmation.answer.name.required"));
        } else if (name.length() > MAX_NAME || hasControl(name)) {
            errors.add(new FieldValidationException.FieldError("name", "confirmation.answer.name.invalid", MAX_NAME));
        }
        if (answer.outcome() == Purpose.Outcome.CHANGES_REQUESTED && text == null) {
            errors.add(new FieldValidationException.FieldError("comment", "confirmation.answer.comment.required"));
        }
        if (text != null && (text.length() > MAX_COMMENT || text.indexOf('\0') >= 0)) {
            errors.add(new FieldValidationException.FieldError("comment", "confirmation.answer.comment.invalid",
                    MAX_COMMENT));
        }
        if (answer.outcome() == Purpose.Outcome.RATED && (answer.rating() == null || answer.rating() < 1
                || answer.rating() > 5)) {
            errors.add(new FieldValidationException.FieldError("rating", "confirmation.answer.rating.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        state = ConfirmationState.valueOf(answer.outcome().name());
        answeredAt = now;
        answeredName = name;
        answeredIp = answer.fromAddress();
        String agent = answer.userAgent();
        answeredUserAgent = agent == null || agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
        // the hash of what is stored now, not a copy of the hash taken at sending: the evidence is what was shown
        answeredSha256 = ConfirmationDocument.sha256(document);
        rating = answer.outcome() == Purpose.Outcome.RATED ? answer.rating() : null;
        comment = text;
        if (viewedAt == null) {
            viewedAt = now;
        }
    }

    /** A later version of the document exists; an open confirmation of this one ends. */
    boolean supersede(Instant now) {
        if (!state.isOpen()) {
            return false;
        }
        state = ConfirmationState.SUPERSEDED;
        supersededAt = now;
        return true;
    }

    /** The owning module took the request back; an unanswered confirmation ends (one past its expiry too). */
    boolean withdraw(Instant now) {
        if (!state.isOpen()) {
            return false;
        }
        state = ConfirmationState.WITHDRAWN;
        withdrawnAt = now;
        return true;
    }

    /** The stored document is still the one whose hash was recorded when it was sent. */
    boolean documentIntact() {
        return ConfirmationDocument.sha256(document).equals(documentSha256);
    }

    /** Whether the typed name is the recipient's, ignoring spaces, width and case. */
    boolean nameMatchesRecipient() {
        return answeredName != null && comparable(answeredName).equals(comparable(recipientName));
    }

    ConfirmationSubject subject() {
        return new ConfirmationSubject(subjectType, subjectId, subjectVersion);
    }

    ConfirmationView view(Instant now) {
        return new ConfirmationView(id, purpose, subject(), stateAt(now), title, recipientContactId, recipientName,
                recipientEmail, ownerId, requestedBy, sentAt, expiresAt, viewedAt, answeredAt, answeredName,
                nameMatchesRecipient(), answeredIp, answeredUserAgent, rating, comment, documentSha256);
    }

    UUID id() { return id; }
    Purpose purpose() { return purpose; }
    String document() { return document; }
    String documentSha256() { return documentSha256; }
    String title() { return title; }
    UUID recipientContactId() { return recipientContactId; }
    String recipientName() { return recipientName; }
    String recipientEmail() { return recipientEmail; }
    Locale locale() { return Locale.forLanguageTag(locale); }

    /** The language the recipient's record names, which their page is written in; empty: the reader's browser's. */
    public java.util.Optional<Locale> recipientLanguage() {
        return java.util.Optional.ofNullable(recipientLanguage).map(Locale::forLanguageTag);
    }

    UUID ownerId() { return ownerId; }
    UUID requestedBy() { return requestedBy; }
    Instant sentAt() { return sentAt; }
    Instant expiresAt() { return expiresAt; }
    Instant answeredAt() { return answeredAt; }
    String answeredName() { return answeredName; }
    String answeredSha256() { return answeredSha256; }
    Integer rating() { return rating; }
    String comment() { return comment; }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s·•.]+", "").toLowerCase(Locale.ROOT);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static boolean looksLikeEmail(String email) {
        return com.lead2cash.platform.EmailShape.plausible(email);
    }
}

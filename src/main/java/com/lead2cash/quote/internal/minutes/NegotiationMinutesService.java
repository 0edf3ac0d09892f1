package com.lead2cash.quote.internal.minutes;

import com.lead2cash.confirmation.ConfirmationAnswered;
import com.lead2cash.confirmation.ConfirmationDocument;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Opportunities.OpportunityRef;
import com.lead2cash.opportunity.OpportunityStageChanged;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.quote.internal.QuoteDocuments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works negotiation minutes (谈判纪要, Q3): writes versions on an opportunity in negotiation, sends the
 * current one to a contact of the customer for written confirmation, and records the answer. Visible to
 * whoever sees the opportunity; written by whoever works it or the team's sales assistant (decision 0082).
 */
@Service
public class NegotiationMinutesService {

    /** The subject type of the minutes' confirmations: one record per opportunity, one version per revision. */
    public static final String SUBJECT = "NegotiationMinutes";

    private static final Logger log = LoggerFactory.getLogger(NegotiationMinutesService.class);

    private final NegotiationMinutesRepository minutes;
    private final Opportunities opportunities;
    private final CustomerDirectory customers;
    private final Confirmations confirmations;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    NegotiationMinutesService(NegotiationMinutesRepository minutes, Opportunities opportunities,
                              CustomerDirectory customers, Confirmations confirmations, MessageSource messages,
                              Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.minutes = minutes;
        this.opportunities = opportunities;
        this.customers = customers;
        this.confirmations = confirmations;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** The company's today, in its zone: the last day a negotiation may have been held on. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Q3 — writes the minutes of a negotiation: the first version, or the next one superseding the current. */
    @Transactional
    public NegotiationMinutes write(UUID opportunityId, MinutesContent content) {
        if (opportunityId == null) {
            throw new FieldValidationException("opportunityId", "quote.opportunity.required");
        }
        OpportunityRef opportunity = opportunities.requireVisible(opportunityId);
        MinutesActor actor = actor(opportunity);
        NegotiationMinutes.requireWritable(actor);
        // the negotiation took place: on a plausible business day, not after today (2199 is a typo)
        InputRules.requireHappenedDate("heldOn", content.heldOn(), today());
        UUID seen = minutes.findCurrent(opportunityId).map(NegotiationMinutes::id).orElse(null);
        minutes.holdOpportunity(opportunityId);
        NegotiationMinutes previous = minutes.findCurrentForUpdate(opportunityId).orElse(null);
        if (previous != null && !previous.id().equals(seen)) {
            // written by another request while this one was on its way (a double send): refused as the expected
            // conflict it is, before the unique key would fail in the database
            throw new ConflictException("minutes.writtenMeanwhile", previous.revision());
        }
        NegotiationMinutes written = NegotiationMinutes.write(opportunity.id(), opportunity.customerId(), previous,
                content, CurrentUser.require().id(), actor, clock.instant());
        if (previous != null) {
            minutes.save(previous);
        }
        NegotiationMinutes saved = minutes.save(written);
        confirmations.supersede(new ConfirmationSubject(SUBJECT, opportunityId.toString(), saved.revision()));
        return saved;
    }

    /**
     * Sends the current version to a contact of the customer, who confirms it or asks for changes. Sent again (to
     * another contact, after the link expired), the links sent before are withdrawn: only the latest can be answered.
     */
    @Transactional
    public Sent send(UUID id, UUID contactId, Locale locale) {
        NegotiationMinutes m = minutes.findByIdForUpdate(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        OpportunityRef opportunity = visibleOpportunity(m);
        MinutesActor actor = actor(opportunity);
        // who asks and the minutes' state refuse before the contact is looked at
        m.requireAction(actor, MinutesAction.SEND);
        if (contactId == null) {
            throw new FieldValidationException("contactId", "quote.contact.required");
        }
        CustomerDirectory.ContactPoint contact = customers.contactPoint(contactId)
                .filter(c -> c.customerId().equals(m.customerId()))
                .orElseThrow(() -> new FieldValidationException("contactId", "quote.contact.notOfCustomer"));
        m.sent(actor, clock.instant());
        confirmations.withdraw(SUBJECT, m.opportunityId().toString());
        String customerName = customers.find(m.customerId()).map(CustomerDirectory.CustomerRef::name).orElse("");
        // the language the sender named, else the contact's own (decision 0089): the minutes, the e-mail, the page
        Locale language = locale != null ? locale : contact.language();
        SentConfirmation sent = confirmations.request(new ConfirmationRequest(Purpose.CONFIRM_DOCUMENT,
                new ConfirmationSubject(SUBJECT, m.opportunityId().toString(), m.revision()),
                document(m, opportunity, customerName, language),
                new Recipient(contact.contactId(), contact.name(), contact.email(), language), opportunity.ownerId(),
                CurrentUser.require().id(), null, language));
        m.confirmationSent(sent.confirmation().id());
        return new Sent(minutes.save(m), sent);
    }

    public record Sent(NegotiationMinutes minutes, SentConfirmation confirmation) {
    }

    @Transactional(readOnly = true)
    public NegotiationMinutes visible(UUID id) {
        NegotiationMinutes m = minutes.findById(id).orElseThrow(() -> new RecordNotFoundException(SUBJECT, id));
        visibleOpportunity(m);
        return m;
    }

    /** Who asks about the minutes of an opportunity the caller sees; what they may do is the minutes' answer. */
    @Transactional(readOnly = true)
    public MinutesActor actor(UUID opportunityId) {
        return actor(opportunities.requireVisible(opportunityId));
    }

    /**
     * Q3 — who writes and sends an opportunity's minutes, the one place it is decided: who works the opportunity (its
     * owner, a manager above) or a sales assistant, who keeps the team's minutes (SPEC §1, decision 0082) — the
     * opportunity is visible to them, so within their team. Anyone else is refused 403; the stage refuses by its state
     * (422).
     */
    private MinutesActor actor(OpportunityRef opportunity) {
        boolean writes = opportunities.worksOn(opportunity.id()) || CurrentUser.require().has(Role.SALES_ASSISTANT);
        return new MinutesActor(writes, opportunity.stage());
    }

    /** Every version for the opportunity, newest first. */
    @Transactional(readOnly = true)
    public List<NegotiationMinutes> ofOpportunity(UUID opportunityId) {
        opportunities.requireVisible(opportunityId);
        return minutes.findByOpportunity(opportunityId);
    }

    /** The contact's answers to this version, newest first. */
    public List<ConfirmationView> confirmationsOf(NegotiationMinutes m) {
        return confirmations.of(SUBJECT, m.opportunityId().toString()).stream()
                .filter(c -> c.subject().version() == m.revision()).toList();
    }

    /**
     * Q3 — the contact answered: the version is confirmed, or changes were asked. An answer for minutes of a won or
     * lost opportunity changes nothing (decision 0040).
     */
    @ApplicationModuleListener
    void on(ConfirmationAnswered answered) {
        if (!SUBJECT.equals(answered.subjectType())) {
            return;
        }
        minutes.findByOpportunity(UUID.fromString(answered.subjectId())).stream()
                .filter(m -> m.revision() == answered.subjectVersion())
                .findFirst()
                .flatMap(m -> minutes.findByIdForUpdate(m.id()))
                .ifPresent(m -> {
                    Stage stage = opportunities.find(m.opportunityId()).map(OpportunityRef::stage).orElseThrow();
                    if (m.answered(answered.outcome() == Purpose.Outcome.CONFIRMED, stage, answered.answeredAt())) {
                        minutes.save(m);
                    } else {
                        log.info("Minutes v{} of opportunity {}: the answer ({}) changes nothing, the opportunity is {}",
                                m.revision(), m.opportunityId(), answered.outcome(), stage);
                    }
                });
    }

    /**
     * A won or lost opportunity takes no answer on its minutes any more: their open links are withdrawn (their page
     * says so and takes no answer), as its quotes' are (decision 0040).
     */
    @ApplicationModuleListener
    void on(OpportunityStageChanged changed) {
        if (changed.to().isOpen()) {
            return;
        }
        confirmations.withdraw(SUBJECT, changed.opportunityId().toString());
    }

    private OpportunityRef visibleOpportunity(NegotiationMinutes m) {
        try {
            return opportunities.requireVisible(m.opportunityId());
        } catch (RecordNotFoundException outOfScope) {
            throw new RecordNotFoundException(SUBJECT, m.id());
        }
    }

    /** The document the contact confirms: price, milestones, delivery, liability, open issues, attendees. */
    ConfirmationDocument document(NegotiationMinutes m, OpportunityRef opportunity, String customerName, Locale locale) {
        QuoteDocuments.Money money = new QuoteDocuments.Money();
        List<ConfirmationDocument.Section> sections = new ArrayList<>();
        sections.add(new ConfirmationDocument.Paragraph(text("minutes.doc.price", locale),
                money.format(m.agreedPrice()) + " " + m.currency()));
        List<List<String>> rows = new ArrayList<>();
        for (PaymentMilestone p : m.milestones()) {
            rows.add(List.of(text("minutes.milestone." + p.type(), locale),
                    p.percent() != null ? money.percent(p.percent()) : "", money.format(p.worth()),
                    p.dueCondition()));
        }
        sections.add(new ConfirmationDocument.Table(text("minutes.doc.milestones", locale),
                List.of(text("minutes.doc.type", locale), text("minutes.doc.percent", locale),
                        text("minutes.doc.amount", locale), text("minutes.doc.due", locale)), rows));
        sections.add(new ConfirmationDocument.Paragraph(text("minutes.doc.delivery", locale), m.deliveryStandard()));
        sections.add(new ConfirmationDocument.Paragraph(text("minutes.doc.liability", locale), m.liability()));
        if (!m.openIssues().isEmpty()) {
            sections.add(new ConfirmationDocument.Items(text("minutes.doc.openIssues", locale), m.openIssues(), true));
        }
        sections.add(new ConfirmationDocument.Items(text("minutes.doc.ourAttendees", locale), m.ourAttendees(), false));
        sections.add(new ConfirmationDocument.Items(text("minutes.doc.customerAttendees", locale), m.customerAttendees(), false));
        return new ConfirmationDocument(text("minutes.doc.title", locale, m.revision(), opportunity.name(), customerName,
                m.heldOn().toString()), sections);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}

package com.lead2cash.customer.internal.needs;

import com.lead2cash.confirmation.ConfirmationAnswered;
import com.lead2cash.confirmation.ConfirmationRequest;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.Recipient;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.customer.CustomerOwnerChanged;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerService;
import com.lead2cash.customer.internal.domain.Contact;
import com.lead2cash.customer.internal.domain.ContactRepository;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerRules;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs-analysis report of a customer (需求分析报告, C6): written after the interview, versioned,
 * sent to a contact for written confirmation through the confirmation module. The C6 deadline runs from
 * the interview to the sending; a confirmation by the customer moves the customer to NEEDS_CONFIRMED.
 */
@Service
class NeedsAnalysisService {

    /** A version with the customer it belongs to, as screens and the API show it. */
    record Written(NeedsAnalysis analysis, Customer customer) {
    }

    private final NeedsAnalysisRepository analyses;
    private final ContactRepository contacts;
    private final CustomerAccess access;
    private final CustomerService customers;
    private final Confirmations confirmations;
    private final NeedsAnalysisDocument documents;
    private final Deadlines deadlines;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    NeedsAnalysisService(NeedsAnalysisRepository analyses, ContactRepository contacts, CustomerAccess access,
                         CustomerService customers, Confirmations confirmations, NeedsAnalysisDocument documents,
                         Deadlines deadlines, Clock clock, JdbcClient jdbc, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.analyses = analyses;
        this.contacts = contacts;
        this.access = access;
        this.customers = customers;
        this.confirmations = confirmations;
        this.documents = documents;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    static SubjectRef deadlineSubject(UUID reportId) {
        return SubjectRef.of(NeedsAnalysisSubjects.TYPE, reportId);
    }

    static ConfirmationSubject confirmationSubject(NeedsAnalysis a) {
        return ConfirmationSubject.of(NeedsAnalysisSubjects.TYPE, a.reportId(), a.number());
    }

    /**
     * Writes the customer's report: the first version, or the next version of its current report, which
     * supersedes the current one and its open confirmations. C6: the first version, and a revision after a
     * new interview, start the clock from the interview to the sending (an unsent earlier one keeps running).
     */
    @Transactional
    Written write(UUID customerId, NeedsAnalysisDraft draft) {
        Customer customer = access.visibleForUpdate(customerId);
        customer.requireAction(access.actor(customer), CustomerAction.WRITE_NEEDS_ANALYSIS);
        Instant now = clock.instant();
        UUID author = CurrentUser.require().id();
        List<NeedsAnalysis.DecisionMaker> chain = decisionChain(customer.id(), draft.decisionContactIds());
        Optional<NeedsAnalysis> current = analyses.findCurrentForUpdate(customer.id());
        LocalDate registeredOn = registeredOn(customer);
        NeedsAnalysis written;
        if (current.isPresent()) {
            written = current.get().revise(draft, chain, author, now, registeredOn, zone);
            analyses.save(current.get());
            confirmations.supersede(confirmationSubject(written));
        } else {
            written = NeedsAnalysis.first(customer.id(), draft, chain, author, now, registeredOn, zone);
        }
        written = analyses.save(written);
        if (written.startsNewInterviewClock(current.orElse(null))) {
            UUID owner = customer.ownerId() != null ? customer.ownerId() : author;
            deadlines.open(CustomerRules.NEEDS_CONFIRMATION, deadlineSubject(written.reportId()), owner,
                    written.interviewedAt());
        }
        return new Written(written, customer);
    }

    /**
     * The day (in the business's zone) the customer came into the product: its own registration, or that of a customer
     * merged into it, whose reports and history it carries, if earlier. A customer converted from a lead counts from
     * its registration, not the lead's capture: the needs interview of SOP 001 is held with the customer after
     * conversion, and the lead module's records are not this module's to read.
     */
    LocalDate registeredOn(Customer customer) {
        Timestamp first = jdbc.sql("""
                        with recursive merged (id, created_at) as (
                            select id, created_at from customer_customer where id = :id
                            union all
                            select c.id, c.created_at from customer_customer c join merged m on c.merged_into_id = m.id)
                        select min(created_at) from merged""")
                .param("id", customer.id()).query(Timestamp.class).single();
        return LocalDate.ofInstant(first.toInstant(), zone);
    }

    /**
     * Sends the current version to one of the customer's contacts for written confirmation (e-mail when the
     * contact has an address, and a link and QR code for WeChat); meets the C6 deadline.
     */
    @Transactional
    SentConfirmation send(UUID analysisId, UUID contactId, Locale locale) {
        NeedsAnalysis analysis = analyses.findByIdForUpdate(analysisId)
                .orElseThrow(() -> new RecordNotFoundException("NeedsAnalysis", analysisId));
        Customer customer = access.visibleParentForUpdateOf("NeedsAnalysis", analysisId, analysis.customerId());
        customer.requireAction(access.actor(customer), CustomerAction.WRITE_NEEDS_ANALYSIS);
        if (contactId == null) {
            throw new FieldValidationException("contactId", "customer.needs.contact.required");
        }
        Contact contact = contacts.findById(contactId).filter(c -> c.customerId().equals(customer.id()))
                .orElseThrow(() -> new FieldValidationException("contactId", "customer.needs.contact.notOfCustomer"));
        Instant now = clock.instant();
        analysis.sent(now);
        analyses.save(analysis);
        // the language the sender named, else the contact's own (decision 0089): the report, the e-mail, the page
        Locale language = locale != null ? locale : Locale.forLanguageTag(contact.language());
        SentConfirmation sent = confirmations.request(new ConfirmationRequest(Purpose.CONFIRM_DOCUMENT,
                confirmationSubject(analysis), documents.of(analysis, customer.name(), language),
                new Recipient(contact.id(), contact.name(), contact.email(), language), customer.ownerId(),
                CurrentUser.require().id(), null, language));
        deadlines.meet(CustomerRules.NEEDS_CONFIRMATION, deadlineSubject(analysis.reportId()), now);
        return sent;
    }

    /** The versions of a customer's reports the current user may see, newest first. */
    @Transactional(readOnly = true)
    List<Written> versions(UUID customerId) {
        Customer customer = access.visible(customerId);
        return analyses.findByCustomer(customer.id()).stream().map(a -> new Written(a, customer)).toList();
    }

    /** One version the current user may see. */
    @Transactional(readOnly = true)
    Written version(UUID analysisId) {
        NeedsAnalysis analysis = analyses.findById(analysisId)
                .orElseThrow(() -> new RecordNotFoundException("NeedsAnalysis", analysisId));
        return new Written(analysis, access.visibleParentOf("NeedsAnalysis", analysisId, analysis.customerId()));
    }

    /** The confirmations of a version, newest first. */
    List<ConfirmationView> confirmationsOf(NeedsAnalysis a) {
        return confirmations.of(NeedsAnalysisSubjects.TYPE, a.reportId().toString()).stream()
                .filter(c -> c.subject().version() == a.number()).toList();
    }

    /** The C6 deadline that covers a version: the latest one started at or before it was written. */
    Optional<Deadlines.DeadlineRecord> deadlineOf(NeedsAnalysis a) {
        return deadlines.of(deadlineSubject(a.reportId()), a.writtenAt(), 1).stream().findFirst();
    }

    /**
     * The customer answered: a confirmation of the current version proves the needs are confirmed, and
     * the customer aggregate decides whether its lifecycle moves (需求明确).
     */
    @ApplicationModuleListener
    void on(ConfirmationAnswered answered) {
        if (!NeedsAnalysisSubjects.TYPE.equals(answered.subjectType())
                || answered.outcome() != Purpose.Outcome.CONFIRMED) {
            return;
        }
        analyses.findVersion(UUID.fromString(answered.subjectId()), answered.subjectVersion())
                .filter(NeedsAnalysis::isCurrent)
                .ifPresent(a -> customers.reached(a.customerId(), CustomerStatus.NEEDS_CONFIRMED, answered.answeredAt()));
    }

    /**
     * A customer handed to another owner (transfer, claim) takes its running C6 clock along, as its
     * follow-up and minutes deadlines do; in the transaction of the change.
     */
    @EventListener
    void on(CustomerOwnerChanged changed) {
        if (changed.newOwnerId() == null) {
            return;
        }
        analyses.findByCustomer(changed.customerId()).stream().map(NeedsAnalysis::reportId).distinct()
                .forEach(report -> deadlines.transfer(CustomerRules.NEEDS_CONFIRMATION, deadlineSubject(report),
                        changed.newOwnerId()));
    }

    private List<NeedsAnalysis.DecisionMaker> decisionChain(UUID customerId, List<UUID> chosen) {
        List<Contact> all = contacts.findByCustomer(customerId);
        Map<UUID, Contact> byId = all.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        List<Contact> named = new ArrayList<>();
        if (chosen == null) {
            all.stream().filter(c -> c.decisionRole() != null).forEach(named::add);
        } else {
            for (UUID id : chosen) {
                Contact c = byId.get(id);
                if (c == null) {
                    throw new FieldValidationException("decisionContactIds", "customer.needs.contact.notOfCustomer");
                }
                if (!named.contains(c)) {
                    named.add(c);
                }
            }
        }
        return named.stream().map(c -> new NeedsAnalysis.DecisionMaker(c.id(), c.name(), c.title(), c.decisionRole()))
                .toList();
    }
}

package com.lead2cash.lead.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.lead.LeadConverted;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.domain.ContactIntent;
import com.lead2cash.lead.internal.domain.DisqualifyReasons;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadAction;
import com.lead2cash.lead.internal.domain.LeadActor;
import com.lead2cash.lead.internal.domain.LeadRepository;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.routing.LeadRouting;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a lead ends (线索跟进与转化): contact attempts with an intent level (the first one is the first
 * response), conversion into a customer, a contact and maybe an opportunity, disqualification with a
 * reason, and reopening.
 */
@Service
public class LeadProgress {

    /** The customer's kind of follow-up for each channel the lead page offers; any other is OTHER. */
    private static final Map<String, String> FOLLOW_UP_KINDS = Map.of("phone", "CALL", "visit", "VISIT",
            "email", "EMAIL", "meeting", "MEETING");

    /** The ids conversion created or linked; the same answer on a repeated call. */
    public record Conversion(UUID customerId, UUID contactId, UUID opportunityId) {
    }

    private final LeadRepository leads;
    private final LeadAccess access;
    private final LeadDeadlines clocks;
    private final LeadRouting routing;
    private final LeadAssignment assignment;
    private final SopPolicy policy;
    private final LeadHistory history;
    private final CustomerDirectory customers;
    private final Opportunities opportunities;
    private final DisqualifyReasons disqualifyReasons;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    LeadProgress(LeadRepository leads, LeadAccess access, LeadDeadlines clocks, LeadRouting routing,
                 LeadAssignment assignment, SopPolicy policy, LeadHistory history, CustomerDirectory customers,
                 Opportunities opportunities, DisqualifyReasons disqualifyReasons, JdbcClient jdbc,
                 ApplicationEventPublisher events, Clock clock, @Value("${l2c.zone}") ZoneId zone) {
        this.zone = zone;
        this.leads = leads;
        this.access = access;
        this.clocks = clocks;
        this.routing = routing;
        this.assignment = assignment;
        this.policy = policy;
        this.history = history;
        this.customers = customers;
        this.opportunities = opportunities;
        this.disqualifyReasons = disqualifyReasons;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The owner (or a manager) logs a contact attempt with an intent level; the first one is the first response. */
    @Transactional
    public Lead recordContact(UUID leadId, String channel, ContactIntent intent, String summary, Instant occurredAt) {
        Lead lead = access.changeable(leadId);
        LeadActor actor = access.actor(lead);
        Instant now = clock.instant();
        lead.require(LeadAction.CONTACT, actor, now);
        List<FieldError> errors = new ArrayList<>();
        if (channel == null || channel.isBlank() || channel.length() > 30) {
            errors.add(new FieldError("channel", "lead.contact.channel.required"));
        }
        if (intent == null) {
            errors.add(new FieldError("intent", "lead.contact.intent.required"));
        }
        if (summary == null || summary.isBlank() || summary.length() > 2000) {
            errors.add(new FieldError("summary", "lead.contact.summary.required"));
        }
        Instant when = occurredAt == null ? now : occurredAt;
        // one range, named by the refusal (the API leaves this field's range to it: OwnDateRange)
        Instant earliest = lead.earliestContact();
        if (when.isAfter(now.plusSeconds(300)) || when.isBefore(earliest)) {
            errors.add(new FieldError("occurredAt", "lead.contact.occurredAt.invalid",
                    LocalDateTime.ofInstant(earliest, zone).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                    zone.getId())); // the zone named: the API's times are UTC, the refusal's the company's
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        boolean first = lead.recordContact(actor, when, now);
        jdbc.sql("""
                insert into lead_contact_attempt (id, lead_id, channel, intent, summary, occurred_at, logged_by, logged_at)
                values (:id, :lead, :channel, :intent, :summary, :at, :by, :now)
                """).param("id", Ids.newId()).param("lead", lead.id()).param("channel", channel.strip())
                .param("intent", intent.name()).param("summary", summary.strip()).param("at", Timestamp.from(when))
                .param("by", actor.id()).param("now", Timestamp.from(now)).update();
        if (first) {
            clocks.firstResponse(lead, now);
        }
        history.record(lead.id(), now, "lead.history.contacted", channel.strip(), intent);
        return leads.save(lead);
    }

    /**
     * Conversion in one transaction: a customer (new, or an existing one within the caller's reach), a
     * contact, and optionally an opportunity. Idempotent: a converted lead answers its conversion.
     */
    @Transactional
    public Conversion convert(UUID leadId, UUID existingCustomerId, boolean createOpportunity, String opportunityName,
                       BigDecimal amount) {
        Lead lead = access.changeable(leadId);
        if (lead.status() == LeadStatus.CONVERTED) {
            return new Conversion(lead.customerId(), lead.contactId(), lead.opportunityId());
        }
        LeadActor actor = access.actor(lead);
        Instant now = clock.instant();
        lead.require(LeadAction.CONVERT, actor, now);
        if (createOpportunity && amount != null && amount.signum() < 0) {
            throw new FieldValidationException("amount", "opportunity.amount.negative");
        }
        UUID owner = lead.ownerId();
        CustomerDirectory.CustomerRef customer;
        if (existingCustomerId != null) {
            // the directory answers only customers within the caller's scope: another's is unknown here
            customer = customers.find(existingCustomerId)
                    .orElseThrow(() -> new FieldValidationException("customerId", "lead.convert.customer.unknown"));
        } else {
            customer = customers.register(new CustomerDirectory.NewCustomer(lead.companyName(), lead.uscc(),
                    lead.industry(), lead.region(), owner, lead.source().name(), lead.code(),
                    com.lead2cash.customer.CustomerGrade.valueOf(lead.grade().name())));
        }
        UUID contact = customers.addContact(customer.id(), new CustomerDirectory.NewContact(
                lead.contactName() == null ? lead.companyName() : lead.contactName(), lead.contactTitle(),
                lead.phone(), lead.email(), lead.decisionMakerKnown() ? "DECISION_MAKER" : null));
        UUID opportunity = null;
        if (createOpportunity) {
            String name = com.lead2cash.platform.InputRules.isBlank(opportunityName)
                    ? lead.companyName() + (lead.productLine() == null ? "" : " · " + lead.productLine())
                    : opportunityName;
            // what the rep knew carries over: the product line, and the purchase date as the close date unless it is past
            LocalDate purchase = lead.purchaseDate();
            opportunity = opportunities.open(new Opportunities.NewOpportunity(customer.id(), name,
                    amount != null ? amount : lead.budget(), owner, lead.code(),
                    purchase == null || purchase.isBefore(LocalDate.ofInstant(now, zone)) ? null : purchase,
                    lead.productLine() == null ? List.of() : List.of(lead.productLine())));
        }
        customers.recordEarlierContacts(customer.id(), contact, earlierContacts(lead));
        Set<UUID> claimants = lead.contestOpen() ? lead.contestClaimants() : Set.of();
        lead.convert(actor, customer.id(), contact, opportunity, now);
        clocks.converted(lead);
        if (!claimants.isEmpty()) {
            assignment.contestOvertaken(lead, claimants, actor.id(), "lead.notify.contestEnded.converted");
        }
        history.record(lead.id(), now, "lead.history.converted", customer.code());
        leads.save(lead);
        events.publishEvent(new LeadConverted(lead.id(), lead.code(), customer.id(), contact, opportunity, owner));
        return new Conversion(customer.id(), contact, opportunity);
    }

    /**
     * The lead's contact attempts as the customer's earlier contacts: the rep's words with their intent, kept as key
     * and arguments so that each reader reads the sentence in their own language, not in the converter's.
     */
    private List<CustomerDirectory.EarlierContact> earlierContacts(Lead lead) {
        return jdbc.sql("""
                select channel, intent, summary, occurred_at, logged_by, logged_at from lead_contact_attempt
                where lead_id = :l order by occurred_at
                """).param("l", lead.id()).query((rs, i) -> new CustomerDirectory.EarlierContact(
                        FOLLOW_UP_KINDS.getOrDefault(rs.getString("channel").toLowerCase(Locale.ROOT), "OTHER"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("logged_at").toInstant(),
                        rs.getObject("logged_by", UUID.class), rs.getString("summary"), "lead.convert.earlierContact",
                        List.of("#lead.intent." + rs.getString("intent"))))
                .list();
    }

    @Transactional
    public Lead disqualify(UUID leadId, String reasonCode, String note, Long version) {
        Lead lead = access.changeable(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        LeadActor actor = access.actor(lead);
        lead.require(LeadAction.DISQUALIFY, actor, now);
        if (reasonCode != null && !disqualifyReasons.exists(reasonCode)) {
            throw new FieldValidationException("reason", "lead.disqualify.reason.unknown");
        }
        Set<UUID> claimants = lead.contestOpen() ? lead.contestClaimants() : Set.of();
        lead.disqualify(actor, reasonCode, note, now);
        clocks.disqualified(lead);
        if (!claimants.isEmpty()) {
            assignment.contestOvertaken(lead, claimants, actor.id(), "lead.notify.contestEnded.disqualified");
        }
        history.record(lead.id(), now, "lead.history.disqualified", reasonCode, note);
        return leads.save(lead);
    }

    /**
     * A manager reopens a disqualified lead: it re-enters the flow where a fresh one would stand — not yet
     * screened, it waits for its screening again (L1); screened, it is routed again (L4, L5, or a manager
     * queue with its L9 deadline).
     */
    @Transactional
    public Lead reopen(UUID leadId, Long version) {
        Lead lead = access.changeable(leadId);
        lead.expectVersion(version);
        Instant now = clock.instant();
        lead.reopen(access.actor(lead), now);
        history.record(lead.id(), now, "lead.history.reopened");
        if (lead.awaitsScreening()) {
            clocks.awaitsScreening(lead, now);
        } else {
            routing.route(lead, policy.current().bind(LeadRules.class), now);
        }
        return leads.save(lead);
    }
}

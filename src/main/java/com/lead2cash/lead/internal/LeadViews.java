package com.lead2cash.lead.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.capture.DuplicateFinder;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadAction;
import com.lead2cash.lead.internal.domain.LeadClaim;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a lead looks like to the person asking: grade reasons in their language, phone and e-mail
 * masked unless they may see them ({@link ContactVisibility}), and what they may do next.
 */
@Component
public class LeadViews {

    record GradeReasonView(String criterion, boolean met, String text) {
    }

    record ClaimView(UUID userId, String name, Instant claimedAt) {
    }

    /**
     * A possible duplicate as its reader may see it: full details inside their scope; outside it only
     * that a record of another team matches, on what, and whom to ask.
     */
    public record DuplicateView(String kind, boolean inScope, UUID id, String code, String name, String status,
                         List<String> matchedOn, String ownerName, boolean mergeable) {
        public static DuplicateView of(DuplicateFinder.Duplicate d) {
            return new DuplicateView(d.kind(), d.inScope(), d.id(), d.code(), d.name(), d.status(), d.matchedOn(),
                    d.ownerName(), d.mergeable());
        }
    }

    /**
     * The lead as the API answers it (the stable shape of the API, extended). {@code region} is the
     * region as entered; {@code regionCode} and {@code regionName} the administrative division it
     * names; {@code regionResolved} false when it names none (kept as entered, flagged), null without a
     * region; {@code availableActions} what the reader may do with it next; {@code awaitsScreening} whether
     * it still waits for a person to screen it (L1).
     */
    public record LeadView(UUID id, String code, String companyName, String contactName, String contactTitle, String phone,
                    String email, boolean contactMasked, String industry, String region, String productLine,
                    LeadSource source, String sourceDetail, Instant sourcedAt, BigDecimal budget, String currency,
                    LocalDate purchaseDate, boolean decisionMakerKnown, String decisionChainNotes, String uscc,
                    String notes, Grade grade, int gradePoints, boolean gradeComplete, List<GradeReasonView> gradeReasons,
                    String gradeOverrideReason, LeadStatus status, UUID ownerId, String ownerName,
                    UUID queueManagerId, UUID territoryId, Instant assignedAt, Instant firstContactAt,
                    boolean contestOpen, Instant contestClosesAt, List<ClaimView> claims, String disqualifyReason,
                    String disqualifyNote, UUID customerId, UUID contactId, UUID opportunityId, Instant createdAt,
                    List<DuplicateView> duplicates, long version, String regionCode, String regionName,
                    Boolean regionResolved, Set<LeadAction> availableActions, boolean awaitsScreening) {

        /** Whether the reader may take the action now (for the screens: {@code lead.can('CLAIM')}). */
        public boolean can(String action) {
            return availableActions.contains(LeadAction.valueOf(action));
        }
    }

    private final MessageSource messages;
    private final ContactVisibility contacts;
    private final LeadAccess access;
    private final OrgDirectory directory;
    private final Regions regions;
    private final Clock clock;
    private final CustomerDirectory customers;
    private final Opportunities opportunities;
    private final DuplicateFinder duplicates;

    LeadViews(MessageSource messages, ContactVisibility contacts, LeadAccess access, OrgDirectory directory,
              Regions regions, Clock clock, CustomerDirectory customers, Opportunities opportunities,
              DuplicateFinder duplicates) {
        this.duplicates = duplicates;
        this.messages = messages;
        this.contacts = contacts;
        this.access = access;
        this.directory = directory;
        this.regions = regions;
        this.clock = clock;
        this.customers = customers;
        this.opportunities = opportunities;
    }

    /**
     * What a converted lead became, as the reader may know it: the customer's name as the customer module tells
     * this reader (null when it tells them nothing), the opportunity's code; each linked only when its own page
     * lets the reader in.
     */
    public record Conversion(UUID customerId, String customerName, boolean customerLinked, UUID opportunityId,
                             String opportunityCode, boolean opportunityLinked) {
    }

    /** The conversion of a converted lead, through the customer and opportunity modules' public API; else null. */
    public Conversion conversion(Lead lead) {
        if (lead.status() != LeadStatus.CONVERTED) {
            return null;
        }
        UUID customerId = lead.customerId();
        String customerName = customerId == null ? null
                : customers.find(customerId).map(CustomerDirectory.CustomerRef::name).orElse(null);
        UUID opportunityId = lead.opportunityId();
        String opportunityCode = opportunityId == null ? null
                : opportunities.find(opportunityId).map(Opportunities.OpportunityRef::code).orElse(null);
        return new Conversion(customerId, customerName, customerName != null && customers.mayOpen(customerId),
                opportunityId, opportunityCode, opportunityCode != null && opportunities.mayOpen(opportunityId));
    }

    /** The lead with its possible duplicates as the reader may know them (the same check as at its capture). */
    public LeadView of(Lead lead) {
        return of(lead, duplicates.of(lead));
    }

    /** Of the possible duplicates shown, the customers whose page the reader may open (a lead shown is theirs to read). */
    public Set<UUID> openableCustomers(List<DuplicateView> shown) {
        return shown.stream().filter(d -> d.inScope() && "CUSTOMER".equals(d.kind()) && customers.mayOpen(d.id()))
                .map(DuplicateView::id).collect(java.util.stream.Collectors.toSet());
    }

    public LeadView of(Lead lead, List<DuplicateFinder.Duplicate> duplicates) {
        ContactVisibility.Shown contact = contacts.shown(lead);
        var people = directory.people(lead.claimsInOrder().stream().map(LeadClaim::userId)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new)));
        String ownerName = lead.ownerId() == null ? null
                : directory.person(lead.ownerId()).map(OrgDirectory.Person::displayName).orElse(null);
        return new LeadView(lead.id(), lead.code(), lead.companyName(), lead.contactName(), lead.contactTitle(),
                contact.phone(), contact.email(), contact.masked(), lead.industry(), lead.region(), lead.productLine(), lead.source(), lead.sourceDetail(),
                lead.sourcedAt(), money(lead.budget()), "CNY", lead.purchaseDate(), lead.decisionMakerKnown(),
                lead.decisionChainNotes(), lead.uscc(), lead.notes(), lead.grade(), lead.gradePoints(),
                lead.gradeComplete(), reasons(lead), lead.gradeOverrideReason(), lead.status(), lead.ownerId(),
                ownerName, lead.queueManagerId(), lead.territoryId(), lead.assignedAt(), lead.firstContactAt(),
                lead.contestOpen(), lead.contestClosesAt(),
                lead.claimsInOrder().stream().map(c -> new ClaimView(c.userId(),
                        people.containsKey(c.userId()) ? people.get(c.userId()).displayName() : null, c.claimedAt()))
                        .toList(),
                lead.disqualifyReason(), lead.disqualifyNote(), lead.customerId(), lead.contactId(),
                lead.opportunityId(), lead.createdAt(), duplicates.stream().map(DuplicateView::of).toList(),
                lead.version() == null ? 0 : lead.version(), lead.regionCode(), regionName(lead.regionCode()),
                lead.region() == null ? null : lead.regionCode() != null,
                lead.availableActions(access.actor(lead), clock.instant()), lead.awaitsScreening());
    }

    /** The full name of a division (浙江省杭州市西湖区), null without a code. */
    String regionName(String code) {
        return code == null ? null : regions.byCode(code).map(Region::name).orElse(null);
    }

    /** For a region that names no division: the divisions it might mean (西湖区 → 杭州's or 南昌's), to say so. */
    public List<Region> regionCandidates(Lead lead) {
        return lead.regionUnresolved() ? regions.candidates(lead.region()) : List.of();
    }

    List<GradeReasonView> reasons(Lead lead) {
        return lead.gradeReasonsInOrder().stream().map(r -> new GradeReasonView(r.criterion().name(), r.met(),
                messages.getMessage(r.messageKey(), r.argList().toArray(), r.messageKey(),
                        LocaleContextHolder.getLocale()))).toList();
    }

    /** Money answers with two decimal places, as everywhere in the API. */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}

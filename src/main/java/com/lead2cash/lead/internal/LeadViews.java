package com.lead2cash.lead.internal;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a lead looks like to the person asking: grade reasons in their language, and phone and
 * e-mail masked unless they own the lead or stand above its owner (SPEC §1).
 */
@Component
class LeadViews {

    record GradeReasonView(String criterion, boolean met, String text) {
    }

    record ClaimView(UUID userId, String name, Instant claimedAt) {
    }

    record DuplicateView(String kind, UUID id, String code, String name, String status, List<String> matchedOn) {
        static DuplicateView of(DuplicateFinder.Duplicate d) {
            return new DuplicateView(d.kind(), d.id(), d.code(), d.name(), d.status(), d.matchedOn());
        }
    }

    /**
     * The lead as the API answers it (SPEC §6 stable shape, extended). {@code region} is the region as
     * entered; {@code regionCode} and {@code regionName} the administrative division it names;
     * {@code regionResolved} false when it names none (kept as entered, flagged), null without a region.
     */
    record LeadView(UUID id, String code, String companyName, String contactName, String contactTitle, String phone,
                    String email, boolean contactMasked, String industry, String region, String productLine,
                    LeadSource source, String sourceDetail, Instant sourcedAt, BigDecimal budget, String currency,
                    LocalDate purchaseDate, boolean decisionMakerKnown, String decisionChainNotes, String uscc,
                    String notes, Grade grade, int gradePoints, boolean gradeComplete, List<GradeReasonView> gradeReasons,
                    String gradeOverrideReason, LeadStatus status, UUID ownerId, String ownerName,
                    UUID queueManagerId, UUID territoryId, Instant assignedAt, Instant firstContactAt,
                    boolean contestOpen, Instant contestClosesAt, List<ClaimView> claims, String disqualifyReason,
                    String disqualifyNote, UUID customerId, UUID contactId, UUID opportunityId, Instant createdAt,
                    List<DuplicateView> duplicates, long version, String regionCode, String regionName,
                    Boolean regionResolved) {
    }

    private final MessageSource messages;
    private final DataScope dataScope;
    private final OrgDirectory directory;
    private final Regions regions;

    LeadViews(MessageSource messages, DataScope dataScope, OrgDirectory directory, Regions regions) {
        this.messages = messages;
        this.dataScope = dataScope;
        this.directory = directory;
        this.regions = regions;
    }

    LeadView of(Lead lead) {
        return of(lead, List.of());
    }

    LeadView of(Lead lead, List<DuplicateFinder.Duplicate> duplicates) {
        boolean mayContact = maySeeContact(lead);
        var people = directory.people(lead.claimsInOrder().stream().map(LeadClaim::userId)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new)));
        String ownerName = lead.ownerId() == null ? null
                : directory.person(lead.ownerId()).map(OrgDirectory.Person::displayName).orElse(null);
        return new LeadView(lead.id(), lead.code(), lead.companyName(), lead.contactName(), lead.contactTitle(),
                mayContact ? lead.phone() : mask(lead.phone()), mayContact ? lead.email() : mask(lead.email()),
                !mayContact, lead.industry(), lead.region(), lead.productLine(), lead.source(), lead.sourceDetail(),
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
                lead.region() == null ? null : lead.regionCode() != null);
    }

    /** The full name of a division (浙江省杭州市西湖区), null without a code. */
    String regionName(String code) {
        return code == null ? null : regions.byCode(code).map(Region::name).orElse(null);
    }

    /** For a region that names no division: the divisions it might mean (西湖区 → 杭州's or 南昌's), to say so. */
    List<Region> regionCandidates(Lead lead) {
        return lead.regionUnresolved() ? regions.candidates(lead.region()) : List.of();
    }

    List<GradeReasonView> reasons(Lead lead) {
        return lead.gradeReasonsInOrder().stream().map(r -> new GradeReasonView(r.criterion().name(), r.met(),
                messages.getMessage(r.messageKey(), r.argList().toArray(), r.messageKey(),
                        LocaleContextHolder.getLocale()))).toList();
    }

    /** The owner, those above the owner, and whoever captured it see contact details; the pool sees them masked. */
    boolean maySeeContact(Lead lead) {
        CurrentUser me = CurrentUser.get().orElse(null);
        if (me == null) {
            return true;
        }
        if (me.id().equals(lead.capturedBy())) {
            return true;
        }
        var scope = dataScope.current();
        return lead.ownerId() == null ? scope.isAll() || me.hasAny(com.lead2cash.platform.Role.SALES_MANAGER,
                com.lead2cash.platform.Role.REGIONAL_MANAGER, com.lead2cash.platform.Role.MARKETING,
                com.lead2cash.platform.Role.SALES_ASSISTANT) : scope.covers(lead.ownerId());
    }

    /** Money answers with two decimal places (SPEC §6). */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.contains("@")) {
            int at = value.indexOf('@');
            return value.charAt(0) + "***" + value.substring(at);
        }
        return value.length() <= 7 ? "****" : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
    }
}

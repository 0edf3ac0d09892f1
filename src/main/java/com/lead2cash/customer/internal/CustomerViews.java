package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.LifecycleBucket;
import com.lead2cash.customer.internal.domain.CompanySize;
import com.lead2cash.customer.internal.domain.CreditRating;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.CustomerActor;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.customer.internal.domain.PursuitMode;
import com.lead2cash.platform.OrgDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What a customer looks like to the person asking: the API's answer and the page's model, with what they may do. */
@Component
public class CustomerViews {

    /** A possible duplicate as the reader may know it ({@code visible} false: another team's, no id or name). */
    public record CustomerDuplicateView(boolean visible, UUID id, String code, String name, List<String> matchedOn,
                                String ownerName) {
        public static CustomerDuplicateView of(DuplicateCheck.Match m) {
            return new CustomerDuplicateView(m.visible(), m.id(), m.code(), m.name(), m.matchedOn(), m.ownerName());
        }
    }

    /** The customer as the API answers it (SPEC §6 stable shape, extended). */
    public record CustomerView(UUID id, String code, String name, String uscc, String industry, CompanySize size,
                               String region, String regionCode, String address, String website, CustomerSource source,
                               String regionName, Boolean regionResolved, String sourceLeadCode, CustomerGrade grade, GradeFactors gradeFactors, String gradeNote,
                               CustomerGrade gradeGuidance, CustomerStatus status, LifecycleBucket bucket,
                               Instant statusChangedAt, String lostReason, PursuitMode pursuitMode, UUID ownerId,
                               String ownerName, Instant poolSince, String followUpRule, Instant followUpDueAt,
                               Instant plannedFollowUpAt, Instant lastActivityAt, Instant lapsesAt,
                               CreditRating creditRating, BigDecimal creditLimit, String currency,
                               CreditRating pendingCreditRating, BigDecimal pendingCreditLimit, UUID creditApprovalId,
                               UUID mergedIntoId, Instant createdAt, List<CustomerDuplicateView> duplicates,
                               Set<CustomerAction> availableActions, long version) {

        /** For templates: one C1 factor by name (industryPosition, urgency, budget, potential). */
        public com.lead2cash.customer.internal.domain.Level factor(String name) {
            return switch (name) {
                case "industryPosition" -> gradeFactors.industryPosition();
                case "urgency" -> gradeFactors.urgency();
                case "budget" -> gradeFactors.budget();
                case "potential" -> gradeFactors.potential();
                default -> throw new IllegalArgumentException(name);
            };
        }

        /** For templates: whether the reader may do this. */
        public boolean can(String action) {
            return availableActions.contains(CustomerAction.valueOf(action));
        }
    }

    private final CustomerAccess access;
    private final CustomerPolicy policy;
    private final OrgDirectory directory;
    private final CustomerRegions regions;
    private final OpenBusinessCheck openBusiness;
    private final ClaimCheck claims;

    CustomerViews(CustomerAccess access, CustomerPolicy policy, OrgDirectory directory, CustomerRegions regions,
                  OpenBusinessCheck openBusiness, ClaimCheck claims) {
        this.claims = claims;
        this.regions = regions;
        this.openBusiness = openBusiness;
        this.access = access;
        this.policy = policy;
        this.directory = directory;
    }

    public CustomerView of(Customer c) {
        return of(c, List.of());
    }

    public CustomerView of(Customer c, List<DuplicateCheck.Match> duplicates) {
        CustomerActor actor = access.actor(c);
        String ownerName = c.ownerId() == null ? null
                : directory.person(c.ownerId()).map(OrgDirectory.Person::displayName).orElse(null);
        return new CustomerView(c.id(), c.code(), c.name(), c.uscc(), c.industry(), c.size(), c.region(),
                c.regionCode(), c.address(), c.website(), c.source(), regions.name(c.regionCode()),
                c.region() == null ? null : c.regionCode() != null, c.sourceLeadCode(), c.grade(), c.factors(),
                c.gradeNote(), policy.rules().grading().suggest(c.factors()).orElse(null), c.status(), c.bucket(),
                c.statusChangedAt(), c.lostReason(), c.pursuitMode(), c.ownerId(), ownerName, c.poolSince(),
                c.cadenceRule(), c.followUpDueAt(), c.plannedFollowUpAt(), c.lastActivityAt(), c.lapsesAt(),
                c.creditRating(), money(c.creditLimit()), "CNY", c.pendingCreditRating(), money(c.pendingCreditLimit()),
                c.creditApprovalId(), c.mergedIntoId(), c.createdAt(),
                duplicates.stream().map(CustomerDuplicateView::of).toList(), c.availableActions(actor, openBusiness.of(c), claims.refusal(c, actor).isPresent()),
                c.version() == null ? 0 : c.version());
    }

    /** Money answers with two decimal places (SPEC §6). */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}

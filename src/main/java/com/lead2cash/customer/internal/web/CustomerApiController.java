package com.lead2cash.customer.internal.web;

import com.lead2cash.platform.web.VersionRequest;
import com.lead2cash.platform.web.VersionedAction;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.LifecycleBucket;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerCredit;
import com.lead2cash.customer.internal.CustomerMerge;
import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.customer.internal.CustomerService;
import com.lead2cash.customer.internal.CustomerTimeline;
import com.lead2cash.customer.internal.CustomerViews;
import com.lead2cash.customer.internal.DuplicateCheck;
import com.lead2cash.customer.internal.domain.CompanySize;
import com.lead2cash.customer.internal.domain.CreditRating;
import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.customer.internal.domain.Level;
import com.lead2cash.customer.internal.domain.PursuitMode;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.RoleChecks;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.lead2cash.platform.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Customers over the API (SPEC §6): list and search, create with duplicate check, profile, grade, lifecycle, ownership, pool, merge, credit, timeline. */
@RestController
@Tag(name = "Customers")
@PreAuthorize(CustomerAccess.READER_ROLES)
class CustomerApiController {

    /** A customer as a client sends it (SPEC §6), plus the C1 factors and a reason to keep a possible duplicate. */
    record CustomerRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String uscc,
                           String industry, CompanySize size, String region, String address, String website,
                           CustomerSource source, CustomerGrade grade, Level industryPosition, Level urgency,
                           Level budget, Level potential, String gradeNote, UUID ownerId, String duplicateReason) {

        CustomerProfile profile() {
            return CustomerProfile.validated(name, uscc, industry, size, region, null, address, website, source);
        }

        GradeFactors factors() {
            return new GradeFactors(industryPosition, urgency, budget, potential);
        }
    }

    /**
     * A customer not stored yet, to look for possible duplicates of: what registering takes, none of it required (a
     * credit code alone finds its company); only the name and the credit code are compared.
     */
    record CustomerProbeRequest(String name, String uscc, String industry, CompanySize size, String region,
                                String address, String website, CustomerSource source, CustomerGrade grade,
                                Level industryPosition, Level urgency, Level budget, Level potential, String gradeNote,
                                UUID ownerId, String duplicateReason) {
    }

    /**
     * A correction of the profile (docs/decisions/0030): a field left out keeps its value, a field sent as null clears
     * it. The API's converter reads a left-out {@code Optional} as null and a JSON null as {@code Optional.empty()}.
     */
    @Schema(description = "A field left out keeps its value; a field sent as null is cleared (name cannot be); "
            + "duplicateReason: why the customer is kept when the corrected name or credit code matches other customers")
    record CustomerProfileRequest(Optional<String> name, Optional<String> uscc, Optional<String> industry,
                                  Optional<CompanySize> size, Optional<String> region, Optional<String> address,
                                  Optional<String> website, Optional<CustomerSource> source, Long version,
                                  String duplicateReason)
            implements Versioned {

        /** The profile as it is, with the fields this request sends. */
        CustomerProfile applyTo(CustomerProfile now) {
            // the region's text is resolved again: the same text gives the same division
            return CustomerProfile.validated(sent(name, now.name()), sent(uscc, now.uscc()),
                    sent(industry, now.industry()), sent(size, now.size()), sent(region, now.region()), null,
                    sent(address, now.address()), sent(website, now.website()), sent(source, now.source()));
        }

        private static <T> T sent(Optional<T> field, T now) {
            return field == null ? now : field.orElse(null);
        }
    }

    record CustomerGradeRequest(CustomerGrade grade, Level industryPosition, Level urgency, Level budget, Level potential,
                        String note, Long version) implements Versioned {
    }

    record CustomerPursuitModeRequest(PursuitMode mode, Long version) {
    }

    record CustomerReasonRequest(String reason, Long version) {
    }

    record CustomerPlanRequest(Instant nextFollowUpAt, Long version) {
    }

    /** {@code openBusinessFollows}: absent means yes, the previous owner's open business goes along (decision 0023). */
    record CustomerTransferRequest(UUID ownerId, String reason, Boolean openBusinessFollows, Long version) implements Versioned {

        boolean businessFollows() {
            return !Boolean.FALSE.equals(openBusinessFollows);
        }
    }

    record CustomerBulkTransferRequest(List<UUID> customerIds, UUID ownerId, String reason, Boolean openBusinessFollows) {

        boolean businessFollows() {
            return !Boolean.FALSE.equals(openBusinessFollows);
        }
    }

    record CustomerBulkTransferResult(int transferred) {
    }

    record CustomerMergeRequest(UUID mergedId, String reason, Boolean openBusinessFollows) {

        /** The merged owner's open business goes to the survivor's owner unless said otherwise (decision 0023). */
        boolean businessFollows() {
            return !Boolean.FALSE.equals(openBusinessFollows);
        }
    }

    record CustomerMergeResult(CustomerViews.CustomerView survivor,
                               @Schema(description = "How many records of each kind moved to the survivor, by kind "
                                       + "(camelCase): contacts, activities, history, opportunities, quotes, "
                                       + "negotiationMinutes, contracts, orders, invoices, paymentPlansAndReceipts, "
                                       + "handovers, complaints, satisfactionSurveys, needsAnalyses, convertedLeads, "
                                       + "priceListMemberships")
                               Map<String, Integer> moved) {
    }

    record CustomerCreditRequest(CreditRating creditRating, BigDecimal creditLimit, String reason, Long version) {
    }

    private final CustomerService service;
    private final CustomerOwnership ownership;
    private final CustomerMerge merge;
    private final CustomerCredit credit;
    private final CustomerQueries queries;
    private final CustomerViews views;
    private final CustomerAccess access;
    private final CustomerTimeline timeline;
    private final DuplicateCheck duplicates;
    private final TimelineTexts texts;

    CustomerApiController(CustomerService service, CustomerOwnership ownership, CustomerMerge merge,
                          CustomerCredit credit, CustomerQueries queries, CustomerViews views, CustomerAccess access,
                          CustomerTimeline timeline, DuplicateCheck duplicates, TimelineTexts texts) {
        this.service = service;
        this.ownership = ownership;
        this.merge = merge;
        this.credit = credit;
        this.queries = queries;
        this.views = views;
        this.access = access;
        this.timeline = timeline;
        this.duplicates = duplicates;
        this.texts = texts;
    }

    @Operation(summary = "Customers in your scope (view = mine | pool); q matches a name fragment, pinyin initials or full pinyin, a contact's phone, the credit code or the code")
    @GetMapping("/api/v1/customers")
    CursorPage<CustomerQueries.CustomerRow> list(@RequestParam(required = false) String q,
                                                 @RequestParam(required = false) CustomerGrade grade,
                                                 @RequestParam(required = false) CustomerStatus status,
                                                 @RequestParam(required = false) LifecycleBucket bucket,
                                                 @RequestParam(required = false) UUID ownerId,
                                                 @io.swagger.v3.oas.annotations.Parameter(description = "default: the owned customers visible to the caller; "
                                                         + "mine: the caller's own; pool: the public pool (公海)")
                                                 @RequestParam(required = false) CustomerQueries.ListView view,
                                                 @RequestParam(required = false) String cursor,
                                                 @RequestParam(required = false) Integer size) {
        return queries.list(new CustomerQueries.CustomerFilter(q, grade, status, bucket, ownerId,
                view == null ? null : view.name(), cursor, size));
    }

    @Operation(summary = "Register a customer; possible duplicates are reported (those of other teams without name) "
            + "and the customer is kept only with a duplicateReason (422 without one)")
    @PostMapping("/api/v1/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    ResponseEntity<CustomerViews.CustomerView> create(@RequestBody CustomerRequest body) {
        CustomerService.Registered r = service.create(body.profile(), body.grade(), body.factors(), body.gradeNote(),
                body.ownerId(), body.duplicateReason());
        CustomerViews.CustomerView view = views.of(r.customer(), r.duplicates());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + view.id())).body(view);
    }

    @Operation(summary = "Possible duplicates of a customer not stored yet")
    @PostMapping("/api/v1/customers/duplicates")
    List<CustomerViews.CustomerDuplicateView> duplicates(@RequestBody CustomerProbeRequest body) {
        return duplicates.find(body.name(), body.uscc(), null, null).stream().map(CustomerViews.CustomerDuplicateView::of).toList();
    }

    @Operation(summary = "A customer in your scope, with what you may do next")
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/api/v1/customers/{id}")
    CustomerViews.CustomerView get(@PathVariable UUID id) {
        return views.of(access.visible(id));
    }

    @Operation(summary = "Correct the company profile: a field left out keeps its value, one sent as null is cleared "
            + "(409 on a stale version); a name or credit code that makes the customer a possible duplicate is checked "
            + "as registering is (reported, kept only with a duplicateReason)")
    @PutMapping("/api/v1/customers/{id}")
    CustomerViews.CustomerView correct(@PathVariable UUID id, @RequestBody CustomerProfileRequest body) {
        CustomerService.Corrected c = service.correct(id, body::applyTo, body.version(), body.duplicateReason());
        return views.of(c.customer(), c.duplicates());
    }

    @Operation(summary = "C1: grade A/B/C with the four factors; the follow-up cadence follows")
    @PostMapping("/api/v1/customers/{id}/grade")
    CustomerViews.CustomerView grade(@PathVariable UUID id, @RequestBody CustomerGradeRequest body) {
        return views.of(service.regrade(id, body.grade(), new GradeFactors(body.industryPosition(), body.urgency(),
                body.budget(), body.potential()), body.note(), body.version()));
    }

    @Operation(summary = "Development (C2) or high-intent pursuit (C3); the next follow-up moves")
    @PostMapping("/api/v1/customers/{id}/pursuit-mode")
    CustomerViews.CustomerView pursuitMode(@PathVariable UUID id, @RequestBody CustomerPursuitModeRequest body) {
        return views.of(service.changePursuitMode(id, body.mode(), body.version()));
    }

    @Operation(summary = "The next lifecycle step")
    @PostMapping("/api/v1/customers/{id}/advance")
    CustomerViews.CustomerView advance(@PathVariable UUID id, @RequestBody VersionedAction body) {
        return views.of(service.advance(id, body.version()));
    }

    @Operation(summary = "Mark the customer lost, with the reason")
    @PostMapping("/api/v1/customers/{id}/lost")
    CustomerViews.CustomerView lost(@PathVariable UUID id, @RequestBody CustomerReasonRequest body) {
        return views.of(service.markLost(id, body.reason(), body.version()));
    }

    @Operation(summary = "Approach a lost customer again (back to initial contact)")
    @PostMapping("/api/v1/customers/{id}/win-back")
    CustomerViews.CustomerView winBack(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        return views.of(service.winBack(id, body == null ? null : body.version()));
    }

    @Operation(summary = "Plan the next follow-up (null clears the plan)")
    @PostMapping("/api/v1/customers/{id}/follow-up-plan")
    CustomerViews.CustomerView plan(@PathVariable UUID id, @RequestBody CustomerPlanRequest body) {
        return views.of(service.planFollowUp(id, body.nextFollowUpAt(), body.version()));
    }

    @Operation(summary = "Transfer to another owner in your team, with a reason (managers); open deadlines move along, and"
            + " unless openBusinessFollows is false the previous owner's open opportunities, contracts, orders, payment plans,"
            + " invoices and handovers of the customer with their deadlines")
    @PostMapping("/api/v1/customers/{id}/transfer")
    @PreAuthorize(RoleChecks.MANAGERS)
    CustomerViews.CustomerView transfer(@PathVariable UUID id, @RequestBody CustomerTransferRequest body) {
        return views.of(ownership.transfer(id, body.ownerId(), body.reason(), body.version(), body.businessFollows()));
    }

    @Operation(summary = "Transfer several customers to one owner (managers; all or nothing), with their open business"
            + " as a single transfer")
    @PostMapping("/api/v1/customers/transfer")
    @Refuses(404) // a customer outside the manager's scope
    @PreAuthorize(RoleChecks.MANAGERS)
    CustomerBulkTransferResult bulkTransfer(@RequestBody CustomerBulkTransferRequest body) {
        return new CustomerBulkTransferResult(ownership.bulkTransfer(body.customerIds(), body.ownerId(), body.reason(),
                body.businessFollows()));
    }

    @Operation(summary = "Give the customer up to the public pool, with a reason")
    @PostMapping("/api/v1/customers/{id}/release")
    CustomerViews.CustomerView release(@PathVariable UUID id, @RequestBody CustomerReasonRequest body) {
        return views.of(ownership.release(id, body.reason(), body.version()));
    }

    @Operation(summary = "Claim a customer from the public pool: 200 yours, 409 someone was first, 422 yours already, over the holding limit or within the re-claim cooldown (C7)")
    @PostMapping("/api/v1/customers/{id}/claim")
    @PreAuthorize(RoleChecks.REPS)
    @Refuses(409)
    CustomerViews.CustomerView claim(@PathVariable UUID id) {
        return views.of(ownership.claim(id));
    }

    @Operation(summary = "Merge another customer into this one (managers); everything moves here, audited, not undone")
    @PostMapping("/api/v1/customers/{id}/merge")
    @PreAuthorize(RoleChecks.MANAGERS)
    CustomerMergeResult merge(@PathVariable UUID id, @RequestBody CustomerMergeRequest body) {
        CustomerMerge.Merged merged = merge.merge(id, body.mergedId(), body.reason(), body.businessFollows());
        return new CustomerMergeResult(views.of(merged.survivor()), merged.moved());
    }

    @Operation(summary = "Set credit rating and limit; a limit raised above the C8 threshold waits for finance's approval")
    @PostMapping("/api/v1/customers/{id}/credit")
    CustomerViews.CustomerView credit(@PathVariable UUID id, @RequestBody CustomerCreditRequest body) {
        return views.of(credit.change(id, body.creditRating(), body.creditLimit(), body.reason(), body.version()));
    }

    /**
     * A timeline entry over the API: the entry as its module recorded it ({@code messageKey} and {@code args}, kept for
     * the clients that read them) and its {@code text} in the reader's language, as the customer's page shows it.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TimelineEntry")
    record TimelineItem(Instant at, String key, String kind, String messageKey,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "The message's arguments as recorded: "
                                + "one that starts with # is a message key itself, amounts and dates are written for a "
                                + "reader; read text instead") List<String> args,
                        String link, UUID actorId,
                        @io.swagger.v3.oas.annotations.media.Schema(description = "The entry in the reader's language "
                                + "(Accept-Language), as the customer's page shows it") String text) {

        static TimelineItem of(TimelineEntry e, String text) {
            return new TimelineItem(e.at(), e.key(), e.kind(), e.messageKey(), e.args(), e.link(), e.actorId(), text);
        }
    }

    @Operation(summary = "The customer's timeline: activities, status and owner changes, deadlines, opportunities, confirmations, contracts, orders, receipts (each to the roles that read them); newest first, each with its text in the reader's language")
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/api/v1/customers/{id}/timeline")
    CursorPage<TimelineItem> timeline(@PathVariable UUID id, @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer size, java.util.Locale locale) {
        return timeline.page(id, cursor, size).map(e -> TimelineItem.of(e, texts.text(e, locale)));
    }
}

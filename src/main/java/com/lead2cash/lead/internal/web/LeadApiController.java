package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.LeadAccess;
import com.lead2cash.lead.internal.LeadAssignment;
import com.lead2cash.lead.internal.LeadHistory;
import com.lead2cash.lead.internal.LeadProgress;
import com.lead2cash.lead.internal.LeadQueries;
import com.lead2cash.lead.internal.LeadViews;
import com.lead2cash.lead.internal.capture.LeadCapture;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.ContactIntent;
import com.lead2cash.lead.internal.domain.DisqualifyReasons;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.RoleChecks;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import com.lead2cash.platform.web.RequiredVersion;
import com.lead2cash.platform.web.VersionedAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leads over the API: capture, list, screen, grade, assign, claim, contact, convert. Every lead answers
 * with {@code availableActions}, what the caller may do with it next.
 */
@RestController
@Tag(name = "Leads")
@PreAuthorize(LeadAccess.READER_ROLES)
public class LeadApiController {

    /** A lead as a client sends it, plus an optional decision about duplicates. */
    record LeadRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String companyName, String contactName,
                       String contactTitle, String phone, String email, String industry, String region,
                       String productLine, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LeadSource source,
                       String sourceDetail, BigDecimal budget, LocalDate purchaseDate, Boolean decisionMakerKnown,
                       String decisionChainNotes, String uscc, String notes,
                       LeadCapture.DuplicateDecision.Action duplicateAction, String duplicateReason,
                       UUID mergeIntoLeadId) {

        LeadDraft draft() {
            return new LeadDraft(companyName, contactName, contactTitle, phone, email, industry, region, productLine,
                    source, sourceDetail, null, budget, purchaseDate, Boolean.TRUE.equals(decisionMakerKnown),
                    decisionChainNotes, uscc, notes);
        }

        LeadCapture.DuplicateDecision decision() {
            return duplicateAction == null ? null
                    : new LeadCapture.DuplicateDecision(duplicateAction, duplicateReason, mergeIntoLeadId);
        }
    }

    /**
     * A lead not stored yet, to look for possible duplicates of: what capturing takes, its source not needed (the
     * check asks about a company, not where a lead came from).
     */
    record LeadProbeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String companyName, String contactName,
                            String contactTitle, String phone, String email, String industry, String region,
                            String productLine, LeadSource source, String sourceDetail, BigDecimal budget,
                            LocalDate purchaseDate, Boolean decisionMakerKnown, String decisionChainNotes, String uscc,
                            String notes) {

        LeadDraft draft() {
            return new LeadDraft(companyName, contactName, contactTitle, phone, email, industry, region, productLine,
                    source, sourceDetail, null, budget, purchaseDate, Boolean.TRUE.equals(decisionMakerKnown),
                    decisionChainNotes, uscc, notes);
        }
    }

    /** A grade set by hand is decided on what the person read: its version is required (428 without it). */
    record RegradeRequest(Grade grade, String reason, Long version) implements Versioned {
    }

    /** SPEC's shape {@code {ownerId, reason}}: the version is optional, checked when sent (docs/decisions/0014). */
    record AssignRequest(UUID ownerId, String reason, Long version) {
    }

    record BulkAssignRequest(List<UUID> leadIds, UUID ownerId, String reason) {
    }

    record BulkAssignResult(int assigned) {
    }

    record ArbitrateRequest(UUID winnerId, String reason, Long version) implements Versioned {
    }

    record ContactAttemptRequest(String channel, ContactIntent intent, String summary,
                                 @com.lead2cash.platform.OwnDateRange Instant occurredAt) {
    }

    record ConvertRequest(Boolean createOpportunity, String opportunityName, BigDecimal amount, UUID customerId) {
    }

    record DisqualifyRequest(String reason, String note, Long version) implements Versioned {
    }

    private final LeadCapture capture;
    private final LeadAssignment assignment;
    private final LeadProgress progress;
    private final LeadAccess access;
    private final LeadQueries queries;
    private final LeadViews views;
    private final LeadHistory history;
    private final DisqualifyReasons reasons;

    LeadApiController(LeadCapture capture, LeadAssignment assignment, LeadProgress progress, LeadAccess access,
                      LeadQueries queries, LeadViews views, LeadHistory history, DisqualifyReasons reasons) {
        this.capture = capture;
        this.assignment = assignment;
        this.progress = progress;
        this.access = access;
        this.queries = queries;
        this.views = views;
        this.history = history;
        this.reasons = reasons;
    }

    @Operation(summary = "Capture a lead: graded, duplicate-checked, screened and routed when its data is complete")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A lead from a trade show", value = """
                    {"companyName": "杭州云栖智造科技有限公司", "contactName": "王磊", "contactTitle": "信息中心主任", "phone": "13800138000", "email": "wang.lei@example.com", "industry": "制造业", "region": "浙江省杭州市西湖区", "productLine": "ERP", "source": "TRADE_SHOW", "budget": 250000.00, "purchaseDate": "2027-02-15", "decisionMakerKnown": true, "uscc": "91330106MA2B0C8D5W", "notes": "展会上索取了方案"}""")))
    @PostMapping("/api/v1/leads")
    @Refuses(404) // merging into a lead outside the caller's scope answers as if it did not exist
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Merged into an existing lead (duplicateAction MERGE)")
    ResponseEntity<LeadViews.LeadView> create(@RequestBody LeadRequest body) {
        LeadCapture.Captured captured = capture.captureTogether(body.draft(), CaptureChannel.API,
                CurrentUser.require().id(), body.decision());
        LeadViews.LeadView view = views.of(captured.lead(), captured.duplicates());
        if (captured.merged()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.created(URI.create("/api/v1/leads/" + view.id())).body(view);
    }

    @Operation(summary = "Possible duplicates of a lead that is not stored yet (its source may be left out)")
    @PostMapping("/api/v1/leads/duplicates")
    List<LeadViews.DuplicateView> duplicates(@RequestBody LeadProbeRequest body) {
        return capture.checkDuplicatesOnly(body.draft()).stream().map(LeadViews.DuplicateView::of).toList();
    }

    @Operation(summary = "List leads in your scope (view = pool | nurture | queue: your own queue | general: the general queue | mine | contests | open: not converted, not disqualified)")
    @GetMapping("/api/v1/leads")
    CursorPage<LeadQueries.LeadRow> list(@RequestParam(required = false) Grade grade,
                                         @RequestParam(required = false) LeadStatus status,
                                         @RequestParam(required = false) LeadSource source,
                                         @RequestParam(required = false) UUID ownerId,
                                         @RequestParam(required = false) UUID territoryId,
                                         @RequestParam(required = false) Integer minAgeDays,
                                         @RequestParam(required = false) Integer maxAgeDays,
                                         @RequestParam(required = false) String q,
                                         @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"pool", "nurture", "queue", "general", "mine", "contests", "open"}), description = "default: every lead visible to the caller") 
                                         @RequestParam(required = false) String view,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Integer size) {
        return queries.list(new LeadQueries.LeadFilter(grade, status, source, ownerId, territoryId, minAgeDays,
                maxAgeDays, q, view, cursor, size));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "One lead in your scope, with its grade reasons and claims")
    @GetMapping("/api/v1/leads/{id}")
    LeadViews.LeadView get(@PathVariable UUID id) {
        return views.of(access.readable(id));
    }

    /**
     * A correction of the lead's data (docs/decisions/0030): a field left out keeps its value, a field sent as null
     * clears it. The API's converter reads a left-out {@code Optional} as null and a JSON null as
     * {@code Optional.empty()}.
     */
    @Schema(description = "A field left out keeps its value; a field sent as null is cleared (companyName and source"
            + " cannot be; decisionMakerKnown null is false)")
    record CorrectionRequest(Optional<String> companyName, Optional<String> contactName, Optional<String> contactTitle,
                             Optional<String> phone, Optional<String> email, Optional<String> industry,
                             Optional<String> region, Optional<String> productLine, Optional<LeadSource> source,
                             Optional<String> sourceDetail, Optional<BigDecimal> budget,
                             Optional<LocalDate> purchaseDate, Optional<Boolean> decisionMakerKnown,
                             Optional<String> decisionChainNotes, Optional<String> uscc, Optional<String> notes,
                             Long version)
            implements com.lead2cash.platform.Versioned {

        /** The lead's data as it is, with the fields this request sends. */
        LeadDraft applyTo(LeadDraft now) {
            // a left-out region sends the division it names, as the form does: the lead keeps its words and division
            String regionNow = now.regionCode() != null ? now.regionCode() : now.region();
            return new LeadDraft(sent(companyName, now.companyName()), sent(contactName, now.contactName()),
                    sent(contactTitle, now.contactTitle()), sent(phone, now.phone()), sent(email, now.email()),
                    sent(industry, now.industry()), sent(region, regionNow), sent(productLine, now.productLine()),
                    sent(source, now.source()), sent(sourceDetail, now.sourceDetail()), null,
                    sent(budget, now.budget()), sent(purchaseDate, now.purchaseDate()),
                    Boolean.TRUE.equals(sent(decisionMakerKnown, now.decisionMakerKnown())),
                    sent(decisionChainNotes, now.decisionChainNotes()), sent(uscc, now.uscc()), sent(notes, now.notes()));
        }

        private static <T> T sent(Optional<T> field, T now) {
            return field == null ? now : field.orElse(null);
        }
    }

    @Operation(summary = "Correct the lead's data: a field left out keeps its value, one sent as null is cleared (409 on"
            + " a stale version); the grade follows unless set by hand")
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/leads/{id}")
    LeadViews.LeadView correct(@PathVariable UUID id, @RequestBody CorrectionRequest body) {
        return views.of(capture.correct(id, body::applyTo, body.version()));
    }

    @Operation(summary = "A person verifies the lead as graded (screening) and it is routed; on the version read (version or If-Match)")
    @PostMapping("/api/v1/leads/{id}/screen")
    LeadViews.LeadView screen(@PathVariable UUID id, @RequestBody(required = false) VersionedAction body,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return views.of(capture.screen(id, version(body, ifMatch)));
    }

    @Operation(summary = "Change the grade by hand, with a reason, on the version read")
    @PostMapping("/api/v1/leads/{id}/regrade")
    LeadViews.LeadView regrade(@PathVariable UUID id, @RequestBody RegradeRequest body) {
        return views.of(capture.regrade(id, body.grade(), body.reason(), body.version()));
    }

    @Operation(summary = "Assign or reassign to a rep (managers); a reassignment needs a reason")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "Assign to a rep", value = """
                    {"ownerId": "01890f2e-5a1b-7c3d-8e4f-000000000042", "reason": "华东区域客户，由熟悉制造业的代表跟进", "version": 3}""")))
    @PostMapping("/api/v1/leads/{id}/assign")
    @PreAuthorize(RoleChecks.MANAGERS)
    LeadViews.LeadView assign(@PathVariable UUID id, @RequestBody AssignRequest body) {
        return views.of(assignment.assignByManager(id, body.ownerId(), body.reason(), body.version()));
    }

    @Operation(summary = "Assign several pool leads to one rep (all or nothing)")
    @PostMapping("/api/v1/leads/bulk-assign")
    @Refuses(404) // a lead or rep outside the manager's scope
    @PreAuthorize(RoleChecks.MANAGERS)
    BulkAssignResult bulkAssign(@RequestBody BulkAssignRequest body) {
        return new BulkAssignResult(assignment.bulkAssign(body.leadIds(), body.ownerId(), body.reason()));
    }

    @Operation(summary = "Claim a pool lead: 200 yours, 202 a contest opened (A leads), 409 someone was first moments ago")
    @PostMapping("/api/v1/leads/{id}/claim")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The lead is yours")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "A contest opened: another senior rep claimed this A lead within the window (L8)")
    @com.lead2cash.platform.web.Refuses(409)
    @PreAuthorize(RoleChecks.REPS)
    ResponseEntity<LeadViews.LeadView> claim(@PathVariable UUID id) {
        LeadAssignment.ClaimResult result = assignment.claim(id);
        return ResponseEntity.status(result.outcome() == Lead.ClaimOutcome.CONTEST ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(views.of(result.lead()));
    }

    @Operation(summary = "Decide a claim contest (managers), on the version read")
    @PostMapping("/api/v1/leads/{id}/arbitrate")
    @PreAuthorize(RoleChecks.MANAGERS)
    LeadViews.LeadView arbitrate(@PathVariable UUID id, @RequestBody ArbitrateRequest body) {
        return views.of(assignment.arbitrate(id, body.winnerId(), body.reason(), body.version()));
    }

    @Operation(summary = "Log a contact attempt with an intent level; the first one is the first response")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A first call", value = """
                    {"channel": "PHONE", "intent": "HIGH", "summary": "已电话沟通，客户确认明年一季度上线ERP，约下周演示", "occurredAt": "2026-12-01T10:30:00+08:00"}""")))
    @PostMapping("/api/v1/leads/{id}/contact-attempts")
    LeadViews.LeadView contact(@PathVariable UUID id, @RequestBody ContactAttemptRequest body) {
        return views.of(progress.recordContact(id, body.channel(), body.intent(), body.summary(), body.occurredAt()));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The lead's contact attempts, oldest first")
    @GetMapping("/api/v1/leads/{id}/contact-attempts")
    List<LeadQueries.ContactAttempt> contactAttempts(@PathVariable UUID id) {
        access.readable(id);
        return queries.contactAttempts(id);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "What happened to the lead, oldest first")
    @GetMapping("/api/v1/leads/{id}/history")
    List<LeadHistory.Entry> history(@PathVariable UUID id) {
        access.readable(id);
        return history.of(id);
    }

    @Operation(summary = "Convert to a customer, a contact and optionally an opportunity (idempotent)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "Convert with an opportunity", value = """
                    {"createOpportunity": true, "opportunityName": "云栖智造 ERP 一期", "amount": 250000.00}""")))
    @PostMapping("/api/v1/leads/{id}/convert")
    LeadProgress.Conversion convert(@PathVariable UUID id, @RequestBody(required = false) ConvertRequest body) {
        ConvertRequest b = body == null ? new ConvertRequest(false, null, null, null) : body;
        return progress.convert(id, b.customerId(), Boolean.TRUE.equals(b.createOpportunity()), b.opportunityName(),
                b.amount());
    }

    @Operation(summary = "Disqualify with a reason from the managed list, on the version read")
    @PostMapping("/api/v1/leads/{id}/disqualify")
    LeadViews.LeadView disqualify(@PathVariable UUID id, @RequestBody DisqualifyRequest body) {
        return views.of(progress.disqualify(id, body.reason(), body.note(), body.version()));
    }

    @Operation(summary = "Reopen a disqualified lead (managers), on the version read: it waits for screening again, or is routed again")
    @PostMapping("/api/v1/leads/{id}/reopen")
    @PreAuthorize(RoleChecks.MANAGERS)
    LeadViews.LeadView reopen(@PathVariable UUID id, @RequestBody(required = false) VersionedAction body,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return views.of(progress.reopen(id, version(body, ifMatch)));
    }

    /**
     * The version an action without other input was read at: from its body (the platform checked it), or, with
     * no body at all, from {@code If-Match} — neither is 428, as for every update (docs/decisions/0014).
     */
    private static long version(VersionedAction body, String ifMatch) {
        return body != null ? body.version() : RequiredVersion.of(null, ifMatch);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The managed list of disqualification reasons, in the caller's language")
    @GetMapping("/api/v1/leads/disqualify-reasons")
    List<DisqualifyReasons.Reason> disqualifyReasons(Locale locale) {
        return reasons.active(locale);
    }
}

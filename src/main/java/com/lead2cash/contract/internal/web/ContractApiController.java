package com.lead2cash.contract.internal.web;

import com.lead2cash.platform.web.VersionRequest;
import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.approval.Decision;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.contract.internal.ContractAccess;
import com.lead2cash.contract.internal.ContractDownloads;
import com.lead2cash.contract.internal.ContractDrafting;
import com.lead2cash.contract.internal.ContractEvents;
import com.lead2cash.contract.internal.ContractFiles;
import com.lead2cash.contract.internal.ContractLifecycle;
import com.lead2cash.contract.internal.ContractQueries;
import com.lead2cash.contract.internal.ContractViews;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractAmendmentRepository;
import com.lead2cash.contract.internal.domain.Department;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import com.lead2cash.files.StoredFile;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.web.NoLocation;
import com.lead2cash.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Contracts over the API (SPEC §6): draft, terms and clauses, submission, the departments' reviews (K1),
 * risk and final approval (K5, K2), signing with the scan (K3), archiving (K4), amendments, termination,
 * the PDF the reviewers approved, files, timeline and — after the retention — deletion (R1).
 */
@RestController
@Tag(name = "Contracts")
@PreAuthorize(ContractAccess.READER_ROLES)
class ContractApiController {

    record MilestoneBody(MilestoneType type, BigDecimal amount, LocalDate dueDate, String dueCondition) {
        PaymentMilestone milestone() {
            return new PaymentMilestone(type, amount, dueDate, dueCondition);
        }
    }

    /**
     * SPEC: {opportunityId*, quoteId, templateId, title, amount*, riskLevel, milestones[]}, plus the term and
     * the buyer's taxpayer id (the customer's when left out). The amount, left out, is the price agreed in the
     * confirmed minutes (else the accepted quote's total), as the drafting form offers it; required without either.
     */
    record CreateRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID opportunityId, UUID quoteId,
                         UUID templateId, String title,
                         @Schema(description = "Left out: the confirmed minutes' milestones or agreed price, else the "
                                 + "accepted quote's total; required (422) when the opportunity has neither")
                         BigDecimal amount,
                         RiskLevel riskLevel, LocalDate termStart, LocalDate termEnd, List<MilestoneBody> milestones,
                         String buyerTaxId) {
    }

    record TermsRequest(String title, BigDecimal amount, RiskLevel riskLevel, LocalDate termStart, LocalDate termEnd,
                        String buyerName, String buyerTaxId, String buyerAddress, String buyerRepresentative,
                        List<MilestoneBody> milestones, Long version) implements com.lead2cash.platform.Versioned {
    }

    record SectionRequest(String heading, String body, Long version) implements com.lead2cash.platform.Versioned {
    }

    enum Verdict { PASS, OBJECT }

    record RemarkBody(String section, String text) {
    }

    record ReviewRequest(Verdict verdict, String comment, List<RemarkBody> remarks) {
    }

    enum ApproverDecision { APPROVE, SEND_BACK }

    record ContractDecisionRequest(ApproverDecision decision, String comment) {
    }

    record ArchiveRequest(String location, Long version) implements com.lead2cash.platform.Versioned {
    }

    record TerminationRequest(String reason, LocalDate effectiveOn, Long version) implements com.lead2cash.platform.Versioned {
    }

    record FileView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kind, Integer round,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fileName,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String contentType,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long size,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha256,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant addedAt,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate retainUntil) {
        static FileView of(ContractFiles.ContractFile f) {
            return new FileView(f.id(), f.kind().name(), f.round(), f.fileName(), f.contentType(), f.size(), f.sha256(),
                    f.addedAt(), f.retainUntil());
        }

        static FileView of(StoredFile f, String kind) {
            return new FileView(f.id(), kind, null, f.fileName(), f.contentType(), f.size(), f.sha256(), f.storedAt(),
                    f.retainUntil());
        }
    }

    record EventView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kind, UUID actorId, String detail,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant at) {
    }

    private final ContractDrafting drafting;
    private final ContractLifecycle lifecycle;
    private final ContractQueries queries;
    private final ContractViews views;
    private final ContractAccess access;
    private final ContractFiles files;
    private final ContractEvents events;
    private final ContractDownloads downloads;
    private final ContractAmendmentRepository amendments;

    ContractApiController(ContractDrafting drafting, ContractLifecycle lifecycle, ContractQueries queries,
                          ContractViews views, ContractAccess access, ContractFiles files, ContractEvents events,
                          ContractDownloads downloads, ContractAmendmentRepository amendments) {
        this.drafting = drafting;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.views = views;
        this.access = access;
        this.files = files;
        this.events = events;
        this.downloads = downloads;
        this.amendments = amendments;
    }

    @Operation(summary = "Contracts in your scope, newest first: status, whom each waits for and for how many days, amount, owner")
    @GetMapping("/api/v1/contracts")
    CursorPage<ContractQueries.ContractRow> list(@RequestParam(required = false) ContractStatus status,
                                                 @RequestParam(required = false) UUID ownerId,
                                                 @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(maxLength = ContractQueries.MAX_SEARCH))
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(defaultValue = "false") boolean waitingForMe,
                                                 @RequestParam(required = false) String cursor,
                                                 @RequestParam(required = false) Integer size) {
        return queries.list(new ContractQueries.Filter(status, ownerId, q, waitingForMe, cursor, size));
    }

    @Operation(summary = "Draft a contract for an opportunity at the contract stage, on a published template, "
            + "from its accepted quote and confirmed minutes (the amount, left out, is the price they agreed); "
            + "422 when the milestones do not add up to the amount or the opportunity has a live contract "
            + "(one live contract per opportunity); 409 when another draft of it was stored meanwhile")
    @PostMapping("/api/v1/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(409)
    ResponseEntity<ContractViews.ContractView> create(@RequestBody CreateRequest body) {
        Contract c = drafting.draft(new ContractDrafting.NewContract(body.opportunityId(), body.quoteId(),
                body.templateId(), body.title(), body.amount(), body.riskLevel(), body.termStart(), body.termEnd(),
                milestones(body.milestones()), body.buyerTaxId()));
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + c.id())).body(view(c));
    }

    @Operation(summary = "One contract with its terms, clauses (marked where they deviate from the template), "
            + "the current round's reviews with their deadlines and what you may do next")
    @GetMapping("/api/v1/contracts/{id}")
    ContractViews.ContractView get(@PathVariable UUID id) {
        return view(access.visible(id));
    }

    @Operation(summary = "Change the terms while drafting or revising (title, amount, risk, term, the buyer, milestones); "
            + "a field left out (or null) keeps its value, blank text clears it; clauses nobody rewrote follow the new values")
    @PutMapping("/api/v1/contracts/{id}")
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    ContractViews.ContractView revise(@PathVariable UUID id, @RequestBody TermsRequest body) {
        return view(drafting.revise(id, new Contract.Terms(body.title(), body.amount(), body.riskLevel(),
                body.termStart(), body.termEnd(), body.buyerName(), body.buyerTaxId(), body.buyerAddress(),
                body.buyerRepresentative(), milestones(body.milestones())), body.version()));
    }

    @Operation(summary = "Rewrite one clause while drafting or revising; a clause that differs from the template is marked")
    @PutMapping("/api/v1/contracts/{id}/sections/{key}")
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    ContractViews.ContractView editSection(@PathVariable UUID id, @PathVariable String key,
                                           @RequestBody SectionRequest body) {
        return view(drafting.editSection(id, key, body.heading(), body.body(), body.version()));
    }

    @Operation(summary = "Add a clause the template does not have (marked as added for the reviewers)")
    @PostMapping("/api/v1/contracts/{id}/sections")
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    @ResponseStatus(HttpStatus.CREATED)
    @NoLocation("a clause has no address of its own; it is read in the contract this answers (GET /api/v1/contracts/{id})")
    ResponseEntity<ContractViews.ContractView> addClause(@PathVariable UUID id, @RequestBody SectionRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(drafting.addClause(id, body.heading(), body.body(),
                body.version())));
    }

    @Operation(summary = "Remove a clause the contract added (the template's core clauses stay)")
    @DeleteMapping("/api/v1/contracts/{id}/sections/{key}")
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    @Refuses(422)
    ContractViews.ContractView removeClause(@PathVariable UUID id, @PathVariable String key,
                                            @RequestParam(required = false) Long version) {
        return view(drafting.removeClause(id, key, version));
    }

    @Operation(summary = "Submit to review (K1): the PDF of this round is kept with its SHA-256, legal, finance and "
            + "operations review together, each within its business-day deadline; IN_REVIEW with reviews[]")
    @PostMapping("/api/v1/contracts/{id}/submit")
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    ContractViews.ContractView submit(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        return view(lifecycle.submit(id, body == null ? null : body.version()));
    }

    @Operation(summary = "A reviewing department's verdict (K1): PASS, or OBJECT with a comment (and remarks on "
            + "sections); the contract goes to REVISING once every department has answered and one objected; 422 when "
            + "no review of the department is pending (the contract is not in review, or its verdict is in); 409 when "
            + "a colleague gave the department's verdict first")
    @PostMapping("/api/v1/contracts/{id}/reviews/{department}")
    @PreAuthorize(ContractAccess.REVIEWER_ROLES)
    @Refuses(409)
    ContractViews.ContractView review(@PathVariable UUID id, @PathVariable Department department,
                                      @RequestBody ReviewRequest body) {
        if (body.verdict() == null) {
            throw new com.lead2cash.platform.FieldValidationException("verdict", "contract.verdict.required");
        }
        List<ApprovalRemark> remarks = body.remarks() == null ? List.of() : body.remarks().stream()
                .map(r -> new ApprovalRemark(r.section() == null ? "" : r.section(), r.text() == null ? "" : r.text()))
                .toList();
        return view(lifecycle.review(id, department, body.verdict() == Verdict.PASS, body.comment(), remarks));
    }

    @Operation(summary = "A risk reviewer's (K5) or final approver's (K2) decision: APPROVE, or SEND_BACK with a comment")
    @PostMapping("/api/v1/contracts/{id}/decision")
    @PreAuthorize(ContractAccess.APPROVER_ROLES)
    @Refuses(409)
    ContractViews.ContractView decide(@PathVariable UUID id, @RequestBody ContractDecisionRequest body) {
        if (body.decision() == null) {
            throw new com.lead2cash.platform.FieldValidationException("decision", "contract.decision.required");
        }
        return view(lifecycle.decide(id, Decision.valueOf(body.decision().name()), body.comment()));
    }

    @Operation(summary = "Record the signing (K3): the signed scan (a PDF or image, checked by content, at most 20 MB), "
            + "the day and the signatories; the opportunity is won and the customer signed")
    @PostMapping(value = "/api/v1/contracts/{id}/signing", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    ContractViews.ContractView sign(@PathVariable UUID id, @RequestPart("scan") MultipartFile scan,
                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                                    @RequestParam String signatories,
                                    @RequestParam(required = false) Long version) throws IOException {
        return view(lifecycle.sign(id, signedOn, signatories, scan.getOriginalFilename(), scan.getSize(),
                scan.getInputStream(), version));
    }

    @Operation(summary = "Archive a signed contract with its key data (K4), and where the paper original is kept (required)")
    @PostMapping("/api/v1/contracts/{id}/archive")
    @PreAuthorize(ContractAccess.KEEPER_ROLES)
    ContractViews.ContractView archive(@PathVariable UUID id, @RequestBody ArchiveRequest body) {
        return view(lifecycle.archive(id, body.location(), body.version()));
    }

    @Operation(summary = "Terminate the contract with a reason (its own record); a running review is withdrawn. "
            + "Once approved (K2) only the owner's manager, legal or an administrator may; version required (428 without, 409 stale)")
    @PostMapping("/api/v1/contracts/{id}/termination")
    @PreAuthorize(ContractAccess.KEEPER_ROLES)
    ContractViews.ContractView terminate(@PathVariable UUID id, @RequestBody TerminationRequest body,
                                         // what the input rules refused in the body (a day before 1900), named
                                         // with the termination's own refusals (no reason) in one 422
                                         @io.swagger.v3.oas.annotations.Parameter(hidden = true)
                                         com.lead2cash.platform.web.RefusedInput refused) {
        return view(lifecycle.terminate(id, body.reason(), body.effectiveOn(), refused.errors(), body.version()));
    }

    @Operation(summary = "Record a signed amendment (supplementary agreement) with its scan; the signed contract itself is not changed")
    @PostMapping(value = "/api/v1/contracts/{id}/amendments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    @ResponseStatus(HttpStatus.CREATED)
    @NoLocation("an amendment has no address of its own; it is read in the contract's amendments "
            + "(GET /api/v1/contracts/{id}/amendments) and its scan in the contract's files")
    ResponseEntity<ContractViews.AmendmentView> amend(@PathVariable UUID id, @RequestPart("scan") MultipartFile scan,
                                                      @RequestParam String title, @RequestParam String summary,
                                                      @RequestParam(required = false) BigDecimal amountChange,
                                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn)
            throws IOException {
        var a = lifecycle.amend(id, title, summary, amountChange, signedOn, scan.getOriginalFilename(), scan.getSize(),
                scan.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).body(ContractViews.AmendmentView.of(a));
    }

    @Operation(summary = "The contract's amendments, oldest first")
    @GetMapping("/api/v1/contracts/{id}/amendments")
    List<ContractViews.AmendmentView> amendments(@PathVariable UUID id) {
        access.visible(id);
        return amendments.findByContractIdOrderByCreatedAt(id).stream().map(ContractViews.AmendmentView::of).toList();
    }

    @Operation(summary = "The contract's files: the PDF of each review round, the signed scan, attachments, amendment scans")
    @GetMapping("/api/v1/contracts/{id}/files")
    List<FileView> files(@PathVariable UUID id) {
        access.visible(id);
        return files.of(id).stream().map(FileView::of).toList();
    }

    @Operation(summary = "Attach a document while drafting or revising (PDF or image, checked by content)")
    @PostMapping(value = "/api/v1/contracts/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ContractAccess.SELLER_ROLES)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<FileView> attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        StoredFile f = drafting.attach(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + id + "/files/" + f.id()))
                .body(FileView.of(f, ContractFiles.Kind.ATTACHMENT.name()));
    }

    @Operation(summary = "Download one of the contract's files; every read of a signed contract's file is audited")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/v1/contracts/{id}/files/{fileId}")
    ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable UUID fileId) {
        return downloads.file(id, fileId);
    }

    @Operation(summary = "The contract as a PDF with a searchable Chinese text layer: a draft rendered now; once "
            + "submitted, the very PDF the reviewers approved (its SHA-256 in the ETag and Repr-Digest)")
    @ApiResponse(responseCode = "200", description = "the PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/contracts/{id}/pdf")
    ResponseEntity<?> pdf(@PathVariable UUID id) {
        return downloads.pdf(id);
    }

    @Operation(summary = "The contract's timeline, newest first")
    @GetMapping("/api/v1/contracts/{id}/timeline")
    List<EventView> timeline(@PathVariable UUID id) {
        access.visible(id);
        return events.of(id).stream().map(e -> new EventView(e.kind(), e.actorId(), e.detail(), e.at())).toList();
    }

    @Operation(summary = "Delete the contract and its files once its retention has ended (R1, legal or administrators); "
            + "refused with 422 before")
    @DeleteMapping("/api/v1/contracts/{id}")
    @PreAuthorize(ContractAccess.DELETER_ROLES)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Refuses(422)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        lifecycle.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ContractViews.ContractView view(Contract c) {
        return views.of(c, lifecycle.actor(c));
    }

    private static List<PaymentMilestone> milestones(List<MilestoneBody> body) {
        return body == null ? null : body.stream().map(m -> m == null ? null : m.milestone()).toList();
    }
}

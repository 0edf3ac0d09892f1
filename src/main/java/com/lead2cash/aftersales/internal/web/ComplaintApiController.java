package com.lead2cash.aftersales.internal.web;

import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.aftersales.internal.AftersalesAccess;
import com.lead2cash.aftersales.internal.AftersalesQueries;
import com.lead2cash.aftersales.internal.ComplaintService;
import com.lead2cash.aftersales.internal.Survey;
import com.lead2cash.aftersales.internal.SurveyService;
import com.lead2cash.aftersales.internal.domain.Complaint;
import com.lead2cash.aftersales.internal.domain.ComplaintCategory;
import com.lead2cash.aftersales.internal.domain.ComplaintStatus;
import com.lead2cash.aftersales.internal.domain.ReceivedVia;
import com.lead2cash.aftersales.internal.domain.Severity;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.confirmation.SentLink;
import com.lead2cash.files.FileResponses;
import com.lead2cash.files.StoredFile;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
 * Complaints over the API: receipt with the SLA by severity (S1, S2), the level-I flag (S3) and repeats
 * (S4); classification, first response, the 5 Whys with actions, evidence files, the resolution told to
 * the customer, the rating link, the close; and satisfaction results per rep, team or product line.
 */
@RestController
@Tag(name = "Complaints")
@PreAuthorize(AftersalesAccess.READER_ROLES)
public class ComplaintApiController {

    /** SPEC: {customerId*, category*, severity*, description*, receivedVia}, plus the contact and product line. */
    record ComplaintRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ComplaintCategory category,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Severity severity,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
                            ReceivedVia receivedVia, UUID contactId, String productLine) {
    }

    record ClassifyRequest(ComplaintCategory category, Severity severity, UUID handlerId,
                           @Schema(description = "Why the severity is lowered; required for a lower severity")
                           String reason, Long version) implements Versioned {
    }

    record FirstResponseRequest(String text, Long version) implements Versioned {
    }

    record RootCauseRequest(List<String> whys, String rootCause, String correctiveAction, UUID correctiveOwnerId,
                            LocalDate correctiveDueOn, String preventiveAction, UUID preventiveOwnerId,
                            LocalDate preventiveDueOn, Long version) implements Versioned {
    }

    record FeedbackRequest(String resolution, Long version) implements Versioned {
    }

    /** To whom (the complaint's contact when absent), and in which language (the contact's own when absent). */
    record RatingRequest(UUID contactId,
                         @Schema(description = DocumentLanguage.API_DESCRIPTION_TO_CONTACT) String locale) {
    }

    /** SPEC: {version*, rootCause, satisfactionConfirmationId, noRatingReason}. */
    record CloseRequest(@Schema(description = "Required here or as If-Match (428 without either)") Long version,
                        @Schema(description = "Taken for the stable shape only: the root cause is recorded with "
                                + "PUT /api/v1/complaints/{id}/root-cause before the resolution, so a close never changes it")
                        String rootCause, UUID satisfactionConfirmationId, String noRatingReason) implements Versioned {
    }

    record EvidenceView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String fileName,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String contentType,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long size,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha256) {
        static EvidenceView of(StoredFile f) {
            return new EvidenceView(f.id(), f.fileName(), f.contentType(), f.size(), f.sha256());
        }
    }

    record ComplaintView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String customerName,
                         UUID contactId, String productLine,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ComplaintCategory category,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Severity severity,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ReceivedVia receivedVia,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ComplaintStatus status,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID handlerId,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant receivedAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean levelOne, UUID repeatOf,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant responseDueAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant resolutionDueAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Complaint.SlaState slaState,
                         String firstResponse, Instant firstResponseAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> whys, String rootCause,
                         String correctiveAction, UUID correctiveOwnerId, LocalDate correctiveDueOn,
                         String preventiveAction, UUID preventiveOwnerId, LocalDate preventiveDueOn,
                         String resolution, Instant feedbackAt, UUID satisfactionConfirmationId, Integer rating,
                         String ratingComment, String noRatingReason, Instant closedAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Complaint.Action> availableActions,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version) {
    }

    private final ComplaintService service;
    private final AftersalesQueries queries;
    private final AftersalesAccess access;
    private final SurveyService surveys;

    ComplaintApiController(ComplaintService service, AftersalesQueries queries, AftersalesAccess access,
                           SurveyService surveys) {
        this.service = service;
        this.queries = queries;
        this.access = access;
        this.surveys = surveys;
    }

    @Operation(summary = "Complaints in your scope (as handler or the customer's rep), newest first, with their SLA "
            + "state; filters by status, severity, category, SLA state, level I, customer, open only")
    @GetMapping("/api/v1/complaints")
    CursorPage<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                                   @RequestParam(required = false) Severity severity,
                                   @RequestParam(required = false) ComplaintCategory category,
                                   @RequestParam(required = false) Complaint.SlaState sla,
                                   @RequestParam(required = false) Boolean levelOne,
                                   @RequestParam(required = false) UUID customerId,
                                   @RequestParam(defaultValue = "false") boolean open,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer size) {
        return queries.complaints(new AftersalesQueries.ComplaintFilter(status, severity, category, sla, levelOne,
                customerId, open, cursor, size)).map(this::view);
    }

    @Operation(summary = "Receive a complaint of a customer you may see or serve (404 for any other): its first-response and resolution "
            + "deadlines by severity on the working calendar (S1, S2), the level-I flag (S3), the repeat link (S4)")
    @PostMapping("/api/v1/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(404)
    ResponseEntity<ComplaintView> receive(@RequestBody ComplaintRequest body) {
        Complaint c = service.receive(new ComplaintService.NewComplaint(body.customerId(), body.category(),
                body.severity(), body.description(), body.receivedVia(), body.contactId(), body.productLine()));
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id())).body(view(c));
    }

    @Operation(summary = "One complaint with its SLA, 5 Whys, actions, rating and what you may do next")
    @GetMapping("/api/v1/complaints/{id}")
    ComplaintView get(@PathVariable UUID id) {
        return view(service.get(id));
    }

    @Operation(summary = "The complaints linked as repeats of the same customer (S4)")
    @GetMapping("/api/v1/complaints/{id}/linked")
    List<ComplaintView> linked(@PathVariable UUID id) {
        return service.linked(service.get(id)).stream().filter(c -> !c.id().equals(id)).map(this::view).toList();
    }

    @Operation(summary = "Confirm category and severity (a changed severity takes its own windows from receipt) "
            + "and optionally pass the complaint to another handler")
    @PostMapping("/api/v1/complaints/{id}/classify")
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    ComplaintView classify(@PathVariable UUID id, @RequestBody ClassifyRequest body) {
        return view(service.classify(id, body.category(), body.severity(), body.handlerId(), body.reason(),
                body.version()));
    }

    @Operation(summary = "Record the first response to the customer (S1); handling starts")
    @PostMapping("/api/v1/complaints/{id}/first-response")
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    ComplaintView respond(@PathVariable UUID id, @RequestBody FirstResponseRequest body) {
        try {
            return view(service.respond(id, body.text(), body.version()));
        } catch (FieldValidationException e) {
            throw e.renamed("firstResponse", "text");
        }
    }

    @Operation(summary = "Write the 5 Whys, the root cause and the corrective and preventive actions, each with an "
            + "owner and a due date")
    @PutMapping("/api/v1/complaints/{id}/root-cause")
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    ComplaintView analyse(@PathVariable UUID id, @RequestBody RootCauseRequest body) {
        return view(service.analyse(id, new Complaint.RootCause(body.whys(), body.rootCause(), body.correctiveAction(),
                body.correctiveOwnerId(), body.correctiveDueOn(), body.preventiveAction(), body.preventiveOwnerId(),
                body.preventiveDueOn()), body.version()));
    }

    @Operation(summary = "Keep an evidence file with the complaint (PDF or image, checked by content, at most 20 MB)")
    @PostMapping(value = "/api/v1/complaints/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EvidenceView> addEvidence(@PathVariable UUID id, @RequestPart("file") MultipartFile file)
            throws IOException {
        StoredFile f = service.addEvidence(id, file.getOriginalFilename(), file.getSize(), file.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + id + "/evidence/" + f.id()))
                .body(EvidenceView.of(f));
    }

    @Operation(summary = "The complaint's evidence files, a page at a time, oldest first")
    @GetMapping("/api/v1/complaints/{id}/evidence")
    CursorPage<EvidenceView> evidence(@PathVariable UUID id, @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer size) {
        return service.evidence(id, cursor, size).map(EvidenceView::of);
    }

    @Operation(summary = "Download one evidence file of the complaint")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/v1/complaints/{id}/evidence/{fileId}")
    ResponseEntity<Resource> evidenceFile(@PathVariable UUID id, @PathVariable UUID fileId) {
        StoredFile f = service.evidenceFile(id, fileId);
        return FileResponses.inline(f, service.open(f));
    }

    @Operation(summary = "Tell the customer the resolution (S2); refused until the root cause and the corrective "
            + "action with its owner and due date are recorded")
    @PostMapping("/api/v1/complaints/{id}/feedback")
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    ComplaintView feedback(@PathVariable UUID id, @RequestBody FeedbackRequest body) {
        return view(service.giveFeedback(id, body.resolution(), body.version()));
    }

    @Operation(summary = "Send the customer's contact a link to rate the handling from 1 to 5 with a comment")
    @PostMapping("/api/v1/complaints/{id}/rating-request")
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    @Refuses(422)
    SentLink.Answer requestRating(@PathVariable UUID id, @RequestBody RatingRequest body) {
        SentConfirmation sent = service.requestRating(id, body.contactId(), DocumentLanguage.named(body.locale()));
        return SentLink.Answer.of(sent);
    }

    @Operation(summary = "Close with the customer's rating (the confirmation they answered) or a reason why none "
            + "could be obtained; 422 with neither. A satisfaction survey then goes to the contact")
    @PostMapping("/api/v1/complaints/{id}/close")
    @PreAuthorize(AftersalesAccess.COMPLAINT_WORKER_ROLES)
    ComplaintView close(@PathVariable UUID id, @RequestBody CloseRequest body) {
        return view(service.close(id, body.satisfactionConfirmationId(), body.noRatingReason(), body.version()));
    }

    @Operation(summary = "Satisfaction survey results of the reps in your scope and of the complaints handled in it "
            + "(after-sales: those they handled), grouped by rep, team or product line: answered surveys, average rating "
            + "and the count of each score")
    @GetMapping("/api/v1/satisfaction")
    @Refuses(422)
    List<AftersalesQueries.SatisfactionRow> satisfaction(
            @RequestParam(defaultValue = "REP") AftersalesQueries.GroupBy groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.satisfaction(groupBy, from, to);
    }

    /**
     * A satisfaction survey as the customer's after-sales card shows it: what it is about, its state, and once answered
     * when and the rating; {@code availableActions} offers {@code RENEW_LINK} while the contact may still answer.
     */
    record SurveyView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SatisfactionSurveys.Occasion occasion,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                              description = "The complaint closed or the order accepted the survey asks about")
                      UUID subjectId,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ConfirmationState state,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant sentAt, Instant expiresAt,
                      @Schema(description = "Whether the link went to the contact by e-mail; if not, pass a new link on")
                      boolean emailed,
                      Instant answeredAt,
                      @Schema(description = "1 to 5, once answered") Integer rating, String comment,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Survey.Action> availableActions) {

        static SurveyView of(Survey v) {
            ConfirmationView c = v.confirmation();
            boolean answered = c.state().isAnswered();
            return new SurveyView(v.id(), v.occasion(), v.subjectId(), c.state(), c.sentAt(), c.expiresAt(),
                    v.email() != null && v.email().emailed(), answered ? c.answeredAt() : null,
                    answered ? c.rating() : null, answered ? c.comment() : null,
                    v.availableActions().stream().sorted().toList());
        }
    }

    @Operation(summary = "A customer's satisfaction surveys, newest first, as its after-sales card shows them (state, "
            + "when sent and answered, the rating), optionally only the one about a complaint or an order (subjectId); "
            + "the id is the one to ask a new link with. 404 when the customer is outside your scope (after-sales: the "
            + "customers you serve as their after-sales owner, or the one whose complaint you handle, with its subjectId)")
    @GetMapping("/api/v1/satisfaction/surveys")
    @Refuses(404)
    CursorPage<SurveyView> surveys(@RequestParam UUID customerId, @RequestParam(required = false) UUID subjectId,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer size) {
        return surveys.page(customerId, subjectId, cursor, CursorPage.size(size)).map(SurveyView::of);
    }

    @Operation(summary = "A fresh link to a satisfaction survey the contact has not answered, for you to pass on by "
            + "phone or WeChat (a contact without an e-mail address gets it no other way); every earlier link stops "
            + "working. 404 when the survey's customer is outside your scope (after-sales: as for reading it); 422 once it "
            + "can no longer be answered")
    @PostMapping("/api/v1/satisfaction/surveys/{id}/link")
    @Refuses(422)
    SentLink.Answer renewSurveyLink(@PathVariable UUID id) {
        return SentLink.Answer.of(surveys.renewLink(id));
    }

    private ComplaintView view(Complaint c) {
        Complaint.RootCause rc = c.rootCauseAnalysis();
        return new ComplaintView(c.id(), c.code(), c.customerId(), c.customerName(), c.contactId(), c.productLine(),
                c.category(), c.severity(), c.receivedVia(), c.description(), c.status(), c.handlerId(), c.receivedAt(),
                c.levelOne(), c.repeatOf(), c.responseDueAt(), c.resolutionDueAt(), c.slaState(queries.now()),
                c.firstResponse(), c.firstResponseAt(), c.whys(), rc.rootCause(), rc.correctiveAction(),
                rc.correctiveOwnerId(), rc.correctiveDueOn(), rc.preventiveAction(), rc.preventiveOwnerId(),
                rc.preventiveDueOn(), c.resolution(), c.feedbackAt(), c.ratingConfirmationId(), c.rating(),
                c.ratingComment(), c.noRatingReason(), c.closedAt(),
                c.availableActions(access.actor(c)).stream().sorted().toList(), c.version());
    }
}

package com.lead2cash.customer.internal.needs;

import com.lead2cash.platform.OwnDateRange;
import com.lead2cash.confirmation.SentLink;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DocumentLanguage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Needs-analysis reports over the API (SPEC §6): write a version, list and read them, send one for confirmation. */
@RestController
@Tag(name = "Needs analyses")
@PreAuthorize(CustomerAccess.READER_ROLES)
class NeedsAnalysisApiController {

    /** SPEC §6, plus the contacts named in the decision chain (null: those with a role in it). */
    record NeedsRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @OwnDateRange Instant interviewedAt,
                        String background,
                        String currentState, List<String> painPoints, String goals, String budget,
                        String decisionProcess, List<UUID> decisionContactIds, String customerWords) {

        NeedsAnalysisDraft draft() {
            return new NeedsAnalysisDraft(interviewedAt, background, currentState, painPoints, goals, budget,
                    decisionProcess, decisionContactIds, customerWords);
        }
    }

    /** To whom, and in which language the document and e-mail are written (the contact's own when absent). */
    record SendRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID contactId,
                       @Schema(description = DocumentLanguage.API_DESCRIPTION_TO_CONTACT) String locale) {
    }

    private final NeedsAnalysisService service;
    private final NeedsAnalysisViews views;

    NeedsAnalysisApiController(NeedsAnalysisService service, NeedsAnalysisViews views) {
        this.service = service;
        this.views = views;
    }

    @Operation(summary = "Write the customer's needs-analysis report: the first version, or the next one, which "
            + "supersedes the current version and its open confirmation (C6 runs from the interview to the sending)")
    @PostMapping("/api/v1/customers/{id}/needs-analyses")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<NeedsAnalysisViews.NeedsView> write(@PathVariable UUID id, @RequestBody NeedsRequest body) {
        NeedsAnalysisViews.NeedsView view = views.of(service.write(id, body.draft()).analysis());
        return ResponseEntity.created(URI.create("/api/v1/needs-analyses/" + view.id())).body(view);
    }

    @Operation(summary = "Every version of the customer's needs-analysis reports, newest first")
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/api/v1/customers/{id}/needs-analyses")
    CursorPage<NeedsAnalysisViews.NeedsView> list(@PathVariable UUID id) {
        return new CursorPage<>(service.versions(id).stream().map(w -> views.of(w.analysis())).toList(), null);
    }

    @Operation(summary = "One version of a needs-analysis report with its confirmations")
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/api/v1/needs-analyses/{id}")
    NeedsAnalysisViews.NeedsView get(@PathVariable UUID id) {
        return views.of(service.version(id).analysis());
    }

    @Operation(summary = "Send the current version to a contact of the customer for written confirmation "
            + "(e-mail with a signed link, and the link for a QR code); meets the C6 deadline")
    @PostMapping("/api/v1/needs-analyses/{id}/send")
    SentLink.Answer send(@PathVariable UUID id, @RequestBody SendRequest body) {
        return SentLink.Answer.of(service.send(id, body.contactId(), DocumentLanguage.named(body.locale())));
    }
}

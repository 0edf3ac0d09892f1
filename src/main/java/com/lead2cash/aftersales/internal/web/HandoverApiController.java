package com.lead2cash.aftersales.internal.web;

import com.lead2cash.aftersales.internal.AftersalesAccess;
import com.lead2cash.aftersales.internal.AftersalesQueries;
import com.lead2cash.aftersales.internal.HandoverService;
import com.lead2cash.aftersales.internal.domain.Handover;
import com.lead2cash.aftersales.internal.domain.HandoverStatus;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.VersionedAction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Handovers over the API (H1): the inbox, the checklist, handing over, accepting or returning with questions. */
@RestController
@Tag(name = "Handovers")
@PreAuthorize(AftersalesAccess.READER_ROLES)
public class HandoverApiController {

    record HandoverChecklistRequest(String background, String serviceNeeds, String specialAgreements,
                                    String keyContacts, String openIssues, String documents, Long version)
            implements Versioned {
    }

    record HandOverRequest(UUID serviceOwnerId, Long version) implements Versioned {
    }

    record HandoverReturnRequest(String questions, Long version) implements Versioned {
    }

    record HandoverView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID contractId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String contractNumber,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String customerName,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID repId, UUID serviceOwnerId,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) HandoverStatus status,
                        String background, String serviceNeeds, String specialAgreements, String keyContacts,
                        String openIssues, String documents, String returnQuestions,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int returnCount,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant openedAt, Instant submittedAt,
                        Instant acceptedAt, Instant returnedAt,
                        @Schema(description = "The day the contract was terminated (合同终止): the handover stopped where "
                                + "it was. Null while the contract stands.") java.time.LocalDate contractTerminatedOn,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Handover.Action> availableActions,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version) {
    }

    private final HandoverService service;
    private final AftersalesQueries queries;
    private final AftersalesAccess access;

    HandoverApiController(HandoverService service, AftersalesQueries queries, AftersalesAccess access) {
        this.service = service;
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "Handovers in your scope (as the rep or the after-sales owner), newest first")
    @GetMapping("/api/v1/handovers")
    CursorPage<HandoverView> list(@RequestParam(required = false) HandoverStatus status,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) Integer size) {
        return queries.handovers(status, cursor, size).map(this::view);
    }

    @Operation(summary = "One handover with its checklist and what you may do next")
    @GetMapping("/api/v1/handovers/{id}")
    HandoverView get(@PathVariable UUID id) {
        return view(service.get(id));
    }

    @Operation(summary = "Write the handover checklist (background, service needs, special agreements and promises, "
            + "key contacts, open issues, documents) while it is the rep's")
    @PutMapping("/api/v1/handovers/{id}/checklist")
    @PreAuthorize(AftersalesAccess.HANDOVER_SELLER_ROLES)
    HandoverView checklist(@PathVariable UUID id, @RequestBody HandoverChecklistRequest body) {
        return view(service.writeChecklist(id, new Handover.Checklist(body.background(), body.serviceNeeds(),
                body.specialAgreements(), body.keyContacts(), body.openIssues(), body.documents()), body.version()));
    }

    @Operation(summary = "Hand the customer over to an after-sales owner (H1); their window to accept starts")
    @PostMapping("/api/v1/handovers/{id}/hand-over")
    @PreAuthorize(AftersalesAccess.HANDOVER_SELLER_ROLES)
    HandoverView handOver(@PathVariable UUID id, @RequestBody HandOverRequest body) {
        return view(service.handOver(id, body.serviceOwnerId(), body.version()));
    }

    @Operation(summary = "Accept the handover as its after-sales owner (H1): you serve the customer from now on")
    @PostMapping("/api/v1/handovers/{id}/accept")
    @PreAuthorize(AftersalesAccess.HANDOVER_OWNER_ROLES)
    HandoverView accept(@PathVariable UUID id, @RequestBody VersionedAction body) {
        return view(service.accept(id, body.version()));
    }

    @Operation(summary = "Return the handover to the rep with your questions (H1); the rep's window runs again")
    @PostMapping("/api/v1/handovers/{id}/return")
    @PreAuthorize(AftersalesAccess.HANDOVER_OWNER_ROLES)
    HandoverView returnIt(@PathVariable UUID id, @RequestBody HandoverReturnRequest body) {
        return view(service.returnWithQuestions(id, body.questions(), body.version()));
    }

    private HandoverView view(Handover h) {
        Handover.Checklist c = h.checklist();
        return new HandoverView(h.id(), h.code(), h.contractId(), h.contractNumber(), h.customerId(), h.customerName(),
                h.repId(), h.serviceOwnerId(), h.status(), c.background(), c.serviceNeeds(), c.specialAgreements(),
                c.keyContacts(), c.openIssues(), c.documents(), h.returnQuestions(), h.returnCount(), h.openedAt(),
                h.submittedAt(), h.acceptedAt(), h.returnedAt(), h.contractTerminatedOn(),
                h.availableActions(access.actor(h)).stream().sorted().toList(), h.version());
    }
}

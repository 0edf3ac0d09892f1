package com.lead2cash.quote.internal.web;

import com.lead2cash.confirmation.SentLink;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.web.Refuses;
import com.lead2cash.quote.internal.minutes.MilestoneType;
import com.lead2cash.quote.internal.minutes.MinutesAction;
import com.lead2cash.quote.internal.minutes.MinutesActor;
import com.lead2cash.quote.internal.minutes.MinutesContent;
import com.lead2cash.quote.internal.minutes.MinutesStatus;
import com.lead2cash.quote.internal.minutes.NegotiationMinutes;
import com.lead2cash.quote.internal.minutes.NegotiationMinutesService;
import com.lead2cash.quote.internal.minutes.PaymentMilestone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Negotiation minutes over the API (Q3): write a version, read, send to a contact for written confirmation. */
@RestController
@Tag(name = "Negotiation minutes")
@PreAuthorize(QuoteApiController.READER_ROLES)
class MinutesApiController {

    record MinutesMilestone(MilestoneType type, BigDecimal percent, BigDecimal amount, String dueCondition) {
    }

    /** Q3: agreed price, payment milestones (type, percent or amount, due condition), delivery standard, liability, open issues, attendees on both sides. */
    record MinutesRequest(UUID opportunityId, LocalDate heldOn, BigDecimal agreedPrice, List<MinutesMilestone> milestones,
                          String deliveryStandard, String liability, List<String> openIssues,
                          List<String> ourAttendees, List<String> customerAttendees) {
        MinutesContent content() {
            return MinutesContent.validated(heldOn, agreedPrice, milestones == null ? null : milestones.stream()
                            .map(m -> m == null ? null : new PaymentMilestone(m.type(), m.percent(), m.amount(), m.dueCondition()))
                            .toList(),
                    deliveryStandard, liability, openIssues, ourAttendees, customerAttendees);
        }
    }

    record MinutesMilestoneView(MilestoneType type, BigDecimal percent, BigDecimal amount, String dueCondition) {
    }

    record MinutesView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, UUID opportunityId, UUID customerId,
                       int revision, MinutesStatus status, LocalDate heldOn, BigDecimal agreedPrice, String currency,
                       List<MinutesMilestoneView> milestones, String deliveryStandard, String liability, List<String> openIssues,
                       List<String> ourAttendees, List<String> customerAttendees, UUID authorId, UUID confirmationId,
                       Instant sentAt, Instant answeredAt, Set<MinutesAction> actions, long version) {
        /** The version as the caller sees it: {@code actions} is what they may do with it now. */
        static MinutesView of(NegotiationMinutes m, MinutesActor actor) {
            return new MinutesView(m.id(), m.opportunityId(), m.customerId(), m.revision(), m.status(), m.heldOn(),
                    m.agreedPrice(), m.currency(), m.milestones().stream().map(p -> new MinutesMilestoneView(p.type(), p.percent(),
                    p.worth(), p.dueCondition())).toList(), m.deliveryStandard(), m.liability(),
                    m.openIssues(), m.ourAttendees(), m.customerAttendees(), m.authorId(), m.confirmationId(), m.sentAt(),
                    m.answeredAt(), m.availableActions(actor), m.version());
        }
    }

    record MinutesSendRequest(UUID contactId, @Schema(description = DocumentLanguage.API_DESCRIPTION_TO_CONTACT) String locale) {
    }

    /** {confirmation: {id, state: SENT, url, expiresAt}}, and the minutes now SENT. */
    record MinutesSentBody(SentLink confirmation, MinutesView minutes) {
    }

    private final NegotiationMinutesService service;

    MinutesApiController(NegotiationMinutesService service) {
        this.service = service;
    }

    @Operation(summary = "Q3: write the minutes of a negotiation (the first version, or the next one superseding the current); "
            + "409 when another version was written while this one was on its way")
    @PostMapping("/api/v1/negotiation-minutes")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses({404, 409})
    ResponseEntity<MinutesView> write(@RequestBody MinutesRequest body) {
        NegotiationMinutes written = service.write(body.opportunityId(), body.content());
        MinutesView view = MinutesView.of(written, service.actor(written.opportunityId()));
        return ResponseEntity.created(URI.create("/api/v1/negotiation-minutes/" + view.id())).body(view);
    }

    @Operation(summary = "Every version of an opportunity's negotiation minutes, newest first")
    @GetMapping("/api/v1/negotiation-minutes")
    @Refuses(404)
    CursorPage<MinutesView> list(@RequestParam UUID opportunityId) {
        List<NegotiationMinutes> versions = service.ofOpportunity(opportunityId);
        MinutesActor actor = service.actor(opportunityId);
        return new CursorPage<>(versions.stream().map(m -> MinutesView.of(m, actor)).toList(), null);
    }

    @Operation(summary = "One version of negotiation minutes")
    @GetMapping("/api/v1/negotiation-minutes/{id}")
    MinutesView get(@PathVariable UUID id) {
        NegotiationMinutes m = service.visible(id);
        return MinutesView.of(m, service.actor(m.opportunityId()));
    }

    @Operation(summary = "Q3: send the minutes to a contact of the customer for written confirmation")
    @PostMapping("/api/v1/negotiation-minutes/{id}/send")
    MinutesSentBody send(@PathVariable UUID id, @RequestBody MinutesSendRequest body) {
        NegotiationMinutesService.Sent sent = service.send(id, body.contactId(), DocumentLanguage.named(body.locale()));
        var c = sent.confirmation();
        return new MinutesSentBody(SentLink.of(c), MinutesView.of(sent.minutes(), service.actor(sent.minutes().opportunityId())));
    }
}

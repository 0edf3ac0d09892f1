package com.lead2cash.confirmation.internal.web;

import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.confirmation.SentLink;
import com.lead2cash.confirmation.internal.ConfirmationService;
import com.lead2cash.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customer confirmations over the API, for the rep within their data scope. */
@RestController
@Tag(name = "Customer confirmations")
public class ConfirmationApiController {

    /** A confirmation as the API shows it; {@code answer} is null until the contact answered. */
    record ConfirmationBody(UUID id, Purpose purpose, String subjectType, String subjectId, int subjectVersion,
                            ConfirmationState state, String title, RecipientBody recipient, Instant sentAt,
                            Instant expiresAt, Instant viewedAt, String documentSha256, AnswerBody answer) {

        static ConfirmationBody of(ConfirmationView v) {
            return new ConfirmationBody(v.id(), v.purpose(), v.subject().type(), v.subject().id(),
                    v.subject().version(), v.state(), v.title(),
                    new RecipientBody(v.recipientContactId(), v.recipientName(), v.recipientEmail()), v.sentAt(),
                    v.expiresAt(), v.viewedAt(), v.documentSha256(),
                    v.answeredAt() == null ? null : new AnswerBody(v.answeredName(), v.nameMatchesRecipient(),
                            v.answeredAt(), v.answeredFrom(), v.answeredUserAgent(), v.rating(), v.comment(),
                            v.documentSha256()));
        }
    }

    record RecipientBody(UUID contactId, String name, String email) {
    }

    /** Who answered (the name as typed), when, from where, and the hash of the version they answered on. */
    record AnswerBody(String name, boolean nameMatchesRecipient, Instant at, String fromAddress, String userAgent,
                      Integer rating, String comment, String documentSha256) {
    }

    record LinkRequest(Boolean email) {
    }

    private final ConfirmationService service;

    ConfirmationApiController(ConfirmationService service) {
        this.service = service;
    }

    @Operation(summary = "One customer confirmation: state, recipient and, once answered, who, when, from where and on which version")
    @GetMapping("/api/v1/confirmations/{id}")
    ConfirmationBody get(@PathVariable UUID id) {
        return ConfirmationBody.of(service.visible(id));
    }

    @Operation(summary = "A new link to an open confirmation (to show as a QR code, or e-mail again with email=true); "
            + "earlier links keep working")
    @PostMapping("/api/v1/confirmations/{id}/links")
    SentLink.Answer link(@PathVariable UUID id, @RequestBody(required = false) LinkRequest body) {
        boolean email = body != null && Boolean.TRUE.equals(body.email());
        return SentLink.Answer.of(service.reissue(id, CurrentUser.require().id(), email));
    }
}

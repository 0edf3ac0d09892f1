package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.capture.WebToLead;
import com.lead2cash.platform.IdempotencyKey;
import com.lead2cash.platform.web.RequestBodies;
import com.lead2cash.platform.web.SingleHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public web-to-lead endpoint: no user session, an {@code X-Api-Key} per source instead. It
 * answers only what a website needs — the lead's code and status — and nothing about other records:
 * no id, no grade, no owner, no duplicates.
 */
@RestController
@Tag(name = "Web-to-lead (public)")
public class PublicLeadController {

    static final String PATH = "/api/v1/public/leads";

    /**
     * A lead as a website sends it (SPEC §6: the shape of {@code POST /api/v1/leads}), without the decision about
     * duplicates a signed-in user takes; the source, left out, is the key's. A field it does not have is ignored
     * (docs/decisions/0014: a website's form may send more than the lead takes), so the document allows more.
     */
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE, description = "A lead as a website's "
            + "form sends it; a field the lead does not have is ignored (unlike every other request, where it is "
            + "400 error.unknownField)")
    record PublicLeadRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String companyName,
                             String contactName, String contactTitle, String phone, String email, String industry,
                             String region, String productLine,
                             @Schema(description = "Left out: the source the API key was issued for") LeadSource source,
                             String sourceDetail, BigDecimal budget, LocalDate purchaseDate, Boolean decisionMakerKnown,
                             String decisionChainNotes, String uscc, String notes) {

        LeadApiController.LeadRequest lead() {
            return new LeadApiController.LeadRequest(companyName, contactName, contactTitle, phone, email, industry,
                    region, productLine, source, sourceDetail, budget, purchaseDate, decisionMakerKnown,
                    decisionChainNotes, uscc, notes, null, null, null);
        }
    }

    /** All a public submission learns: the lead's code to quote, and that it was received. */
    record PublicLead(String code, LeadStatus status) {
    }

    private final WebToLead webToLead;
    private final tools.jackson.databind.json.JsonMapper json;
    private final RequestBodies bodies;

    PublicLeadController(WebToLead webToLead, tools.jackson.databind.json.JsonMapper json, RequestBodies bodies) {
        this.webToLead = webToLead;
        this.json = json;
        this.bodies = bodies;
    }

    @Operation(summary = "Submit a lead from a website form: 201 new, 200 the same lead for a repeated Idempotency-Key with the same body, 401, 409 (the same Idempotency-Key while its first request is in flight: retry after a moment), 422 (also: the key reused with another body), 429")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json",
            schema = @Schema(implementation = PublicLeadRequest.class),
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A website form", value = """
                    {"companyName": "苏州明远精密机械有限公司", "contactName": "李娜", "phone": "13912345678", "email": "li.na@example.com", "industry": "制造业", "region": "江苏省苏州市", "source": "WEBSITE_FORM", "budget": 120000, "purchaseDate": "2027-01-20", "decisionMakerKnown": false, "notes": "官网咨询表单"}""")))
    @PostMapping(PATH)
    @io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "apiKey")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The lead already submitted with this Idempotency-Key")
    @com.lead2cash.platform.web.Refuses({401, 409, 429})
    @com.lead2cash.platform.web.NoLocation("the lead's address is for signed-in users, and a website has no business with it")
    // the header is read by SingleHeader, not @RequestHeader: two headers are not the key their values joined by a comma
    @Parameter(name = IdempotencyKey.HEADER, in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER, required = false,
            schema = @Schema(type = "string"))
    ResponseEntity<PublicLead> submit(@Parameter(hidden = true) // the X-Api-Key, checked before the body is read
                                      @RequestAttribute(PublicLeadKeyCheck.CALLER) WebToLead.Caller caller,
                                      @RequestBody tools.jackson.databind.JsonNode request,
                                      jakarta.servlet.http.HttpServletRequest http) {
        // one key, as sent (400 naming the header when sent twice)
        String idempotencyKey = SingleHeader.of(http, IdempotencyKey.HEADER);
        // a website's form is corrected in one go: every refused value and every other problem answered together
        RequestBodies.Read<PublicLeadRequest> read = bodies.readCollecting(request, PublicLeadRequest.class);
        LeadApiController.LeadRequest body = read.value().lead();
        if (!read.refused().isEmpty()) {
            throw webToLead.refusal(caller, body.draft(), read.refused());
        }
        // the body as read, field by field: a retry matches whatever its spacing or field order
        Optional<IdempotencyKey> key = IdempotencyKey.of(idempotencyKey, json, body,
                "lead.idempotencyKey.invalid");
        WebToLead.Submission s = webToLead.submit(caller, body.draft(), key.orElse(null));
        // a repeat answers the body first answered (the status then), never where the lead stands now
        PublicLead answer = new PublicLead(s.lead().code(), s.answered());
        // no Location: the lead's address is for signed-in users, and a website has no business with it
        return ResponseEntity.status(s.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }
}

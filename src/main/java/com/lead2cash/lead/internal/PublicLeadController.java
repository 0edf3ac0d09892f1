package com.lead2cash.lead.internal;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.platform.RequestRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public web-to-lead endpoint: no user session, an {@code X-Api-Key} per source instead. It
 * answers only what a website needs — never the grade reasons or who owns the lead.
 */
@RestController
@Tag(name = "Web-to-lead (public)")
class PublicLeadController {

    /** What a public submission learns about its lead. */
    record PublicLead(UUID id, String code, Grade grade, LeadStatus status, List<LeadViews.DuplicateView> duplicates) {
    }

    private final WebToLead webToLead;

    PublicLeadController(WebToLead webToLead) {
        this.webToLead = webToLead;
    }

    @Operation(summary = "Submit a lead from a website form: 201 new, 200 the same lead for a repeated Idempotency-Key, 401, 422, 429")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A website form", value = """
                    {"companyName": "苏州明远精密机械有限公司", "contactName": "李娜", "phone": "13912345678", "email": "li.na@example.com", "industry": "制造业", "region": "江苏省苏州市", "source": "WEBSITE_FORM", "budget": 120000, "purchaseDate": "2027-01-20", "decisionMakerKnown": false, "notes": "官网咨询表单"}""")))
    @PostMapping("/api/v1/public/leads")
    @io.swagger.v3.oas.annotations.security.SecurityRequirement(name = "apiKey")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The lead already submitted with this Idempotency-Key")
    @com.lead2cash.platform.web.Refuses({401, 409, 429})
    ResponseEntity<PublicLead> submit(@Parameter(hidden = true) // documented as the apiKey security scheme
                                      @RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                      @RequestBody LeadApiController.LeadRequest body) {
        WebToLead.Caller caller = webToLead.verify(apiKey)
                .orElseThrow(() -> new RequestRefusedException(401, null, "lead.apiKey.rejected"));
        if (!webToLead.admit(caller)) {
            throw new RequestRefusedException(429, 60, "lead.apiKey.rateLimited");
        }
        WebToLead.Submission s = webToLead.submit(caller, body.draft(), idempotencyKey);
        PublicLead answer = new PublicLead(s.lead().id(), s.lead().code(), s.lead().grade(), s.lead().status(),
                s.duplicates().stream().map(LeadViews.DuplicateView::of).toList());
        if (s.repeated()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(URI.create("/api/v1/leads/" + answer.id())).body(answer);
    }
}

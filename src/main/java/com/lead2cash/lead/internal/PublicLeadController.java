package com.lead2cash.lead.internal;

import com.lead2cash.lead.LeadStatus;
import com.lead2cash.platform.RequestRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public web-to-lead endpoint: no user session, an {@code X-Api-Key} per source instead. It
 * answers only what a website needs — the lead's code and status — and nothing about other records:
 * no id, no grade, no owner, no duplicates.
 */
@RestController
@Tag(name = "Web-to-lead (public)")
class PublicLeadController {

    /** All a public submission learns: the lead's code to quote, and that it was received. */
    record PublicLead(String code, LeadStatus status) {
    }

    private final WebToLead webToLead;

    PublicLeadController(WebToLead webToLead) {
        this.webToLead = webToLead;
    }

    @Operation(summary = "Submit a lead from a website form: 201 new, 200 the same lead for a repeated Idempotency-Key, 401, 422, 429")
    @PostMapping("/api/v1/public/leads")
    ResponseEntity<PublicLead> submit(@Parameter(description = "key issued by an administrator for one source")
                                      @RequestHeader(value = "X-Api-Key", required = false) String apiKey,
                                      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                                      @RequestBody LeadApiController.LeadRequest body) {
        WebToLead.Caller caller = webToLead.verify(apiKey)
                .orElseThrow(() -> new RequestRefusedException(401, null, "lead.apiKey.rejected"));
        if (!webToLead.admit(caller)) {
            throw new RequestRefusedException(429, 60, "lead.apiKey.rateLimited");
        }
        WebToLead.Submission s = webToLead.submit(caller, body.draft(), idempotencyKey);
        PublicLead answer = new PublicLead(s.lead().code(), s.lead().status());
        // no Location: the lead's address is for signed-in users, and a website has no business with it
        return ResponseEntity.status(s.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }
}

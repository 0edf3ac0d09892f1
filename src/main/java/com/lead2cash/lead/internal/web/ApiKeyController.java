package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.internal.capture.WebToLead;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators issue and revoke web-to-lead API keys; a key's secret is shown once. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class ApiKeyController {

    private final WebToLead webToLead;

    ApiKeyController(WebToLead webToLead) {
        this.webToLead = webToLead;
    }

    /** The keys a page at a time, newest first, read as the API reads them (decision 0063). */
    @GetMapping("/admin/lead-api-keys")
    String list(@RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("page", webToLead.keys(cursor, null));
        model.addAttribute("sources", LeadSource.values());
        // htmx asks for the next page only: answer the rows, not the whole screen
        return htmx != null && cursor != null ? "lead/api-keys :: rows" : "lead/api-keys";
    }

    @PostMapping("/admin/lead-api-keys")
    String issue(@RequestParam String name, @RequestParam(required = false) LeadSource source,
                 @RequestParam(defaultValue = "60") int ratePerMinute,
                 RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            WebToLead.IssuedKey issued = webToLead.issue(name, source, ratePerMinute);
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            Flash.success(redirect, "lead.apiKey.flash.issued", issued.key().name());
        } catch (com.lead2cash.platform.DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/admin/lead-api-keys";
    }

    @PostMapping("/admin/lead-api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        webToLead.revoke(id);
        Flash.success(redirect, "lead.apiKey.flash.revoked");
        return "redirect:/admin/lead-api-keys";
    }

    /** The same over the API. */
    @RestController
    @Tag(name = "Web-to-lead keys")
    @PreAuthorize("hasRole('ADMIN')")
    static class Api {

        record IssueRequest(@io.swagger.v3.oas.annotations.media.Schema(
                                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) String name,
                            @io.swagger.v3.oas.annotations.media.Schema(
                                    requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) LeadSource source,
                            @io.swagger.v3.oas.annotations.media.Schema(description = "Left out: 60") Integer ratePerMinute) {
        }

        record IssuedKey(UUID id, String name, LeadSource source, int ratePerMinute, String apiKey) {
        }

        private final WebToLead webToLead;

        Api(WebToLead webToLead) {
            this.webToLead = webToLead;
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Web-to-lead API keys (never their secrets), a page at a time, newest first")
        @GetMapping("/api/v1/lead-api-keys")
        CursorPage<WebToLead.ApiKey> list(@RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Integer size) {
            return webToLead.keys(cursor, size);
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Issue a web-to-lead API key for one source; the secret is in this answer only")
        @PostMapping("/api/v1/lead-api-keys")
        @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
        @com.lead2cash.platform.web.NoLocation("a key has no address of its own; it is read in the list of keys "
                + "(GET /api/v1/lead-api-keys, never with its secret) and revoked at DELETE /api/v1/lead-api-keys/{id}")
        ResponseEntity<IssuedKey> issue(@RequestBody IssueRequest body) {
            WebToLead.IssuedKey k = webToLead.issue(body.name(), body.source(),
                    body.ratePerMinute() == null ? 60 : body.ratePerMinute());
            return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedKey(k.key().id(), k.key().name(),
                    k.key().source(), k.key().ratePerMinute(), k.secret()));
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Revoke a web-to-lead API key")
        @DeleteMapping("/api/v1/lead-api-keys/{id}")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        void revoke(@PathVariable UUID id) {
            webToLead.revoke(id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ApiKeyNavigation {

        @Bean
        NavigationEntry apiKeysNavigation() {
            return new NavigationEntry("lead.apiKey.nav", "/admin/lead-api-keys", 920, Set.of(Role.ADMIN));
        }
    }
}

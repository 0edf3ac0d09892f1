package com.lead2cash.contract.internal.web;

import com.lead2cash.platform.web.VersionedAction;
import com.lead2cash.contract.internal.ContractAccess;
import com.lead2cash.contract.internal.template.ContractTemplate;
import com.lead2cash.contract.internal.template.ContractTemplates;
import com.lead2cash.contract.internal.template.TemplateClauseText;
import com.lead2cash.contract.internal.template.TemplateState;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contract templates over the API (合同模板): everyone who reads contracts reads every version (a
 * contract names the version it was drafted on); legal and administrators create templates, write a
 * new version as a draft and publish it — the version in use before retires and stays readable.
 */
@RestController
@Tag(name = "Contract templates")
@PreAuthorize(ContractAccess.READER_ROLES)
class ContractTemplateApiController {

    record TemplateClauseBody(String sectionKey, String heading, String body) {
        TemplateClauseText text() {
            return new TemplateClauseText(sectionKey, heading, body);
        }
    }

    record TemplateCreateRequest(String code, String name, List<TemplateClauseBody> clauses, String note) {
    }

    record TemplateUpdateRequest(String name, List<TemplateClauseBody> clauses, String note, Long version)
            implements Versioned {
    }

    record TemplateView(@Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
                        @Schema(requiredMode = RequiredMode.REQUIRED) String code,
                        @Schema(requiredMode = RequiredMode.REQUIRED) String name,
                        @Schema(requiredMode = RequiredMode.REQUIRED) int templateVersion,
                        @Schema(requiredMode = RequiredMode.REQUIRED) TemplateState state, String note,
                        @Schema(requiredMode = RequiredMode.REQUIRED) List<TemplateClauseBody> clauses,
                        Instant createdAt, Instant publishedAt,
                        @Schema(requiredMode = RequiredMode.REQUIRED) long version) {
        static TemplateView of(ContractTemplate t) {
            return new TemplateView(t.id(), t.code(), t.name(), t.templateVersion(), t.state(), t.note(),
                    t.clauses().stream().map(c -> new TemplateClauseBody(c.sectionKey(), c.heading(), c.body())).toList(),
                    t.createdAt(), t.publishedAt(), t.version() == null ? 0 : t.version());
        }
    }

    private final ContractTemplates templates;

    ContractTemplateApiController(ContractTemplates templates) {
        this.templates = templates;
    }

    @Operation(summary = "Every contract template with all its versions (newest version first per template)")
    @GetMapping("/api/v1/contract-templates")
    List<TemplateView> list() {
        return templates.all().values().stream().flatMap(List::stream).map(TemplateView::of).toList();
    }

    @Operation(summary = "One template version with its clauses and placeholders")
    @GetMapping("/api/v1/contract-templates/{id}")
    TemplateView get(@PathVariable UUID id) {
        return TemplateView.of(templates.get(id));
    }

    @Operation(summary = "Create a template (legal or administrators): its first version, as a draft, with every core clause")
    @PostMapping("/api/v1/contract-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    ResponseEntity<TemplateView> create(@RequestBody TemplateCreateRequest body) {
        ContractTemplate t = templates.create(body.code(), body.name(), clauses(body.clauses()), body.note());
        return ResponseEntity.created(URI.create("/api/v1/contract-templates/" + t.id())).body(TemplateView.of(t));
    }

    @Operation(summary = "Start the next version of a template as a draft copy of its newest version (legal or administrators)")
    @PostMapping("/api/v1/contract-templates/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    ResponseEntity<TemplateView> newVersion(@PathVariable UUID id) {
        ContractTemplate t = templates.newVersion(id);
        return ResponseEntity.created(URI.create("/api/v1/contract-templates/" + t.id())).body(TemplateView.of(t));
    }

    @Operation(summary = "Rewrite a draft version: name, clauses (placeholders checked), what changed")
    @PutMapping("/api/v1/contract-templates/{id}")
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    TemplateView edit(@PathVariable UUID id, @RequestBody TemplateUpdateRequest body) {
        return TemplateView.of(templates.edit(id, body.name(), clauses(body.clauses()), body.note(), body.version()));
    }

    @Operation(summary = "Publish a draft version: contracts are drafted on it from now on; the previous version retires")
    @PostMapping("/api/v1/contract-templates/{id}/publish")
    @PreAuthorize(ContractAccess.TEMPLATE_EDITOR_ROLES)
    TemplateView publish(@PathVariable UUID id, @RequestBody VersionedAction body) {
        return TemplateView.of(templates.publish(id, body.version()));
    }

    private static List<TemplateClauseText> clauses(List<TemplateClauseBody> body) {
        return body == null ? null : body.stream().map(c -> c == null ? null : c.text()).toList();
    }
}

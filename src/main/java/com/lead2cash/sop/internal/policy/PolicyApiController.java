package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SOP policy over the API: anyone signed in reads it, only an administrator changes it. */
@RestController
@RequestMapping("/api/v1/policy")
@Tag(name = "SOP policy", description = "Versioned SOP rules (the rule catalogue)")
class PolicyApiController {

    record ParameterDto(String name, String type, String value, String defaultValue) {
    }

    /** {@code inForce}: whether a module enforces the rule; one not in force takes no changes (422). */
    record RuleDto(String id, String stage, List<String> sources, String name, String description,
                   String windowParameter, boolean inForce, List<ParameterDto> parameters) {
    }

    record ChangeDto(String rule, String parameter, String oldValue, String newValue) {
    }

    /**
     * {@code createdBy}: who made the change (for an approved proposal, who proposed it); {@code approvedBy}: who
     * approved it, for a version applied from an approved proposal, else null.
     */
    record PolicyDto(long version, OffsetDateTime createdAt, String createdBy,
                     @Schema(description = APPROVED_BY) String approvedBy, String reason,
                     List<RuleDto> rules, List<ChangeDto> changes) {
    }

    /** A version in the history; {@code createdBy} and {@code approvedBy} as in {@link PolicyDto}. */
    record VersionDto(long version, OffsetDateTime createdAt, String createdBy,
                      @Schema(description = APPROVED_BY) String approvedBy, String reason, int changes) {
    }

    static final String APPROVED_BY = "Who approved the proposal this version applied (createdBy proposed it); "
            + "null for a direct change";

    /** A change on top of the current version; {@code version}, when sent, is the version it was based on (409 if stale). */
    record ChangeRequest(@NotBlank String reason, @NotEmpty List<@Valid ChangeItem> changes, Long version) {
    }

    /** The PUT form: an update of the policy, so the version it was read at is required. */
    record PolicyUpdate(@NotBlank String reason, @NotEmpty List<@Valid ChangeItem> changes, Long version)
            implements com.lead2cash.platform.Versioned {
    }

    private final PolicyService policy;
    private final MessageSource messages;
    private final PolicyProposalService proposals;

    record ProposalCreated(java.util.UUID id, String state) {
    }

    PolicyApiController(PolicyService policy, MessageSource messages, PolicyProposalService proposals) {
        this.proposals = proposals;
        this.policy = policy;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The current policy: every rule with its parameters, values, defaults and source")
    PolicyDto current() {
        return dto(policy.current());
    }

    @GetMapping("/versions")
    @Operation(summary = "The policy versions, a page at a time, newest first")
    CursorPage<VersionDto> versions(@RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer size) {
        return policy.versions(cursor, size).map(v -> new VersionDto(v.version(),
                v.createdAt().atOffset(ZoneOffset.UTC), v.createdByName(), v.approvedByName(), v.reason(), v.changes()));
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One policy version with its values and what it changed")
    PolicyDto version(@PathVariable long version) {
        return dto(policy.version(version));
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @com.lead2cash.platform.web.Refuses(409)
    @Operation(summary = "Change parameters with a reason, creating a new version on top of the version read "
            + "(version or If-Match required: 428 without, 409 when stale)")
    ResponseEntity<PolicyDto> replace(@Valid @RequestBody PolicyUpdate request) {
        return change(new ChangeRequest(request.reason(), request.changes(), request.version()));
    }

    @PostMapping({"", "/versions"})
    @PreAuthorize("hasRole('ADMIN')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @com.lead2cash.platform.web.Refuses(409)
    @Operation(summary = "Change parameters with a reason; creates a new version (422 with field errors when refused)")
    ResponseEntity<PolicyDto> change(@Valid @RequestBody ChangeRequest request) {
        PolicyVersion saved = policy.change(request.reason(), ChangeItem.changes(request.changes()), CurrentUser.require(),
                request.version());
        return ResponseEntity.created(URI.create("/api/v1/policy/versions/" + saved.version())).body(dto(saved));
    }

    @PostMapping("/proposals")
    @PreAuthorize("hasRole('ADMIN')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @com.lead2cash.platform.web.Refuses(409)
    @Operation(summary = "Propose a change for approval by the sales director; it becomes a version once approved (202), "
            + "unless a parameter it changes changed before the approval (the approval is refused, 409: propose again)")
    ResponseEntity<ProposalCreated> propose(@Valid @RequestBody ChangeRequest request) {
        java.util.UUID id = proposals.propose(request.reason(), ChangeItem.changes(request.changes()), CurrentUser.require(),
                request.version());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProposalCreated(id, "PENDING"));
    }

    @GetMapping("/proposals")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Recent proposed changes and what became of them")
    List<PolicyProposalService.Proposal> proposals() {
        return proposals.recent();
    }

    private PolicyDto dto(PolicyVersion v) {
        var locale = LocaleContextHolder.getLocale();
        List<RuleDto> rules = RuleCatalog.all().stream().map(r -> new RuleDto(r.id(), r.stage().name(), r.sources(),
                messages.getMessage(r.nameKey(), null, r.id(), locale),
                messages.getMessage(r.descriptionKey(), null, "", locale), r.windowParam(), r.inForce(),
                r.params().stream().map(p -> new ParameterDto(p.name(), p.type().name(), v.text(r.id(), p.name()),
                        p.defaultText())).toList())).toList();
        List<ChangeDto> changes = policy.changes(v.version()).stream()
                .map(c -> new ChangeDto(c.rule(), c.parameter(), c.oldValue(), c.newValue())).toList();
        return new PolicyDto(v.version(), v.createdAt().atOffset(ZoneOffset.UTC), v.createdByName(), v.approvedByName(),
                v.reason(), rules, changes);
    }
}

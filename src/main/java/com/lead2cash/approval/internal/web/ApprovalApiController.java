package com.lead2cash.approval.internal.web;

import com.lead2cash.approval.ApprovalRef;
import com.lead2cash.approval.ApprovalRequest;
import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.Decision;
import com.lead2cash.approval.FlowDefinition;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.approval.internal.ApprovalQueries;
import com.lead2cash.approval.internal.ApprovalService;
import com.lead2cash.approval.internal.Delegations;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Approvals over the API: my pending tasks and submissions, one approval, deciding, delegations. */
@RestController
@Tag(name = "Approvals")
public class ApprovalApiController {

    record DecisionRequest(@NotNull Decision decision, String comment, UUID taskId, Long version) {
    }

    /** An approver rule: {type: ROLE, role} | {type: USER, userId} | {type: MANAGER, levelsUp}. */
    record ApproverBody(@NotNull Type type, Role role, UUID userId, Integer levelsUp) {
        enum Type { ROLE, USER, MANAGER }
    }

    record StepBody(@NotBlank String name, StepMode mode, @NotEmpty List<@Valid ApproverBody> approvers,
                    String slaRuleId) {
    }

    record SubmitRequest(@NotBlank String subjectType, @NotBlank String subjectId, @NotBlank String title,
                         UUID submitterId, @NotEmpty List<@Valid StepBody> steps, Map<String, String> facts) {
    }

    record DelegationRequest(@NotNull UUID delegateId, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                             String note) {
    }

    private final ApprovalService service;
    private final ApprovalQueries queries;
    private final Delegations delegations;

    ApprovalApiController(ApprovalService service, ApprovalQueries queries, Delegations delegations) {
        this.service = service;
        this.queries = queries;
        this.delegations = delegations;
    }

    @Operation(summary = "My approvals: mine=pending (tasks waiting for me, incl. role pools and delegations, oldest first) "
            + "or mine=submitted (my submissions, newest first)")
    @GetMapping("/api/v1/approvals")
    CursorPage<ApprovalQueries.ApprovalSummary> mine(@io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"pending", "submitted"})) 
                                                     @RequestParam(defaultValue = "pending") String mine,
                                                     @RequestParam(required = false) String cursor,
                                                     @RequestParam(required = false) Integer size) {
        UUID me = CurrentUser.require().id();
        return switch (mine) {
            case "pending" -> queries.pendingFor(service.actor(me), cursor, size);
            case "submitted" -> queries.submittedBy(me, cursor, size);
            default -> throw new FieldValidationException("mine", "approval.list.mine.invalid");
        };
    }

    @Operation(summary = "One approval with its current round's steps and tasks, its history and what I may do with it "
            + "(availableActions) (404 unless involved, director or administrator)")
    @GetMapping("/api/v1/approvals/{id}")
    ApprovalView approval(@PathVariable UUID id) {
        return service.viewFor(id, CurrentUser.require().id());
    }

    @Operation(summary = "Decide on my pending task of the current step: APPROVE, REJECT or SEND_BACK (a comment is "
            + "required for the last two); 422 when nothing is pending for me (the approval ended, my task is not reached "
            + "yet); 409 when someone decided my part first or the version sent is stale")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "Approve", value = """
                    {"decision": "APPROVE", "comment": "折扣在权限内，同意", "version": 2}""")))
    @PostMapping("/api/v1/approvals/{id}/decision")
    ApprovalView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest body) {
        return service.decide(id, CurrentUser.require().id(), body.decision(), body.comment(), body.taskId(),
                body.version());
    }

    @Operation(summary = "Resubmit after a send-back: starts again from step 1 in the next round (submitter only); "
            + "422 when it was not sent back or its record no longer waits on it (RESUBMIT not among its availableActions)")
    @PostMapping("/api/v1/approvals/{id}/resubmit")
    @com.lead2cash.platform.web.Refuses(422)
    ApprovalView resubmit(@PathVariable UUID id) {
        UUID me = CurrentUser.require().id();
        service.viewFor(id, me);
        return service.viewFor(service.resubmit(id, me).id(), me);
    }

    @Operation(summary = "Withdraw a flow that has not ended (submitter only); 422 when it ended, or was sent back and its"
            + " record ended with the send-back (WITHDRAW not among its availableActions)")
    @PostMapping("/api/v1/approvals/{id}/withdraw")
    @com.lead2cash.platform.web.Refuses(422)
    ApprovalView withdraw(@PathVariable UUID id) {
        UUID me = CurrentUser.require().id();
        service.viewFor(id, me);
        return service.viewFor(service.withdraw(id, me).id(), me);
    }

    @Operation(summary = "Submit a flow directly (administrators, integrations); the submitter defaults to the caller")
    @PostMapping("/api/v1/approvals")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ApprovalView> submit(@Valid @RequestBody SubmitRequest body) {
        List<StepDefinition> steps = new ArrayList<>();
        for (int i = 0; i < body.steps().size(); i++) {
            StepBody step = body.steps().get(i);
            List<ApproverRule> rules = new ArrayList<>();
            for (int j = 0; j < step.approvers().size(); j++) {
                rules.add(rule(step.approvers().get(j), "steps[" + i + "].approvers[" + j + "]"));
            }
            steps.add(new StepDefinition(step.name(), step.mode() == null ? StepMode.PARALLEL : step.mode(), rules,
                    step.slaRuleId()));
        }
        UUID submitter = body.submitterId() != null ? body.submitterId() : CurrentUser.require().id();
        ApprovalRef ref = service.submit(new ApprovalRequest(body.subjectType(), body.subjectId(), body.title(),
                submitter, new FlowDefinition(steps), body.facts()));
        return ResponseEntity.created(URI.create("/api/v1/approvals/" + ref.id()))
                .body(service.find(ref.id()).orElseThrow());
    }

    private static ApproverRule rule(ApproverBody body, String field) {
        switch (body.type()) {
            case ROLE:
                if (body.role() == null) {
                    throw new FieldValidationException(field + ".role", "approval.approver.role.required");
                }
                return new ApproverRule.ByRole(body.role());
            case USER:
                if (body.userId() == null) {
                    throw new FieldValidationException(field + ".userId", "approval.approver.user.required");
                }
                return new ApproverRule.ByUser(body.userId());
            default:
                int levels = body.levelsUp() == null ? 1 : body.levelsUp();
                if (levels < 1 || levels > 10) {
                    throw new FieldValidationException(field + ".levelsUp", "approval.approver.levels.invalid");
                }
                return new ApproverRule.SubmittersManager(levels);
        }
    }

    @Operation(summary = "Delegations I gave or received, newest first")
    @GetMapping("/api/v1/approvals/delegations")
    CursorPage<Delegations.DelegationRow> delegations(@RequestParam(required = false) String cursor,
                                                      @RequestParam(required = false) Integer size) {
        return delegations.of(CurrentUser.require().id(), cursor, size);
    }

    @Operation(summary = "Let someone decide my approval tasks from one date to another (both inclusive), ending within a year from today (0094)")
    @PostMapping("/api/v1/approvals/delegations")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<Delegations.DelegationRow> delegate(@Valid @RequestBody DelegationRequest body) {
        Delegations.DelegationRow row = delegations.grant(CurrentUser.require().id(), body.delegateId(),
                body.startsOn(), body.endsOn(), body.note());
        return ResponseEntity.created(URI.create("/api/v1/approvals/delegations/" + row.id())).body(row);
    }

    @Operation(summary = "End one of my delegations (it stays on record); 422 when it has ended already")
    @DeleteMapping("/api/v1/approvals/delegations/{id}")
    @com.lead2cash.platform.web.Refuses(422)
    Delegations.DelegationRow revoke(@PathVariable UUID id) {
        return delegations.revoke(id, CurrentUser.require().id());
    }

}

package com.lead2cash.platform.internal.identity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People and org units over the API: {@code /api/v1/me} for everyone, the rest for administrators. */
@RestController
@Tag(name = "People and organisation")
class IdentityApiController {

    record Me(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Role> roles, UUID orgUnitId) {
    }

    record UserDto(UUID id, String username, String displayName, String email, UUID orgUnitId, List<Role> roles,
                   LocalDate hireDate, boolean active, boolean locked, long version,
                   @Schema(description = "Only in the answer to the change that deactivated the user: what it changed "
                           + "(docs/decisions/0073); null otherwise") DeactivationDto deactivation,
                   @Schema(description = "Only in the answer to the change that took roles from the user while active: "
                           + "what it left (docs/decisions/0074); null otherwise") RolesTakenDto rolesTaken,
                   @Schema(description = "Only in the answer to a change of the user's roles or unit that handed on "
                           + "open work they no longer fit (docs/decisions/0092): what went where; null otherwise")
                   WorkHandedOnDto workHandedOn,
                   @Schema(description = "Only in the answer to a change that moved the user out of their unit, or "
                           + "took their last managing role, while they headed a unit or managed a sales territory "
                           + "(docs/decisions/0093): what they gave up; null otherwise")
                   HeadshipsGivenUpDto headshipsGivenUp) {

        static UserDto of(User u, java.time.Instant now) {
            return of(u, now, null, null, null, null);
        }

        static UserDto of(User u, java.time.Instant now, DeactivationDto deactivation, RolesTakenDto rolesTaken,
                          WorkHandedOnDto workHandedOn, HeadshipsGivenUpDto headshipsGivenUp) {
            return new UserDto(u.id(), u.username(), u.displayName(), u.email(), u.orgUnitId(),
                    u.roleSet().stream().sorted().toList(), u.hireDate(), u.active(), u.isLocked(now), u.version(),
                    deactivation, rolesTaken, workHandedOn, headshipsGivenUp);
        }

        static UserDto of(IdentityService.UserRow r) {
            return new UserDto(r.id(), r.username(), r.displayName(), r.email(), r.orgUnitId(), r.roles(),
                    r.hireDate(), r.active(), r.locked(), r.version(), null, null, null, null);
        }
    }

    /**
     * What moving the user out of their unit, or taking their last managing role, took from them (0093): the units they
     * headed that name no head now, the sales territories they managed that nobody manages now — until an administrator
     * appoints another —, the roles whose holders take that work up that nobody active holds (0099: the general queue
     * with no sales director), and that said in the reader's language.
     */
    record HeadshipsGivenUpDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> notes,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The names of the "
                                       + "org units they headed and head no more, in tree order") List<String> units,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The names of the "
                                       + "sales territories they managed, in name order") List<String> territories,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The roles whose "
                                       + "holders take up what was given up (the sales directors: the general queue "
                                       + "the territories' queued leads went to) that nobody active holds while work "
                                       + "waits on them (docs/decisions/0099): give the role to someone, who takes it "
                                       + "up. Empty when they are held")
                               List<UnheldRoleDto> unheldRoles) {
    }

    /**
     * What taking roles from an active user left (0074): the roles taken — whose pool work asks them no more, as at a
     * deactivation —, those of them left with no active holder while approval tasks wait on them (to give the role to
     * someone), and that said in the reader's language.
     */
    record RolesTakenDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Role> roles,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> notes,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The roles taken that "
                                 + "nobody active holds any more while open work waits on their holders (a pool's "
                                 + "approval tasks, docs/decisions/0074; the general queue's leads, 0099): give the "
                                 + "role to someone, who takes it up")
                         List<UnheldRoleDto> unheldRoles) {
    }

    /**
     * The open work a change of roles or unit took from the user, as their new roles and unit no longer fit it (an
     * approval task whose step names them no more, 0092): each piece and where it went, said in the reader's language.
     */
    record WorkHandedOnDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> notes,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<HandedOnDto> handedOn) {
    }

    /**
     * What a deactivation changed: the person's open approval tasks handed on and to whom (a person, or every holder of
     * a role), the units still naming them as head (to appoint another), the roles left with no active holder while
     * approval tasks wait on them (to give the role to someone, 0074), and all of it said in the reader's language.
     */
    record DeactivationDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> notes,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<HandedOnDto> handedOn,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<UnitRef> stillHeads,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The roles nobody active "
                                   + "holds any more while open work waits on their holders (a pool's approval tasks, "
                                   + "docs/decisions/0074; the general queue's leads, 0099): give the role to someone, "
                                   + "who takes the work up")
                           List<UnheldRoleDto> unheldRoles,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The open records the "
                                   + "user still owns, per kind (docs/decisions/0095): nothing is reassigned; their "
                                   + "manager is told, to hand them over. Empty when they own none")
                           List<StillHoldsDto> stillHolds) {
    }

    record StillHoldsDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "LEADS: open leads "
                                 + "(not converted, not disqualified); CUSTOMERS: customers (not merged into another); "
                                 + "OPPORTUNITIES: open opportunities (not won, not lost)") String kind,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int count,
                         @Schema(description = "The screen listing them, filtered by that owner (app-relative), where "
                                 + "they are handed over; null when there is none") String link) {
    }

    record UnheldRoleDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Role role,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "APPROVAL_TASK: the open "
                                 + "tasks of the role's approval pool (docs/decisions/0074); GENERAL_QUEUE_LEAD: the "
                                 + "leads waiting in the general queue, which the sales directors assign (L9, "
                                 + "docs/decisions/0099)") String kind,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many pieces of work "
                                 + "of the kind wait on the role's holders") int count) {
    }

    record HandedOnDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "APPROVAL_TASK: an open "
                               + "approval task, now waiting for toUserId or any holder of toRole; "
                               + "SUBMITTED_APPROVAL_TASK: the same, of an approval the user submitted whose step names "
                               + "its approver no more since the user moved (docs/decisions/0092); "
                               + "DELEGATION_TO_THEM_ENDED / DELEGATION_BY_THEM_ENDED: a delegation given to them / by "
                               + "them ended (docs/decisions/0085), recordName its period, toUserId its other person")
                       String kind,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID recordId, String recordName,
                       UUID toUserId, Role toRole) {
    }

    record UnitRef(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    record CreateUser(@NotBlank String username, @NotBlank String displayName, String email,
                      @NotBlank String password, @NotNull UUID orgUnitId, Set<Role> roles,
                      @com.lead2cash.platform.OwnDateRange LocalDate hireDate) {
    }

    record UpdateUser(@NotBlank String displayName, String email,
                      @Schema(description = "A new password, or left out to keep it; setting one revokes the user's API "
                              + "tokens and ends their web sessions") String password, @NotNull UUID orgUnitId,
                      Set<Role> roles, @com.lead2cash.platform.OwnDateRange LocalDate hireDate, Boolean active,
                      Long version) implements Versioned {
    }

    record OrgUnitDto(UUID id, UUID parentId, String name, UUID managerId, int depth, long version,
                      @Schema(description = "Only in the answer to a change of the unit's head that handed on open "
                              + "work of the former head (docs/decisions/0092): what went where; null otherwise")
                      WorkHandedOnDto workHandedOn) {
        static OrgUnitDto of(OrgUnit u) {
            return of(u, null);
        }

        static OrgUnitDto of(OrgUnit u, WorkHandedOnDto workHandedOn) {
            return new OrgUnitDto(u.id(), u.parentId(), u.name(), u.managerId(), u.depth(), u.version(),
                    workHandedOn);
        }
    }

    record CreateOrgUnit(@NotNull UUID parentId, @NotBlank String name) {
    }

    /**
     * A rename or a new head: a {@code managerId} left out keeps the head, one sent as null removes it (as the users
     * API keeps what a client does not mention). The API's converter reads a left-out {@code Optional} as null and a
     * JSON null as {@code Optional.empty()}.
     */
    @Schema(description = "managerId left out keeps the unit's head; sent as null removes the head. parentId left out "
            + "or null keeps the unit where it is; another unit's id moves the unit with the units below it there")
    record UpdateOrgUnit(@NotBlank String name, Optional<UUID> managerId, UUID parentId, Long version)
            implements Versioned {

        /** The head the unit is to have: as stored when left out, else what was sent (null removes it). */
        UUID managerOf(OrgUnit unit) {
            return managerId == null ? unit.managerId() : managerId.orElse(null);
        }
    }

    private final IdentityService identity;
    private final DeactivationNotes notes;
    private final java.time.Clock clock;

    IdentityApiController(IdentityService identity, DeactivationNotes notes, java.time.Clock clock) {
        this.identity = identity;
        this.notes = notes;
        this.clock = clock;
    }

    @Operation(summary = "The caller")
    @GetMapping("/api/v1/me")
    Me me() {
        CurrentUser me = CurrentUser.require();
        return new Me(me.id(), me.username(), me.displayName(), me.roles().stream().sorted().toList(),
                me.orgUnitId());
    }

    @Operation(summary = "List users (filter by text, unit subtree, role, active; sort username|hireDate)")
    @GetMapping("/api/v1/users")
    CursorPage<UserDto> users(@RequestParam(required = false) String q,
                              @RequestParam(required = false) UUID orgUnitId,
                              @RequestParam(required = false) Role role,
                              @RequestParam(required = false) Boolean active,
                              @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"username", "hireDate"}), description = "default: username") 
                              @RequestParam(required = false) String sort,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) Integer size) {
        return identity.listUsers(new IdentityService.UserQuery(q, orgUnitId, role, active, sort, cursor, size))
                .map(UserDto::of);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "One user")
    @GetMapping("/api/v1/users/{id}")
    UserDto user(@PathVariable UUID id) {
        return UserDto.of(identity.user(id), clock.instant());
    }

    @Operation(summary = "Create a user")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A sales rep", value = """
                    {"username": "zhang.wei", "displayName": "张伟", "email": "zhang.wei@example.com", "password": "Initial-Pass-2026", "orgUnitId": "01890f2e-5a1b-7c3d-8e4f-000000000007", "roles": ["SALES_REP"], "hireDate": "2025-03-01"}""")))
    @PostMapping("/api/v1/users")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<UserDto> create(@RequestBody CreateUser body) {
        // not @Valid: the service names every refused field together (User.profileProblems), a blank one among them,
        // where a bean-validation refusal would stop at the blank ones; the annotations stay for the API document
        User user = identity.createUser(new IdentityService.UserForm(body.username(), body.displayName(),
                body.email(), body.password(), body.orgUnitId(), body.roles(), body.hireDate()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserDto.of(user, clock.instant()));
    }

    @Operation(summary = "Update a user (409 when the version is stale)", description = """
            A password given (not empty) resets the user's password: their web sessions end at their next request and \
            every API token they hold is revoked at once (the company's web-to-lead keys are not touched). Deactivating \
            a user (`active: false`) ends both too, hands on their open approval tasks, and the answer says what it \
            changed (`deactivation`), the open records they still own — never reassigned; their manager is told — \
            (`stillHolds`), the roles it left with no active holder while approval tasks or the general queue's leads \
            wait on them among it (`unheldRoles`); a user reactivated, or given a role, takes up the approval tasks \
            and general queue leads waiting on their roles' holders. Roles taken from an active user are given up as at a deactivation: their pool tasks ask \
            the user no more and the pool deadlines they owned go to the role's next holder; the answer says the \
            roles it left with no active holder while approval tasks wait on them (`rolesTaken.unheldRoles`). A user who loses a role or moves to \
            another unit hands on the open approval tasks whose step names them no more (a manager moved to another \
            team), and the answer says where they went (`workHandedOn`). A user moved out of their unit no longer heads \
            the units they left nor manages the sales territories of their former team, and one left with no managing \
            role (a manager made a sales rep) heads no unit and manages no sales territory; their queued leads and the \
            claim contests they were to decide go where routing sends them now, and the answer says what they gave up \
            (`headshipsGivenUp`), and when no active sales director is there to take the general queue's leads \
            (`headshipsGivenUp.unheldRoles`).""")
    @PutMapping("/api/v1/users/{id}")
    UserDto update(@PathVariable UUID id, @RequestBody UpdateUser body) {
        // not @Valid, as create: every refused field named together by the service
        // an e-mail or hire date left out is kept, not cleared (an empty e-mail clears it): a client that sends
        // what it changes does not erase what it did not mention
        User current = identity.user(id);
        IdentityService.Activation updated = identity.updateUser(id, new IdentityService.UserForm(null,
                body.displayName(), body.email() == null ? current.email() : body.email(), body.password(),
                body.orgUnitId(), body.roles(), body.hireDate() == null ? current.hireDate() : body.hireDate()),
                body.active(), body.version());
        DeactivationDto deactivation = null;
        IdentityService.Deactivation changed = updated.deactivation();
        if (changed != null) {
            deactivation = new DeactivationDto(notes.of(changed),
                    changed.handedOn().stream().map(h -> new HandedOnDto(h.kind(), h.recordId(), h.recordName(),
                            h.toUserId(), h.toRole())).toList(),
                    changed.stillHeads().stream().map(u -> new UnitRef(u.id(), u.name())).toList(),
                    unheld(changed.unheldRoles()),
                    changed.stillHolds().stream().map(h -> new StillHoldsDto(h.kind(), h.count(), h.link())).toList());
        }
        RolesTakenDto rolesTaken = null;
        IdentityService.RolesTaken taken = updated.rolesTaken();
        if (taken != null) {
            rolesTaken = new RolesTakenDto(taken.roles(), notes.of(taken), unheld(taken.unheldRoles()));
        }
        IdentityService.HeadshipsGivenUp givenUp = updated.headshipsGivenUp();
        return UserDto.of(updated.user(), clock.instant(), deactivation, rolesTaken, workHandedOn(updated.handedOn()),
                givenUp == null ? null : new HeadshipsGivenUpDto(notes.of(givenUp), givenUp.units(),
                        givenUp.territories(), unheld(givenUp.unheldRoles())));
    }

    private static List<UnheldRoleDto> unheld(List<com.lead2cash.platform.HandedOnWork.Waiting> waiting) {
        return waiting.stream().map(w -> new UnheldRoleDto(w.role(), w.kind(), w.count())).toList();
    }

    /** What a change handed on (0092), said in the reader's language; null when nothing. */
    private WorkHandedOnDto workHandedOn(List<com.lead2cash.platform.HandedOnWork.Handover> handedOn) {
        return handedOn.isEmpty() ? null : new WorkHandedOnDto(notes.of(handedOn), handedOn.stream()
                .map(h -> new HandedOnDto(h.kind(), h.recordId(), h.recordName(), h.toUserId(), h.toRole())).toList());
    }

    @Operation(summary = "The org tree, a page at a time, in tree order (a parent before its children)")
    @GetMapping("/api/v1/org-units")
    CursorPage<OrgUnitDto> orgUnits(@RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer size) {
        return identity.orgTree(cursor, size).map(OrgUnitDto::of);
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "One org unit")
    @GetMapping("/api/v1/org-units/{id}")
    OrgUnitDto orgUnit(@PathVariable UUID id) {
        return OrgUnitDto.of(identity.orgUnit(id));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Create an org unit under a parent")
    @PostMapping("/api/v1/org-units")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<OrgUnitDto> createOrgUnit(@Valid @RequestBody CreateOrgUnit body) {
        OrgUnit unit = identity.createOrgUnit(body.parentId(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.id())).body(OrgUnitDto.of(unit));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Rename an org unit or appoint its manager (409 when the version is stale)",
            description = """
                    A `managerId` left out keeps the unit's head (a rename does not remove who gets the unit's \
                    escalations); `"managerId": null` removes the head; an id appoints that active user. The former \
                    head hands on the open approval tasks the unit's headship gave them (its submitters' manager is \
                    another now), and the answer says where they went (`workHandedOn`).""")
    @PutMapping("/api/v1/org-units/{id}")
    OrgUnitDto updateOrgUnit(@PathVariable UUID id, @Valid @RequestBody UpdateOrgUnit body) {
        IdentityService.UnitUpdate updated = identity.updateOrgUnit(id, body.name(),
                body.managerOf(identity.orgUnit(id)), body.parentId(), body.version());
        return OrgUnitDto.of(updated.unit(), workHandedOn(updated.handedOn()));
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Delete an org unit created by mistake (422 when anything holds it)",
            description = """
                    Only a unit nobody is or was in, with no unit below it, that no record (a survey's team) and no \
                    person's or unit's history names; the top unit stays. A refusal says what holds the unit \
                    (docs/decisions/0096). `version`, when given, must be the unit's (409 when stale).""")
    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/org-units/{id}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @com.lead2cash.platform.web.Refuses({409, 422})
    void deleteOrgUnit(@PathVariable UUID id, @RequestParam(required = false) Long version) {
        identity.deleteOrgUnit(id, version);
    }
}

package com.lead2cash.customer.internal.web;

import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.activity.ActivityService;
import com.lead2cash.customer.internal.activity.ActivityViews;
import com.lead2cash.customer.internal.contact.ContactService;
import com.lead2cash.customer.internal.domain.Activity;
import com.lead2cash.customer.internal.domain.ActivityDraft;
import com.lead2cash.customer.internal.domain.ActivityType;
import com.lead2cash.customer.internal.domain.Attitude;
import com.lead2cash.customer.internal.domain.ContactDetails;
import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.OwnLength;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contacts (联系人) and follow-up activities (跟进记录) over the API (SPEC §6). */
@RestController
@Tag(name = "Contacts and activities")
@PreAuthorize(CustomerAccess.READER_ROLES)
class ContactActivityApiController {

    /** What the API document says of a contact's {@code language}. */
    static final String LANGUAGE = "The language the contact is written to in (a satisfaction survey and its page):"
            + " zh-CN or en; any other is refused (422)";

    /** A contact as a client sends it (SPEC §6); {@code language} left out is zh-CN. */
    record ContactRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String title,
                          String department, String phone, String email, String wechat, DecisionRole role,
                          Attitude attitude, Boolean primary, String notes,
                          @Schema(allowableValues = {"zh-CN", "en"}, defaultValue = "zh-CN", description = LANGUAGE)
                          String language) {
        /** As entered: the service checks them once it knows the caller may change the contact. */
        ContactDetails details() {
            return new ContactDetails(name, title, department, phone, email, wechat, role, attitude, notes, language);
        }
    }

    /**
     * A correction of a contact (docs/decisions/0030): a field left out keeps its value, a field sent as null clears
     * it. The API's converter reads a left-out {@code Optional} as null and a JSON null as {@code Optional.empty()}.
     * {@code primary} is no stored field but a step: true makes the contact the primary one.
     */
    @Schema(description = "A field left out keeps its value; a field sent as null is cleared (name cannot be);"
            + " primary true makes it the primary contact")
    record ContactUpdateRequest(Optional<String> name, Optional<String> title, Optional<String> department,
                                Optional<String> phone, Optional<String> email, Optional<String> wechat,
                                Optional<DecisionRole> role, Optional<Attitude> attitude, Boolean primary,
                                Optional<String> notes,
                                @Schema(allowableValues = {"zh-CN", "en"}, description = LANGUAGE + "; null is zh-CN")
                                Optional<String> language, Long version) implements Versioned {

        /** The details as stored, with the fields this request sends; the service checks them. */
        ContactDetails applyTo(ContactDetails now) {
            return new ContactDetails(sent(name, now.name()), sent(title, now.title()),
                    sent(department, now.department()), sent(phone, now.phone()), sent(email, now.email()),
                    sent(wechat, now.wechat()), sent(role, now.role()), sent(attitude, now.attitude()),
                    sent(notes, now.notes()), sent(language, now.language()));
        }
    }

    /** A follow-up as a client sends it (SPEC §6). */
    record ActivityRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ActivityType type,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt,
                           List<UUID> contactIds,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @OwnLength(ActivityDraft.MAX_SUMMARY) String summary,
                           @OwnLength(ActivityDraft.MAX_NOTE) String needsChanges, @OwnLength(ActivityDraft.MAX_NOTE) String objections,
                           @OwnLength(ActivityDraft.MAX_NOTE) String objectionHandling,
                           @OwnLength(ActivityDraft.MAX_NEXT_STEP) String nextStep,
                           Instant nextFollowUpAt, String minutes) {
        ActivityDraft draft() {
            return new ActivityDraft(type, occurredAt, contactIds, summary, needsChanges, objections,
                    objectionHandling, nextStep, nextFollowUpAt, minutes);
        }
    }

    /**
     * A correction of what was written about a follow-up (docs/decisions/0030): a field left out keeps its value, a
     * field sent as null clears it.
     */
    @Schema(description = "A field left out keeps its value; a field sent as null is cleared (summary cannot be)")
    record ActivityCorrectionRequest(Optional<String> summary, Optional<String> needsChanges,
                                     Optional<String> objections, Optional<String> objectionHandling,
                                     Optional<String> nextStep, Long version) implements Versioned {

        /** What was written as stored, with the fields this request sends; the activity checks them. */
        Activity.Written applyTo(Activity.Written now) {
            return new Activity.Written(sent(summary, now.summary()), sent(needsChanges, now.needsChanges()),
                    sent(objections, now.objections()), sent(objectionHandling, now.objectionHandling()),
                    sent(nextStep, now.nextStep()));
        }
    }

    /** What a correction leaves in a field: its value as stored when left out, else what was sent (null clears). */
    private static <T> T sent(Optional<T> field, T now) {
        return field == null ? now : field.orElse(null);
    }

    record ActivityMinutesRequest(String minutes, Long version) {
    }

    private final ContactService contacts;
    private final ActivityService activities;
    private final ActivityViews activityViews;
    private final CustomerAccess access;

    ContactActivityApiController(ContactService contacts, ActivityService activities, ActivityViews activityViews,
                                 CustomerAccess access) {
        this.contacts = contacts;
        this.activities = activities;
        this.activityViews = activityViews;
        this.access = access;
    }

    @Operation(summary = "The contacts of a customer, a page at a time, primary first, then as added; personal data"
            + " masked unless you own the customer or stand above its owner")
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/api/v1/customers/{id}/contacts")
    CursorPage<ContactService.ContactView> contacts(@PathVariable UUID id,
                                                   @RequestParam(required = false) String cursor,
                                                   @RequestParam(required = false) Integer size) {
        return contacts.page(id, cursor, size);
    }

    @Operation(summary = "Add a contact; phone and e-mail are masked for readers who are not the owner or above")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    @PostMapping("/api/v1/customers/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ContactService.ContactView> addContact(@PathVariable UUID id, @RequestBody ContactRequest body) {
        var contact = contacts.add(id, body.details(), Boolean.TRUE.equals(body.primary()));
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contacts.view(contact));
    }

    @Operation(summary = "A contact of a customer in your scope")
    @PreAuthorize(CustomerAccess.CUSTOMER_READER_ROLES)
    @GetMapping("/api/v1/contacts/{id}")
    ContactService.ContactView contact(@PathVariable UUID id) {
        return contacts.view(id);
    }

    @Operation(summary = "Correct a contact: a field left out keeps its value, one sent as null is cleared (409 on a"
            + " stale version); primary true makes it the primary contact")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    @PutMapping("/api/v1/contacts/{id}")
    ContactService.ContactView correctContact(@PathVariable UUID id, @RequestBody ContactUpdateRequest body) {
        return contacts.view(contacts.correct(id, body::applyTo, body.primary(), body.version()));
    }

    @Operation(summary = "Log a follow-up (C4: late when logged after the window; C5: demos and negotiations owe minutes)")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    @PostMapping("/api/v1/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @com.lead2cash.platform.web.Refuses(404)
    ResponseEntity<ActivityViews.ActivityView> log(@RequestBody ActivityRequest body) {
        var activity = activities.log(body.customerId(), body.draft());
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activityViews.of(activity));
    }

    @Operation(summary = "Follow-ups of a customer, newest first")
    @GetMapping("/api/v1/activities")
    @com.lead2cash.platform.web.Refuses(404)
    CursorPage<ActivityViews.ActivityView> list(@RequestParam UUID customerId,
                                                @RequestParam(required = false) String cursor,
                                                @RequestParam(required = false) Integer size) {
        access.visible(customerId);
        return activityViews.of(customerId, cursor, size);
    }

    @Operation(summary = "A follow-up of a customer in your scope")
    @GetMapping("/api/v1/activities/{id}")
    ActivityViews.ActivityView activity(@PathVariable UUID id) {
        return activityViews.of(activities.visible(id));
    }

    @Operation(summary = "Correct what was written (not when or what kind): a field left out keeps its value, one sent"
            + " as null is cleared")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    @PutMapping("/api/v1/activities/{id}")
    ActivityViews.ActivityView correctActivity(@PathVariable UUID id, @RequestBody ActivityCorrectionRequest body) {
        return activityViews.of(activities.correct(id, body::applyTo, body.version()));
    }

    @Operation(summary = "C5: the detailed minutes of a demo or negotiation")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    @PostMapping("/api/v1/activities/{id}/minutes")
    ActivityViews.ActivityView minutes(@PathVariable UUID id, @RequestBody ActivityMinutesRequest body) {
        return activityViews.of(activities.writeMinutes(id, body.minutes(), body.version()));
    }
}

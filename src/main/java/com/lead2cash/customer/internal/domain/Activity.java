package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 跟进记录 — one follow-up with a customer. C4: it is late when logged after its window from the
 * moment it happened ({@code logDueAt}); C5: a demo or negotiation owes detailed minutes by
 * {@code minutesDueAt}, met when they are written.
 */
@Table("customer_activity")
public class Activity {

    @Id
    private UUID id;
    private UUID customerId;
    private ActivityType type;
    private Instant occurredAt;
    private Instant loggedAt;
    private UUID loggedBy;
    private UUID[] contactIds;
    private String summary;
    /**
     * How a carried contact's summary is said (null: as written); see {@link #carried}. Set once when carried and
     * never changed: the audit keeps the rep's words ({@code summary}), not the wording's key.
     */
    @NotAudited
    private String summaryKey;
    @NotAudited
    private String summaryArgs;
    private String needsChanges;
    private String objections;
    private String objectionHandling;
    private String nextStep;
    private Instant nextFollowUpAt;
    private boolean late;
    private Instant logDueAt;
    private String minutes;
    private Instant minutesDueAt;
    private Instant minutesWrittenAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Activity() {
    }

    /**
     * C4 — logs a follow-up now; it is late when {@code now} is after {@code logDueAt} (the C4 window
     * from when it happened). C5 — {@code minutesDueAt} is set for demos and negotiations.
     */
    public static Activity log(UUID customerId, ActivityDraft d, UUID loggedBy, Instant now, Instant logDueAt,
                               Instant minutesDueAt) {
        Activity a = new Activity();
        a.id = Ids.newId();
        a.customerId = customerId;
        a.type = d.type();
        a.occurredAt = d.occurredAt();
        a.loggedAt = now;
        a.loggedBy = loggedBy;
        a.contactIds = d.contactIds().toArray(UUID[]::new);
        a.summary = d.summary();
        a.needsChanges = d.needsChanges();
        a.objections = d.objections();
        a.objectionHandling = d.objectionHandling();
        a.nextStep = d.nextStep();
        a.nextFollowUpAt = d.nextFollowUpAt();
        a.logDueAt = logDueAt;
        a.late = now.isAfter(logDueAt);
        if (d.type().needsMinutes()) {
            a.minutesDueAt = minutesDueAt;
            if (d.minutes() != null) {
                a.minutes = d.minutes();
                a.minutesWrittenAt = now;
            }
        } else {
            a.minutes = d.minutes();
        }
        a.updatedAt = now;
        return a;
    }

    /**
     * A contact made before the customer existed, carried from the lead it was logged on (a converted lead's contact
     * attempt): logged when the lead logged it, so never late — C4 counted it on the lead. Its summary is read as the
     * bundle key {@code summaryKey} with {@code summaryArgs} (as {@code CustomerHistory} stores arguments) and the
     * summary as the last argument, in the reader's language: not said once in the words of whoever converted.
     */
    public static Activity carried(UUID customerId, ActivityType type, Instant occurredAt, Instant loggedAt,
                                   UUID loggedBy, List<UUID> contactIds, String summary, String summaryKey,
                                   String summaryArgs, Instant now) {
        Activity a = new Activity();
        a.id = Ids.newId();
        a.customerId = customerId;
        a.type = type;
        a.occurredAt = occurredAt;
        a.loggedAt = loggedAt;
        a.loggedBy = loggedBy;
        a.contactIds = contactIds.toArray(UUID[]::new);
        a.summary = summary;
        a.summaryKey = summaryKey;
        a.summaryArgs = summaryArgs;
        a.logDueAt = loggedAt;
        a.updatedAt = now;
        return a;
    }

    /** C5 — the detailed minutes (详细纪要) of a demo or negotiation; answers whether they were owed until now. */
    public boolean writeMinutes(String text, Instant now) {
        if (text == null || text.isBlank()) {
            throw new FieldValidationException("minutes", "activity.minutes.required");
        }
        if (text.length() > 20000) {
            throw new FieldValidationException("minutes", "customer.field.tooLong", 20000);
        }
        boolean wasOwed = minutesOwed();
        minutes = text.strip();
        if (minutesWrittenAt == null) {
            minutesWrittenAt = now;
        }
        updatedAt = now;
        return wasOwed;
    }

    /** What was written about the follow-up: what a correction may change. */
    public record Written(String summary, String needsChanges, String objections, String objectionHandling,
                          String nextStep) {
    }

    public Written written() {
        return new Written(summary, needsChanges, objections, objectionHandling, nextStep);
    }

    /** Corrects what was written; when and what kind of follow-up it was stay as logged (C4 counts them). */
    public boolean correct(String newSummary, String newNeedsChanges, String newObjections, String newHandling,
                        String newNextStep, Instant now) {
        if (newSummary == null || newSummary.isBlank()) {
            throw new FieldValidationException("summary", "activity.summary.required");
        }
        ActivityDraft checked = new ActivityDraft(type, occurredAt, List.of(), newSummary, newNeedsChanges,
                newObjections, newHandling, newNextStep, null, null).validatedAsCorrection(now);
        if (new Written(checked.summary(), checked.needsChanges(), checked.objections(), checked.objectionHandling(),
                checked.nextStep()).equals(written())) {
            return false; // a correction to the same is none (0030)
        }
        summary = checked.summary();
        needsChanges = checked.needsChanges();
        objections = checked.objections();
        objectionHandling = checked.objectionHandling();
        nextStep = checked.nextStep();
        updatedAt = now;
        return true;
    }

    /** C5 — minutes are owed and not written yet. */
    public boolean minutesOwed() {
        return type.needsMinutes() && minutesWrittenAt == null;
    }

    /** Who logged it, or a manager, may correct what was written (403 for anyone else: it is about who asks). */
    public void requireLoggedBy(UUID userId, boolean manager) {
        if (!manager && !loggedBy.equals(userId)) {
            throw new ForbiddenException("activity.ownOnly");
        }
    }

    /**
     * C5 — the minutes are owed by whoever holds the customer now: its author, or the owner it was transferred or
     * merged to (the deadline moved to them), or a manager. An author who lost the customer cannot open it any more.
     */
    public void requireMinutesWriter(UUID userId, boolean manager, UUID customerOwner) {
        if (!manager && !loggedBy.equals(userId) && !userId.equals(customerOwner)) {
            throw new ForbiddenException("activity.minutes.ownOnly");
        }
    }

    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public ActivityType type() { return type; }
    public Instant occurredAt() { return occurredAt; }
    public Instant loggedAt() { return loggedAt; }
    public UUID loggedBy() { return loggedBy; }
    public List<UUID> contactIds() { return contactIds == null ? List.of() : Arrays.asList(contactIds); }
    public String summary() { return summary; }
    public String summaryKey() { return summaryKey; }
    public String summaryArgs() { return summaryArgs; }
    public String needsChanges() { return needsChanges; }
    public String objections() { return objections; }
    public String objectionHandling() { return objectionHandling; }
    public String nextStep() { return nextStep; }
    public Instant nextFollowUpAt() { return nextFollowUpAt; }
    public boolean late() { return late; }
    public Instant logDueAt() { return logDueAt; }
    public String minutes() { return minutes; }
    public Instant minutesDueAt() { return minutesDueAt; }
    public Instant minutesWrittenAt() { return minutesWrittenAt; }
    public Long version() { return version; }
}

package com.lead2cash.customer.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up as the rep records it (跟进记录): what kind, when it happened, with whom, what was said,
 * how the needs changed, the objections and how they were handled, the next step and the next
 * follow-up date; for demos and negotiations, the minutes if already written.
 */
public record ActivityDraft(ActivityType type, Instant occurredAt, List<UUID> contactIds, String summary,
                            String needsChanges, String objections, String objectionHandling, String nextStep,
                            Instant nextFollowUpAt, String minutes) {

    /** The longest summary of a follow-up. */
    public static final int MAX_SUMMARY = 2000;
    /** The longest needs changes, objections and objection handling of a follow-up. */
    public static final int MAX_NOTE = 2000;
    /** The longest next step of a follow-up. */
    public static final int MAX_NEXT_STEP = 1000;

    /**
     * The contacts one follow-up may name, as a bulk transfer's customers: a longer list is no meeting
     * anyone had, and would pass the database's limit of parameters in one statement.
     */
    public static final int MAX_CONTACTS = 500;

    /** A contact logged a little ahead of the server's clock is still "now". */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /**
     * The first moment a follow-up may have happened: the start of {@link InputRules#FIRST_BUSINESS_DATE}, its day
     * read in UTC as {@link #validated} reads it — what the form tells the browser as its least.
     */
    public static Instant earliestOccurredAt() {
        return InputRules.FIRST_BUSINESS_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last moment a follow-up logged at {@code now} may have happened: now, give or take the clocks' tolerance. */
    public static Instant latestOccurredAt(Instant now) {
        return now.plus(CLOCK_TOLERANCE);
    }

    /** The first moment the next follow-up may be planned for at {@code now}: now, give or take the clocks' tolerance. */
    public static Instant earliestNextFollowUpAt(Instant now) {
        return now.minus(CLOCK_TOLERANCE);
    }

    /**
     * The last moment a follow-up may be planned for at {@code now}: the end of {@link InputRules#latestAhead}'s day,
     * the day read in UTC as {@link #validated} and {@link Customer#planFollowUp} read it.
     */
    public static Instant latestNextFollowUpAt(Instant now) {
        return InputRules.latestAhead(day(now)).atTime(java.time.LocalTime.MAX).toInstant(ZoneOffset.UTC);
    }

    /** Why a follow-up planned for {@code at} is refused as too far ahead at {@code now}, if it is. */
    static java.util.Optional<FieldError> tooFarAhead(String field, Instant at, Instant now) {
        return InputRules.businessDateProblem(field, day(at), day(now));
    }

    /**
     * The follow-up as logged, checked: among the rest, it happened on a plausible business day
     * ({@link InputRules#happenedDateProblem}: not before 2000, not ahead of now) — a follow-up dated 1901 is a typo,
     * and would count for C4 as a contact — and its next follow-up is no further ahead than a plan may lie.
     */
    public ActivityDraft validated(Instant now) {
        return validated(now, true);
    }

    /** {@link #validated} of a correction: when the follow-up happened stays as logged, and is not judged again. */
    public ActivityDraft validatedAsCorrection(Instant now) {
        return validated(now, false);
    }

    private ActivityDraft validated(Instant now, boolean judgeWhen) {
        List<FieldError> errors = new ArrayList<>();
        if (type == null) {
            errors.add(new FieldError("type", "activity.type.required"));
        }
        if (occurredAt == null) {
            errors.add(new FieldError("occurredAt", "activity.occurredAt.required"));
        } else if (occurredAt.isAfter(latestOccurredAt(now))) {
            errors.add(new FieldError("occurredAt", "activity.occurredAt.future"));
        } else if (judgeWhen) {
            InputRules.happenedDateProblem("occurredAt", day(occurredAt), day(latestOccurredAt(now)))
                    .ifPresent(errors::add);
        }
        String s = Texts.limited(errors, "summary", summary, MAX_SUMMARY);
        if (s == null) {
            errors.add(new FieldError("summary", "activity.summary.required"));
        }
        String needs = Texts.limited(errors, "needsChanges", needsChanges, MAX_NOTE);
        String obj = Texts.limited(errors, "objections", objections, MAX_NOTE);
        String handling = Texts.limited(errors, "objectionHandling", objectionHandling, MAX_NOTE);
        String next = Texts.limited(errors, "nextStep", nextStep, MAX_NEXT_STEP);
        String min = Texts.limited(errors, "minutes", minutes, 20000);
        if (nextFollowUpAt != null && (nextFollowUpAt.isBefore(earliestNextFollowUpAt(now))
                || (occurredAt != null && !nextFollowUpAt.isAfter(occurredAt)))) {
            errors.add(new FieldError("nextFollowUpAt", "activity.nextFollowUpAt.invalid"));
        } else if (nextFollowUpAt != null) {
            tooFarAhead("nextFollowUpAt", nextFollowUpAt, now).ifPresent(errors::add);
        }
        if (contactIds != null && contactIds.size() > MAX_CONTACTS) {
            errors.add(new FieldError("contactIds", "activity.contacts.tooMany", MAX_CONTACTS));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        List<UUID> contacts = contactIds == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(contactIds.stream().filter(java.util.Objects::nonNull).toList()));
        return new ActivityDraft(type, occurredAt, contacts, s, needs, obj, handling, next, nextFollowUpAt, min);
    }

    /** The day of a point in time, in UTC as an instant carries no zone (as the platform's date bounds read it). */
    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}

package com.lead2cash.sop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one way modules keep SOP deadlines (时限): open one when the clock of a rule starts, meet it
 * when the work is done, cancel it when the work no longer applies. The engine computes the due
 * time from the rule's window on the working calendar, records the policy version that set it,
 * sends the reminders and records the breach. All three calls join the caller's transaction, so a
 * deadline exists exactly when the business change that opened it committed.
 *
 * <p>A deadline records the unit its owner belongs to when it is opened or transferred — the team compliance counts it
 * for (decision 0124); the engine looks it up, callers pass only the owner.
 */
public interface Deadlines {

    /**
     * Opens the rule's deadline for the subject, counted from {@code startedAt}; returns its id.
     * Opening the same rule for the same subject again while one is open returns the open one.
     */
    UUID open(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt);

    /**
     * Opens the rule's deadline with a due time the owning module computed from the rule, for rules
     * whose window depends on the subject (the follow-up cadence of a customer by its grade, C2/C3).
     * Reminders fall at the policy's fractions of {@code startedAt}–{@code dueAt} in calendar time.
     * Like {@link #open}, it answers the running deadline when one is open for the rule and subject.
     */
    UUID openUntil(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt, Instant dueAt);

    /**
     * As {@link #openUntil}, for a subject created in the caller's transaction, which cannot have a
     * running deadline yet: the engine may send the row with the transaction's other deferred inserts
     * ({@code platform.DeferredInserts}), so an import batch opens hundreds of deadlines in one round
     * trip. The engine's own calls that need the row (another open, meet, cancel, transfer, the
     * subject's list) send what waits first.
     */
    default UUID openUntilForNew(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt, Instant dueAt) {
        return openUntil(ruleId, subject, ownerId, startedAt, dueAt);
    }

    /**
     * Records a rule whose work is done the moment its clock starts (the assignee notified in the
     * same transaction as the assignment): one deadline, met at once, counted by compliance.
     */
    UUID recordMet(String ruleId, SubjectRef subject, UUID ownerId, Instant at);

    /**
     * Marks the open deadline of this rule and subject met at {@code metAt} (on time or late); no-op when none is open.
     * The reminders it sent its owner are settled: the work is done.
     */
    void meet(String ruleId, SubjectRef subject, Instant metAt);

    /** Cancels the open deadline of this rule and subject, and settles its reminders; no-op when none is open. */
    void cancel(String ruleId, SubjectRef subject);

    /**
     * Moves the open deadline of this rule and subject to a new due time, when the day it counts to was moved (a
     * payment plan's due date moved by finance, P1): the same deadline, its start and owner kept, its reminders
     * laid out anew up to {@code dueAt}. Answers whether one was open; a breached deadline is not moved — its breach
     * stands, and the caller cancels it and opens another if the work starts again. When no step of the new schedule has
     * come yet, the reminders it sent before are settled (the owner is reminded anew at its first step); otherwise they
     * stay and are settled as ever when it is met, cancelled or transferred.
     */
    boolean moveDue(String ruleId, SubjectRef subject, Instant dueAt);

    /**
     * Moves the open deadline of this rule and subject to a new owner (reassignment); the due time stays. The reminders
     * it sent the owner before are settled (the work is someone else's now); the new owner is reminded at its next step.
     */
    void transfer(String ruleId, SubjectRef subject, UUID newOwnerId);

    /**
     * The deadlines of a subject, for its own page: newest first by start, those started at or before
     * {@code startedAtOrBefore}, at most {@code limit}.
     */
    List<DeadlineRecord> of(SubjectRef subject, Instant startedAtOrBefore, int limit);

    /**
     * The same over several subjects of one type at once (a customer and those merged into it): the
     * newest {@code limit} of all of them together.
     */
    List<DeadlineRecord> of(String subjectType, java.util.Collection<String> subjectIds, Instant startedAtOrBefore, int limit);

    /** A deadline as the subject's module shows it; {@code state} is OPEN, MET, BREACHED or CANCELLED. */
    record DeadlineRecord(UUID id, String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt, Instant dueAt,
                          String state, Instant metAt, Instant breachedAt) {

        /** Met, and by the due time. */
        public boolean metOnTime() {
            return "MET".equals(state) && breachedAt == null && metAt != null && !metAt.isAfter(dueAt);
        }

        /**
         * Met, but after the due time — whether or not the sweep had marked it breached first (it runs every few
         * seconds, so a deadline met moments late may never have been BREACHED); compliance counts it as breached.
         */
        public boolean metLate() {
            return "MET".equals(state) && !metOnTime();
        }

        /** Late as of {@code now}: breached, met late, or still open past its due time. */
        public boolean lateAt(Instant now) {
            return breachedAt != null || metLate() || "OPEN".equals(state) && dueAt.isBefore(now);
        }
    }
}

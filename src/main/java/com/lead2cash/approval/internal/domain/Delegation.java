package com.lead2cash.approval.internal.domain;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 审批代理 — while away, a person lets another decide their approval tasks from one date to another
 * (both inclusive, in the company's zone). Decisions taken so are recorded "on behalf of".
 */
@Table("approval_delegation")
public class Delegation {

    static final int MAX_NOTE = 200;

    /**
     * How far ahead a delegation may reach: it ends at most a year from the day it is given (so it starts within a
     * year and runs at most a year and a day). Being away is for weeks; someone who stays away longer hands their role
     * on, and a far-off end typed by mistake, or forgotten, would let another decide in their name for good
     * (docs/decisions/0094).
     */
    public static final Period MAX_AHEAD = Period.ofYears(1);

    @Id
    private final UUID id;
    private final UUID delegatorId;
    private final UUID delegateId;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final String note;
    private boolean active;
    private final Instant createdAt;
    private Instant revokedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Delegation(UUID id, UUID delegatorId, UUID delegateId, LocalDate startsOn, LocalDate endsOn, String note,
               boolean active, Instant createdAt, Instant revokedAt, Long version) {
        this.id = id;
        this.delegatorId = delegatorId;
        this.delegateId = delegateId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.note = note;
        this.active = active;
        this.createdAt = createdAt;
        this.revokedAt = revokedAt;
        this.version = version;
    }

    /**
     * A new delegation: it starts today or later (nobody decides in someone's name for days gone by) and ends by
     * {@link #latestEnd} ({@link #MAX_AHEAD}).
     */
    public static Delegation grant(UUID delegatorId, UUID delegateId, LocalDate startsOn, LocalDate endsOn,
                                   String note, LocalDate today, Instant now) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (delegateId == null) {
            errors.add(new FieldValidationException.FieldError("delegateId", "approval.delegation.delegate.required"));
        } else if (delegateId.equals(delegatorId)) {
            errors.add(new FieldValidationException.FieldError("delegateId", "approval.delegation.self"));
        }
        if (startsOn == null) {
            errors.add(new FieldValidationException.FieldError("startsOn", "approval.delegation.date.required"));
        }
        if (endsOn == null) {
            errors.add(new FieldValidationException.FieldError("endsOn", "approval.delegation.date.required"));
        } else if (startsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldValidationException.FieldError("endsOn", "approval.delegation.endsBeforeStart"));
        } else if (endsOn.isBefore(today)) {
            errors.add(new FieldValidationException.FieldError("endsOn", "approval.delegation.inPast"));
        } else if (endsOn.isAfter(latestEnd(today))) {
            errors.add(new FieldValidationException.FieldError("endsOn", "approval.delegation.tooFarAhead",
                    latestEnd(today).toString()));
        }
        if (startsOn != null && startsOn.isBefore(today)) {
            errors.add(new FieldValidationException.FieldError("startsOn", "approval.delegation.startsInPast"));
        }
        String text = note == null || note.isBlank() ? null : note.trim();
        if (text != null && text.length() > MAX_NOTE) {
            errors.add(new FieldValidationException.FieldError("note", "approval.delegation.note.tooLong", MAX_NOTE));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new Delegation(Ids.newId(), delegatorId, delegateId, startsOn, endsOn, text, true, now, null, null);
    }

    /** The last day a delegation given on {@code today} may cover ({@link #MAX_AHEAD}). */
    public static LocalDate latestEnd(LocalDate today) {
        return today.plus(MAX_AHEAD);
    }

    /** Only the delegator ends their delegation; it stays on record. */
    public void revoke(UUID by, Instant now) {
        if (!delegatorId.equals(by)) {
            throw new ForbiddenException("approval.delegation.notYours");
        }
        if (!active) {
            throw new DomainException("approval.delegation.alreadyRevoked");
        }
        active = false;
        revokedAt = now;
    }

    /**
     * One of its two people was deactivated (docs/decisions/0085): a delegation still to come or in force ends now —
     * nobody decides for, or through, someone who can no longer sign in. Answers whether it was ended (false: it had
     * ended already, or its period is over).
     */
    public boolean endAtDeactivation(LocalDate today, Instant now) {
        if (!active || endsOn.isBefore(today)) {
            return false;
        }
        active = false;
        revokedAt = now;
        return true;
    }

    /**
     * Whether this delegation, switched on, shares a day with the period from {@code from} to {@code to} (both
     * inclusive): a delegator gives one delegation a day (docs/decisions/0085).
     */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return active && !to.isBefore(startsOn) && !from.isAfter(endsOn);
    }

    public boolean coversDay(LocalDate day) {
        return active && !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public UUID id() { return id; }
    public UUID delegatorId() { return delegatorId; }
    public UUID delegateId() { return delegateId; }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public String note() { return note; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant revokedAt() { return revokedAt; }
    public Long version() { return version; }
}

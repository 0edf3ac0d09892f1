package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.CustomerGrade;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The follow-up cadence (跟进频率) of a customer in development, by grade and pursuit mode: C2 for
 * development, C3 for high-intent pursuit, counted in calendar days in the company's zone from the
 * last follow-up; and the C7 lapse, when a customer not followed up for {@code lapseMultiple} times its
 * cadence returns to the public pool.
 *
 * <p>A changed cadence (new grade or mode) applies from the last follow-up; when that would put the
 * next follow-up in the past, the new cadence runs from the change instead, so nobody is in breach of
 * a cadence that did not apply to them.
 */
public record FollowUpCadence(Map<CustomerGrade, Integer> developmentDays, Map<CustomerGrade, Integer> pursuitDays,
                              boolean poolEnabled, int lapseMultiple, ZoneId zone) {

    public FollowUpCadence {
        developmentDays = Map.copyOf(developmentDays);
        pursuitDays = Map.copyOf(pursuitDays);
        Objects.requireNonNull(zone, "zone");
        for (CustomerGrade g : CustomerGrade.values()) {
            if (developmentDays.getOrDefault(g, 0) < 1 || pursuitDays.getOrDefault(g, 0) < 1) {
                throw new IllegalArgumentException("every grade needs a cadence of at least one day");
            }
        }
    }

    /** When the next follow-up is due, the rule that sets it, and when the customer lapses to the pool (or null). */
    public record Schedule(String ruleId, Instant startsAt, Instant dueAt, Instant lapsesAt) {
    }

    /** C2 / C3 — days between follow-ups for the grade in the mode. */
    public int days(CustomerGrade grade, PursuitMode mode) {
        return (mode == PursuitMode.ACTIVE_PURSUIT ? pursuitDays : developmentDays).get(grade);
    }

    /** The schedule after a follow-up at {@code anchor}: due one cadence later, lapsing after {@code lapseMultiple}. */
    public Schedule from(Instant anchor, CustomerGrade grade, PursuitMode mode) {
        int days = days(grade, mode);
        return new Schedule(mode.ruleId(), anchor, plusDays(anchor, days),
                poolEnabled ? plusDays(anchor, (long) days * lapseMultiple) : null);
    }

    /** The schedule after a change of grade or mode (or of owner) at {@code now}, the last follow-up at {@code anchor}. */
    public Schedule afterChange(Instant anchor, CustomerGrade grade, PursuitMode mode, Instant now) {
        Schedule fromAnchor = from(anchor, grade, mode);
        return fromAnchor.dueAt().isBefore(now) ? from(now, grade, mode) : fromAnchor;
    }

    private Instant plusDays(Instant from, long days) {
        return from.atZone(zone).plusDays(days).toInstant();
    }
}

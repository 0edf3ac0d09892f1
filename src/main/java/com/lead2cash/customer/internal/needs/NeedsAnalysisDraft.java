package com.lead2cash.customer.internal.needs;

import com.lead2cash.platform.FieldValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the rep writes after the needs interview (SOP 001 stage two): background, current state, pain
 * points ranked by priority, goals, budget, the decision process with the named contacts, and the
 * customer's own words. {@code decisionContactIds} null takes the customer's contacts that have a role in
 * the decision chain.
 */
record NeedsAnalysisDraft(Instant interviewedAt, String background, String currentState, List<String> painPoints,
                          String goals, String budget, String decisionProcess, List<UUID> decisionContactIds,
                          String customerWords) {

    static final int MAX_TEXT = 4000;
    static final int MAX_PAIN_POINT = 500;
    static final int MAX_PAIN_POINTS = 20;
    /** Clocks of phones and laptops drift; an interview a few minutes "ahead" is still now. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    NeedsAnalysisDraft {
        painPoints = painPoints == null ? List.of()
                : painPoints.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        background = clean(background);
        currentState = clean(currentState);
        goals = clean(goals);
        budget = clean(budget);
        decisionProcess = clean(decisionProcess);
        customerWords = clean(customerWords);
    }

    /**
     * Refuses what cannot be a report, field by field. The interview was held with a customer of the product: from
     * {@code registeredOn}, the day the customer was registered in it (read in the business's zone, {@code zone}), to
     * now. An interview dated before — 1900 for 2026 — is a typo, and would start the C6 clock a century ago: the
     * report counted late however soon it is sent. The day, not the moment: a rep who met a new prospect in the
     * morning registers it after the meeting.
     */
    NeedsAnalysisDraft validated(Instant now, LocalDate registeredOn, ZoneId zone) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (interviewedAt == null) {
            errors.add(new FieldValidationException.FieldError("interviewedAt", "customer.needs.interviewedAt.required"));
        } else if (interviewedAt.isAfter(now.plus(CLOCK_TOLERANCE))
                || interviewedAt.isBefore(registeredOn.atStartOfDay(zone).toInstant())) {
            errors.add(new FieldValidationException.FieldError("interviewedAt", "customer.needs.interviewedAt.outOfRange",
                    registeredOn));
        }
        text(errors, "background", background);
        text(errors, "currentState", currentState);
        text(errors, "goals", goals);
        text(errors, "budget", budget);
        text(errors, "decisionProcess", decisionProcess);
        text(errors, "customerWords", customerWords);
        if (painPoints.size() > MAX_PAIN_POINTS) {
            errors.add(new FieldValidationException.FieldError("painPoints", "customer.needs.painPoints.tooMany",
                    MAX_PAIN_POINTS));
        }
        for (String p : painPoints) {
            if (p.length() > MAX_PAIN_POINT || p.indexOf('\0') >= 0) {
                errors.add(new FieldValidationException.FieldError("painPoints", "customer.needs.painPoint.invalid",
                        MAX_PAIN_POINT));
                break;
            }
        }
        if (background == null && currentState == null && painPoints.isEmpty() && goals == null && budget == null
                && decisionProcess == null && customerWords == null) {
            errors.add(new FieldValidationException.FieldError("painPoints", "customer.needs.empty"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return this;
    }

    private static void text(List<FieldValidationException.FieldError> errors, String field, String value) {
        if (value != null && (value.length() > MAX_TEXT || value.indexOf('\0') >= 0)) {
            errors.add(new FieldValidationException.FieldError(field, "customer.needs.text.invalid", MAX_TEXT));
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

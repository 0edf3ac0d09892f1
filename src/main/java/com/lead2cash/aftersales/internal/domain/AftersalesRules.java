package com.lead2cash.aftersales.internal.domain;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.util.Set;

/**
 * The after-sales module's SOP rules (售后规则, H1, S1–S4), bound from the current policy version by
 * {@code policy.current().bind(AftersalesRules.class)}; the defaults live in the SOP rule catalogue only.
 *
 * @param handoverWindow        H1 — the rep hands the customer over within this window after signing
 * @param acceptanceWindow      H1 — the after-sales owner accepts or returns the handover within this window
 * @param criticalResponse      S1 — first response to a critical complaint
 * @param majorResponse         S1 — first response to a major complaint
 * @param minorResponse         S1 — first response to a minor complaint
 * @param criticalResolution    S2 — a critical complaint resolved and the customer told
 * @param majorResolution       S2 — a major complaint resolved and the customer told
 * @param minorResolution       S2 — a minor complaint resolved and the customer told
 * @param levelOneSeverities    S3 — severities that make a complaint a level-I incident (重大投诉)
 * @param repeatWindowDays      S4 — a customer's complaint within this many calendar days of its last is a repeat
 * @param retentionYears        R1 — years a complaint's evidence files are kept
 */
public record AftersalesRules(
        @Rule(AftersalesRules.HANDOVER) @Param("handoverWindow") DeadlineWindow handoverWindow,
        @Rule(AftersalesRules.HANDOVER) @Param("acceptanceWindow") DeadlineWindow acceptanceWindow,
        @Rule(AftersalesRules.FIRST_RESPONSE) @Param("criticalWindow") DeadlineWindow criticalResponse,
        @Rule(AftersalesRules.FIRST_RESPONSE) @Param("majorWindow") DeadlineWindow majorResponse,
        @Rule(AftersalesRules.FIRST_RESPONSE) @Param("minorWindow") DeadlineWindow minorResponse,
        @Rule(AftersalesRules.RESOLUTION) @Param("criticalWindow") DeadlineWindow criticalResolution,
        @Rule(AftersalesRules.RESOLUTION) @Param("majorWindow") DeadlineWindow majorResolution,
        @Rule(AftersalesRules.RESOLUTION) @Param("minorWindow") DeadlineWindow minorResolution,
        @Rule(AftersalesRules.LEVEL_ONE) @Param("severities") Set<String> levelOneSeverities,
        @Rule(AftersalesRules.REPEAT) @Param("repeatWindowDays") int repeatWindowDays,
        @Rule(AftersalesRules.RETENTION) @Param("standardYears") int retentionYears) {

    /** After signing, the customer handed to after-sales with the checklist, and the handover accepted. */
    public static final String HANDOVER = "H1";
    /** First response to a complaint within the window of its severity. */
    public static final String FIRST_RESPONSE = "S1";
    /** A complaint resolved and the customer told within the window of its severity. */
    public static final String RESOLUTION = "S2";
    /** Complaints of these severities are level-I incidents (major complaints) for the incident process. */
    public static final String LEVEL_ONE = "S3";
    /** Complaints of one customer close together are linked as repeats. */
    public static final String REPEAT = "S4";
    /** Records and their files are kept this many years. */
    public static final String RETENTION = "R1";

    /** S1: the first-response window of a severity. */
    public DeadlineWindow responseWindow(Severity severity) {
        return switch (severity) {
            case CRITICAL -> criticalResponse;
            case MAJOR -> majorResponse;
            case MINOR -> minorResponse;
        };
    }

    /** S2: the resolution window of a severity. */
    public DeadlineWindow resolutionWindow(Severity severity) {
        return switch (severity) {
            case CRITICAL -> criticalResolution;
            case MAJOR -> majorResolution;
            case MINOR -> minorResolution;
        };
    }

    /** S3: whether a complaint of this severity is a level-I incident. */
    public boolean isLevelOne(Severity severity) {
        return levelOneSeverities.stream().anyMatch(s -> s.strip().equalsIgnoreCase(severity.name()));
    }
}

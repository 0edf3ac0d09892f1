package com.lead2cash.lead.internal.domain;

import com.lead2cash.lead.internal.grading.GradingRules;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * The lead module's SOP rules (线索规则), bound from the current policy version by
 * {@code policy.current().bind(LeadRules.class)}; the defaults live in the SOP rule catalogue only.
 * The constants are the rule ids the module names, each written here once: deadlines are opened with
 * them and every other class refers to them by name.
 *
 * @param dailySummaryTime when the day's lead summary goes to the managers
 * @param targetIndustries industries the company sells to; the industry criterion of grading
 * @param minimumBudget budget in CNY from which the budget criterion is met (inclusive)
 * @param urgencyDays the purchase date must fall within this many days from today
 * @param gradeAMinPoints points from which a lead is A
 * @param gradeBMinPoints points from which a lead is B; fewer is C
 * @param seniorityMonths an A lead goes only to a rep employed for more than this many months
 * @param nurtureBatchDay weekday of the nurture pool's batch assignment
 * @param nurtureBatchTime time of day of the nurture pool's batch assignment
 * @param claimContestWindow claims of one A lead this close together become a contest
 */
public record LeadRules(
        @Rule(LeadRules.DAILY_SUMMARY) @Param("time") LocalTime dailySummaryTime,
        @Rule(LeadRules.GRADING) @Param("targetIndustries") Set<String> targetIndustries,
        @Rule(LeadRules.GRADING) @Param("minimumBudget") BigDecimal minimumBudget,
        @Rule(LeadRules.GRADING) @Param("urgencyDays") int urgencyDays,
        @Rule(LeadRules.GRADING) @Param("gradeAMinPoints") int gradeAMinPoints,
        @Rule(LeadRules.GRADING) @Param("gradeBMinPoints") int gradeBMinPoints,
        @Rule(LeadRules.ROUTING_BY_GRADE) @Param("seniorityMonths") int seniorityMonths,
        @Rule(LeadRules.ROUTING_BY_GRADE) @Param("nurtureBatchDay") DayOfWeek nurtureBatchDay,
        @Rule(LeadRules.ROUTING_BY_GRADE) @Param("nurtureBatchTime") LocalTime nurtureBatchTime,
        @Rule(LeadRules.CLAIM_CONTEST) @Param("contestWindow") Duration claimContestWindow) {

    /** New lead screened (graded, verified) within the window. */
    public static final String SCREENING = "L1";
    /** The day's lead summary to the managers. */
    public static final String DAILY_SUMMARY = "L2";
    /** Grading by industry, budget, urgency and decision chain. */
    public static final String GRADING = "L3";
    /** Routing by grade: A to senior reps, B to any rep, C to the nurture pool and its weekly batch. */
    public static final String ROUTING_BY_GRADE = "L4";
    /** Territories and least-loaded assignment. */
    public static final String TERRITORIES = "L5";
    /** The assignee notified after assignment. */
    public static final String NOTIFY_ASSIGNEE = "L6";
    /** First response after assignment. */
    public static final String FIRST_RESPONSE = "L7";
    /** Simultaneous claims of an A lead: a contest the manager arbitrates. */
    public static final String CLAIM_CONTEST = "L8";
    /** A lead waiting in a manager queue is assigned within the window. */
    public static final String MANAGER_QUEUE = "L9";

    public GradingRules grading() {
        return new GradingRules(targetIndustries, minimumBudget, urgencyDays, gradeAMinPoints, gradeBMinPoints);
    }

    public SeniorityRule seniority() {
        return new SeniorityRule(seniorityMonths);
    }
}

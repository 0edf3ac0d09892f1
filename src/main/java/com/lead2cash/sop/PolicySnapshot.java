package com.lead2cash.sop;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** One version of the SOP policy, read through typed accessors. */
public interface PolicySnapshot {

    long version();

    DeadlineWindow deadlineWindow(String ruleId);

    List<Double> reminderFractions();

    /** L3 — lead grading criteria. */
    LeadGradingRule leadGrading();

    /** L4 — A leads go to reps with more than this many months of service. */
    int seniorityMonthsForGradeA();

    /** L2 — the daily lead summary to managers. */
    LocalTime dailyLeadSummaryTime();

    /** L4 — weekly batch assignment of the nurture pool. */
    DayOfWeek nurtureBatchDay();

    LocalTime nurtureBatchTime();

    /** L8 — claims of one A lead this close together become a contest the manager arbitrates. */
    Duration claimContestWindow();

    <T> T value(String ruleId, String parameter, Class<T> type);
}

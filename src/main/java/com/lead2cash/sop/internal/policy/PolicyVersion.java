package com.lead2cash.sop.internal.policy;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.LeadGradingRule;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.TimeBasis;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stored version of the SOP policy (SOP 规则版本) with its values already typed; immutable.
 * Parameters the stored JSON lacks (a rule added by a later release) read as their default.
 */
public record PolicyVersion(long version, Instant createdAt, UUID createdBy, String createdByName, String reason,
                            Map<String, Map<String, Object>> values) implements PolicySnapshot {

    public PolicyVersion {
        values = Map.copyOf(values);
    }

    /** The typed value of a parameter, whatever its type. */
    public Object raw(String ruleId, String parameter) {
        RuleCatalog.RuleDef rule = RuleCatalog.require(ruleId);
        RuleCatalog.ParamDef def = rule.param(parameter)
                .orElseThrow(() -> new IllegalArgumentException("Rule " + ruleId + " has no parameter " + parameter));
        Map<String, Object> ruleValues = values.get(ruleId);
        Object v = ruleValues == null ? null : ruleValues.get(parameter);
        return v != null ? v : def.defaultValue();
    }

    /** The parameter in its canonical text form, as the admin page and the API show it. */
    public String text(String ruleId, String parameter) {
        RuleCatalog.ParamDef def = RuleCatalog.require(ruleId).param(parameter).orElseThrow();
        return def.type().format(raw(ruleId, parameter));
    }

    @Override
    public DeadlineWindow deadlineWindow(String ruleId) {
        RuleCatalog.RuleDef rule = RuleCatalog.find(ruleId)
                .orElseThrow(() -> new IllegalArgumentException("No SOP rule " + ruleId));
        if (rule.windowParam() == null) {
            throw new IllegalArgumentException("SOP rule " + ruleId + " has no deadline window");
        }
        return (DeadlineWindow) raw(ruleId, rule.windowParam());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Double> reminderFractions() {
        return (List<Double>) raw(RuleCatalog.REMINDERS, "fractions");
    }

    @Override
    @SuppressWarnings("unchecked")
    public LeadGradingRule leadGrading() {
        return new LeadGradingRule(
                java.util.Collections.unmodifiableSet(new LinkedHashSet<>((List<String>) raw("L3", "targetIndustries"))),
                (BigDecimal) raw("L3", "minimumBudget"),
                (Integer) raw("L3", "urgencyDays"),
                (Integer) raw("L3", "gradeAMinPoints"),
                (Integer) raw("L3", "gradeBMinPoints"));
    }

    @Override
    public int seniorityMonthsForGradeA() {
        return (Integer) raw("L4", "seniorityMonths");
    }

    @Override
    public LocalTime dailyLeadSummaryTime() {
        return (LocalTime) raw("L2", "time");
    }

    @Override
    public DayOfWeek nurtureBatchDay() {
        return (DayOfWeek) raw("L4", "nurtureBatchDay");
    }

    @Override
    public LocalTime nurtureBatchTime() {
        return (LocalTime) raw("L4", "nurtureBatchTime");
    }

    @Override
    public Duration claimContestWindow() {
        DeadlineWindow w = (DeadlineWindow) raw("L8", "contestWindow");
        if (w.basis() != TimeBasis.CALENDAR) {
            // a contest of claims is about simultaneity: working hours do not stretch it
            throw new IllegalStateException("L8 contest window must count calendar time");
        }
        return calendarLength(w);
    }

    /** The plain length of a calendar-time window: minutes, hours or 24-hour days. */
    public static Duration calendarLength(DeadlineWindow w) {
        long n = w.duration().amount();
        return switch (w.duration().unit()) {
            case MINUTES -> Duration.ofMinutes(n);
            case HOURS -> Duration.ofHours(n);
            case DAYS -> Duration.ofDays(n);
        };
    }

    @Override
    public <T> T value(String ruleId, String parameter, Class<T> type) {
        Object v = raw(ruleId, parameter);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(ruleId + "." + parameter + " is a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }
}

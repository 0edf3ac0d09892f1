package com.lead2cash.sop.internal.deadline;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.internal.policy.PolicyVersion;
import com.lead2cash.sop.WorkingCalendar;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's data generator opens deadlines with the windows and reminder instants the SOP engine
 * computes from the policy version.
 */
public final class BenchReminders {

    private BenchReminders() {
    }

    /** The rule's window in this policy version, as the deadline service reads it. */
    public static DeadlineWindow window(PolicySnapshot policy, String ruleId) {
        return ((PolicyVersion) policy).deadlineWindow(ruleId);
    }

    public static List<Double> fractions(PolicySnapshot policy) {
        return ((PolicyVersion) policy).reminderFractions();
    }

    public static List<Instant> of(Instant start, Instant due, DeadlineWindow window, List<Double> fractions,
                                   WorkingCalendar calendar) {
        return ReminderSchedule.of(start, due, window, fractions, calendar);
    }
}

package com.lead2cash.sop.internal.deadline;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.WorkingCalendar;
import java.time.Instant;
import java.util.List;

/** The benchmark's data generator opens deadlines with the reminder instants the SOP engine computes. */
public final class BenchReminders {

    private BenchReminders() {
    }

    public static List<Instant> of(Instant start, Instant due, DeadlineWindow window, List<Double> fractions,
                                   WorkingCalendar calendar) {
        return ReminderSchedule.of(start, due, window, fractions, calendar);
    }
}

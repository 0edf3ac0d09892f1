package com.lead2cash.sop.internal.deadline;

import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.TimeBasis;
import com.lead2cash.sop.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a deadline reminds its owner (by default at 50 % and 90 % of the window, rule G1). For a
 * business-time window the fraction is of the working time, so half of "30 business minutes" from
 * Friday 17:50 is Monday 09:05, not Saturday night.
 */
final class ReminderSchedule {

    private ReminderSchedule() {
    }

    static List<Instant> of(Instant start, Instant due, DeadlineWindow window, List<Double> fractions,
                            WorkingCalendar calendar) {
        List<Instant> instants = new ArrayList<>();
        if (!due.isAfter(start)) {
            return instants;
        }
        for (double f : fractions) {
            Instant at;
            if (window.basis() == TimeBasis.BUSINESS) {
                long minutes = calendar.businessTimeBetween(start, due).toMinutes();
                at = calendar.plus(start, BusinessDuration.ofMinutes(Math.round(minutes * f)));
            } else {
                long millis = Duration.between(start, due).toMillis();
                at = start.plusMillis(Math.round(millis * f));
            }
            if (at.isBefore(due) && (instants.isEmpty() || at.isAfter(instants.get(instants.size() - 1)))) {
                instants.add(at);
            }
        }
        return List.copyOf(instants);
    }
}

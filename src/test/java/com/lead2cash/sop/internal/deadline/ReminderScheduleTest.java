package com.lead2cash.sop.internal.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reminders at 50 % and 90 % of the window — of working time for business windows. */
class ReminderScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    final WorkingCalendar calendar = WorkingCalendar.standard();

    static Instant at(int d, int h, int m) {
        return LocalDateTime.of(2026, 11, d, h, m).atZone(SHANGHAI).toInstant();
    }

    @Test
    void G1_businessWindowRemindersCountWorkingTimeAcrossTheWeekend() {
        DeadlineWindow l1 = DeadlineWindow.business(BusinessDuration.ofMinutes(30));
        Instant start = at(20, 17, 50);
        Instant due = calendar.plus(start, l1.duration());
        assertThat(ReminderSchedule.of(start, due, l1, List.of(0.5, 0.9), calendar))
                .containsExactly(at(23, 9, 5), at(23, 9, 17));
    }

    @Test
    void G1_calendarWindowRemindersArePlainFractionsOfTheSpan() {
        DeadlineWindow k3 = DeadlineWindow.calendar(BusinessDuration.ofDays(3));
        Instant start = at(20, 12, 0);
        assertThat(ReminderSchedule.of(start, at(23, 12, 0), k3, List.of(0.5, 0.9), calendar))
                .containsExactly(at(22, 0, 0), at(23, 4, 48));
    }

    @Test
    void aZeroWindowHasNoReminders() {
        DeadlineWindow zero = DeadlineWindow.business(BusinessDuration.ofMinutes(0));
        assertThat(ReminderSchedule.of(at(20, 10, 0), at(20, 10, 0), zero, List.of(0.5, 0.9), calendar)).isEmpty();
    }
}

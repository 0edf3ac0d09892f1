package com.lead2cash.sop;

import com.lead2cash.sop.internal.ChinaPublicHolidays;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The standard calendar with China's real 2025 and 2026 holidays, as the tests use it. */
final class ChinaCalendar {

    static final WorkingCalendar CHINA_2025_2026 = WorkingCalendar.standard().withExceptions(holidays());

    private ChinaCalendar() {
    }

    private static Map<LocalDate, DayKind> holidays() {
        Map<LocalDate, DayKind> days = new HashMap<>(ChinaPublicHolidays.forYear(2025));
        days.putAll(ChinaPublicHolidays.forYear(2026));
        return days;
    }
}

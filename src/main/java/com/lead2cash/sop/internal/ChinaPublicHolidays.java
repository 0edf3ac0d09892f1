package com.lead2cash.sop.internal;

import com.lead2cash.sop.DayKind;
import com.tyme.holiday.LegalHoliday;
import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * China's official public holidays (法定节假日) and make-up working days (调休上班日) as published
 * by the State Council, read from the tyme4j library. The library covers 2001–2026; a later year
 * has to come in through the calendar file import, which is why {@link #covers(int)} exists.
 */
public final class ChinaPublicHolidays {

    private ChinaPublicHolidays() {
    }

    /**
     * The year's holidays and make-up working days, in date order; empty when the library has no
     * schedule for that year. Holidays falling on a weekend are included as the library lists them.
     */
    public static SortedMap<LocalDate, DayKind> forYear(int year) {
        TreeMap<LocalDate, DayKind> days = new TreeMap<>();
        LocalDate end = Year.of(year).plusYears(1).atDay(1);
        for (LocalDate date = Year.of(year).atDay(1); date.isBefore(end); date = date.plusDays(1)) {
            LegalHoliday holiday = LegalHoliday.fromYmd(year, date.getMonthValue(), date.getDayOfMonth());
            if (holiday != null) {
                days.put(date, holiday.isWork() ? DayKind.WORKDAY : DayKind.HOLIDAY);
            }
        }
        return Collections.unmodifiableSortedMap(days);
    }

    /**
     * The first days of the statutory holidays every official schedule of {@code year} has, whatever the State
     * Council decides about the days around them: New Year's Day (1 January), the Spring Festival (the first day of
     * the lunar year), Labour Day (1 May) and National Day (1 October). A calendar with all four as holidays has the
     * year's official schedule loaded (the working calendar's next-year warning).
     */
    public static List<LocalDate> landmarks(int year) {
        SolarDay springFestival = LunarDay.fromYmd(year, 1, 1).getSolarDay();
        return List.of(LocalDate.of(year, 1, 1),
                LocalDate.of(springFestival.getYear(), springFestival.getMonth(), springFestival.getDay()),
                LocalDate.of(year, 5, 1), LocalDate.of(year, 10, 1));
    }

    /** Whether the library knows the official schedule of {@code year}. */
    public static boolean covers(int year) {
        return !forYear(year).isEmpty();
    }
}

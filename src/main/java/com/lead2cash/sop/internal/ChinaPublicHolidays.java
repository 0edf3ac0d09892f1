package com.lead2cash.sop.internal;

import com.lead2cash.sop.DayKind;
import com.tyme.holiday.LegalHoliday;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
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

    /** Whether the library knows the official schedule of {@code year}. */
    public static boolean covers(int year) {
        return !forYear(year).isEmpty();
    }
}
